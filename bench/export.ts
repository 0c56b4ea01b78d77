import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../src/db/driver.ts';
import { FORMAT_NAMES } from '../src/export/formats.ts';
import { exportRoute } from '../src/export/index.ts';
import { seed } from '../src/seed/index.ts';
import { makeUris } from '../src/uris.ts';
import { runNode } from '../test-support/run-node.ts';
import { generateGraph, removeSynthetic } from '../test-support/synthetic-graph.ts';
import { type BenchTarget, benchDatabase } from './database.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
/** BENCH_FORMATS: which formats, comma-separated (default: all of them). */
const FORMATS = (process.env.BENCH_FORMATS ?? FORMAT_NAMES.join(',')).split(',').map((f) => f.trim());
const say = (line: string) => process.stdout.write(`${line}\n`);

// Child mode: stream the whole graph through the HTTP route (no port: route.handle) and report.
if (process.argv[2] === '--http-child') {
  const target = JSON.parse(process.env.BENCH_TARGET ?? '{}') as BenchTarget;
  const format = process.argv[3] ?? 'graphml';
  const db = await connect(target);
  const route = exportRoute({ db, uris: makeUris('http://bench.example.org') });
  const url = `http://bench.example.org/export?format=${format}`;
  const started = performance.now();
  const res = await route.handle(new Request(url), new URL(url));
  const rows = Number(res.headers.get('x-export-nodes')) + Number(res.headers.get('x-export-edges'));
  let bytes = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ status: res.status, rows, bytes, seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
  await db.driver.close();
  process.exit(0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const { db, target, stop, via, shared } = await benchDatabase({ pageCacheMb: 1024, log: say });
const outDir = mkdtempSync(join(tmpdir(), 'coldwar-graph-export-bench-'));
const env = {
  NEO4J_URI: target.uri,
  NEO4J_USERNAME: target.username,
  NEO4J_PASSWORD: target.password,
  NEO4J_DATABASE: target.database,
  PUBLIC_BASE_URL: 'http://bench.example.org',
};

/** One `npm run export` in a process of its own; its summary line parsed. */
async function cli(format: string, label: string) {
  const out = join(outDir, `${label}.${format === 'csv' ? 'csv.d' : format}`);
  const started = performance.now();
  const r = await runNode(['--import', 'tsx', 'scripts/export.ts', '--format', format, '--out', out], env);
  const wall = (performance.now() - started) / 1000;
  const summary = r.err.trim().split('\n').at(-1) ?? '';
  const m = /: ([\d,]+) rows in ([\d.]+) s \(([\d,]+) rows\/s\), peak RSS ([\d.]+) MB/.exec(summary);
  if (r.code !== 0 || !m) {
    say(`${label} ${format}: FAILED (exit ${r.code}): ${r.err.trim().slice(-2000)}`);
    return;
  }
  const size =
    format === 'csv'
      ? statSync(join(out, 'nodes.csv')).size + statSync(join(out, 'edges.csv')).size
      : statSync(out).size;
  say(
    `${`${label} ${format}`.padEnd(22)} rows ${m[1]?.padStart(9)}  ${m[2]?.padStart(6)} s  ${m[3]?.padStart(7)} rows/s  peak RSS ${m[4]?.padStart(6)} MB  output ${mb(size).padStart(9)}  (wall ${wall.toFixed(1)} s, Node start included)`,
  );
}

async function http(format: string) {
  const r = await runNode(['--import', 'tsx', 'bench/export.ts', '--http-child', format], {
    BENCH_TARGET: JSON.stringify(target),
  });
  if (r.code !== 0) {
    say(`HTTP ${format}: FAILED (exit ${r.code}): ${r.err.trim().slice(-2000)}`);
    return;
  }
  const x = JSON.parse(r.out.trim().split('\n').at(-1) ?? '{}') as {
    status: number;
    rows: number;
    bytes: number;
    seconds: number;
    maxRssKb: number;
  };
  say(
    `${`HTTP ${format}`.padEnd(22)} rows ${x.rows.toLocaleString('en').padStart(9)}  ${x.seconds.toFixed(1).padStart(6)} s  ${Math.round(
      x.rows / x.seconds,
    )
      .toLocaleString('en')
      .padStart(
        7,
      )} rows/s  peak RSS ${(x.maxRssKb / 1024).toFixed(1).padStart(6)} MB  output ${mb(x.bytes).padStart(9)}  (status ${x.status})`,
  );
}

try {
  say(`Neo4j: ${via}`);
  await seed(db);
  say('baseline: the seed alone');
  for (const format of FORMATS) await cli(format, 'seed');

  let started = Date.now();
  const g = await generateGraph(db, { persons: PERSONS });
  const [counts] = await db.read<{ nodes: number; rels: number }>(
    `/* benchCounts */
     CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
     CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
     RETURN nodes, rels`,
  );
  say(
    `generated ${g.persons.length.toLocaleString('en')} persons (graph: ${counts?.nodes.toLocaleString('en')} nodes, ${counts?.rels.toLocaleString('en')} relationships) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  started = Date.now();
  say(
    `whole graph, ${PERSONS.toLocaleString('en')} persons (rows = nodes + relationships; csv edges.csv has one line per passage)`,
  );
  for (const format of FORMATS) await cli(format, `${PERSONS / 1000}k`);
  await http('graphml');
} finally {
  // the temporary Neo4j goes with its data; a shared one keeps only what it had
  if (shared) say(`removed ${(await removeSynthetic(db)).toLocaleString('en')} synthetic nodes`);
  await stop();
  if (process.env.BENCH_KEEP !== '1') rmSync(outDir, { recursive: true, force: true });
  else say(`files kept in ${outDir}`);
}
