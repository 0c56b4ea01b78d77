// npm run bench:gateway — what the gateway costs per request. Starts the whole system (its own
// Neo4j, seeded, and the API; bench/system.ts), the synthetic catalogue subgraph and `npm run gateway`
// as separate processes on free loopback ports, then sends the same queries, which only this graph can
// answer, straight to our /subgraph and through the gateway: BENCH_REQUESTS each (default 300),
// BENCH_CONCURRENCY at a time (default 10), in alternating rounds of 50 so both see the same machine.
// Each request asks for the next entity of the seed in turn, so that concurrent requests differ (the
// gateway merges identical requests in flight into one subgraph call, which would flatter it).
// Prints p50, p99 and req/s side by side, and the same for a query that crosses into the catalogue.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPortFree } from '../src/runtime/local-neo4j.ts';
import { quantile, startSystem } from './system.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const ROUND = 50;
const WARMUP = 30;
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Starts `node --import tsx <script>` and waits for the stderr line that says it listens. */
async function startNode(script: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let tail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-2000);
      if (ready.test(tail)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (code ${code}): ${tail}`)));
  });
  return child;
}

async function stopNode(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

// every entity of the seed, and its institutions, by id
const seeded = readdirSync('seed/extractions').flatMap((f) => {
  const x = JSON.parse(readFileSync(join('seed/extractions', f), 'utf8'));
  return [x.document.id as string, ...(x.entities as { id: string }[]).map((e) => e.id)];
});
const institutions = seeded.filter((id) => id.startsWith('institution/'));

const ours = /* GraphQL */ `
  query Entity($id: ID!) {
    node(id: $id) {
      id
      ... on Entity { name aliases description externalIds { authority value } }
    }
  }
`;
const crossing = /* GraphQL */ `
  query InstitutionAndCatalogue($id: ID!) {
    institution(id: $id) {
      name
      members { name }
      catalogueEntries { reference title holding { name } }
    }
  }
`;

let sent = 0;
async function post(url: string, query: string, ids: string[]): Promise<number> {
  const id = ids[sent++ % ids.length];
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables: { id } }),
  });
  const body = (await res.json()) as { errors?: { message: string }[] };
  if (!res.ok || body.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

/** Sends `count` requests, CONCURRENCY at a time; returns their latencies and the wall time. */
async function round(t: Pick<Target, 'url' | 'query' | 'ids'>, count: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < count) {
        next += 1;
        times.push(await post(t.url, t.query, t.ids));
      }
    }),
  );
  return { times, ms: performance.now() - started };
}

interface Target {
  name: string;
  url: string;
  query: string;
  ids: string[];
  times: number[];
  ms: number;
}

const system = await startSystem(say);
const dir = mkdtempSync(join(tmpdir(), 'coldwar-graph-bench-gateway-'));
let catalogue: ChildProcess | undefined;
let gateway: ChildProcess | undefined;
try {
  const subgraphUrl = system.url.replace(/\/graphql$/, '/subgraph');
  const cataloguePort = await checkPortFree(0, '127.0.0.1', 'CATALOGUE_PORT');
  catalogue = await startNode(
    'examples/catalogue-subgraph/server.ts',
    { CATALOGUE_PORT: String(cataloguePort), CATALOGUE_HOST: '127.0.0.1' },
    /synthetic catalogue subgraph at/,
  );
  const gatewayPort = await checkPortFree(0, '127.0.0.1', 'GATEWAY_PORT');
  const configFile = join(dir, 'gateway.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      subgraphs: [
        { name: 'coldwar', url: subgraphUrl },
        { name: 'catalogue', url: `http://127.0.0.1:${cataloguePort}/graphql` },
      ],
    }),
  );
  gateway = await startNode(
    'scripts/gateway.ts',
    { GATEWAY_CONFIG: configFile, GATEWAY_PORT: String(gatewayPort), GATEWAY_HOST: '127.0.0.1' },
    /supergraph of 2 subgraphs at/,
  );
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  say(`subgraph ${subgraphUrl}, catalogue pid ${catalogue.pid}, gateway pid ${gateway.pid} at ${gatewayUrl}`);

  const targets: Target[] = [
    { name: 'our /subgraph directly', url: subgraphUrl, query: ours, ids: seeded, times: [], ms: 0 },
    { name: 'through the gateway', url: gatewayUrl, query: ours, ids: seeded, times: [], ms: 0 },
    {
      name: 'gateway, crossing graphs',
      url: gatewayUrl,
      query: crossing,
      ids: institutions,
      times: [],
      ms: 0,
    },
  ];
  for (const t of targets) await round(t, WARMUP);
  for (let done = 0; done < REQUESTS; done += ROUND) {
    for (const t of targets) {
      const r = await round(t, Math.min(ROUND, REQUESTS - done));
      t.times.push(...r.times);
      t.ms += r.ms;
    }
  }
  say('');
  say(`command: npm run bench:gateway (BENCH_REQUESTS=${REQUESTS} BENCH_CONCURRENCY=${CONCURRENCY})`);
  say(`queries: node(id:) over the ${seeded.length} seeded entities; crossing: institution(id:) with`);
  say(
    `members (here) and catalogueEntries { holding } (catalogue, then here again) over ${institutions.length} institutions`,
  );
  say(
    `${'target'.padEnd(28)}${'requests'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'req/s'.padStart(10)}`,
  );
  const row = (t: Target) => {
    const sorted = [...t.times].sort((a, b) => a - b);
    return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), rps: (t.times.length / t.ms) * 1000 };
  };
  for (const t of targets) {
    const r = row(t);
    say(
      `${t.name.padEnd(28)}${String(t.times.length).padStart(10)}${r.p50.toFixed(1).padStart(10)}${r.p99.toFixed(1).padStart(10)}${r.rps.toFixed(0).padStart(10)}`,
    );
  }
  const [direct, through] = targets.map(row) as [ReturnType<typeof row>, ReturnType<typeof row>];
  say(
    `gateway overhead on the same query: p50 +${(through.p50 - direct.p50).toFixed(1)} ms, p99 +${(through.p99 - direct.p99).toFixed(1)} ms, throughput ${((through.rps / direct.rps) * 100).toFixed(0)}% of direct`,
  );
} finally {
  await stopNode(gateway);
  await stopNode(catalogue);
  await system.stop();
  rmSync(dir, { recursive: true, force: true });
}
