// npm run fuzz — sends seeded hostile requests (test-support/hostile-requests.ts) to the whole system
// started as a user starts it, over HTTP on 127.0.0.1, and prints the statuses, every problem (a 5xx,
// an error without a code, leaked parser/driver/stack text), the time it took and the API's resident
// memory before, after each round, and 10 s after the run. FUZZ_COUNT (default 10,000), FUZZ_SEED (1959),
// FUZZ_CLIENTS (8 at a time), FUZZ_ROUNDS (2: the same requests again, to show memory stays bounded).
import { hostileRequests, newTally, sendAndJudge } from '../test-support/hostile-requests.ts';
import { startSystem } from './system.ts';

const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1959);
const CLIENTS = Number(process.env.FUZZ_CLIENTS ?? 8);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 2);
const say = (line: string) => process.stdout.write(`${line}\n`);

const system = await startSystem(say);
try {
  const before = system.apiRssMb();
  const requests = hostileRequests(COUNT, SEED);
  const tally = newTally();
  const { statuses, problems } = tally;
  let peak = before;
  const rounds: string[] = [];
  const started = Date.now();
  // the same requests ROUNDS times: memory that is bounded stops growing after the first
  for (let round = 1; round <= ROUNDS; round++) {
    let next = 0;
    const client = async () => {
      while (next < requests.length) {
        const i = next++;
        const r = requests[i];
        if (!r) break;
        await sendAndJudge(fetch, system.url.replace(/\/graphql$/, ''), r, i, tally);
        if (i % 500 === 0) peak = Math.max(peak, system.apiRssMb());
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    rounds.push(`${system.apiRssMb()} MiB after round ${round}`);
  }
  const seconds = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 10_000));
  const settled = system.apiRssMb();
  say(`fuzz: ${COUNT} requests × ${ROUNDS} (seed ${SEED}, ${CLIENTS} at a time) in ${seconds.toFixed(1)} s`);
  say(`fuzz: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  say(
    `fuzz: problems ${problems.length}${problems.length ? `:\n  ${problems.slice(0, 20).join('\n  ')}` : ''}`,
  );
  say(
    `fuzz: API RSS ${before} MiB before, peak ${peak} MiB, ${rounds.join(', ')}, ${settled} MiB 10 s later`,
  );
  process.exitCode = problems.length ? 1 : 0;
} finally {
  await system.stop();
}
