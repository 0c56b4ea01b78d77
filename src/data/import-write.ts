// The writes of a document import (src/import), each run inside the import's one write transaction:
// entities and relationships in UNWIND batches sent as columns (MERGE on our ids, so two imports
// racing to create one actor make one node; a new document CREATEs its relationships), updates of
// entities found, and what a re-imported document no longer states taken out. Labels and
// relationship types written into statements come from the closed lists in model.ts.
import neo4j from 'neo4j-driver';
import type { TxRunner } from '../db/driver.ts';
import { type EntityType, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { runIn } from './changes.ts';
import { assertLabel, assertRelationshipType, typeAlternation } from './checks.ts';
import { type Statement, statement } from './statement.ts';

const ALL_TYPES = typeAlternation(RELATIONSHIP_TYPE_NAMES);

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Rows sent as columns: one list per property (null where a row has none) and the Cypher map that
 * reads row `i` back. Lists of strings cost the driver a third of what the same rows as maps cost to
 * send. Property names are ours (checked), never a client's.
 */
export function columns(
  rows: readonly Record<string, unknown>[],
  prefix: string,
): { params: Record<string, unknown[]>; map: string } {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
  const params: Record<string, unknown[]> = {};
  const fields: string[] = [];
  for (const k of keys) {
    if (!PROPERTY_NAME.test(k)) throw new Error(`not a property name: ${k}`);
    params[`${prefix}_${k}`] = rows.map((r) => r[k] ?? null);
    fields.push(`${k}: $${prefix}_${k}[i]`);
  }
  return { params, map: `{${fields.join(', ')}}` };
}

/**
 * Writes a batch of entities of one type by id: a new one gets `props` and version 1; one that
 * exists (found by resolution, or committed meanwhile by a concurrent import) is locked and returned
 * with its properties and identifier keys, to be updated from what it holds.
 */
export function upsertEntitiesStatement(
  type: EntityType,
  rows: readonly { id: string; props: Record<string, unknown> }[],
): Statement {
  assertLabel(type);
  const props = columns(
    rows.map((r) => r.props),
    'p',
  );
  return statement(
    `upsertEntities:${type}`,
    `UNWIND range(0, size($ids) - 1) AS i
     MERGE (n:Entity {id: $ids[i]})
     ON CREATE SET n += ${props.map}, n.version = 0
     SET n:${type}
     WITH n, n.version = 0 AS created
     SET n.version = CASE WHEN created THEN 1 ELSE coalesce(n.version, 1) END
     WITH n, created WHERE NOT created
     RETURN n.id AS id, properties(n) AS props, [(n)-[:SAME_AS]->(i:Identifier) | i.key] AS identifiers`,
    { ids: rows.map((r) => r.id), ...props.params },
  );
}

export interface ExistingEntity {
  id: string;
  props: Record<string, unknown>;
  identifiers: string[];
}

export async function upsertEntities(
  tx: TxRunner,
  type: EntityType,
  rows: readonly { id: string; props: Record<string, unknown> }[],
): Promise<ExistingEntity[]> {
  return rows.length ? runIn<ExistingEntity>(tx, upsertEntitiesStatement(type, rows)) : [];
}

/** Sets properties of locked entities (null removes one) and counts their version up by `bump`. */
export const updateEntitiesStatement = (
  rows: readonly { id: string; props: Record<string, unknown>; bump: number }[],
): Statement =>
  statement(
    'updateEntities',
    `UNWIND $rows AS row
     MATCH (n:Entity {id: row.id})
     SET n += row.props, n.version = coalesce(n.version, 1) + row.bump
     RETURN count(n) AS updated`,
    { rows: rows.map((r) => ({ ...r, bump: neo4j.int(r.bump) })) },
  );

export async function updateEntities(
  tx: TxRunner,
  rows: readonly { id: string; props: Record<string, unknown>; bump: number }[],
): Promise<void> {
  if (!rows.length) return;
  const [row] = await runIn<{ updated: number }>(tx, updateEntitiesStatement(rows));
  if (row?.updated !== rows.length) throw new Error(`updateEntities: ${row?.updated} of ${rows.length}`);
}

export interface RelationshipWrite {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** What writing a batch of relationships did; `changed` holds the properties before and after. */
export interface RelationshipsWritten {
  written: number;
  added: number;
  addedPassages: number;
  changed: { before: Record<string, unknown>; after: Record<string, unknown> }[];
}

/**
 * Writes a batch of one type. A document new to the graph creates its relationships (their ids
 * start with its own, so none can exist); a document imported again merges them by id, replacing
 * their properties, and returns those that changed.
 */
export function writeRelationshipsStatement(
  type: RelationshipType,
  rows: readonly RelationshipWrite[],
  fresh: boolean,
): Statement {
  assertRelationshipType(type);
  const props = columns(
    rows.map((r) => r.props),
    'r',
  );
  const params = { from: rows.map((r) => r.from), to: rows.map((r) => r.to), ...props.params };
  const ends = `UNWIND range(0, size($from) - 1) AS i
     MATCH (a:Entity {id: $from[i]})
     MATCH (b:Entity {id: $to[i]})`;
  if (fresh)
    return statement(
      `createRelationships:${type}`,
      `${ends}
     CREATE (a)-[r:${type}]->(b)
     SET r = ${props.map}
     RETURN count(r) AS written, count(r) AS added, sum(size(r.quotes)) AS addedPassages, [] AS changed`,
      params,
    );
  return statement(
    `mergeRelationships:${type}`,
    `${ends}
     MERGE (a)-[r:${type} {id: $r_id[i]}]->(b)
     WITH i, r, size(keys(r)) = 1 AS created, properties(r) AS before
     SET r = ${props.map}
     WITH r, created, before, properties(r) AS after
     RETURN count(r) AS written,
            sum(CASE WHEN created THEN 1 ELSE 0 END) AS added,
            sum(CASE WHEN created THEN size(after.quotes) ELSE 0 END) AS addedPassages,
            collect(CASE WHEN NOT created AND before <> after THEN {before: before, after: after} END) AS changed`,
    params,
  );
}

export async function writeRelationships(
  tx: TxRunner,
  type: RelationshipType,
  rows: readonly RelationshipWrite[],
  fresh: boolean,
): Promise<RelationshipsWritten> {
  const [row] = await runIn<RelationshipsWritten>(tx, writeRelationshipsStatement(type, rows, fresh));
  const out = row ?? { written: 0, added: 0, addedPassages: 0, changed: [] };
  if (out.written !== rows.length)
    throw new Error(`write ${type}: ${out.written} of ${rows.length} relationships found both ends`);
  return out;
}

/** Deletes the document's relationships that its bundle no longer lists (by each type's source index). */
export function pruneRelationshipsStatement(documentId: string, keep: readonly string[]): Statement {
  const parts = RELATIONSHIP_TYPE_NAMES.map((t) => {
    assertRelationshipType(t);
    return `CALL {
         MATCH ()-[r:${t}]->()
         WHERE r.source = $doc AND NOT r.id IN $keep
         WITH r, size(coalesce(r.quotes, [])) AS passages
         DELETE r
         RETURN count(*) AS ${t.toLowerCase()}, sum(passages) AS ${t.toLowerCase()}Passages
       }`;
  });
  const sum = (suffix: string) =>
    RELATIONSHIP_TYPE_NAMES.map((t) => `${t.toLowerCase()}${suffix}`).join(' + ');
  return statement(
    'pruneRelationships',
    `${parts.join('\n     ')}
     RETURN ${sum('')} AS removed, ${sum('Passages')} AS passages`,
    { doc: documentId, keep },
  );
}

export async function pruneRelationships(
  tx: TxRunner,
  documentId: string,
  keep: readonly string[],
): Promise<{ removed: number; passages: number }> {
  const [row] = await runIn<{ removed: number; passages: number }>(
    tx,
    pruneRelationshipsStatement(documentId, keep),
  );
  return row ?? { removed: 0, passages: 0 };
}

/** Locks and reads the entities that name the document as a source but that it no longer declares. */
export const releasedEntitiesStatement = (documentId: string, declared: readonly string[]): Statement =>
  statement(
    'releasedEntities',
    `MATCH (n:Entity)
     WHERE $doc IN n.sources AND NOT n.id IN $declared
     SET n.version = coalesce(n.version, 1)
     RETURN n.id AS id, properties(n) AS props`,
    { doc: documentId, declared },
  );

export async function releasedEntities(
  tx: TxRunner,
  documentId: string,
  declared: readonly string[],
): Promise<{ id: string; props: Record<string, unknown> }[]> {
  return runIn(tx, releasedEntitiesStatement(documentId, declared));
}

/** Locks and reads entities by id (those that exist). */
export const lockedEntitiesStatement = (ids: readonly string[]): Statement =>
  statement(
    'lockedEntities',
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     SET n.version = coalesce(n.version, 1)
     RETURN n.id AS id, properties(n) AS props`,
    { ids: [...new Set(ids)].sort() },
  );

export async function lockedEntities(
  tx: TxRunner,
  ids: readonly string[],
): Promise<{ id: string; props: Record<string, unknown> }[]> {
  return ids.length ? runIn(tx, lockedEntitiesStatement(ids)) : [];
}

/**
 * Deletes those of these entities that no source and no relationship supports any more, with the
 * identifiers no one else holds and the redirects that led to them; returns the ids gone.
 */
export const removeUnsupportedStatement = (ids: readonly string[]): Statement =>
  statement(
    'removeUnsupported',
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     WHERE size(coalesce(n.sources, [])) = 0 AND NOT EXISTS { (n)-[:${ALL_TYPES}]-(:Entity) }
     CALL (n) {
       MATCH (n)-[:SAME_AS]->(i:Identifier)
       WHERE NOT EXISTS { (i)<-[:SAME_AS]-(o:Entity) WHERE o <> n }
       DETACH DELETE i
     }
     CALL (n) {
       MATCH (rd:Redirect)-[:REDIRECTS_TO]->(n)
       DETACH DELETE rd
     }
     WITH n, n.id AS gone
     DETACH DELETE n
     RETURN collect(gone) AS removed`,
    { ids },
  );

export async function removeUnsupported(tx: TxRunner, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const [row] = await runIn<{ removed: string[] }>(tx, removeUnsupportedStatement(ids));
  return row?.removed ?? [];
}
