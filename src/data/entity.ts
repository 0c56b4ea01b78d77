// Entities by id: the loaders' batch. (The root lists and the compiled reads by id are in
// data/compiled/read.ts.)
import type { Db } from '../db/driver.ts';
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
