// What an export format plugs into: a writer that turns a stream of rows into text, one call per row,
// and the rows it is given. The exporter (exporter.ts) reads the graph a page at a time and calls
//
//   begin(info)   once, first
//   node(row)     once per entity, in id order, all of them before any edge
//   edge(row)     once per relationship, in the order of its start node's id, then its own id
//   end()         once, last
//
// and writes each returned string out as it comes (a file, an HTTP body); nothing is held but the
// page being written. A writer may keep a little state between calls (GEXF closes <nodes> and
// opens <edges> at the first edge) but never the rows. A format of several files (CSV: nodes.csv,
// edges.csv) is one writer per file, all fed in the same pass. Methods may return a promise (an RDF
// serializer that works asynchronously); the exporter awaits it before the next call.
import type { EntityRow, Evidence, ExternalId, RelationshipRow } from '../data/types.ts';
import type { Uris } from '../uris.ts';

/** What is exported: the whole graph, an entity's neighbourhood, or a document's claims. */
export type Selection =
  | { kind: 'graph' }
  | { kind: 'around'; id: string; depth: number }
  | { kind: 'document'; id: string };

export interface ExportInfo {
  uris: Uris;
  selection: Selection;
  /** A sentence naming what is exported, e.g. "coldwar-graph: the neighbourhood of person/x (depth 2)". */
  title: string;
  /** When the export started (ISO 8601, UTC). */
  created: string;
  /** How many nodes and relationships to expect (the whole graph's are counts taken at the start). */
  totals: { nodes: number; edges: number };
}

/** An entity as exported. */
export interface ExportNode {
  /**
   * The entity. A document comes without its long texts: `text`, `body`, `summary` and `citation`
   * are null here (its text is at `uris.documentText(id)`, and on each edge that quotes it).
   */
  entity: EntityRow;
  /** Its external identifiers (authority files). */
  identifiers: ExternalId[];
  uri: string;
  /** Relationships at the entity, either direction, in the whole graph. */
  relationships: number;
  /** Evidence passages on those relationships. */
  evidence: number;
  /** Documents that name the entity. */
  documents: number;
}

/** The document that states a relationship. */
export interface ExportDocument {
  id: string;
  uri: string;
  /** Where its stored text is served as text/plain (the offsets point into it). */
  textUri: string;
  title: string | null;
  archiveReference: string | null;
  /** The stored text itself; null when the graph has no text for it. Shared, never copied. */
  text: string | null;
}

/** One evidence passage of a relationship, with positions as Web Annotation counts them. */
export interface ExportPassage {
  /** The passage as stored: quote, certainty, reasoning, and `start`/`end` in UTF-16 units. */
  evidence: Evidence;
  uri: string;
  /** Offsets into the document's text in Unicode code points, end exclusive; null without the text. */
  start: number | null;
  end: number | null;
  /** Up to QUOTE_CONTEXT code points of text before and after the quote ('' without the text). */
  prefix: string;
  suffix: string;
}

/** A relationship (a claim of one document) as exported. */
export interface ExportEdge {
  relationship: RelationshipRow;
  uri: string;
  fromUri: string;
  toUri: string;
  /** The document whose claim this is (its evidence quotes it); null if the graph lacks it. */
  document: ExportDocument | null;
  /** Every evidence passage, in stored order (`evidence.index` 1, 2, …). */
  passages: ExportPassage[];
}

export type Awaitable<T> = T | Promise<T>;

/** Turns the rows of one export into the text of one file, a call at a time (see the top of this file). */
export interface ExportWriter {
  begin(info: ExportInfo): Awaitable<string>;
  node(node: ExportNode): Awaitable<string>;
  edge(edge: ExportEdge): Awaitable<string>;
  end(): Awaitable<string>;
}

/** One file of a format. */
export interface ExportPart {
  /** The file's name (`--out` folder of a format of several files; the HTTP download's name). */
  file: string;
  /** For a format of several files, the `table=` value that picks this one over HTTP. */
  table?: string;
  /** The Content-Type over HTTP. */
  mediaType: string;
  /** The rows it writes; a pass no part needs is not read. */
  needs: { nodes: boolean; edges: boolean };
  writer(): ExportWriter;
}

/** An export format: a name (`--format`, `format=`) and its files. */
export interface ExportFormat {
  name: string;
  description: string;
  parts: readonly ExportPart[];
}
