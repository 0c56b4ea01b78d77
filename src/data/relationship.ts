// Relationships at nodes: the loaders' batch for one relationship type and direction.
import type { Db } from '../db/driver.ts';
import type { RelationshipType } from '../model.ts';
import { assertRelationshipType } from './checks.ts';
import { relationshipFrom } from './rows.ts';
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
