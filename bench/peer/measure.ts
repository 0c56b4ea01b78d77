// Running and measuring the three benchmark servers: start each as its own process (serve.ts), send
// one operation's request, read a process's RSS from /proc, and load a server with autocannon
// (10 connections to 127.0.0.1 for a bounded time, each request with the next variables in turn),
// sampling its RSS meanwhile.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Picks } from './archive.ts';
import type { Operation } from './operations.ts';

export const TARGETS = ['api', 'library', 'raw'] as const;
export type Target = (typeof TARGETS)[number];

export interface Server {
  target: Target;
  port: number;
  child: ChildProcess;
}

export async function startServer(target: Target, neo4jTarget: object): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/peer/serve.ts', target], {
    env: { ...process.env, PEER_NEO4J: JSON.stringify(neo4jTarget), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let tail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
      const m = /listening on (\d+)/.exec(tail);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${target} server exited (code ${code}): ${tail}`)));
  });
  return { target, port, child };
}

export async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((done) => s.child.once('exit', done));
  s.child.kill('SIGTERM');
  await exited;
}

/** RSS of an idle `node --import tsx` process that loads nothing: what every server starts from. */
export async function baselineRssMiB(): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', 'setTimeout(() => {}, 60000)'], {
    stdio: 'ignore',
  });
  await new Promise((done) => setTimeout(done, 3000));
  const rss = rssMiB(child.pid);
  child.kill('SIGTERM');
  return rss;
}

/** Resident set size of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The path and JSON body of one request of an operation to a target. */
export function request(target: Target, op: Operation, vars: Record<string, unknown>) {
  if (target === 'raw') return { path: `/op/${op.name}`, body: JSON.stringify(vars) };
  const side = target === 'api' ? op.api : op.library;
  if (!side) throw new Error(`${op.name} has no ${target} form`);
  return { path: '/graphql', body: JSON.stringify({ query: side.query, variables: vars }) };
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/** Sends one request; the answer's canonical form (throws on an error answer). */
export async function ask(s: Server, op: Operation, vars: Record<string, unknown>): Promise<unknown> {
  const { path, body } = request(s.target, op, vars);
  const res = await fetch(`http://127.0.0.1:${s.port}${path}`, { method: 'POST', headers: HEADERS, body });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } & Record<
    string,
    unknown
  >;
  if (!res.ok || json.errors || json.error) {
    throw new Error(
      `${s.target} ${op.name} ${JSON.stringify(vars)}: ${res.status} ${JSON.stringify(json).slice(0, 800)}`,
    );
  }
  if (s.target === 'raw') return op.raw.canonical(json);
  const side = s.target === 'api' ? op.api : op.library;
  return side?.canonical(json.data ?? {});
}

export async function benchCall(s: Server, path: string): Promise<Record<string, number>> {
  const res = await fetch(`http://127.0.0.1:${s.port}/__bench/${path}`, { method: 'POST' });
  const json = (await res.json()) as Record<string, number>;
  if (!res.ok) throw new Error(`${s.target} /__bench/${path}: ${JSON.stringify(json)}`);
  return json;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRss: number;
}

/** Loads one server with one operation for `seconds`; request i carries the i-th variables. */
export async function load(s: Server, op: Operation, picks: Picks, seconds: number): Promise<LoadResult> {
  let i = 0;
  let peakRss = rssMiB(s.child.pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(s.child.pid));
  }, 250);
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${s.port}`,
      connections: 10,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: HEADERS,
          setupRequest: (req) => {
            const { path, body } = request(s.target, op, op.vars(picks, i++));
            return { ...req, path, body };
          },
        },
      ],
    });
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}
