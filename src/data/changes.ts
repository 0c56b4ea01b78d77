// The audit trail: every write records a (:Change) node, linked by [:CHANGED] to the live entities it
// touched, inside the write's own transaction (so a change is recorded exactly when it happened).
// A change holds who (the key's id, never the key), when (the transaction's time), the action, why
// (the editor's message), the ids it touched (kept even after those entities are gone) and a JSON
// summary of what changed. `recordChange` is for every writer, the importer included.
import neo4j from 'neo4j-driver';
import type { Db, TxRunner } from '../db/driver.ts';
import { read, type Statement, statement } from './statement.ts';

/** What a change did; `import` is for the document importer. */
export const CHANGE_ACTIONS = ['update', 'merge', 'retract', 'import'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface ChangeInput {
  /** A fresh id (randomUUID), made outside the transaction function, so a retry records the same one. */
  id: string;
  keyId: string;
  action: ChangeAction;
  message: string;
  /** Every entity the change touched (created, changed or removed), the first the one it is about. */
  entityIds: readonly string[];
  /** What changed, as JSON-serialisable facts (before/after of fields, counts, moved ids). */
  summary: Record<string, unknown>;
}

export interface ChangeRow {
  id: string;
  /** ISO 8601 date and time (UTC) of the transaction that made the change. */
  at: string;
  keyId: string;
  action: ChangeAction;
  message: string;
  entityIds: string[];
  /** The summary as JSON text. */
  summary: string;
}

/** Runs a statement inside a write transaction. */
export function runIn<T>(tx: TxRunner, s: Statement): Promise<T[]> {
  return tx.query<T>(s.cypher, s.params);
}

export const recordChangeStatement = (c: ChangeInput): Statement =>
  statement(
    'recordChange',
    `CREATE (c:Change {id: $id, at: datetime(), keyId: $keyId, action: $action, message: $message,
                       entityIds: $entityIds, summary: $summary})
     WITH c
     CALL {
       WITH c
       UNWIND $entityIds AS eid
       MATCH (e:Entity {id: eid})
       CREATE (c)-[:CHANGED]->(e)
     }
     RETURN properties(c) AS change`,
    {
      id: c.id,
      keyId: c.keyId,
      action: c.action,
      message: c.message,
      entityIds: [...new Set(c.entityIds)],
      summary: JSON.stringify(c.summary),
    },
  );

/** Records a change inside the caller's write transaction, linked to the live entities it names. */
export async function recordChange(tx: TxRunner, c: ChangeInput): Promise<ChangeRow> {
  const [row] = await runIn<{ change: ChangeRow }>(tx, recordChangeStatement(c));
  if (!row) throw new Error('recordChange returned no row');
  return changeRow(row.change);
}

function changeRow(raw: ChangeRow): ChangeRow {
  return { ...raw, entityIds: raw.entityIds ?? [] };
}

export interface ChangesQuery {
  /** ISO 8601 date-time: changes at or after it. */
  since?: string | undefined;
  /** Changes that touched this id (including ids since merged away or retracted). */
  entity?: string | undefined;
  offset: number;
  limit: number;
}

const changesWhere = `($since IS NULL OR c.at >= datetime($since)) AND ($entity IS NULL OR $entity IN c.entityIds)`;

export const changesStatement = (q: ChangesQuery): Statement =>
  statement(
    'changes',
    `CALL { MATCH (c:Change) WHERE ${changesWhere} RETURN count(c) AS total }
     CALL {
       MATCH (c:Change) WHERE ${changesWhere}
       WITH c ORDER BY c.at, c.id SKIP $offset LIMIT $limit
       RETURN collect(properties(c)) AS page
     }
     RETURN total, page`,
    {
      since: q.since ?? null,
      entity: q.entity ?? null,
      offset: neo4j.int(q.offset),
      limit: neo4j.int(q.limit),
    },
  );

/** One page of the audit trail, oldest first (so pages stay put as changes are added). */
export async function changes(db: Db, q: ChangesQuery): Promise<{ total: number; rows: ChangeRow[] }> {
  const [row] = await read<{ total: number; page: ChangeRow[] }>(db, changesStatement(q));
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map(changeRow) };
}

export interface HistoryWindow {
  offset: number;
  limit: number;
}

export const historyStatement = (ids: readonly string[], w: HistoryWindow): Statement =>
  statement(
    'history',
    `UNWIND $ids AS key
     MATCH (n:Entity {id: key})
     CALL { WITH n MATCH (c:Change)-[:CHANGED]->(n) RETURN count(c) AS total }
     CALL {
       WITH n
       MATCH (c:Change)-[:CHANGED]->(n)
       WITH c ORDER BY c.at DESC, c.id DESC SKIP $offset LIMIT $limit
       RETURN collect(properties(c)) AS page
     }
     RETURN key, total, page`,
    { ids, offset: neo4j.int(w.offset), limit: neo4j.int(w.limit) },
  );

/** The changes of several entities (one window of each, newest first), in key order. */
export async function history(
  db: Db,
  ids: readonly string[],
  w: HistoryWindow,
): Promise<{ total: number; rows: ChangeRow[] }[]> {
  const rows = await read<{ key: string; total: number; page: ChangeRow[] }>(db, historyStatement(ids, w));
  const byKey = new Map(rows.map((r) => [r.key, { total: r.total, rows: r.page.map(changeRow) }]));
  return ids.map((id) => byKey.get(id) ?? { total: 0, rows: [] });
}
