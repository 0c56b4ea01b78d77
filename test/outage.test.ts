// Outages, against a real Neo4j of the test's own: the local Neo4j under its supervisor, the app on
// top, then its JVM hung (SIGSTOP) and killed (SIGKILL). Asserts the codes, the time each request and
// `/ready` take, the restart on the same port and data, the recovery, and the supervisor giving up.
// Prints the observed figures ([outage] lines) so they can be quoted.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { connect, type Db } from '../src/db/driver.ts';
import { ACQUISITION_TIMEOUT_MS, PING_TIMEOUT_MS, READ_DEADLINE_MS } from '../src/db/failures.ts';
import { migrate } from '../src/db/migrations.ts';
import { checkPortFree } from '../src/runtime/local-neo4j.ts';
import {
  nextRestart,
  type SupervisedNeo4j,
  type SupervisorEvent,
  superviseLocalNeo4j,
} from '../src/runtime/supervisor.ts';

const PASSWORD = 'outage-test-password';
const QUERY = '{ people(first: 1) { totalCount } }';
const figure = (line: string) => console.log(`[outage] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('restart policy', () => {
  it('backs off 1 s, 2 s, 4 s … up to 30 s, and gives up after 5 restarts within 10 minutes', () => {
    const now = 100 * 60_000;
    const ago = (...seconds: number[]) => seconds.map((x) => now - x * 1_000);
    expect(nextRestart([], now)).toEqual({ attempt: 1, delayMs: 1_000 });
    expect(nextRestart(ago(5), now)).toEqual({ attempt: 2, delayMs: 2_000 });
    expect(nextRestart(ago(1, 2, 3, 4), now)).toEqual({ attempt: 5, delayMs: 16_000 });
    expect(nextRestart(ago(1, 2, 3, 4, 5), now)).toBeNull();
    // restarts older than the window no longer count
    expect(nextRestart(ago(11 * 60, 1), now)).toEqual({ attempt: 2, delayMs: 2_000 });
    const roomy = { backoffMs: 1_000, maxBackoffMs: 30_000, maxRestarts: 10, windowMs: 60_000 };
    expect(nextRestart(ago(1, 2, 3, 4, 5, 6), now, roomy)?.delayMs).toBe(30_000);
  });
});

describe('a supervised local Neo4j that hangs or dies', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cwg-outage-'));
  let neo: SupervisedNeo4j;
  let db: Db;
  let app: App;
  let boltPort = 0;
  // as npm start does, the supervisor tells the Db at once when the JVM exits (switched off to
  // measure what the Db finds out by itself, as with a server at NEO4J_URI)
  let tellDb = true;
  const lines: string[] = [];
  const waiting: { type: SupervisorEvent['type']; resolve: (e: SupervisorEvent) => void }[] = [];

  /** The next supervisor event of a type; ask before causing it. */
  function next(type: SupervisorEvent['type'], timeoutMs: number): Promise<SupervisorEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
      waiting.push({
        type,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  interface Answer {
    status: number;
    code?: string;
    ok: boolean;
    ms: number;
  }

  async function gql(target: App = app): Promise<Answer> {
    const started = Date.now();
    const res = await target.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await res.json()) as {
      data?: { people?: { totalCount: number } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    return {
      status: res.status,
      code: body.errors?.[0]?.extensions?.code,
      ok: res.status === 200 && !body.errors && typeof body.data?.people?.totalCount === 'number',
      ms: Date.now() - started,
    };
  }

  async function ready(target: App = app): Promise<{ status: number; ms: number }> {
    const started = Date.now();
    const res = await target.fetch('http://test/ready');
    await res.text();
    return { status: res.status, ms: Date.now() - started };
  }

  /** Asks until a request succeeds; the time from `since` to that answer. */
  async function untilAnswered(since: number, withinMs: number, target: App = app): Promise<number> {
    while (Date.now() - since < withinMs) {
      if ((await gql(target)).ok) return Date.now() - since;
      await sleep(100);
    }
    throw new Error(`no answer within ${withinMs} ms`);
  }

  beforeAll(async () => {
    // a fixed port, chosen once: the restarted JVM must come back where the driver looks
    boltPort = await checkPortFree(0, '127.0.0.1', 'NEO4J_LOCAL_PORT');
    const started = Date.now();
    neo = await superviseLocalNeo4j({
      dataDir,
      port: boltPort,
      password: PASSWORD,
      heapMb: 512,
      pageCacheMb: 64,
      policy: { maxRestarts: 3 },
      log: (line) => {
        lines.push(line);
        figure(line);
      },
      onEvent: (event) => {
        if (event.type === 'exited' && tellDb) db.markDown();
        for (const w of waiting.filter((x) => x.type === event.type)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(event);
        }
      },
    });
    figure(`Neo4j ready at ${neo.uri} (pid ${neo.pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    db = await connect({ uri: neo.uri, username: 'neo4j', password: PASSWORD, database: 'neo4j' });
    await migrate(db);
    app = createApp(db);
  }, 240_000);

  afterAll(async () => {
    await app?.dispose();
    await db?.driver.close();
    if (neo) {
      // never leave a stopped JVM behind (a failed hang test)
      try {
        process.kill(neo.pid, 'SIGCONT');
      } catch {
        // already gone
      }
      await neo.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers while Neo4j runs', async () => {
    for (let i = 0; i < 3; i++) expect((await gql()).ok).toBe(true);
    expect((await ready()).status).toBe(200);
  });

  /**
   * Stops the JVM (SIGSTOP) for `forMs`, sending requests and readiness checks at the given offsets,
   * then lets it go on (SIGCONT) and waits until `target` answers again.
   */
  async function hang(target: App, label: string, requestsAt: number[], readyAt: number[], forMs: number) {
    const pid = neo.pid;
    process.kill(pid, 'SIGSTOP');
    let resumedAt = 0;
    try {
      const requests = requestsAt.map(async (offset) => {
        await sleep(offset);
        return { offset, ...(await gql(target)) };
      });
      const readiness = readyAt.map(async (offset) => {
        await sleep(offset);
        return { offset, ...(await ready(target)) };
      });
      const results = await Promise.all(requests);
      const readies = await Promise.all(readiness);
      await sleep(Math.max(0, forMs - Math.max(...requestsAt, ...readyAt)));
      for (const r of results)
        figure(`${label}: request sent at +${r.offset} ms: HTTP ${r.status} ${r.code} after ${r.ms} ms`);
      for (const r of readies)
        figure(`${label}: /ready asked at +${r.offset} ms: HTTP ${r.status} after ${r.ms} ms`);
      return { results, readies, back: () => untilAnswered(resumedAt, 10_000, target) };
    } finally {
      process.kill(pid, 'SIGCONT');
      resumedAt = Date.now();
      // nothing restarted: the same JVM
      expect(neo.pid).toBe(pid);
    }
  }

  it('a hung Neo4j (SIGSTOP): a call ends at its deadline with DATABASE_TIMEOUT, later ones at once', async () => {
    // connections to spare, so that calls wait on the hung server rather than for a connection
    await Promise.all(Array.from({ length: 12 }, () => gql()));
    const { results, readies, back } = await hang(
      app,
      'hung',
      [0, 0, 1_500, 8_000, 8_500],
      [0, 8_000],
      9_000,
    );
    // the first calls end at their deadline
    expect(results[0]).toMatchObject({ status: 504, code: 'DATABASE_TIMEOUT' });
    expect(results[0]!.ms).toBeGreaterThanOrEqual(READ_DEADLINE_MS - 50);
    for (const r of results) {
      expect(['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT']).toContain(r.code);
      expect([503, 504]).toContain(r.status);
      expect(r.ms).toBeLessThanOrEqual(READ_DEADLINE_MS + 500);
    }
    // once a call has run out of time (at 5 s) and a probe had no answer either (by 7 s), the
    // database is known down: later requests fail at once
    for (const r of results.filter((x) => x.offset >= 8_000)) {
      expect(r).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(200);
    }
    for (const r of readies) {
      expect(r.status).toBe(503);
      expect(r.ms).toBeLessThan(1_000);
    }
    const answered = await back();
    figure(`hung: answered again ${answered} ms after SIGCONT`);
    expect(answered).toBeLessThan(5_000);
    expect((await ready()).status).toBe(200);
  }, 60_000);

  it('a hung Neo4j with no connection to spare: DATABASE_UNAVAILABLE once none comes in time', async () => {
    // a fresh pool holds the one connection connect() verified
    const fresh = await connect({ uri: neo.uri, username: 'neo4j', password: PASSWORD, database: 'neo4j' });
    const freshApp = createApp(fresh);
    try {
      const { results, readies, back } = await hang(
        freshApp,
        'hung, no spare connection',
        [0, 0, 500, 7_000],
        [0, 7_000],
        8_000,
      );
      for (const r of results) {
        expect(['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT']).toContain(r.code);
        expect([503, 504]).toContain(r.status);
        expect(r.ms).toBeLessThanOrEqual(READ_DEADLINE_MS + 500);
      }
      // the calls waiting for a connection end when none comes in time (or, if the probe that
      // follows has no answer either, as soon as the database is marked down)
      for (const r of results.slice(1, 3)) {
        expect(r).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
        expect(r.ms).toBeLessThanOrEqual(ACQUISITION_TIMEOUT_MS + 200);
      }
      expect(results[3]).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(results[3]!.ms).toBeLessThan(200);
      for (const r of readies) {
        expect(r.status).toBe(503);
        expect(r.ms).toBeLessThan(1_000);
      }
      const answered = await back();
      figure(`hung, no spare connection: answered again ${answered} ms after SIGCONT`);
      expect(answered).toBeLessThan(5_000);
    } finally {
      await freshApp.dispose();
      await fresh.driver.close();
    }
  }, 60_000);

  it('a killed Neo4j (SIGKILL): 503 at once, /ready 503, restarted on the same port and data, answers again', async () => {
    const before = neo.pid;
    const exited = next('exited', 10_000);
    const readyAgain = next('ready', 180_000);
    const killedAt = Date.now();
    process.kill(before, 'SIGKILL');
    const first = await gql();
    const firstMs = Date.now() - killedAt;
    const probe = await ready();
    const readyMs = Date.now() - killedAt;
    const second = await gql();
    figure(`killed: first request HTTP ${first.status} ${first.code} ${firstMs} ms after the kill`);
    figure(`killed: /ready HTTP ${probe.status} ${readyMs} ms after the kill (it took ${probe.ms} ms)`);
    figure(`killed: next request HTTP ${second.status} ${second.code} in ${second.ms} ms`);
    expect(first).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(firstMs).toBeLessThan(2_000);
    expect(probe.status).toBe(503);
    expect(readyMs).toBeLessThan(2_000);
    expect(second).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    expect(second.ms).toBeLessThan(200);

    const exit = await exited;
    expect(exit).toMatchObject({ type: 'exited', status: { signal: 'SIGKILL' }, attempt: 1, delayMs: 1_000 });
    const up = await readyAgain;
    const upAt = Date.now();
    const back = await untilAnswered(upAt, 10_000);
    figure(
      `killed: restarted in ${((up.type === 'ready' ? up.downMs : 0) / 1000).toFixed(1)} s after the exit (pid ${neo.pid}); answered again ${back} ms after the supervisor reported ready`,
    );
    expect(back).toBeLessThan(5_000);
    expect(neo.pid).not.toBe(before);
    expect(neo.uri).toBe(`bolt://127.0.0.1:${boltPort}`);
    expect((await ready()).status).toBe(200);
    expect(lines).toContain(
      'neo4j: exited unexpectedly (signal SIGKILL); restarting in 1 s (attempt 1 of 3)',
    );
    expect(lines.some((l) => /^neo4j: ready again after \d+(\.\d)? s \(pid \d+\)$/.test(l))).toBe(true);
  }, 240_000);

  it('gives up after its restarts fail, and the API keeps answering DATABASE_UNAVAILABLE', async () => {
    // this time the Db finds out by itself, as it would for a server at NEO4J_URI
    tellDb = false;
    let blocker: Server | undefined;
    const exited = next('exited', 10_000);
    const gaveUp = next('gave-up', 60_000);
    try {
      const killedAt = Date.now();
      process.kill(neo.pid, 'SIGKILL');
      const first = await gql();
      const firstMs = Date.now() - killedAt;
      figure(
        `killed, Db not told: first request HTTP ${first.status} ${first.code} ${firstMs} ms after the kill`,
      );
      expect(first).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(firstMs).toBeLessThan(2_000);
      expect((await gql()).ms).toBeLessThan(200);
      expect(await exited).toMatchObject({ attempt: 2, delayMs: 2_000 });
      // something else takes the Bolt port: every restart fails
      blocker = createServer();
      const b = blocker;
      await new Promise<void>((r) => b.listen(boltPort, '127.0.0.1', () => r()));
      const started = Date.now();
      await gaveUp;
      figure(`gave up ${((Date.now() - started) / 1000).toFixed(1)} s after the exit`);
      expect(neo.state).toBe('failed');
      const failed = lines.filter((l) => l.startsWith('neo4j: restart failed (port '));
      expect(failed).toHaveLength(2);
      expect(failed[0]).toMatch(
        /in use; set NEO4J_LOCAL_PORT to another port\); restarting in 4 s \(attempt 3 of 3\)$/,
      );
      expect(failed[1]).toMatch(
        /; gave up after 3 restarts within 10 min, requests get DATABASE_UNAVAILABLE/,
      );
      const after = await gql();
      expect(after).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(after.ms).toBeLessThan(200);
      const probe = await ready();
      expect(probe.status).toBe(503);
      expect(probe.ms).toBeLessThan(PING_TIMEOUT_MS + 200);
    } finally {
      blocker?.close();
    }
  }, 90_000);
});
