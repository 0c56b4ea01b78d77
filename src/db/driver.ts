// One driver per process, and a thin runner that every data-layer statement goes through: it names
// the database on every call, routes reads as reads, counts statements (for the N+1 tests and the
// benchmarks) and turns driver values into plain JavaScript at this boundary.
//
// Time is bounded: connecting and acquiring a connection are short, every transaction carries a
// server-side timeout, and every call a client-side deadline that ends it whatever the server does
// (a hung JVM answers nothing, not even its own timeout). Every failure of that kind leaves with a
// code: DATABASE_UNAVAILABLE (503) or DATABASE_TIMEOUT (504). Once a call finds the database
// unreachable, or runs out of time and a probe gets no answer either, the Db remembers it as down:
// calls waiting on it and calls to come fail at once, without the driver's retries, until a
// background probe (every PROBE_INTERVAL_MS) sees it answer. Probes run on a connection of their
// own, so a database that is merely busy is not taken for one that is down.
import neo4j, { type BookmarkManager, type Driver, type QueryConfig, type RecordShape } from 'neo4j-driver';
import { CodedError, DatabaseTimeoutError, DatabaseUnavailableError } from '../errors.ts';
import {
  ACQUISITION_TIMEOUT_MS,
  CONNECTION_TIMEOUT_MS,
  DeadlineExceeded,
  isAcquisitionTimeout,
  isTransactionTimeout,
  isUnavailable,
  MAX_RETRY_TIME_MS,
  PING_TIMEOUT_MS,
  READ_DEADLINE_MS,
  READ_RETRY_DELAY_MS,
  READ_TIMEOUT_MS,
  toPlain,
  WRITE_DEADLINE_MS,
  WRITE_TIMEOUT_MS,
} from './failures.ts';
import { type DbHealth, HealthMonitor } from './health.ts';

export interface DbOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/**
 * The driver's settings, reviewed for throughput (README, "Performance"). A read is one statement
 * (the compiled reads, src/data/compiled/) in one auto-commit transaction (Db.autoCommitRead):
 * - pool: 50 connections, more than the requests one process keeps in flight against a database
 *   of a few cores (a request holds one for one statement at a time); none is checked for liveness
 *   when borrowed (no extra round trip), and a broken one is replaced when a call finds it broken;
 * - fetch size: the driver's 1000 records per batch; a compiled read returns one row (a root list
 *   one row with its page), the loaders' batches at most MAX_BATCH rows, so a read is one batch;
 * - the database is named on every call (no round trip to resolve a home database), and a `bolt://`
 *   URI needs no routing table;
 * - notifications off: the server neither works out nor sends warnings nobody reads; telemetry
 *   messages off;
 * - integers stay lossless and are converted once, at the runner's boundary (failures.ts toPlain).
 */
export function createDriver(options: DbOptions, maxConnectionPoolSize = 50): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
    maxConnectionPoolSize,
    connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    maxTransactionRetryTime: MAX_RETRY_TIME_MS,
    fetchSize: 1000,
    notificationFilter: { minimumSeverityLevel: 'OFF' },
    telemetryDisabled: true,
    disableLosslessIntegers: false,
    userAgent: 'coldwar-graph',
  });
}

/** What a bulk-load function may do inside its one transaction. */
export interface TxRunner {
  run(cypher: string, params?: Record<string, unknown>): Promise<unknown>;
  /** Runs a statement in the transaction and returns its rows as plain values (as `read` does). */
  query<T = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

export type { DbHealth } from './health.ts';

export class Db {
  /** Statements sent since the process started; read before and after an operation to count. */
  statements = 0;
  /** The driver's bookmarks over a routing URI (a cluster), so that reads follow writes; none over bolt://. */
  private readonly bookmarks: BookmarkManager | undefined;
  /** Whether the database is known down, and the probes that tell when it answers again. */
  private readonly monitor: HealthMonitor;

