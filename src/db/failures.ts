// How long a call to Neo4j may take, and how its failures are told apart: the timeouts and deadlines
// of src/db/driver.ts, the driver errors that mean "unreachable" or "too slow", and the conversion of
// driver values into plain JavaScript at the boundary.
import { isDate, isDateTime, isInt } from 'neo4j-driver';
import { config } from '../config.ts';

/**
 * Client-side deadline of one read call, from the call to its last record, waiting included
 * (NEO4J_QUERY_DEADLINE_MS). Read when this module loads; a configuration that does not validate is
 * reported, with its one clean line, by the command that reads it next, so the default stands here.
 */
export const READ_DEADLINE_MS = (() => {
  try {
    return config().NEO4J_QUERY_DEADLINE_MS;
  } catch {
    return 10_000;
  }
})();

/** Opening a TCP connection to Neo4j. */
export const CONNECTION_TIMEOUT_MS = 2_000;
/**
 * Waiting for a pooled connection (under load calls queue for one of the 50); this also bounds the
 * Bolt handshake with a server that hangs, which the connection timeout does not cover.
 */
export const ACQUISITION_TIMEOUT_MS = Math.max(500, READ_DEADLINE_MS - 1_000);
/**
 * Server-side timeout of a read transaction (every API request only reads): it ends a query whose
 * caller has given up, so that an abandoned call does not keep the server busy.
 */
export const READ_TIMEOUT_MS = Math.max(500, READ_DEADLINE_MS - 1_000);
/** Writes are migrations (`db.awaitIndexes` may wait 60 s) and seed loads: minutes, not seconds. */
export const WRITE_TIMEOUT_MS = 120_000;
export const WRITE_DEADLINE_MS = 130_000;
/** ping() answers within this, whatever the database does (`/ready` must answer within 1 s). */
export const PING_TIMEOUT_MS = 800;
/**
 * How long a probe waits before a call that ran out of time counts as a sign of a hung database (and
 * how long the probes wait while it is down): long enough for a busy database and event loop.
 */
export const PROBE_TIMEOUT_MS = 2_000;
/** While the database is down, how often a probe asks whether it answers again. */
export const PROBE_INTERVAL_MS = 500;
/** A probe without an answer for this long is left behind, and the next caller sends a new one. */
export const PROBE_STALE_MS = 5_000;
// The driver retries a call that lost its connection once, after about 1 s (its first retry delay);
// the default 30 s of retries would hold every request while the database is away.
export const MAX_RETRY_TIME_MS = 500;
/**
 * A read (an auto-commit transaction, which the driver does not retry) that failed with what the
 * driver would retry is sent once more after this: a broken pooled connection is gone by then.
 */
export const READ_RETRY_DELAY_MS = 200;

/** Converts driver values (Integer, Date, nodes' property maps) into plain JSON-like values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  // the rows of a compiled read are thousands of small maps and lists: plain loops, no entry arrays
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i]);
    return out;
  }
  if (isInt(value)) {
    if (!value.inSafeRange()) throw new Error(`integer ${value.toString()} is outside the safe range`);
    return value.toNumber();
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const v = toPlain((value as Record<string, unknown>)[key]);
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true });
      else out[key] = v;
    }
    return out;
  }
  if (isDate(value) || isDateTime(value)) return value.toString();
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]),
  );
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when an error means the database cannot be reached (down, restarting, wrong credentials). */
export function isUnavailable(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && unavailableCodes.has(code);
}

/** The pool had no connection to give within ACQUISITION_TIMEOUT_MS (the driver gives it no code). */
export function isAcquisitionTimeout(err: unknown): boolean {
  return /^Connection acquisition timed out/.test(String((err as Error | null)?.message));
}

/** The server ended a transaction that ran past its timeout. */
export function isTransactionTimeout(err: unknown): boolean {
  return codeOf(err)?.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ?? false;
}

/** A call that ran past its client-side deadline; turned into DatabaseTimeoutError. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/** Resolves with `work`, or with `fallback()` when `ms` pass first; `work` may go on in the background. */
export function within<T>(work: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback()), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
