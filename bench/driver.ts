// npm run bench:driver — one read sent to Neo4j the ways neo4j-driver offers, side by side: a
// managed `executeQuery` (what the API used before), `executeQuery` without its bookmark manager, a
// managed `session.executeRead`, and an auto-commit `session.run` (what Db.read does now). Over the
// bench:peer archive at BENCH_PERSONS (default 1,000) persons: a person by id, the i-th request the
// i-th person. BENCH_CONCURRENCY calls in flight (default 10) for BENCH_SECONDS (default 4), BENCH_ROUNDS
// rounds (default 3) alternating the ways; prints reads/s and this process's CPU per read (medians).
// Uses NEO4J_URI when set, otherwise the project's local Neo4j on a free port (bench/database.ts).
import neo4j, { type Driver } from 'neo4j-driver';
import { removeSynthetic } from '../test-support/synthetic-graph.ts';
import { benchDatabase } from './database.ts';
import { buildArchive } from './peer/archive.ts';
import { loadArchive } from './peer/load.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STATEMENT =
  'MATCH (p:Entity:Person {id: $id}) RETURN p.id AS id, p.name AS name, p.description AS description';
const say = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

type Way = (driver: Driver, database: string, id: string) => Promise<unknown>;
const WAYS: Record<string, Way> = {
  'executeQuery (managed, bookmarks)': (d, database, id) =>
    d.executeQuery(STATEMENT, { id }, { database, routing: neo4j.routing.READ }),
  'executeQuery, no bookmark manager': (d, database, id) =>
    d.executeQuery(STATEMENT, { id }, { database, routing: neo4j.routing.READ, bookmarkManager: null }),
  'session.executeRead (managed)': async (d, database, id) => {
    const session = d.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => tx.run(STATEMENT, { id }));
    } finally {
      await session.close();
    }
  },
  'session.run (auto-commit, Db.read)': async (d, database, id) => {
    const session = d.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.run(STATEMENT, { id });
    } finally {
      await session.close();
    }
  },
};

async function measure(way: Way, driver: Driver, database: string, ids: string[]) {
  let i = 0;
  let done = 0;
  const end = Date.now() + SECONDS * 1000;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        await way(driver, database, ids[i++ % ids.length] as string);
        done += 1;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { perSecond: done / SECONDS, cpuMicros: (used.user + used.system) / done };
}

const db = await benchDatabase({ log: () => {} });
try {
  const archive = buildArchive(PERSONS);
  await loadArchive(db.db, archive, say);
  const { uri, username, password, database } = db.target;
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    notificationFilter: { minimumSeverityLevel: 'OFF' },
    telemetryDisabled: true,
  });
  const ids = archive.picks.persons;
  const results = new Map<string, { perSecond: number; cpuMicros: number }[]>();
  for (const way of Object.values(WAYS)) await measure(way, driver, database, ids); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const names = Object.keys(WAYS);
    for (const name of names.map((_, k) => names[(k + round) % names.length] as string)) {
      const r = await measure(WAYS[name] as Way, driver, database, ids);
      results.set(name, [...(results.get(name) ?? []), r]);
    }
  }
  await driver.close();
  say(
    `\nOne read (a person by id), ${CONCURRENCY} in flight, ${ROUNDS} rounds of ${SECONDS} s, ${PERSONS} persons; medians:\n`,
  );
  say('| way | reads/s | client CPU per read (µs) |\n|---|---:|---:|');
  for (const [name, rs] of results) {
    say(
      `| ${name} | ${median(rs.map((r) => r.perSecond)).toFixed(0)} | ${median(rs.map((r) => r.cpuMicros)).toFixed(0)} |`,
    );
  }
} finally {
  if (db.shared) say(`removed ${await removeSynthetic(db.db)} synthetic nodes`);
  await db.stop();
}
