// CSV, as two files written in the same pass: nodes.csv (one row per entity, the attributes of
// attributes.ts after its id) and edges.csv (one row per evidence passage, so that every quote keeps
// its citation: a relationship with two passages has two rows, sharing its id, with
// evidence_index 1 and 2). Quoting is csv-stringify's (RFC 4180: fields with a comma, a quote or a
// line break are quoted, quotes doubled); UTF-8 without a byte order mark, `\n` between records.
// Offsets (quote_start, quote_end) count Unicode code points, end exclusive, as Web Annotation does.
import { stringify } from 'csv-stringify/sync';
import { NODE_ATTRIBUTES } from './attributes.ts';
import type { ExportEdge, ExportNode, ExportPassage, ExportWriter } from './writer.ts';

type Cell = string | number | null;

const line = (cells: readonly Cell[]) => stringify([cells as Cell[]]);

export const NODE_COLUMNS: readonly string[] = ['id', ...NODE_ATTRIBUTES.map((a) => a.name)];

export const EDGE_COLUMNS = [
  'id',
  'uri',
  'relationship',
  'source',
  'target',
  'source_uri',
  'target_uri',
  'role',
  'title',
  'context',
  'start_date',
  'end_date',
  'attested_date',
  'relationship_certainty',
  'evidence_count',
  'evidence_index',
  'evidence_uri',
  'document',
  'document_uri',
  'document_title',
  'archive_reference',
  'text_uri',
  'quote',
  'quote_start',
  'quote_end',
  'certainty',
  'reasoning',
] as const;

export function nodesCsvWriter(): ExportWriter {
  return {
    begin: () => line(NODE_COLUMNS as string[]),
    node: (n: ExportNode) => line([n.entity.id, ...NODE_ATTRIBUTES.map((a) => a.value(n))]),
    edge: () => '',
    end: () => '',
  };
}

function edgeRow(e: ExportEdge, p: ExportPassage | undefined): Cell[] {
  const r = e.relationship;
  const doc = e.document;
  const cells: Record<(typeof EDGE_COLUMNS)[number], Cell> = {
    id: r.id,
    uri: e.uri,
    relationship: r.type,
    source: r.from,
    target: r.to,
    source_uri: e.fromUri,
    target_uri: e.toUri,
    role: r.role,
    title: r.title,
    context: r.context,
    start_date: r.startDate?.value ?? null,
    end_date: r.endDate?.value ?? null,
    attested_date: r.attestedDate?.value ?? null,
    relationship_certainty: r.certainty,
    evidence_count: e.passages.length,
    evidence_index: p?.evidence.index ?? null,
    evidence_uri: p?.uri ?? null,
    document: doc?.id ?? p?.evidence.documentId ?? null,
    document_uri: doc?.uri ?? null,
    document_title: doc?.title ?? null,
    archive_reference: doc?.archiveReference ?? null,
    text_uri: doc?.textUri ?? null,
    quote: p?.evidence.quote ?? null,
    quote_start: p?.start ?? null,
    quote_end: p?.end ?? null,
    certainty: p?.evidence.certainty ?? null,
    reasoning: p?.evidence.reasoning ?? null,
  };
  return EDGE_COLUMNS.map((c) => cells[c]);
}

export function edgesCsvWriter(): ExportWriter {
  return {
    begin: () => line(EDGE_COLUMNS as unknown as string[]),
    node: () => '',
    // a relationship without evidence (none in a validated graph) still gets its row
    edge: (e: ExportEdge) =>
      e.passages.length ? e.passages.map((p) => line(edgeRow(e, p))).join('') : line(edgeRow(e, undefined)),
    end: () => '',
  };
}
