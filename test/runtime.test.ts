// The runtime: configuration errors, health and readiness, a database that is down, the start
// script's failures, and a full `npm start` on the local Neo4j that outlives a killed JVM (its
// supervisor restarts it) and leaves no JVM behind. test/outage.test.ts measures the outages.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { ConfigError, parseConfig } from '../src/config.ts';
import { connect, createDriver, Db, withoutUserInfo } from '../src/db/driver.ts';
import { StartupError } from '../src/errors.ts';
import { checkPortFree, NEO4J_VERSION, startLocalNeo4j } from '../src/runtime/local-neo4j.ts';
import { listen } from '../src/server.ts';
import { openApi } from './fixtures.ts';
import { NEO4J_IMAGE } from './global-setup.ts';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
// scripts run as `node --import tsx <script>`, as npm start does: one process, signals go straight to it
const node = (script: string) => ['--import', 'tsx', script];

/** API processes a test started; any still running after a test (a failed one) is killed. */
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});

function run(script: string, env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, node(script), {
      cwd: root,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/** The environment without any NEO4J_* or PORT settings of the developer's shell. */
function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => v !== undefined && !/^(NEO4J_|PORT$|HOST$)/.test(k)),
  ) as Record<string, string>;
}

async function occupy(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(predicate: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return predicate();
}

describe('configuration', () => {
  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ PORT: 'four thousand' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'four thousand' })).toThrow(/^invalid PORT="four thousand": /);
    expect(() => parseConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      /^invalid NEO4J_URI=.*bolt:\/\//,
    );
    expect(() => parseConfig({ NEO4J_LOCAL_HEAP_MB: '12' })).toThrow(/^invalid NEO4J_LOCAL_HEAP_MB="12"/);
    expect(() => parseConfig({ SEED_ON_START: 'yes' })).toThrow(/^invalid SEED_ON_START="yes"/);
    // a password is never echoed
    expect(() => parseConfig({ NEO4J_PASSWORD: 'hunter2' })).toThrow(
      'invalid NEO4J_PASSWORD (value hidden): must be at least 8 characters',
    );
  });

  it('leaves credentials in a URI out of messages', () => {
    expect(withoutUserInfo('neo4j+s://user:secret@db.example:7687')).toBe('neo4j+s://db.example:7687');
    expect(withoutUserInfo('bolt://127.0.0.1:7687')).toBe('bolt://127.0.0.1:7687');
  });

  it('has defaults for everything and treats empty values as unset', () => {
    const c = parseConfig({ PORT: '', NEO4J_URI: '' });
    expect(c).toMatchObject({ PORT: 4000, NEO4J_DATABASE: 'neo4j', NEO4J_LOCAL_PORT: 7687 });
    expect(c.NEO4J_URI).toBeUndefined();
  });

  it('pins one Neo4j version in the launcher, Maven, docker compose and testcontainers', () => {
    const pom = readFileSync(join(root, 'neo4j-local', 'pom.xml'), 'utf8');
    expect(pom).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`image: ${NEO4J_IMAGE}`);
    expect(NEO4J_IMAGE).toBe(`neo4j:${NEO4J_VERSION}-community`);
  });
});

describe('health and readiness', () => {
  let app: Awaited<ReturnType<typeof openApi>>['app'];
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await openApi());
  });
  // registered before the file's other afterAll hooks, so it runs after them
  afterAll(() => close());

  it('serves GraphiQL opening on the attendance question', async () => {
    const res = await app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('meeting/chervonenko-deng-1959-11-06');
  });

  it('answers /health and /ready while Neo4j answers', async () => {
    expect((await app.fetch('http://test/health')).status).toBe(200);
    expect((await app.fetch('http://test/ready')).status).toBe(200);
  });

  describe('with the database down', () => {
    const down = new Db(
      createDriver({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', database: 'neo4j' }),
      'neo4j',
    );
    const downApp = createApp(down);
    afterAll(async () => {
      await downApp.dispose();
      await down.driver.close();
    });

    it('/ready answers 503 and /health still 200', async () => {
      expect((await downApp.fetch('http://test/health')).status).toBe(200);
      const asked = Date.now();
      const ready = await downApp.fetch('http://test/ready');
      expect(ready.status).toBe(503);
      expect(Date.now() - asked).toBeLessThan(1_000);
    });

    it('a query gets DATABASE_UNAVAILABLE, without a stack trace', async () => {
      const res = await downApp.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ person(id: "person/deng-xiaoping") { name } }' }),
      });
      const body = await res.text();
      const json = JSON.parse(body);
      expect(json.errors[0]).toMatchObject({
        message: 'The graph database is not reachable right now; try again shortly.',
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      });
      expect(body).not.toMatch(/\bat .+:\d+:\d+|stack|ECONNREFUSED/);
    });
  });
});

