// npm run soak — many clients sending realistic queries (the examples/ operations and paged lists)
// to the whole system over HTTP on 127.0.0.1 for a while, then the throughput, errors, p50/p99 latency
// and the API's resident memory every 10 s. SOAK_CLIENTS (default 100), SOAK_SECONDS (60).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantile, startSystem } from './system.ts';

const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 100);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const say = (line: string) => process.stdout.write(`${line}\n`);

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(join('examples', f), 'utf8'));
const queries = [
  ...examples,
  '{ people(first: 20) { totalCount edges { node { name attended(first: 5) { edges { node { meeting { name } } } } } } } }',
  '{ meetings(filter: { dateOverlaps: { startDate: "1959", endDate: "1959" } }) { nodes { name attendees { person { name } } } } }',
  '{ person(id: "person/deng-xiaoping") { metWith { person { name } count } positionsAt(date: "1959-11-06") { title } } }',
  '{ neighborhood(id: "person/deng-xiaoping", depth: 2) { nodes { id } edges { type } } }',
  '{ timeline(startDate: "1950", endDate: "1960") { totalCount edges { node { entity { id } } } } }',
];

const system = await startSystem(say);
try {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const rss: string[] = [`0 s: ${system.apiRssMb()} MiB`];
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const sampler = setInterval(() => {
    rss.push(`${Math.round((Date.now() - started) / 1000)} s: ${system.apiRssMb()} MiB`);
  }, 10_000);
  let n = 0;
  const client = async (k: number) => {
    let i = k;
    while (Date.now() < deadline) {
      const query = queries[i++ % queries.length] as string;
      const t = performance.now();
      try {
        const res = await fetch(system.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        if (res.status !== 200 || body.errors) {
          const code = `${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim();
          errors.set(code, (errors.get(code) ?? 0) + 1);
        }
      } catch (err) {
        errors.set((err as Error).message, (errors.get((err as Error).message) ?? 0) + 1);
      }
      latencies.push(performance.now() - t);
      n++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  clearInterval(sampler);
  rss.push(`end: ${system.apiRssMb()} MiB`);
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const failed = [...errors.values()].reduce((a, b) => a + b, 0);
  say(
    `soak: ${CLIENTS} clients for ${seconds.toFixed(0)} s: ${n} requests, ${(n / seconds).toFixed(0)} req/s`,
  );
  say(`soak: errors ${failed}${failed ? ` ${JSON.stringify(Object.fromEntries(errors))}` : ''}`);
  say(
    `soak: latency p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms`,
  );
  say(`soak: API RSS ${rss.join(', ')}`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await system.stop();
}
