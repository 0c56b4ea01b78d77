// npm run bench:peer — this API against @neo4j/graphql and against raw Cypher, side by side over one
// Neo4j. For each scale (BENCH_SCALES="1000,10000,100000", or BENCH_PERSONS, default 10,000): loads
// the generated archive (archive.ts, load.ts), starts the three servers as their own processes
// (serve.ts), checks that they give the same answers to every operation (operations.ts; stops with a
// diff if not), counts statements and PROFILE db hits per request, then loads them with autocannon:
// warm-up, BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS each (default 5), API / lib / raw
// alternating. Prints the tables and writes bench/RESULTS.md. Uses NEO4J_URI when set, otherwise the
// project's local Neo4j on a free port (bench/database.ts); removes the synthetic data at the end.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { removeSynthetic } from '../../test-support/synthetic-graph.ts';
import { benchDatabase } from '../database.ts';
import { archiveCounts, buildArchive } from './archive.ts';
import { loadArchive } from './load.ts';
import {
  ask,
  baselineRssMiB,
  benchCall,
  type LoadResult,
  load,
  rssMiB,
  type Server,
  startServer,
  stopServer,
  TARGETS,
  type Target,
} from './measure.ts';
import { differences, sizeOf } from './normalise.ts';
import { OPERATIONS, type Operation } from './operations.ts';
import { type Cell, resultsMarkdown, type ScaleResult, scaleTable, scalingTable } from './report.ts';

