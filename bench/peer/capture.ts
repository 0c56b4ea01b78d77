// What each benchmark server sends to Neo4j: counts every statement and, while capturing, keeps the
// statements with their parameters, so that the parent can ask for statements per request and for
// PROFILE db hits of exactly the Cypher each server sent. Served on /__bench/* beside each server's
// own routes (never timed).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Driver, ManagedTransaction, ProfiledPlan, Session } from 'neo4j-driver';

interface Sent {
  cypher: string;
  params: Record<string, unknown>;
}

export class Capture {
  statements = 0;
  private capturing = false;
  private sent: Sent[] = [];

  note(cypher: string, params: Record<string, unknown> | undefined): void {
    this.statements += 1;
    if (this.capturing) this.sent.push({ cypher, params: params ?? {} });
  }

  start(): void {
    this.capturing = true;
    this.sent = [];
  }

  /** Stops capturing; returns the statements sent since start(). */
  stop(): Sent[] {
    this.capturing = false;
    return this.sent;
  }
}

function counted(tx: ManagedTransaction, capture: Capture): ManagedTransaction {
  return new Proxy(tx, {
    get(target, key) {
      if (key === 'run') {
        return (cypher: string, params?: Record<string, unknown>) => {
          capture.note(cypher, params);
          return target.run(cypher, params);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A driver whose sessions' managed transactions note each statement (for @neo4j/graphql). */
export function countingDriver(driver: Driver, capture: Capture): Driver {
  return new Proxy(driver, {
    get(target, key) {
      if (key === 'session') {
        return (config: Parameters<Driver['session']>[0]) => {
          const session = target.session(config);
          return new Proxy(session, {
            get(s, k) {
              if (k === 'executeRead' || k === 'executeWrite') {
                return (work: (tx: ManagedTransaction) => unknown, cfg: unknown) =>
                  (s[k] as Session['executeRead'])((tx) => work(counted(tx, capture)), cfg as never);
              }
              const value = Reflect.get(s, k);
              return typeof value === 'function' ? value.bind(s) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const hits = (plan: ProfiledPlan | false | undefined): number =>
  plan ? plan.dbHits + plan.children.reduce((n, c) => n + hits(c), 0) : 0;

/** PROFILE of each statement (after a `CYPHER …` options line, if any); the sum of their db hits. */
export async function profileHits(driver: Driver, database: string, sent: Sent[]): Promise<number> {
  let total = 0;
  const session = driver.session({ database });
  try {
    for (const s of sent) {
      const options = /^\s*CYPHER[^\n]*\n/.exec(s.cypher)?.[0] ?? '';
      const result = await session.run(`${options}PROFILE ${s.cypher.slice(options.length)}`, s.params);
      total += hits(result.summary.profile);
    }
  } finally {
    await session.close();
  }
  return total;
}

/**
 * Handles /__bench/*: GET stats (statements so far), POST capture (start), POST profile (stop; the
 * statements captured and their PROFILE db hits). False for any other path.
 */
export function benchRoute(
  req: IncomingMessage,
  res: ServerResponse,
  capture: Capture,
  profileDriver: Driver,
  database: string,
): boolean {
  if (!req.url?.startsWith('/__bench/')) return false;
  const reply = (value: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.url === '/__bench/stats') reply({ statements: capture.statements });
  else if (req.url === '/__bench/capture') {
    capture.start();
    reply({ ok: true });
  } else if (req.url === '/__bench/profile') {
    const sent = capture.stop();
    profileHits(profileDriver, database, sent).then(
      (dbHits) => reply({ statements: sent.length, dbHits }),
      (err: Error) => reply({ error: err.message }, 500),
    );
  } else reply({ error: 'unknown' }, 404);
  return true;
}
