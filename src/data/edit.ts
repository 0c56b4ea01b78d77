// The statements of edits (updateEntity, mergeEntities), each run inside the caller's write
// transaction (src/writer.ts opens it and records the change in it). An entity's `version` starts at
// 1 (entities loaded before versions existed count as 1: `coalesce`) and grows by one with each edit.
// Locking: the first statement of an edit sets `version` on the entities it will change, which takes
// their write locks, so concurrent edits of one entity run one after the other and the later one
// sees the new version. Relationship types written into statements come from the closed list.
import type { TxRunner } from '../db/driver.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { runIn } from './changes.ts';
import { assertRelationshipType, typeAlternation } from './checks.ts';
import { nodeRow, type RawNode, rawNode } from './rows.ts';
import { type Statement, statement } from './statement.ts';
import type { EntityRow } from './types.ts';

/** An external identifier as stored: `(e)-[:SAME_AS]->(:Identifier {key: 'wikidata:Q…', …})`. */
export interface IdentifierProps {
  key: string;
  authority: string;
  value: string;
  verifiedBy: string;
  method: string | null;
  verifiedOn: string | null;
  source: string | null;
}

/** An entity as an edit finds it, locked: its row, raw properties, version and identifiers. */
export interface LockedEntity {
  row: EntityRow;
  props: Record<string, unknown>;
  version: number;
  identifiers: IdentifierProps[];
}

export interface LockResult {
  key: string;
  entity: LockedEntity | null;
  /** Where the id now leads, when it was merged away (a redirect). */
  redirectsTo: string | null;
}

const ALL_TYPES = typeAlternation(RELATIONSHIP_TYPE_NAMES);

/** Recomputes the text the full-text index reads from the lists it is built from. */
const SEARCH_TEXT = (n: string) =>
  `SET ${n}.aliasText = reduce(s = '', a IN ${n}.aliases | s + a + ' | '),
       ${n}.searchKeys = reduce(s = '', k IN ${n}.searchKeyList | s + k + ' | ')`;

export const lockEntitiesStatement = (ids: readonly string[]): Statement =>
  statement(
    'lockEntities',
    // sorted ids: two edits locking the same entities take the locks in the same order
    `UNWIND $ids AS key
     OPTIONAL MATCH (n:Entity {id: key})
     OPTIONAL MATCH (:Redirect {id: key})-[:REDIRECTS_TO]->(m:Entity)
     FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | SET x.version = coalesce(x.version, 1))
     RETURN key, m.id AS redirectsTo,
            CASE WHEN n IS NULL THEN null ELSE ${rawNode('n')} END AS node,
            CASE WHEN n IS NULL THEN [] ELSE [(n)-[:SAME_AS]->(i:Identifier) | properties(i)] END AS identifiers`,
    { ids: [...new Set(ids)].sort() },
  );

/** Locks the entities named (those that exist) and reads them, in the order of `ids`. */
export async function lockEntities(tx: TxRunner, ids: readonly string[]): Promise<LockResult[]> {
  const rows = await runIn<{
    key: string;
    redirectsTo: string | null;
    node: RawNode | null;
    identifiers: IdentifierProps[];
  }>(tx, lockEntitiesStatement(ids));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return ids.map((key) => {
    const r = byKey.get(key);
    const node = r?.node ?? null;
    return {
      key,
      redirectsTo: r?.redirectsTo ?? null,
      entity: node
        ? {
            row: nodeRow(node),
            props: node.props,
            version: Number(node.props.version ?? 1),
            identifiers: (r?.identifiers ?? []).map(identifierProps),
          }
        : null,
    };
  });
}

function identifierProps(p: Partial<IdentifierProps>): IdentifierProps {
  return {
    key: String(p.key),
    authority: String(p.authority),
    value: String(p.value),
    verifiedBy: String(p.verifiedBy ?? ''),
    method: p.method ?? null,
    verifiedOn: p.verifiedOn ?? null,
    source: p.source ?? null,
  };
}

/** Sets properties of a locked entity and counts its version up; the search text follows. */
export const updateEntityStatement = (id: string, props: Record<string, unknown>): Statement =>
  statement(
    'updateEntity',
    `MATCH (n:Entity {id: $id})
     SET n += $props, n.version = coalesce(n.version, 1) + 1
     ${SEARCH_TEXT('n')}
     RETURN ${rawNode('n')} AS node`,
    { id, props },
  );

export async function updateEntity(
  tx: TxRunner,
  id: string,
  props: Record<string, unknown>,
): Promise<EntityRow> {
  const [row] = await runIn<{ node: RawNode }>(tx, updateEntityStatement(id, props));
  if (!row) throw new Error(`updateEntity: ${id} vanished while locked`);
  return nodeRow(row.node);
}

/** Identifiers of these keys held by entities other than `id`: an identifier names one entity. */
export const identifierHoldersStatement = (id: string, keys: readonly string[]): Statement =>
  statement(
    'identifierHolders',
    `UNWIND $keys AS k
     MATCH (i:Identifier {key: k})<-[:SAME_AS]-(o:Entity)
     WHERE o.id <> $id
     RETURN k AS key, o.id AS holder`,
    { id, keys },
  );

export async function identifierHolders(
  tx: TxRunner,
  id: string,
  keys: readonly string[],
): Promise<{ key: string; holder: string }[]> {
  return keys.length ? runIn(tx, identifierHoldersStatement(id, keys)) : [];
}

