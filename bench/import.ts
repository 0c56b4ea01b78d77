// npm run bench:import — the speed of `npm run import` at scale. Generates two synthetic archives
// (test-support/synthetic-bundle.ts; BENCH_PERSONS persons each, default 100,000, with their
// institutions and meetings, in register volumes of 6,250 persons so that each bundle is under
// MAX_IMPORT_ROWS) and imports them, each archive with one CLI run in a process of its own: A into an
// empty database, B (persons and meetings of its own, the same institutions) into the database A
// filled, and A again (nothing to change). Prints rows/s and relationships/s (each with its evidence
// passage) of the transactions, where their time goes (report.phases), the near-match search, the whole command, and the importer's peak
// RSS. Starts a temporary local Neo4j (2 GiB heap), or uses NEO4J_URI when its graph is empty (and
// removes what it imported afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ImportReport, PHASES } from '../src/import/index.ts';
import { runNode } from '../test-support/run-node.ts';
import { syntheticArchive, writeBundle } from '../test-support/synthetic-bundle.ts';
import { type BenchTarget, benchDatabase } from './database.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
/** BENCH_CANDIDATES=0: import with --no-candidates. */
const CANDIDATES = process.env.BENCH_CANDIDATES !== '0';
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The bench's database; a server of NEO4J_URI must be empty (what is imported is removed again). */
async function database() {
  const bench = await benchDatabase({ pageCacheMb: 1024, log: say });
  if (bench.shared) {
    const [row] = await bench.db.read<{ n: number }>(
      '/* benchEmpty */ MATCH (n:Entity) RETURN count(n) AS n',
    );
    if (row?.n) {
      await bench.stop();
      throw new Error(`NEO4J_URI holds ${row.n} entities: the benchmark needs an empty database`);
    }
  }
  return bench;
}

const n = (x: number) => Math.round(x).toLocaleString('en');

const VOLUME_PERSONS = 6_250;

/** One `npm run import` of some files in a process of its own; the reports, summed. */
async function importFiles(target: BenchTarget, paths: string[], label: string) {
  const started = performance.now();
  const r = await runNode(
    ['--import', 'tsx', 'scripts/import.ts', '--json', ...(CANDIDATES ? [] : ['--no-candidates']), ...paths],
    {
      NEO4J_URI: target.uri,
      NEO4J_USERNAME: target.username,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
    },
  );
  const wall = (performance.now() - started) / 1000;
  const rss = /peak RSS ([\d.]+) MB/.exec(r.err.trim().split('\n').at(-1) ?? '')?.[1];
  if (r.code !== 0 || !rss) {
    say(`${label}: FAILED (exit ${r.code}): ${r.err.trim().slice(-2000)}`);
    return;
  }
  const reports = JSON.parse(r.out) as ImportReport[];
  const sum = (f: (x: ImportReport) => number) => reports.reduce((a, x) => a + f(x), 0);
  const rows = sum((x) => x.rows);
  const relationships = sum(
    (x) => x.relationships.added + x.relationships.updated + x.relationships.unchanged,
  );
  // the transactions: resolution and every write, until each commit returned
  const tx = sum((x) => x.seconds - x.candidateSeconds);
  const search = sum((x) => x.candidateSeconds);
  say(`${label} (${reports.length} bundles):`);
  say(
    `  ${n(rows)} rows: ${n(sum((x) => x.created.length))} entities created, ${n(sum((x) => x.matched.length))} matched; ${n(relationships)} relationships (${n(sum((x) => x.relationships.added))} added), ${n(sum((x) => x.passages.added))} passages added`,
  );
  say(
    `  transactions ${tx.toFixed(1)} s: ${n(rows / tx)} rows/s, ${n(relationships / tx)} relationships/s with their evidence`,
  );
  const phases = PHASES.map((p) => ({ p, s: sum((x) => x.phases[p]) })).filter((x) => x.s >= 0.05);
  say(
    `  where the transaction time goes: ${phases.map((x) => `${x.p} ${x.s.toFixed(1)} s (${Math.round((100 * x.s) / tx)}%)`).join(', ')}`,
  );
  say(
    `  near-match search ${search.toFixed(1)} s; the whole command ${wall.toFixed(1)} s (${n(relationships / wall)} relationships/s: Node start, JSON parse and validation included); importer peak RSS ${rss} MB`,
  );
  const warnings = reports.flatMap((x) => x.warnings);
  if (warnings.length)
    say(
      `  warnings: ${warnings.slice(0, 2).join('; ')}${warnings.length > 2 ? ` (and ${warnings.length - 2} more)` : ''}`,
    );
}

const dir = mkdtempSync(join(tmpdir(), 'coldwar-graph-import-bench-'));
const { db, target, stop, via, shared } = await database();
try {
  say(`Neo4j: ${via} (2 GiB heap, 1 GiB page cache when local)`);
  const started = performance.now();
  const volumes = Math.max(1, Math.ceil(PERSONS / VOLUME_PERSONS));
  const write = (series: string | undefined, seed: number) =>
    syntheticArchive({ persons: PERSONS, volumes, ...(series ? { series } : {}), seed }).map((b, i) =>
      writeBundle(dir, `${series ?? 'a'}-${String(i + 1).padStart(3, '0')}`, b),
    );
  const a = write(undefined, 1959);
  const b = write('b', 1960);
  say(
    `generated two synthetic archives of ${n(PERSONS)} persons, ${volumes} bundles each, in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`,
  );
  say(`near matches: ${CANDIDATES ? 'searched (the default)' : 'not searched (--no-candidates)'}`);
  await importFiles(target, a, 'A into an empty database');
  await importFiles(target, b, 'B into the full database');
  await importFiles(target, a, 'A again (nothing changes)');
  const [counts] = await db.read<{ nodes: number; rels: number }>(
    `/* benchCounts */
     CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
     CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS rels }
     RETURN nodes, rels`,
  );
  say(`graph: ${n(counts?.nodes ?? 0)} entities, ${n(counts?.rels ?? 0)} relationships`);
  if (shared) {
    for (;;) {
      const [row] = await db.write<{ n: number }>(
        `/* benchRemove */ MATCH (n) WHERE n:Entity OR n:Change OR n:Identifier WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n`,
      );
      if (!row?.n) break;
    }
  }
} finally {
  await stop();
  rmSync(dir, { recursive: true, force: true });
}
