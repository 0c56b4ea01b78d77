// Entities: by id (the loaders' batch) and the root lists (people, meetings, …) with their filters
// and orders. Labels written into a statement come from the closed list in model.ts.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import type { EntityType } from '../model.ts';
import { assertLabel } from './checks.ts';
import { nodeRow, type RawNode, rawNode } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { EntityRow } from './types.ts';

// An id merged away (mergeEntities) leads to the entity it was merged into: (:Redirect)-[:REDIRECTS_TO]->.
export const entitiesByIdsStatement = (ids: readonly string[]): Statement =>
  statement(
    'entitiesByIds',
    `UNWIND $ids AS id
     OPTIONAL MATCH (found:Entity {id: id})
     OPTIONAL MATCH (:Redirect {id: id})-[:REDIRECTS_TO]->(moved:Entity)
     WITH id, coalesce(found, moved) AS n
     WHERE n IS NOT NULL
     RETURN id, ${rawNode('n')} AS node`,
    { ids },
  );

/** Entities by id, in key order; null where no entity has the id (an id merged away gives the survivor). */
export async function entitiesByIds(db: Db, ids: readonly string[]): Promise<(EntityRow | null)[]> {
  const rows = await read<{ id: string; node: RawNode }>(db, entitiesByIdsStatement(ids));
  const byId = new Map(rows.map((r) => [r.id, nodeRow(r.node)]));
  return ids.map((id) => byId.get(id) ?? null);
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
  /** ISO days; the entity's date interval must overlap [startDay, endDay]. */
  startDay?: string | undefined;
  endDay?: string | undefined;
  order: Order;
  offset: number;
  limit: number;
}

export function listEntitiesStatement(q: ListQuery): Statement {
  assertLabel(q.label);
  return statement(
    `listEntities:${q.label}`,
    `MATCH (n:Entity:${q.label})
     WHERE ($contains IS NULL OR n.searchKeys CONTAINS $contains)
       AND ($startDay IS NULL OR n.dateLatest >= $startDay)
       AND ($endDay IS NULL OR n.dateEarliest <= $endDay)
     WITH n ORDER BY ${orderClause[q.order]}
     WITH collect(n) AS matched
     RETURN size(matched) AS total,
            [n IN matched[$offset..($offset + $limit)] | ${rawNode('n')}] AS page`,
    {
      contains: q.nameContains ?? null,
      startDay: q.startDay ?? null,
      endDay: q.endDay ?? null,
      offset: neo4j.int(q.offset),
      limit: neo4j.int(q.limit),
    },
  );
}

/** One page of entities of a label, with the total count matching the filters. */
export async function listEntities(db: Db, q: ListQuery): Promise<{ total: number; rows: EntityRow[] }> {
  const [row] = await read<{ total: number; page: RawNode[] }>(db, listEntitiesStatement(q));
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map(nodeRow) };
}
