// Exports of a selection: statements that resolve an entity's neighbourhood or a document's claims
// to the sorted ids of its members, bounded by a cap the caller passes (one more than the cap is
// read, so an oversized selection costs no more than the cap), and count the relationships among
// them. The pages themselves are read by the statements of export.ts, given the members.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { MAX_NEIGHBORHOOD_DEPTH } from '../limits.ts';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { boundedInt, typeAlternation } from './checks.ts';
import { type ExportScope, edgePattern } from './export.ts';
import { read, type Statement, statement } from './statement.ts';

/** How many relationships a selection's export will write. */
export function exportEdgeCountStatement(scope: ExportScope & { members: readonly string[] }): Statement {
  const pattern = edgePattern(scope);
  return statement(
    'exportEdgeCount',
    `UNWIND $members AS id
     MATCH (a:Entity {id: id})
     MATCH ${pattern}
     WHERE b.id IN $members${scope.document !== undefined ? ' AND r.source = $document' : ''}
     RETURN count(r) AS edges`,
    { members: scope.members, ...(scope.document !== undefined ? { document: scope.document } : {}) },
  );
}

export async function exportEdgeCount(
  db: Db,
  scope: ExportScope & { members: readonly string[] },
): Promise<number> {
  const [row] = await read<{ edges: number }>(db, exportEdgeCountStatement(scope));
  return row?.edges ?? 0;
}

export interface SelectionRow {
  /** Whether the entity the selection is of exists. */
  found: boolean;
  /** The selection's entities (the center or the document included), in id order. */
  members: string[];
  /** True when more than `limit` entities would be in the selection (members then holds `limit`+). */
  truncated: boolean;
  /** A document's claims only: true when it states more relationships than the claim limit. */
  tooManyClaims?: boolean;
}

/**
 * The entities within `depth` relationships of the followed types of one entity (direction
 * ignored), the entity itself included; at most `limit` + 1 of them are read, so a neighbourhood
 * larger than the limit costs no more than the limit.
 */
export function aroundMembersStatement(
  id: string,
  depth: number,
  types: readonly RelationshipType[],
  limit: number,
): Statement {
  const d = boundedInt(depth, 1, MAX_NEIGHBORHOOD_DEPTH, 'depth');
  return statement(
    'exportAroundMembers',
    `MATCH (c:Entity {id: $id})
     RETURN c.id AS center,
            COLLECT {
              MATCH p = ANY SHORTEST (c)-[:${typeAlternation(types)}]-{1,${d}}(m:Entity)
              WHERE m <> c
              RETURN m.id
              LIMIT $limit
            } AS others`,
    // one more than the selection may hold besides the center: tells whether the limit cut any off
    { id, limit: neo4j.int(boundedInt(limit, 1, Number.MAX_SAFE_INTEGER, 'limit')) },
  );
}

export async function aroundMembers(
  db: Db,
  id: string,
  depth: number,
  types: readonly RelationshipType[],
  limit: number,
): Promise<SelectionRow> {
  const [row] = await read<{ center: string; others: string[] }>(
    db,
    aroundMembersStatement(id, depth, types, limit),
  );
  if (!row) return { found: false, members: [], truncated: false };
  const members = [...new Set([row.center, ...row.others])].sort(byCodeUnit);
  return { found: true, members, truncated: members.length > limit };
}

/**
 * The document and both ends of every relationship it states (`r.source`), read up to `limit`
 * relationships plus one.
 */
export const documentMembersStatement = (id: string, limit: number): Statement =>
  statement(
    'exportDocumentMembers',
    `MATCH (d:Entity {id: $id})
     WHERE d:Document
     RETURN d.id AS document,
            COLLECT {
              MATCH (a:Entity)-[r:${typeAlternation(RELATIONSHIP_TYPE_NAMES)}]->(b:Entity)
              WHERE r.source = d.id
              WITH a, b LIMIT $limit
              RETURN [a.id, b.id]
            } AS ends`,
    { id, limit: neo4j.int(boundedInt(limit, 1, Number.MAX_SAFE_INTEGER, 'limit')) },
  );

/**
 * A document's claims: the document and the ends of its relationships, in id order; truncated when
 * they name more than `limit` entities, tooManyClaims when it states more than `claimLimit`
 * relationships (then only the ends of the first `claimLimit` + 1 are read).
 */
export async function documentMembers(
  db: Db,
  id: string,
  limit: number,
  claimLimit: number,
): Promise<SelectionRow> {
  const [row] = await read<{ document: string; ends: [string, string][] }>(
    db,
    documentMembersStatement(id, claimLimit + 1),
  );
  if (!row) return { found: false, members: [], truncated: false };
  const members = [...new Set([row.document, ...row.ends.flat()])].sort(byCodeUnit);
  return {
    found: true,
    members,
    truncated: members.length > limit,
    tooManyClaims: row.ends.length > claimLimit,
  };
}

/** Sorts as Cypher compares strings (by UTF-16 code unit), which `ORDER BY n.id` follows. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
