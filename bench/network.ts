// npm run bench — latency of shortestPath and neighborhood(depth: 2) on a generated graph of at least
// 10,000 persons, through the GraphQL app (createApp(db).fetch, no port). Uses NEO4J_URI when set,
// otherwise starts the project's local Neo4j on a free port with a temporary data folder. Seeds,
// generates, measures, then removes the synthetic data (and stops the Neo4j it started).

import { createApp } from '../src/app.ts';
import { seed } from '../src/seed/index.ts';
import { generateGraph, removeSynthetic } from '../test-support/synthetic-graph.ts';
import { benchDatabase } from './database.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 10;
const say = (line: string) => process.stdout.write(`${line}\n`);

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

const { db, stop, via } = await benchDatabase({ log: say });
try {
  say(`Neo4j: ${via}`);
  await seed(db);
  let started = Date.now();
  const g = await generateGraph(db, { persons: PERSONS });
  const [counts] = await db.read<{ nodes: number; rels: number }>(
    `/* benchCounts */
     CALL { MATCH (n:Entity) WHERE n.synthetic = true RETURN count(n) AS nodes }
     CALL { MATCH (:Entity)-[r]->(:Entity) WHERE r.synthetic = true RETURN count(r) AS rels }
     RETURN nodes, rels`,
  );
  say(
    `generated ${g.persons.length} persons, ${g.institutions.length} institutions, ${g.meetings.length} meetings (${counts?.nodes} nodes, ${counts?.rels} relationships) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = createApp(db);
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors[0]?.message);
    return body.data;
  };

  const shortestPath = /* GraphQL */ `
    query ($from: ID!, $to: ID!) {
      shortestPath(from: $from, to: $to, maxHops: 10) {
        length
        nodes { id name }
        relationships { type from { id } to { id } evidence { quote document { id } } }
      }
    }
  `;
  const neighborhood = /* GraphQL */ `
    query ($id: ID!) {
      neighborhood(id: $id, depth: 2, limit: 500) {
        truncated
        nodes { id name }
        edges { type from { id } to { id } evidence { quote } }
      }
    }
  `;
  // deterministic pairs spread over the graph
  const person = (i: number) => g.persons[(i * 7919) % g.persons.length] as string;

  async function measure(
    name: string,
    query: string,
    vars: (i: number) => Record<string, unknown>,
    describe: (d: Record<string, unknown> | undefined) => number,
  ) {
    for (let i = 0; i < WARMUP; i++) await gql(query, vars(1000 + i));
    const times: number[] = [];
    const sizes: number[] = [];
    const statements: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = db.statements;
      const t = performance.now();
      const data = await gql(query, vars(i));
      times.push(performance.now() - t);
      statements.push(db.statements - before);
      sizes.push(describe(data));
    }
    times.sort((a, b) => a - b);
    sizes.sort((a, b) => a - b);
    say(
      `${name.padEnd(26)} runs ${RUNS}  median ${quantile(times, 0.5).toFixed(1)} ms  p95 ${quantile(times, 0.95).toFixed(1)} ms  max ${(times.at(-1) ?? 0).toFixed(1)} ms  statements/request ${Math.min(...statements)}–${Math.max(...statements)}  size median ${quantile(sizes, 0.5)} (${Math.min(...sizes)}–${Math.max(...sizes)})`,
    );
  }

  started = Date.now();
  await measure(
    'shortestPath',
    shortestPath,
    (i) => ({ from: person(i), to: person(i * 31 + 17) }),
    (d) => (d?.shortestPath as { length: number } | null)?.length ?? -1,
  );
  await measure(
    'neighborhood(depth: 2)',
    neighborhood,
    (i) => ({ id: person(i * 13 + 5) }),
    (d) => (d?.neighborhood as { nodes: unknown[] } | undefined)?.nodes.length ?? 0,
  );
  say('(size: path length in relationships, -1 for none; neighbourhood: entities returned, limit 500)');
  await app.dispose();
} finally {
  const removed = await removeSynthetic(db);
  say(`removed ${removed} synthetic nodes`);
  await stop();
}
