// External identifiers, stored as `(e:Entity)-[:SAME_AS]->(i:Identifier {key, authority, value,
// verifiedBy, method, verifiedOn, source})` with `key` = "authority:value" unique (migrations.ts):
// the identifiers of a batch of entities (the reader's loader), the entities a batch of keys names
// (lookups and federation keys), and the statement that records identifiers, which the seed loader
// and any importer run inside their own write transaction.
import type { Db, TxRunner } from '../db/driver.ts';
import { identifierKey } from '../model.ts';
import { identifierFrom, nodeRow, type RawNode, rawNode } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { EntityRow, ExternalId } from './types.ts';

export const identifiersByEntityIdsStatement = (ids: readonly string[]): Statement =>
  statement(
    'identifiersByEntityIds',
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})-[:SAME_AS]->(i:Identifier)
     RETURN id, properties(i) AS props
     ORDER BY id, i.key`,
    { ids },
  );

/** The identifiers of each entity, in the order of `ids` (authority and value order within each). */
export async function identifiersByEntityIds(db: Db, ids: readonly string[]): Promise<ExternalId[][]> {
  const rows = await read<{ id: string; props: Record<string, unknown> }>(
    db,
    identifiersByEntityIdsStatement(ids),
  );
  const byId = new Map<string, ExternalId[]>();
  for (const r of rows) {
    const x = identifierFrom(r.props);
    if (!x) continue;
    const list = byId.get(r.id) ?? [];
    byId.set(r.id, list);
    list.push(x);
  }
  return ids.map((id) => byId.get(id) ?? []);
}

export const entitiesByIdentifierKeysStatement = (keys: readonly string[]): Statement =>
  statement(
    'entitiesByIdentifierKeys',
    `UNWIND $keys AS key
     MATCH (:Identifier {key: key})<-[:SAME_AS]-(n:Entity)
     RETURN key, ${rawNode('n')} AS node`,
    { keys },
  );

/** The entity each key ("wikidata:Q…") names, in the order of `keys`; null where none does. */
export async function entitiesByIdentifierKeys(
  db: Db,
  keys: readonly string[],
): Promise<(EntityRow | null)[]> {
  const rows = await read<{ key: string; node: RawNode }>(db, entitiesByIdentifierKeysStatement(keys));
  const byKey = new Map(rows.map((r) => [r.key, nodeRow(r.node)]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** An identifier an entity is to carry, as an extraction or an import states it. */
export interface IdentifierClaim extends ExternalId {
  entity: string;
}

/** A claim refused because another entity already carries the identifier. */
export interface IdentifierConflict {
  entity: string;
  key: string;
  claimedBy: string[];
}

/**
 * Records identifiers: each becomes (or joins) the :Identifier of its key, linked from its entity,
 * with how it was verified (the latest claim's account replaces an earlier one of the same entity).
 * A key another entity already carries is not linked; it comes back as a conflict, and the caller
 * must then fail its transaction. `SET i.authority` (a value the key fixes) takes the identifier's
 * write lock before the check, so two transactions cannot both find it free.
 */
export const claimIdentifiersStatement = (claims: readonly IdentifierClaim[]): Statement =>
  statement(
    'claimIdentifiers',
    `UNWIND $claims AS c
     MATCH (e:Entity {id: c.entity})
     MERGE (i:Identifier {key: c.key})
     SET i.authority = c.authority
     WITH c, e, i, COLLECT { MATCH (o:Entity)-[:SAME_AS]->(i) WHERE o <> e RETURN o.id } AS others
     CALL (c, e, i, others) {
       WITH * WHERE others = []
       MERGE (e)-[:SAME_AS]->(i)
       SET i.value = c.value, i.verifiedBy = c.verifiedBy, i.method = c.method,
           i.verifiedOn = c.verifiedOn, i.source = c.source
     }
     WITH c, others WHERE others <> []
     RETURN c.entity AS entity, c.key AS key, others AS claimedBy`,
    { claims: claims.map((c) => ({ ...c, key: identifierKey(c.authority, c.value) })) },
  );

/** Runs claimIdentifiersStatement in a write transaction; returns the conflicts (none: all recorded). */
export async function claimIdentifiers(
  tx: TxRunner,
  claims: readonly IdentifierClaim[],
): Promise<IdentifierConflict[]> {
  if (!claims.length) return [];
  const s = claimIdentifiersStatement(claims);
  return tx.query<IdentifierConflict>(s.cypher, s.params);
}
