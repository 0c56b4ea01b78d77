// One driver per process, and a thin runner that every data-layer statement goes through: it names
// the database on every call, routes reads as reads, counts statements (for the N+1 tests and the
// benchmarks) and turns driver values into plain JavaScript at this boundary.
import neo4j, {
  type Driver,
  isDate,
  isDateTime,
  isInt,
  type QueryConfig,
  type RecordShape,
} from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors.ts';

export interface DbOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export function createDriver(options: DbOptions): Driver {
  return neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // a database that is down answers within seconds, not after the default 30 s of retries
    maxTransactionRetryTime: 3_000,
    disableLosslessIntegers: false,
    userAgent: 'coldwar-graph',
  });
}

/** Converts driver values (Integer, Date, nodes' property maps) into plain JSON-like values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) {
    if (!value.inSafeRange()) throw new Error(`integer ${value.toString()} is outside the safe range`);
    return value.toNumber();
  }
  if (isDate(value) || isDateTime(value)) return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]),
    );
  }
  return value;
}

const unavailableCodes = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
]);

/** True when an error means the database cannot be reached (down, restarting, wrong credentials). */
export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && unavailableCodes.has(code);
}

/** What a bulk-load function may do inside its one transaction. */
export interface TxRunner {
  run(cypher: string, params?: Record<string, unknown>): Promise<unknown>;
}

export class Db {
  /** Statements sent since the process started; read before and after an operation to count. */
  statements = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

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
    try {
      const result = await this.driver.executeQuery<{ records: { toObject(): RecordShape }[] }>(
        cypher,
        params,
        {
          database: this.database,
          routing,
        },
      );
      return result.records.map((r) => toPlain(r.toObject()) as T);
    } catch (err) {
      if (isUnavailable(err)) {
        throw new DatabaseUnavailableError();
      }
      throw err;
    }
  }

  /** Runs a function in one write transaction (all or nothing); for bulk loads. */
  async writeTransaction<T>(work: (tx: TxRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) =>
        work({
          run: async (cypher, params = {}) => {
            this.statements += 1;
            return tx.run(cypher, params);
          },
        }),
      );
    } finally {
      await session.close();
    }
  }

  /** Whether the database answers a trivial read now. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.executeQuery(
        '/* ping */ RETURN 1 AS ok',
        {},
        { database: this.database, routing: neo4j.routing.READ },
      );
      return true;
    } catch {
      return false;
    }
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
  return new Db(driver, options.database);
}
