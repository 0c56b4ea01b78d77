// Relationships at nodes: the loaders' batch for one relationship type and direction.
import type { Db } from '../db/driver.ts';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { assertRelationshipType, typeAlternation } from './checks.ts';
import { type RawRel, rawRel, relationshipFrom, relRow } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { RelationshipRow } from './types.ts';

/** `out` follows the arrow from the node, `in` comes against it. */
export type Direction = 'out' | 'in';

export function relationshipsByNodeStatement(
  type: RelationshipType,
  direction: Direction,
  ids: readonly string[],
): Statement {
  assertRelationshipType(type);
  const pattern = direction === 'out' ? `(n)-[r:${type}]->(m:Entity)` : `(n)<-[r:${type}]-(m:Entity)`;
  return statement(
    `relationshipsByNode:${type}:${direction}`,
    `UNWIND $ids AS key
     MATCH (n:Entity {id: key})
     MATCH ${pattern}
     RETURN key, m.id AS other, properties(r) AS props
     ORDER BY key, m.dateEarliest IS NULL, m.dateEarliest, m.sortName, r.id`,
    { ids },
  );
}

export const relationshipsAroundStatement = (id: string): Statement =>
  statement(
    'relationshipsAround',
    `MATCH (n:Entity {id: $id})
     MATCH (n)-[r:${typeAlternation(RELATIONSHIP_TYPE_NAMES)}]-(m:Entity)
     RETURN DISTINCT ${rawRel('r')} AS rel
     ORDER BY rel.type, rel.props.id`,
    { id },
  );

/** Every relationship at a node, of any type and either direction, by type and then id. */
export async function relationshipsAround(db: Db, id: string): Promise<RelationshipRow[]> {
  return (await read<{ rel: RawRel }>(db, relationshipsAroundStatement(id))).map((x) => relRow(x.rel));
}

export function relationshipsByIdsStatement(type: RelationshipType, ids: readonly string[]): Statement {
  assertRelationshipType(type);
  return statement(
    `relationshipsByIds:${type}`,
    `UNWIND $ids AS rid
     MATCH (:Entity)-[r:${type} {id: rid}]->(:Entity)
     RETURN rid, ${rawRel('r')} AS rel`,
    { ids },
  );
}

/** Relationships of one type by id (through the type's id constraint), in key order; null where none. */
export async function relationshipsByIds(
  db: Db,
  type: RelationshipType,
  ids: readonly string[],
): Promise<(RelationshipRow | null)[]> {
  const rows = await read<{ rid: string; rel: RawRel }>(db, relationshipsByIdsStatement(type, ids));
  const byId = new Map(rows.map((r) => [r.rid, relRow(r.rel)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Relationships of one type at each of the given nodes, in key order; each list ordered by the
 * other end's date, then name, then the relationship's id.
 */
export async function relationshipsByNode(
  db: Db,
  type: RelationshipType,
  direction: Direction,
  ids: readonly string[],
): Promise<RelationshipRow[][]> {
  const rows = await read<{ key: string; other: string; props: Record<string, unknown> }>(
    db,
    relationshipsByNodeStatement(type, direction, ids),
  );
  const byKey = new Map<string, RelationshipRow[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    const [from, to] = direction === 'out' ? [r.key, r.other] : [r.other, r.key];
    byKey.get(r.key)?.push(relationshipFrom(type, from, to, r.props));
  }
  return ids.map((id) => byKey.get(id) ?? []);
}