const SCALES = (process.env.BENCH_SCALES ?? process.env.BENCH_PERSONS ?? '10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 12);
const say = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const targetsOf = (op: Operation): Target[] => TARGETS.filter((t) => t !== 'library' || op.library);

/** Every operation's answers from the three servers, compared; throws with the differences. */
async function check(servers: Record<Target, Server>, picks: ReturnType<typeof buildArchive>['picks']) {
  for (const op of OPERATIONS) {
    let size = 0;
    for (let i = 0; i < CHECKS; i++) {
      const vars = op.vars(picks, i);
      const raw = await ask(servers.raw, op, vars);
      size += sizeOf(raw);
      for (const t of targetsOf(op).filter((x) => x !== 'raw')) {
        const other = await ask(servers[t], op, vars);
        const diff = differences(other, raw);
        if (diff.length) {
          throw new Error(
            `${op.name} ${JSON.stringify(vars)}: ${t} and raw Cypher differ:\n  ${diff.join('\n  ')}`,
          );
        }
      }
    }
    say(
      `  ${op.name}: the same answers from ${targetsOf(op).join(', ')} (${CHECKS} requests, ${size} items)`,
    );
    if (size === 0) throw new Error(`${op.name}: every answer empty; the picks miss the archive`);
  }
}

/** Statements per request (over CHECKS requests) and PROFILE db hits of one request. */
async function cost(
  s: Server,
  op: Operation,
  picks: ScaleResultPicks,
): Promise<{ statements: number; dbHits: number }> {
  await benchCall(s, 'capture');
  for (let i = 0; i < CHECKS; i++) await ask(s, op, op.vars(picks, i));
  const all = await benchCall(s, 'profile');
  await benchCall(s, 'capture');
  await ask(s, op, op.vars(picks, 0));
  const one = await benchCall(s, 'profile');
  return { statements: (all.statements ?? 0) / CHECKS, dbHits: one.dbHits ?? 0 };
}
type ScaleResultPicks = ReturnType<typeof buildArchive>['picks'];

async function runScale(
  db: Awaited<ReturnType<typeof benchDatabase>>,
  persons: number,
): Promise<ScaleResult> {
  let started = Date.now();
  const archive = buildArchive(persons);
  const counts = archiveCounts(archive);
  await loadArchive(db.db, archive, say);
  const loadSeconds = (Date.now() - started) / 1000;
  say(
    `\n${persons} persons: ${counts.nodes} nodes, ${counts.relationships} relationships loaded in ${loadSeconds.toFixed(1)} s`,
  );
  started = Date.now();
  const servers = {} as Record<Target, Server>;
  try {
    for (const t of TARGETS) servers[t] = await startServer(t, db.target);
    say('checking answers');
    await check(servers, archive.picks);
    const costs = new Map<string, { statements: number; dbHits: number }>();
    for (const op of OPERATIONS) {
      for (const t of targetsOf(op)) costs.set(`${op.name}/${t}`, await cost(servers[t], op, archive.picks));
    }
    await sleep(2000);
    const baselineRss = await baselineRssMiB();
    const idleRss = Object.fromEntries(TARGETS.map((t) => [t, rssMiB(servers[t].child.pid)])) as Record<
      Target,
      number
    >;
    say('warming up');
    for (const op of OPERATIONS) {
      for (const t of targetsOf(op)) await load(servers[t], op, archive.picks, WARMUP_SECONDS);
    }
    const runs = new Map<string, LoadResult[]>();
    for (let round = 0; round < ROUNDS; round++) {
      say(`round ${round + 1} of ${ROUNDS}`);
      for (const op of OPERATIONS) {
        const ts = targetsOf(op);
        const order = ts.map((_, k) => ts[(k + round) % ts.length] as Target);
        for (const t of order) {
          const r = await load(servers[t], op, archive.picks, SECONDS);
          runs.set(`${op.name}/${t}`, [...(runs.get(`${op.name}/${t}`) ?? []), r]);
          say(
            `  ${op.name.padEnd(16)} ${t.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms${r.errors ? `  errors ${r.errors}` : ''}`,
          );
        }
      }
    }
    const rows = OPERATIONS.map((op) => ({
      name: op.name,
      title: op.title,
      cells: Object.fromEntries(
        targetsOf(op).map((t) => {
          const rs = runs.get(`${op.name}/${t}`) ?? [];
          const c = costs.get(`${op.name}/${t}`);
          const value: Cell = {
            rps: median(rs.map((r) => r.rps)),
            p50: median(rs.map((r) => r.p50)),
            p99: median(rs.map((r) => r.p99)),
            statements: c?.statements ?? 0,
            dbHits: c?.dbHits ?? 0,
            peakRss: Math.max(...rs.map((r) => r.peakRss)),
            errors: rs.reduce((n, r) => n + r.errors, 0),
          };
          return [t, value];
        }),
      ),
    }));
    return {
      persons,
      archive: counts.byLabel,
      loadSeconds,
      benchSeconds: (Date.now() - started) / 1000,
      idleRss,
      baselineRss,
      rows,
    };
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
  }
}

const loadAverage = loadavg()[0] ?? 0;
const libraryVersion = JSON.parse(readFileSync('node_modules/@neo4j/graphql/package.json', 'utf8')).version;
const command = `${SCALES.length > 1 ? `BENCH_SCALES=${SCALES.join(',')} ` : `BENCH_PERSONS=${SCALES[0]} `}npm run bench:peer`;

/** Writes bench/RESULTS.md with the scales measured so far (after each, so a long run leaves figures). */
function writeResults(neo4j: string, results: ScaleResult[], unfinished: number[]) {
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const info = { command, date, neo4j, rounds: ROUNDS, seconds: SECONDS, libraryVersion, loadAverage };
  const note = unfinished.length
    ? `\n(Still to measure when this was written: ${unfinished.join(', ')} persons.)\n`
    : '';
  writeFileSync('bench/RESULTS.md', resultsMarkdown(info, results) + note);
  // the project's formatter lays out markdown tables; format it as `npm run check` expects
  spawnSync('npx', ['biome', 'format', '--write', 'bench/RESULTS.md'], { stdio: 'ignore' });
}

const db = await benchDatabase({ log: () => {} });
const results: ScaleResult[] = [];
try {
  const [version] = await db.db.read<{ v: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name + " " + versions[0] + " " + edition AS v',
  );
  say(`Neo4j: ${version?.v} (${db.via})`);
  for (const [k, persons] of SCALES.entries()) {
    const result = await runScale(db, persons);
    results.push(result);
    say(`\n${scaleTable(result)}`);
    writeResults(String(version?.v), results, SCALES.slice(k + 1));
  }
  const scaling = scalingTable(results);
  if (scaling) say(`\n${scaling}`);
  say('\nwrote bench/RESULTS.md');
} finally {
  if (db.shared) say(`removed ${await removeSynthetic(db.db)} synthetic nodes`);
  await db.stop();
}
