// Exports: statements that page through the whole graph, or through a bounded selection of it, in
// id order with keyset paging (`WHERE n.id > $after ORDER BY n.id LIMIT $batch`, never SKIP), so
// that an export of any size holds one page at a time. Nodes page by id; relationships page by
// their start node's id and then their own id, so a node with more relationships than a page holds
// is continued on the next page. A selection's members are resolved first (export-selection.ts).
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { boundedInt, typeAlternation } from './checks.ts';
import { entityFrom, identifierFrom, type RawRel, rawRel, relRow } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { EntityRow, ExternalId, RelationshipRow } from './types.ts';

/** Every relationship type of the model: exports see Entity–Entity relationships of these only. */
const KNOWN = typeAlternation(RELATIONSHIP_TYPE_NAMES);

/** Most rows one export statement asks for. */
export const MAX_EXPORT_BATCH = 10_000;

/**
 * Which part of the graph a page statement reads: everything, or the relationships among a set of
 * members, optionally only those of some types or only those one document states.
 */
export interface ExportScope {
  /** The ids of a selection's entities; absent for the whole graph. */
  members?: readonly string[] | undefined;
  /** Relationship types to follow (a neighbourhood); absent for every type. */
  types?: readonly RelationshipType[] | undefined;
  /** Only relationships this document states (`r.source`); a document's claims. */
  document?: string | undefined;
}

/** A node as an export writes it: the entity without its long texts, and counts about it. */
export interface ExportNodeRow {
  entity: EntityRow;
  /** Its external identifiers. */
  identifiers: ExternalId[];
  /** Relationships at the entity, either direction, in the whole graph. */
  relationships: number;
  /** Evidence passages on those relationships. */
  evidence: number;
  /** Documents that name the entity (its sources). */
  documents: number;
}

/** What an export needs of a document that relationships cite. */
export interface ExportDocumentRow {
  id: string;
  title: string | null;
  archiveReference: string | null;
  /** The stored text the evidence offsets point into. */
  text: string | null;
}

// The entity's properties without its long texts (a document's text, body, summary, citation) and
// search keys: enough for entityFrom().
const nodeProps = (n: string) =>
  `${n} {.id, .name, .aliases, .description, .note, .kind,
      .dateValue, .datePrecision, .dateEarliest, .dateLatest, .dateCertainty, .dateReasoning,
      .title, .archiveReference, .language}`;

/** The relationships a scope follows, from a start node `a` to an entity `b`. */
export const edgePattern = (scope: ExportScope) =>
  `(a)-[r:${scope.types ? typeAlternation(scope.types) : KNOWN}]->(b:Entity)`;

const membersFilter = (n: string, scope: ExportScope) => (scope.members ? ` AND ${n}.id IN $members` : '');

/** One page of nodes after `after` (exclusive), in id order, with their counts. */
export function exportNodesStatement(scope: ExportScope, after: string, batch: number): Statement {
  return statement(
    scope.members ? 'exportNodes:selection' : 'exportNodes',
    `MATCH (n:Entity)
     WHERE n.id > $after${membersFilter('n', scope)}
     WITH n ORDER BY n.id ASC LIMIT $batch
     RETURN labels(n) AS labels, ${nodeProps('n')} AS props,
            [(n)-[:SAME_AS]->(i:Identifier) | properties(i)] AS identifiers,
            COUNT { (n)-[:${KNOWN}]-(:Entity) } AS relationships,
            reduce(s = 0, r IN [(n)-[r:${KNOWN}]-(:Entity) | r] | s + size(coalesce(r.quotes, []))) AS evidence,
            size(coalesce(n.sources, [])) AS documents`,
    {
      after,
      batch: neo4j.int(boundedInt(batch, 1, MAX_EXPORT_BATCH, 'batch')),
      ...(scope.members ? { members: scope.members } : {}),
    },
  );
}

/** One page of nodes after `after` in id order. */
export async function exportNodes(
  db: Db,
  scope: ExportScope,
  after: string,
  batch: number,
): Promise<ExportNodeRow[]> {
  const rows = await read<{
    labels: string[];
    props: Record<string, unknown>;
    identifiers: Record<string, unknown>[];
    relationships: number;
    evidence: number;
    documents: number;
  }>(db, exportNodesStatement(scope, after, batch));
  return rows.map((r) => ({
    entity: entityFrom(r.labels, r.props),
    identifiers: r.identifiers
      .map(identifierFrom)
      .filter((x): x is ExternalId => x !== null)
      .sort((a, b) => a.authority.localeCompare(b.authority) || a.value.localeCompare(b.value)),
    relationships: r.relationships,
    evidence: r.evidence,
    documents: r.documents,
  }));
}

