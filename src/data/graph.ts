// The data layer: every Cypher statement the API runs. Parameters only; labels and relationship
// types that appear in the text come from the closed lists in model.ts. Every statement starts with
// its name, reads go through db.read (routed as reads), and rows are parsed before they travel on.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { ENTITY_TYPES, type EntityType, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { entityFrom, relationshipFrom } from './rows.ts';
import type { EntityRow, RelationshipRow } from './types.ts';

export type Direction = 'out' | 'in';

function assertRelationshipType(type: string): asserts type is RelationshipType {
  if (!RELATIONSHIP_TYPE_NAMES.includes(type as RelationshipType))
    throw new Error(`unknown relationship ${type}`);
}
function assertLabel(label: string): asserts label is EntityType {
  if (!ENTITY_TYPES.includes(label as EntityType)) throw new Error(`unknown label ${label}`);
}

/** Entities by id, in key order; null where no entity has the id. */
export async function entitiesByIds(db: Db, ids: readonly string[]): Promise<(EntityRow | null)[]> {
  const rows = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>(
    `/* entitiesByIds */
     UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`,
    { ids },
  );
  const byId = new Map(rows.map((r) => [r.id, entityFrom(r.labels, r.props)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Relationships of one type at each of the given nodes, in key order. `out` follows the arrow
 * from the node, `in` against it. Each list is ordered by the other end's sort key, then id.
 */
export async function relationshipsByNode(
  db: Db,
  type: RelationshipType,
  direction: Direction,
  ids: readonly string[],
): Promise<RelationshipRow[][]> {
  assertRelationshipType(type);
  const pattern = direction === 'out' ? `(n)-[r:${type}]->(m:Entity)` : `(n)<-[r:${type}]-(m:Entity)`;
  const rows = await db.read<{ key: string; other: string; props: Record<string, unknown> }>(
    `/* relationshipsByNode:${type}:${direction} */
     UNWIND $ids AS key
     MATCH (n:Entity {id: key})
     MATCH ${pattern}
     RETURN key, m.id AS other, properties(r) AS props
     ORDER BY key, m.dateEarliest IS NULL, m.dateEarliest, m.sortName, r.id`,
    { ids },
  );
  const byKey = new Map<string, RelationshipRow[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    const [from, to] = direction === 'out' ? [r.key, r.other] : [r.other, r.key];
    byKey.get(r.key)?.push(relationshipFrom(type, from, to, r.props));
  }
  return ids.map((id) => byKey.get(id) ?? []);
}

export const ORDERS = ['NAME_ASC', 'NAME_DESC', 'DATE_ASC', 'DATE_DESC'] as const;
export type Order = (typeof ORDERS)[number];

const orderClause: Record<Order, string> = {
  NAME_ASC: 'n.sortName ASC, n.id ASC',
  NAME_DESC: 'n.sortName DESC, n.id DESC',
  // undated entities sort last either way
  DATE_ASC: 'n.dateEarliest IS NULL, n.dateEarliest ASC, n.dateLatest ASC, n.id ASC',
  DATE_DESC: 'n.dateEarliest IS NULL, n.dateLatest DESC, n.dateEarliest DESC, n.id DESC',
};

export interface ListQuery {
  label: EntityType;
  /** Folded text that the name or an alias must contain. */
  nameContains?: string | undefined;
  /** ISO dates; the entity's date interval must overlap [from, to]. */
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  order: Order;
  offset: number;
  limit: number;
}

/** One page of entities of a label, with the total count matching the filters. */
export async function listEntities(db: Db, q: ListQuery): Promise<{ total: number; rows: EntityRow[] }> {
  assertLabel(q.label);
  const where = `WHERE ($contains IS NULL OR n.searchKeys CONTAINS $contains)
       AND ($from IS NULL OR n.dateLatest >= $from)
       AND ($to IS NULL OR n.dateEarliest <= $to)`;
  const params = {
    contains: q.nameContains ?? null,
    from: q.dateFrom ?? null,
    to: q.dateTo ?? null,
    offset: neo4j.int(q.offset),
    limit: neo4j.int(q.limit),
  };
  const [row] = await db.read<{
    total: number;
    page: { labels: string[]; props: Record<string, unknown> }[];
  }>(
    `/* listEntities:${q.label} */
     MATCH (n:Entity:${q.label})
     ${where}
     WITH n ORDER BY ${orderClause[q.order]}
     WITH collect(n) AS matched
     RETURN size(matched) AS total,
            [n IN matched[$offset..($offset + $limit)] | {labels: labels(n), props: properties(n)}] AS page`,
    params,
  );
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map((n) => entityFrom(n.labels, n.props)) };
}

export interface SearchHit {
  id: string;
  score: number;
  /** The entity's folded names, for re-ranking. */
  keys: string[];
}

/**
 * Full-text search over names, aliases, folded name keys and document text; best score per entity.
 * An entity one of whose folded names equals one of `exactKeys` is ranked above partial matches.
 */
export async function searchEntities(
  db: Db,
  lucene: string,
  exactKeys: readonly string[],
  types: readonly EntityType[],
  limit: number,
): Promise<SearchHit[]> {
  return db.read<SearchHit>(
    `/* searchEntities */
     CALL {
       CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
       RETURN node, score
       UNION ALL
       CALL db.index.fulltext.queryNodes('document_text', $q) YIELD node, score
       RETURN node, score * 0.5 AS score
     }
     // filter by type before the limit, so a narrow search is not starved by other kinds
     WITH node, score WHERE any(l IN labels(node) WHERE l IN $types)
     WITH node, max(score) AS score
     WITH node, CASE WHEN any(k IN $exact WHERE k IN node.searchKeyList) THEN score * 2 + 1 ELSE score END AS score
     RETURN node.id AS id, score, coalesce(node.searchKeyList, []) AS keys
     ORDER BY score DESC, node.sortName ASC, node.id ASC
     LIMIT $limit`,
    { q: lucene, exact: exactKeys, types, limit: neo4j.int(limit) },
  );
}
