// The figures of `npm run bench:peer` as text: a table per scale (req/s, p50, p99, statements per
// request, PROFILE db hits, RSS under load) with the ratios against @neo4j/graphql and raw Cypher
// and the goals, the p99 at the largest scale against the smallest, and bench/RESULTS.md.
import { cpus, totalmem } from 'node:os';
import type { Target } from './measure.ts';

export interface Cell {
  rps: number;
  p50: number;
  p99: number;
  /** Statements per request, and the PROFILE db hits of one request's statements. */
  statements: number;
  dbHits: number;
  peakRss: number;
  errors: number;
}

export interface ScaleResult {
  persons: number;
  archive: string;
  loadSeconds: number;
  benchSeconds: number;
  idleRss: Record<Target, number>;
  /** An idle `node --import tsx` process that loads nothing, for reference. */
  baselineRss: number;
  rows: { name: string; title: string; cells: Partial<Record<Target, Cell>> }[];
}

export interface RunInfo {
  command: string;
  date: string;
  neo4j: string;
  rounds: number;
  seconds: number;
  libraryVersion: string;
  /** The machine's 1-minute load average when the run started (other work on it skews figures). */
  loadAverage: number;
}

const GOAL_LIBRARY = 1.5;
const GOAL_RAW = 0.7;
const GOAL_IDLE_RSS = 120;
const TWO_HOP = new Set(['person', 'meeting', 'peopleByName', 'metWith', 'meetingsInRange']);

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const ratio = (a: number | undefined, b: number | undefined, goal: number) =>
  a && b ? `${(a / b).toFixed(2)}× ${a / b >= goal ? '✓' : '✗'}` : '–';
const cell = (c: Cell | undefined, pick: (c: Cell) => string) => (c ? pick(c) : '–');

export function scaleTable(s: ScaleResult): string {
  const lines = [
    `| operation | req/s API / lib / raw | API ÷ lib (goal ≥ ${GOAL_LIBRARY}×) | API ÷ raw (goal ≥ ${GOAL_RAW}×) | p50 ms API / lib / raw | p99 ms API / lib / raw | statements API / lib / raw | PROFILE db hits API / lib / raw | RSS under load MiB API / lib / raw |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of s.rows) {
    const { api, library, raw } = r.cells;
    const three = (pick: (c: Cell) => string) => [api, library, raw].map((c) => cell(c, pick)).join(' / ');
    lines.push(
      `| ${r.title} | ${three((c) => f0(c.rps))} | ${ratio(api?.rps, library?.rps, GOAL_LIBRARY)} | ${ratio(api?.rps, raw?.rps, GOAL_RAW)} | ${three((c) => f1(c.p50))} | ${three((c) => f1(c.p99))} | ${three((c) => f1(c.statements))} | ${three((c) => f0(c.dbHits))} | ${three((c) => f0(c.peakRss))} |`,
    );
  }
  const errors = s.rows.flatMap((r) =>
    Object.entries(r.cells)
      .filter(([, c]) => c && c.errors > 0)
      .map(([t, c]) => `${r.name}/${t}: ${c?.errors}`),
  );
  const idle = s.idleRss;
  lines.push(
    '',
    `Idle RSS (after the answer check, before load): API ${f0(idle.api)} MiB (goal ≤ ${GOAL_IDLE_RSS} MiB ${idle.api <= GOAL_IDLE_RSS ? '✓' : '✗'}), @neo4j/graphql ${f0(idle.library)} MiB, raw Cypher ${f0(idle.raw)} MiB. All three run under tsx, as \`npm start\` does; an idle \`node --import tsx\` process that loads nothing takes ${f0(s.baselineRss)} MiB.`,
    errors.length ? `Failed requests under load: ${errors.join(', ')}.` : 'No failed requests under load.',
  );
  return lines.join('\n');
}

/** p99 at the largest scale over p99 at the smallest, for lookups and two-hop queries (goal ≤ 2). */
export function scalingTable(results: ScaleResult[]): string {
  const sorted = [...results].sort((a, b) => a.persons - b.persons);
  const small = sorted[0];
  const large = sorted.at(-1);
  if (!small || !large || small === large) return '';
  const lines = [
    `| operation | p99 ms API at ${small.persons.toLocaleString('en')} | at ${large.persons.toLocaleString('en')} | ratio (goal ≤ 2) |`,
    '|---|---|---|---|',
  ];
  for (const r of large.rows) {
    if (!TWO_HOP.has(r.name)) continue;
    const a = small.rows.find((x) => x.name === r.name)?.cells.api?.p99;
    const b = r.cells.api?.p99;
    lines.push(
      `| ${r.title} | ${a ?? '–'} | ${b ?? '–'} | ${a && b ? `${(b / a).toFixed(2)} ${b / a <= 2 ? '✓' : '✗'}` : '–'} |`,
    );
  }
  return lines.join('\n');
}

export function resultsMarkdown(info: RunInfo, results: ScaleResult[]): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${f1(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${info.neo4j}`;
  const parts = [
    '# Benchmark against @neo4j/graphql and raw Cypher',
    '',
    `Written by \`${info.command}\` (bench/peer/) on ${info.date}. Do not edit by hand: run it again.`,
    '',
    `- Machine: ${machine}; load average ${info.loadAverage.toFixed(1)} when the run started (the figures are only comparable within one run).`,
    `- Three servers, each its own Node process on 127.0.0.1, over the same Neo4j and the same generated archive: **API** (this project, createApp), **lib** (@neo4j/graphql ${info.libraryVersion} served by graphql-yoga, type definitions in bench/peer/typedefs.ts), **raw** (one hand-written Cypher statement per operation, bench/peer/raw.ts).`,
    `- The three answers were checked equal first for every operation. Then autocannon, 10 connections, a warm-up per server and operation, ${info.rounds} rounds of ${info.seconds} s alternating API / lib / raw (order rotated each round); req/s, p50 and p99 are medians over the rounds. Statements per request counted where each server sends them (the API's Db.read and Db.write, the drivers of the others); PROFILE db hits summed over the statements one request sends; RSS of each server process sampled every 250 ms under load (peak).`,
    '- Search and neighbourhood have no @neo4j/graphql equivalent; co-attendance with @neo4j/graphql is what a client of it would do: ask for the meetings with their attendees and count.',
    '',
  ];
  for (const s of results) {
    parts.push(
      `## ${s.persons.toLocaleString('en')} persons`,
      '',
      `Archive: ${s.archive}. Loaded in ${f1(s.loadSeconds)} s; checked and measured in ${f1(s.benchSeconds)} s.`,
      '',
      scaleTable(s),
      '',
    );
  }
  const scaling = scalingTable(results);
  if (scaling) parts.push('## p99 across scales (API)', '', scaling, '');
  return `${parts.join('\n')}`;
}