/**
 * Where a page of relationships starts: after the start node `node` (exclusive) or, when `rel` is
 * given, after relationship `rel` of that node (the node's remaining relationships come first).
 */
export interface EdgeCursor {
  node: string;
  rel: string | null;
}

export const FIRST_EDGE_CURSOR: EdgeCursor = { node: '', rel: null };

/**
 * One page of relationships: the start nodes from the cursor's node on (up to `batch` of them, in id
 * order), and up to `batch` of their outgoing relationships to an entity, in the order of the start
 * node's id and then the relationship's id, after the cursor. Also returns how many start nodes it
 * scanned and the last one's id, so that a run of nodes without relationships still advances.
 */
export function exportEdgesStatement(scope: ExportScope, cursor: EdgeCursor, batch: number): Statement {
  const pattern = edgePattern(scope);
  const filters = [
    scope.members ? 'b.id IN $members' : '',
    scope.document !== undefined ? 'r.source = $document' : '',
  ].filter(Boolean);
  return statement(
    scope.members ? 'exportEdges:selection' : 'exportEdges',
    `MATCH (a:Entity)
     WHERE a.id >= $after${membersFilter('a', scope)}
     WITH a ORDER BY a.id ASC LIMIT $batch
     WITH collect(a) AS starts
     RETURN size(starts) AS scanned,
            CASE WHEN size(starts) = 0 THEN null ELSE starts[-1].id END AS last,
            COLLECT {
              UNWIND starts AS a
              MATCH ${pattern}
              WHERE (a.id > $after OR ($afterRel IS NOT NULL AND r.id > $afterRel))${filters.map((f) => ` AND ${f}`).join('')}
              WITH r ORDER BY a.id ASC, r.id ASC LIMIT $batch
              RETURN ${rawRel('r')}
            } AS rels`,
    {
      after: cursor.node,
      afterRel: cursor.rel,
      batch: neo4j.int(boundedInt(batch, 1, MAX_EXPORT_BATCH, 'batch')),
      ...(scope.members ? { members: scope.members } : {}),
      ...(scope.document !== undefined ? { document: scope.document } : {}),
    },
  );
}

export interface EdgePage {
  rows: RelationshipRow[];
  /** Where the next page starts, or null when this was the last. */
  next: EdgeCursor | null;
}

/** One page of relationships after the cursor, and the cursor of the next page. */
export async function exportEdges(
  db: Db,
  scope: ExportScope,
  cursor: EdgeCursor,
  batch: number,
): Promise<EdgePage> {
  const [row] = await read<{ scanned: number; last: string | null; rels: RawRel[] }>(
    db,
    exportEdgesStatement(scope, cursor, batch),
  );
  const rows = (row?.rels ?? []).map(relRow);
  const lastRow = rows.at(-1);
  if (lastRow && rows.length >= batch) {
    // the page is full: the next one goes on after this relationship of its start node
    return { rows, next: { node: lastRow.from, rel: lastRow.id } };
  }
  // every relationship of the scanned nodes is in: go on after the last of them, if there may be more
  const scanned = row?.scanned ?? 0;
  return { rows, next: scanned >= batch && row?.last ? { node: row.last, rel: null } : null };
}

/** The documents some relationships cite: title, archive reference and stored text. */
export const exportDocumentsStatement = (ids: readonly string[]): Statement =>
  statement(
    'exportDocuments',
    `UNWIND $ids AS id
     MATCH (d:Entity {id: id})
     WHERE d:Document
     RETURN d.id AS id, d.title AS title, d.archiveReference AS archiveReference, d.text AS text`,
    { ids },
  );

export async function exportDocuments(db: Db, ids: readonly string[]): Promise<ExportDocumentRow[]> {
  return read<ExportDocumentRow>(db, exportDocumentsStatement(ids));
}

/**
 * How many entities and relationships the whole graph holds (from the count store): relationships
 * of the model's types only, one count per type (identifiers, redirects and changes are not edges).
 */
export const exportTotalsStatement = (): Statement =>
  statement(
    'exportTotals',
    `CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
     ${RELATIONSHIP_TYPE_NAMES.map((t, i) => `CALL { MATCH ()-[r:${t}]->() RETURN count(r) AS e${i} }`).join('\n     ')}
     RETURN nodes, ${RELATIONSHIP_TYPE_NAMES.map((_t, i) => `e${i}`).join(' + ')} AS edges`,
  );

export async function exportTotals(db: Db): Promise<{ nodes: number; edges: number }> {
  const [row] = await read<{ nodes: number; edges: number }>(db, exportTotalsStatement());
  return row ?? { nodes: 0, edges: 0 };
}
