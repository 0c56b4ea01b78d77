// The reads of a document import's entity resolution (src/import/resolve.ts), each run inside the
// import's one write transaction: lock the document, lock and look up the identifiers the bundle
// names, find entities by id (or the redirect a merge left) and by exact name (the keyword index
// `entity_name_keys` over every folded name and alias, or a read of one type's names when the bundle
// brings many). The writes are in import-write.ts. Labels written into statements come from the
// closed list in model.ts.
import neo4j from 'neo4j-driver';
import type { TxRunner } from '../db/driver.ts';
import { ENTITY_TYPES, type EntityType } from '../model.ts';
import { runIn } from './changes.ts';
import { assertLabel } from './checks.ts';
import { type Statement, statement } from './statement.ts';

/** An entity as resolution sees it. */
export interface FoundEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

const found = (n: string) =>
  `{id: ${n}.id, type: [l IN labels(${n}) WHERE l IN $labels][0], name: ${n}.name, aliases: coalesce(${n}.aliases, [])}`;

/**
 * Locks the document being imported (creating its node if it is new, which serialises two imports
 * of one document) and reads it: `fresh` when it did not exist before.
 */
export const lockImportDocumentStatement = (id: string): Statement =>
  statement(
    'lockImportDocument',
    `MERGE (d:Entity {id: $id})
     ON CREATE SET d.version = 0
     WITH d, d.version = 0 AS fresh
     SET d:Document, d.version = CASE WHEN fresh THEN 1 ELSE coalesce(d.version, 1) END
     RETURN fresh, properties(d) AS props`,
    { id },
  );

export async function lockImportDocument(
  tx: TxRunner,
  id: string,
): Promise<{ fresh: boolean; props: Record<string, unknown> }> {
  const [row] = await runIn<{ fresh: boolean; props: Record<string, unknown> }>(
    tx,
    lockImportDocumentStatement(id),
  );
  if (!row) throw new Error(`lockImportDocument: no row for ${id}`);
  return row;
}

/**
 * Takes the write lock of each identifier the bundle names (creating its node if new; the claim
 * that follows links it), in key order, and returns the entities that hold each. A concurrent import
 * naming the same identifier waits here, then finds the holder the first one committed.
 */
export const lockIdentifiersStatement = (keys: readonly { key: string; authority: string }[]): Statement =>
  statement(
    'lockIdentifiers',
    `UNWIND $keys AS k
     MERGE (i:Identifier {key: k.key})
     SET i.authority = k.authority
     RETURN k.key AS key, [(i)<-[:SAME_AS]-(n:Entity) | ${found('n')}] AS holders`,
    {
      keys: [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) => a.key.localeCompare(b.key)),
      labels: [...ENTITY_TYPES],
    },
  );

export async function lockIdentifiers(
  tx: TxRunner,
  keys: readonly { key: string; authority: string }[],
): Promise<Map<string, FoundEntity[]>> {
  if (!keys.length) return new Map();
  const rows = await runIn<{ key: string; holders: FoundEntity[] }>(tx, lockIdentifiersStatement(keys));
  return new Map(rows.map((r) => [r.key, r.holders]));
}

/** The entities these ids name: the entity itself, or the one a merge redirected the id to. */
export const entitiesForIdsStatement = (ids: readonly string[]): Statement =>
  statement(
    'entitiesForIds',
    `UNWIND $ids AS id
     OPTIONAL MATCH (n:Entity {id: id})
     OPTIONAL MATCH (:Redirect {id: id})-[:REDIRECTS_TO]->(m:Entity)
     WITH id, n, m WHERE n IS NOT NULL OR m IS NOT NULL
     RETURN id, n IS NULL AS redirected, CASE WHEN n IS NULL THEN ${found('m')} ELSE ${found('n')} END AS entity`,
    { ids, labels: [...ENTITY_TYPES] },
  );

export async function entitiesForIds(
  tx: TxRunner,
  ids: readonly string[],
): Promise<Map<string, { redirected: boolean; entity: FoundEntity }>> {
  if (!ids.length) return new Map();
  const rows = await runIn<{ id: string; redirected: boolean; entity: FoundEntity }>(
    tx,
    entitiesForIdsStatement(ids),
  );
  return new Map(rows.map((r) => [r.id, { redirected: r.redirected, entity: r.entity }]));
}

/** How many entities of each type the graph holds (from the count store). */
export const entityCountsStatement = (): Statement =>
  statement(
    'entityCounts',
    `${ENTITY_TYPES.map((t) => `CALL { MATCH (n:${t}) RETURN count(n) AS ${t} }`).join('\n     ')}
     RETURN {${ENTITY_TYPES.map((t) => `${t}: ${t}`).join(', ')}} AS counts`,
  );

export async function entityCounts(tx: TxRunner): Promise<Record<EntityType, number>> {
  const [row] = await runIn<{ counts: Record<EntityType, number> }>(tx, entityCountsStatement());
  return row?.counts ?? (Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>);
}

/**
 * The entities of one type whose folded names or aliases include one of `keys` (folded: lowercase
 * letters, digits and single spaces, so nothing in them is Lucene syntax), by the keyword index.
 */
export function entitiesByNameKeysStatement(type: EntityType, keys: readonly string[]): Statement {
  assertLabel(type);
  return statement(
    'entitiesByNameKeys',
    `CALL db.index.fulltext.queryNodes('entity_name_keys', $query, {limit: $limit}) YIELD node
     WHERE node:${type}
     RETURN ${found('node')} AS entity`,
    {
      query: keys.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(' OR '),
      limit: neo4j.int(Math.max(100, keys.length * 20)),
      labels: [...ENTITY_TYPES],
    },
  );
}

/** Every entity of one type with its names: read instead of the index when a bundle brings many. */
export function entitiesOfTypeStatement(type: EntityType): Statement {
  assertLabel(type);
  return statement(
    'entitiesOfType',
    `MATCH (n:${type})
     RETURN ${found('n')} AS entity`,
    { labels: [...ENTITY_TYPES] },
  );
}

export async function foundEntities(tx: TxRunner, s: Statement): Promise<FoundEntity[]> {
  return (await runIn<{ entity: FoundEntity }>(tx, s)).map((r) => r.entity);
}