/** Makes an entity's identifiers exactly these: drops the others (and identifiers left unheld). */
export const replaceIdentifiersStatement = (id: string, identifiers: readonly IdentifierProps[]): Statement =>
  statement(
    'replaceIdentifiers',
    `MATCH (n:Entity {id: $id})
     CALL {
       WITH n
       MATCH (n)-[s:SAME_AS]->(old:Identifier)
       WHERE NOT old.key IN [x IN $identifiers | x.key]
       DELETE s
       WITH old WHERE NOT EXISTS { (old)<-[:SAME_AS]-() }
       DELETE old
     }
     CALL {
       WITH n
       UNWIND $identifiers AS x
       MERGE (i:Identifier {key: x.key})
       SET i += x
       MERGE (n)-[:SAME_AS]->(i)
     }
     RETURN count(n) AS done`,
    { id, identifiers },
  );

export async function replaceIdentifiers(
  tx: TxRunner,
  id: string,
  identifiers: readonly IdentifierProps[],
): Promise<void> {
  await runIn(tx, replaceIdentifiersStatement(id, identifiers));
}

/** How many relationships (of the graph's types) join two entities. */
export const linksBetweenStatement = (a: string, b: string): Statement =>
  statement(
    'linksBetween',
    `MATCH (a:Entity {id: $a})-[r:${ALL_TYPES}]-(b:Entity {id: $b})
     RETURN count(r) AS links`,
    { a, b },
  );

export async function linksBetween(tx: TxRunner, a: string, b: string): Promise<number> {
  const [row] = await runIn<{ links: number }>(tx, linksBetweenStatement(a, b));
  return row?.links ?? 0;
}

/**
 * Moves every relationship of `remove` onto `keep`, type by type and in both directions, with all
 * its properties (its id, source and evidence): each is read, deleted and created again at `keep`, so
 * relationship ids stay unique. REPRESENTED contexts naming `remove` (a meeting) name `keep` after.
 */
export function moveRelationshipsStatement(keep: string, remove: string): Statement {
  const moves = RELATIONSHIP_TYPE_NAMES.flatMap((t) => {
    assertRelationshipType(t);
    const name = t.toLowerCase();
    return [
      `CALL {
         WITH k, x
         MATCH (x)-[r:${t}]->(b:Entity)
         WITH k, r, b, properties(r) AS p
         DELETE r
         CREATE (k)-[moved:${t}]->(b) SET moved = p
         RETURN count(*) AS ${name}_out
       }`,
      `CALL {
         WITH k, x
         MATCH (a:Entity)-[r:${t}]->(x)
         WITH k, r, a, properties(r) AS p
         DELETE r
         CREATE (a)-[moved:${t}]->(k) SET moved = p
         RETURN count(*) AS ${name}_in
       }`,
    ];
  });
  const counts = RELATIONSHIP_TYPE_NAMES.map((t) => `${t}: ${t.toLowerCase()}_out + ${t.toLowerCase()}_in`);
  return statement(
    'moveRelationships',
    `MATCH (k:Entity {id: $keep})
     MATCH (x:Entity {id: $remove})
     ${moves.join('\n     ')}
     CALL {
       WITH x
       MATCH ()-[r:REPRESENTED {context: x.id}]->()
       SET r.context = $keep
       RETURN count(r) AS contexts
     }
     RETURN {${counts.join(', ')}} AS moved, contexts`,
    { keep, remove },
  );
}

export async function moveRelationships(
  tx: TxRunner,
  keep: string,
  remove: string,
): Promise<{ moved: Record<string, number>; contexts: number }> {
  const [row] = await runIn<{ moved: Record<string, number>; contexts: number }>(
    tx,
    moveRelationshipsStatement(keep, remove),
  );
  return row ?? { moved: {}, contexts: 0 };
}

/**
 * Ends a merge: moves `remove`'s identifiers, history and redirects to `keep`, sets `keep`'s merged
 * properties (a version up), deletes `remove` and leaves a redirect from its id to `keep`.
 */
export const finishMergeStatement = (
  keep: string,
  remove: string,
  props: Record<string, unknown>,
  changeId: string,
): Statement =>
  statement(
    'finishMerge',
    `MATCH (k:Entity {id: $keep})
     MATCH (x:Entity {id: $remove})
     CALL { WITH k, x MATCH (x)-[s:SAME_AS]->(i:Identifier) MERGE (k)-[:SAME_AS]->(i) DELETE s }
     CALL { WITH k, x MATCH (c:Change)-[s:CHANGED]->(x) MERGE (c)-[:CHANGED]->(k) DELETE s }
     CALL { WITH k, x MATCH (rd:Redirect)-[s:REDIRECTS_TO]->(x) CREATE (rd)-[:REDIRECTS_TO]->(k) DELETE s }
     SET k += $props, k.version = coalesce(k.version, 1) + 1
     ${SEARCH_TEXT('k')}
     DETACH DELETE x
     MERGE (rd:Redirect {id: $remove})
     SET rd.changeId = $changeId
     WITH k, rd
     CALL { WITH rd MATCH (rd)-[old:REDIRECTS_TO]->() DELETE old }
     CREATE (rd)-[:REDIRECTS_TO]->(k)
     RETURN ${rawNode('k')} AS node`,
    { keep, remove, props, changeId },
  );

export async function finishMerge(
  tx: TxRunner,
  keep: string,
  remove: string,
  props: Record<string, unknown>,
  changeId: string,
): Promise<EntityRow> {
  const [row] = await runIn<{ node: RawNode }>(tx, finishMergeStatement(keep, remove, props, changeId));
  if (!row) throw new Error(`finishMerge: ${keep} or ${remove} vanished while locked`);
  return nodeRow(row.node);
}