describe('shutdown', () => {
  it('finishes a request already in flight, then refuses new connections and closes the driver', async () => {
    const db = await connect(inject('neo4j'));
    const running = await listen(createApp(db), db, 0, '127.0.0.1');
    const address = running.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
    let closed: Promise<void> | undefined;
    running.server.once('request', () => {
      closed = running.close();
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({
        query: '{ meeting(id: "meeting/chervonenko-deng-1959-11-06") { attendees { person { name } } } }',
      }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data.meeting.attendees).toHaveLength(6);
    await closed;
    await expect(fetch(url)).rejects.toThrow();
    await expect(db.read('RETURN 1 AS one')).rejects.toThrow();
  });
});

describe('start-up failures: one clear line, non-zero exit', () => {
  it('a port in use', async () => {
    const { server, port } = await occupy();
    try {
      await expect(checkPortFree(port, '127.0.0.1', 'PORT')).rejects.toThrow(StartupError);
      const r = await run('scripts/start.ts', { PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `coldwar-graph: port ${port} on 127.0.0.1 is already in use; set PORT to another port`,
      );
    } finally {
      server.close();
    }
  });

  it('the Bolt port of the local Neo4j in use', async () => {
    const { server, port } = await occupy();
    try {
      const api = await checkPortFree(0, '127.0.0.1', 'PORT');
      const r = await run('scripts/start.ts', { PORT: String(api), NEO4J_LOCAL_PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `coldwar-graph: port ${port} on 127.0.0.1 is already in use; set NEO4J_LOCAL_PORT to another port`,
      );
    } finally {
      server.close();
    }
  });

  it('Neo4j unreachable at NEO4J_URI', async () => {
    const port = await checkPortFree(0, '127.0.0.1', 'PORT');
    const r = await run('scripts/start.ts', { NEO4J_URI: 'bolt://127.0.0.1:1', PORT: String(port) });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^coldwar-graph: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 \(database "neo4j", user "neo4j"\): ServiceUnavailable/,
    );
  });

  it('a bad variable', async () => {
    const r = await run('scripts/start.ts', { NEO4J_LOCAL_PORT: '99999' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^coldwar-graph: invalid NEO4J_LOCAL_PORT="99999": /);
  });

  it('Java missing: says what to install, or to use docker compose or NEO4J_URI', async () => {
    // a PATH with node and nothing else
    const bin = mkdtempSync(join(tmpdir(), 'cwg-bin-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = await run('scripts/neo4j.ts', {
      PATH: bin,
      NEO4J_LOCAL_PORT: String(await checkPortFree(0, '127.0.0.1', 'x')),
    });
    rmSync(bin, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Java was not found\. Install a JDK 17 or 21.*docker compose up.*NEO4J_URI/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm start with NEO4J_URI', () => {
  it('uses that server, starts no Neo4j of its own, and stops on SIGTERM', async () => {
    const target = inject('neo4j');
    const port = await checkPortFree(0, '127.0.0.1', 'PORT');
    const child = spawn(process.execPath, node('scripts/start.ts'), {
      cwd: root,
      env: {
        ...cleanEnv(),
        PORT: String(port),
        NEO4J_URI: target.uri,
        NEO4J_USERNAME: target.username,
        NEO4J_PASSWORD: target.password,
        NEO4J_DATABASE: target.database,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let log = '';
    child.stderr.on('data', (d) => {
      log += d;
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(await waitFor(() => log.includes('GraphQL at'), 60_000)).toBe(true);
    expect(log).not.toMatch(/local Neo4j|seeded/);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(id: "person/yu-zhan") { aliases } }' }),
    });
    expect((await res.json()).data.person.aliases).toEqual([]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('the local launcher', () => {
  it('starts again on data left by a JVM that was killed outright', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cwg-kill-'));
    const opts = {
      dataDir,
      port: 0,
      password: 'kill-test-password',
      heapMb: 512,
      pageCacheMb: 64,
      log: () => undefined,
    };
    try {
      const first = await startLocalNeo4j(opts);
      process.kill(first.pid, 'SIGKILL');
      await first.exited;
      const second = await startLocalNeo4j(opts);
      const db = await connect({
        uri: second.uri,
        username: 'neo4j',
        password: opts.password,
        database: 'neo4j',
      });
      expect(await db.ping()).toBe(true);
      await db.driver.close();
      await second.stop();
      expect(alive(second.pid)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('npm start on the local Neo4j', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cwg-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(
    port: number,
    boltPort: number,
  ): { child: ChildProcess; log: () => string; ready: Promise<number> } {
    const child = spawn(process.execPath, node('scripts/start.ts'), {
      cwd: root,
      env: {
        ...cleanEnv(),
        PORT: String(port),
        NEO4J_LOCAL_PORT: String(boltPort),
        NEO4J_LOCAL_DATA: dataDir,
        NEO4J_LOCAL_HEAP_MB: '512',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let log = '';
    const ready = new Promise<number>((resolve, reject) => {
      child.stderr?.on('data', (d) => {
        log += d;
        const pid = /\(pid (\d+),/.exec(log);
        if (log.includes('GraphQL at') && pid) resolve(Number(pid[1]));
      });
      child.on('exit', (code) => reject(new Error(`start exited ${code}: ${log}`)));
    });
    return { child, log: () => log, ready };
  }

  async function freePort(): Promise<number> {
    return checkPortFree(0, '127.0.0.1', 'PORT');
  }

  it('serves GraphQL, stops cleanly on SIGINT, reuses its data next time, and outlives its JVM', async () => {
    const port = await freePort();
    const bolt = await freePort();
    const first = start(port, bolt);
    const jvm = await first.ready;
    expect(first.log()).toMatch(
      /seeded memcon-chervonenko-deng-1959-11-06\.json: 49 nodes, 153 relationships/,
    );
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename person(id: "person/deng-xiaoping") { name } }' }),
    });
    expect(await res.json()).toEqual({ data: { __typename: 'Query', person: { name: 'Deng Xiaoping' } } });
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    const exited = new Promise<number | null>((r) => first.child.once('exit', (c) => r(c)));
    first.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(first.log()).toContain('start: SIGINT, shutting down');
    expect(first.log()).not.toContain('exited unexpectedly');
    expect(await waitFor(() => !alive(jvm), 30_000)).toBe(true);

    // second start: same data folder, nothing to seed
    const second = start(port, bolt);
    const jvm2 = await second.ready;
    expect(second.log()).not.toMatch(/seeded/);

    // the JVM dies: the API stays up and answers DATABASE_UNAVAILABLE while the supervisor restarts it
    process.kill(jvm2, 'SIGKILL');
    const down = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(id: "person/deng-xiaoping") { name } }' }),
    });
    expect(down.status).toBe(503);
    expect((await down.json()).errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(503);
    expect(await waitFor(() => /neo4j: ready again after/.test(second.log()), 180_000)).toBe(true);
    expect(second.log()).toContain(
      'neo4j: exited unexpectedly (signal SIGKILL); restarting in 1 s (attempt 1 of 5)',
    );
    const jvm3 = Number(/neo4j: ready again after [\d.]+ s \(pid (\d+)\)/.exec(second.log())?.[1]);
    expect(jvm3).not.toBe(jvm2);
    const answered = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ person(id: "person/deng-xiaoping") { name } }' }),
      });
      return res.status === 200 && (await res.json()).data?.person?.name === 'Deng Xiaoping';
    };
    let back = false;
    for (const until = Date.now() + 5_000; !back && Date.now() < until; ) {
      back = await answered();
      if (!back) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(true);

    // the API process dies hard: its (restarted) JVM must not outlive it
    second.child.kill('SIGKILL');
    expect(await waitFor(() => !alive(jvm3), 30_000)).toBe(true);
  }, 420_000);
});