  /**
   * `probeDriver`, when given, is a driver of its own for probes (a connection or two), so that a probe
   * never waits behind busy calls for a connection; it is closed with `driver`, as callers close
   * `db.driver`.
   */
  constructor(
    readonly driver: Driver,
    readonly database: string,
    probeDriver?: Driver,
    routingUri = false,
  ) {
    this.monitor = new HealthMonitor(probeDriver ?? driver, database);
    this.bookmarks = routingUri ? driver.executeQueryBookmarkManager : undefined;
    const close = driver.close.bind(driver);
    driver.close = async () => {
      this.monitor.close();
      await Promise.all([close(), probeDriver?.close()]);
    };
  }

  /** 'down' from the moment a call (or markDown) finds the database unreachable until a probe answers. */
  get health(): DbHealth {
    return this.monitor.health;
  }

  /** Calls `listener` at each change of health; returns a function that unsubscribes. */
  onHealthChange(listener: (health: DbHealth) => void): () => void {
    return this.monitor.onHealthChange(listener);
  }

  /**
   * Marks the database down now (the supervisor saw its JVM exit, or a call found it unreachable):
   * calls waiting on it and calls to come fail with DATABASE_UNAVAILABLE until a probe sees it answer.
   */
  markDown(): void {
    this.monitor.markDown();
  }

