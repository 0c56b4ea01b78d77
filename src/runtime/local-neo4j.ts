// The project's own Neo4j for machines without Docker: Maven fetches Neo4j Community (engine + Bolt)
// from Maven Central into ~/.m2, and the machine's Java runs neo4j-local/LocalNeo4j.java with that
// classpath. One version everywhere: NEO4J_VERSION here, in neo4j-local/pom.xml, docker-compose.yml
// and test/global-setup.ts (a test checks they agree).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '../errors.ts';

export const NEO4J_VERSION = '5.26.30';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pom = join(root, 'neo4j-local', 'pom.xml');
const mainSource = join(root, 'neo4j-local', 'LocalNeo4j.java');
const cacheDir = join(root, '.neo4j');

export interface LocalNeo4jOptions {
  dataDir: string;
  port: number;
  password: string;
  heapMb: number;
  pageCacheMb: number;
  host?: string;
  /** How long to wait for Bolt before giving up (default 180 s). */
  readyTimeoutMs?: number;
  /** Where progress lines go (default: stderr). */
  log?: (line: string) => void;
  /** Aborting it while Neo4j starts stops the JVM and rejects with a StartupError. */
  signal?: AbortSignal;
}

/** How a JVM ended: an exit code, or the signal that killed it. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface LocalNeo4j {
  uri: string;
  /** The Bolt port it listens on (the one chosen when asked for port 0). */
  port: number;
  pid: number;
  /** Resolves when the JVM has exited; safe to call more than once. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the JVM has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Resolves with the exit code and signal when the JVM has exited. */
  exitStatus: Promise<ExitStatus>;
}

function javaMajorVersion(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new StartupError(
      'Java was not found. Install a JDK 17 or 21 (e.g. `apt-get install openjdk-17-jdk-headless`), or run Neo4j with `docker compose up`, or set NEO4J_URI to an existing server.',
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : Number.NaN;
  if (!(major >= 17)) {
    throw new StartupError(
      `Neo4j ${NEO4J_VERSION} needs Java 17 or 21; found ${m?.[0] ?? 'an unknown version'}. Install JDK 17, or use docker compose / NEO4J_URI.`,
    );
  }
  return major;
}

/** Resolves (downloading on first use) the classpath for Neo4j's engine and Bolt connector. */
export function resolveClasspath(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): string {
  const cacheFile = join(cacheDir, `classpath-${NEO4J_VERSION}.txt`);
  if (existsSync(cacheFile)) {
    const cp = readFileSync(cacheFile, 'utf8').trim();
    // A cache whose jars vanished (cleared ~/.m2) is resolved again, never trusted.
    if (cp?.split(':').every((jar) => existsSync(jar))) return cp;
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new StartupError(
      'Maven (mvn) was not found; it fetches Neo4j from Maven Central. Install Maven (`apt-get install maven`), or run Neo4j with `docker compose up`, or set NEO4J_URI to an existing server.',
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  // Maven writes to a temporary file that is renamed only on success, so an interrupted fetch
  // leaves no half-written classpath behind; Maven's own downloads are resumable in ~/.m2.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  log(`neo4j: resolving Neo4j ${NEO4J_VERSION} from Maven Central (first run only)…`);
  const started = Date.now();
  const r = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      pom,
      'dependency:build-classpath',
      `-Dmdep.outputFile=${tmp}`,
      `-Dneo4j.version=${NEO4J_VERSION}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (r.status !== 0 || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    const detail = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes('ERROR')) ?? 'no detail';
    throw new StartupError(`Maven could not fetch Neo4j ${NEO4J_VERSION}: ${detail.trim()}`);
  }
  renameSync(tmp, cacheFile);
  log(`neo4j: fetched in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return readFileSync(cacheFile, 'utf8').trim();
}

/** Fails with a clear message when something already listens on the port (0 picks a free one). */
export function checkPortFree(port: number, host: string, variable: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use; set ${variable} to another port`
            : `cannot listen on ${host}:${port} (${err.code ?? err.message}); set ${variable}`,
        ),
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolvePort(chosen));
    });
  });
}

/**
 * Starts the local Neo4j and resolves once Bolt accepts connections. The JVM runs in its own process
 * group (so a terminal's Ctrl-C reaches only us, and we stop it in order) and watches its stdin: when
 * this Node process dies for any reason, the pipe closes and the JVM shuts itself down.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const host = options.host ?? '127.0.0.1';
  javaMajorVersion();
  const port = await checkPortFree(options.port, host, 'NEO4J_LOCAL_PORT');
  const classpath = resolveClasspath(log);
  const dataDir = resolve(root, options.dataDir);
  mkdirSync(dataDir, { recursive: true });

  const child: ChildProcess = spawn(
    'java',
    [
      `-Xms${options.heapMb}m`,
      `-Xmx${options.heapMb}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      mainSource,
      '--data',
      dataDir,
      '--host',
      host,
      '--port',
      String(port),
      '--pagecache-mb',
      String(options.pageCacheMb),
      '--watch-stdin',
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      // The password travels in the environment, not on the command line where `ps` shows it.
      env: { ...process.env, NEO4J_LOCAL_PASSWORD: options.password },
    },
  );

  const exitStatus = new Promise<ExitStatus>((res) =>
    child.once('exit', (code, signal) => res({ code, signal })),
  );
  const exited = exitStatus.then((status) => status.code);
  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });

  const uri = `bolt://${host}:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(
        new StartupError(`Neo4j did not become ready within ${readyTimeoutMs / 1000} s (data in ${dataDir})`),
      );
    }, readyTimeoutMs);
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    const onData = (chunk: string) => {
      buffer = (buffer + chunk).slice(-200);
      if (buffer.includes('NEO4J_READY')) {
        clearTimeout(timer);
        // stop looking, but keep draining the pipe so the JVM never blocks on a full one
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (err) => fail(new StartupError(`could not start java: ${err.message}`)));
    exited.then((code) => {
      clearTimeout(timer);
      if (aborted) {
        fail(new StartupError(`Neo4j was stopped while starting (data in ${dataDir})`));
        return;
      }
      const reason =
        stderrTail
          .split('\n')
          .filter((l) => /Exception|Error|lock/i.test(l))
          .slice(-2)
          .join(' | ') || `exit code ${code}`;
      fail(new StartupError(`Neo4j stopped while starting (data in ${dataDir}): ${reason}`));
    });
  }).finally(() => options.signal?.removeEventListener('abort', onAbort));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { uri, port, pid: child.pid ?? -1, stop, exited, exitStatus };
}
