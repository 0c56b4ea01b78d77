// Starts the whole system as a user does (`node --import tsx scripts/start.ts`: the supervised local
// Neo4j, the seed, the API) on free loopback ports with a temporary data folder, for the fuzz and
// soak benchmarks, and reads the resident memory of its processes. Traffic goes to 127.0.0.1 only.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPortFree } from '../src/runtime/local-neo4j.ts';

export interface System {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident memory of the API process in MiB (not its JVM). */
  apiRssMb(): number;
  stop(): Promise<void>;
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function startSystem(
  say: (line: string) => void,
  env: Record<string, string> = {},
): Promise<System> {
  const port = await checkPortFree(0, '127.0.0.1', 'PORT');
  const boltPort = await checkPortFree(0, '127.0.0.1', 'NEO4J_LOCAL_PORT');
  const dataDir = mkdtempSync(join(tmpdir(), 'coldwar-graph-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_LOCAL_PORT: String(boltPort),
      NEO4J_LOCAL_DATA: dataDir,
      NEO4J_URI: '',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    let tail = '';
    const timer = setTimeout(() => fail(new Error(`the system did not start in 240 s: ${tail}`)), 240_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-2000);
      if (tail.includes('start: GraphQL at')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the system exited while starting (code ${code}): ${tail}`));
    });
  });
  say(`system: API pid ${child.pid} at http://127.0.0.1:${port}/graphql, data in ${dataDir}`);
  const pid = child.pid ?? -1;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid,
    child,
    apiRssMb: () => rssMb(pid),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}