  /**
   * Resolves with `work` unless its deadline passes first (DeadlineExceeded) or the database is found
   * down meanwhile (DatabaseUnavailableError).
   */
  private bounded<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (err: unknown) => {
        clearTimeout(timer);
        this.monitor.waiting.delete(fail);
        reject(err);
      };
      const timer = setTimeout(
        () => fail(new DeadlineExceeded(`no answer within ${deadlineMs} ms`)),
        deadlineMs,
      );
      this.monitor.waiting.add(fail);
      work.then((value) => {
        clearTimeout(timer);
        this.monitor.waiting.delete(fail);
        resolve(value);
      }, fail);
    });
  }

  /** The coded error a client sees for a failed call, updating what the Db knows of the database. */
  private coded(err: unknown): unknown {
    if (err instanceof CodedError) return err;
    if (err instanceof DeadlineExceeded) {
      // no answer by the deadline: the database may hang (or be overloaded, which the probe tells)
      this.monitor.suspect();
      return new DatabaseTimeoutError();
    }
    if (isTransactionTimeout(err)) return new DatabaseTimeoutError();
    if (isAcquisitionTimeout(err)) {
      this.monitor.suspect();
      return new DatabaseUnavailableError();
    }
    if (isUnavailable(err)) {
      this.markDown();
      return new DatabaseUnavailableError();
    }
    return err;
  }

  /** Runs a read statement (routed to a reader); the statement starts with its name comment. */
  read<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.READ);
  }

  /** Runs a write statement (routed to the leader). */
  write<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.run<T>(cypher, params, neo4j.routing.WRITE);
  }

  private async run<T>(
    cypher: string,
    params: Record<string, unknown>,
    routing: QueryConfig['routing'],
  ): Promise<T[]> {
    this.statements += 1;
    if (this.monitor.health === 'down') throw new DatabaseUnavailableError();
    const reading = routing === neo4j.routing.READ;
    // A call given up on (deadline, database found down) is left to end by itself: the server's
    // timeout ends it, or its connection fails. (No abort signal: the session.close() it triggers may
    // reject where nothing can catch it.)
    const query = reading
      ? this.autoCommitRead(cypher, params)
      : this.driver
          .executeQuery<{ records: { toObject(): RecordShape }[] }>(cypher, params, {
            database: this.database,
            routing,
            transactionConfig: { timeout: WRITE_TIMEOUT_MS },
          })
          .then((result) => result.records);
    try {
      const records = await this.bounded(query, reading ? READ_DEADLINE_MS : WRITE_DEADLINE_MS);
      return records.map((r) => toPlain(r.toObject()) as T);
    } catch (err) {
      throw this.coded(err);
    }
  }

  /**
   * A read in an auto-commit transaction: RUN and PULL in one round trip, where a managed one
   * (`executeQuery`, `executeRead`) adds BEGIN and COMMIT and a bookmark manager's work; for one
   * statement that only reads, the transaction is the same. What the managed one would retry (a
   * pooled connection found broken, a transient error) is retried here once, after READ_RETRY_DELAY_MS.
   * Over a routing URI (neo4j://, a cluster) the reads share the driver's bookmarks with the writes
   * of `write`, so a read sees what was written before it.
   */
  private async autoCommitRead(
    cypher: string,
    params: Record<string, unknown>,
  ): Promise<{ toObject(): RecordShape }[]> {
    const once = async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.bookmarks,
      });
      try {
        return (await session.run(cypher, params, { timeout: READ_TIMEOUT_MS })).records;
      } finally {
        await session.close().catch(() => undefined);
      }
    };
    try {
      return await once();
    } catch (err) {
      if (!neo4j.isRetryableError(err) || this.monitor.health === 'down') throw err;
      await new Promise((done) => setTimeout(done, READ_RETRY_DELAY_MS));
      return once();
    }
  }

  /**
   * Runs a function in one write transaction (all or nothing); for bulk loads and edits. `timeoutMs`
   * (default WRITE_TIMEOUT_MS) bounds it on the server; the client's deadline is 10 s more.
   */
  async writeTransaction<T>(
    work: (tx: TxRunner) => Promise<T>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    const timeout = options.timeoutMs ?? WRITE_TIMEOUT_MS;
    if (this.monitor.health === 'down') throw new DatabaseUnavailableError();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    let hanging = false;
    try {
      const done = session.executeWrite(
        (tx) =>
          work({
            run: async (cypher, params = {}) => {
              this.statements += 1;
              return tx.run(cypher, params);
            },
            query: async <R>(cypher: string, params: Record<string, unknown> = {}) => {
              this.statements += 1;
              const result = await tx.run(cypher, params);
              return result.records.map((r) => toPlain(r.toObject()) as R);
            },
          }),
        { timeout },
      );
      return await this.bounded(done, timeout + (WRITE_DEADLINE_MS - WRITE_TIMEOUT_MS));
    } catch (err) {
      // given up on by its deadline or because the database was found down: it may still hang
      hanging = err instanceof DeadlineExceeded || err instanceof DatabaseUnavailableError;
      throw this.coded(err);
    } finally {
      // a session whose transaction may hang is left to close in the background
      const closing = session.close().catch(() => undefined);
      if (!hanging) await closing;
    }
  }

  /**
   * Whether the database answers a trivial read now; answers within PING_TIMEOUT_MS whatever the
   * database does. A database known down is not asked (the background probe is); one found
   * unreachable is marked down. One merely slow to answer is not: the deadlines of calls judge that.
   */
  async ping(): Promise<boolean> {
    if (this.monitor.health === 'down') return false;
    const result = await this.monitor.probe(PING_TIMEOUT_MS);
    if (result === 'unreachable') this.markDown();
    return result === 'ok';
  }
}

/** The URI without any `user:password@` part, for messages. */
export function withoutUserInfo(uri: string): string {
  return uri.replace(/^([a-z0-9+]+:\/\/)[^@/]*@/, '$1');
}

/** Connects and verifies, or throws one line naming the URI and what failed. */
export async function connect(options: DbOptions): Promise<Db> {
  const driver = createDriver(options);
  try {
    await driver.verifyConnectivity({ database: options.database });
  } catch (err) {
    await driver.close();
    const e = err as { code?: string; message?: string };
    throw new Error(
      `cannot reach Neo4j at ${withoutUserInfo(options.uri)} (database "${options.database}", user "${options.username}"): ${e.code ?? 'error'}: ${(e.message ?? '').split('\n')[0]}`,
    );
  }
  // probes get connections of their own, which busy calls cannot hold up
  return new Db(driver, options.database, createDriver(options, 2), /^neo4j(\+s|\+ssc)?:/.test(options.uri));
}
