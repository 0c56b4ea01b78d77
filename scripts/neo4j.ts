// npm run neo4j — runs the project's local Neo4j alone, in the foreground, until Ctrl-C.
import { config } from '../src/config.ts';
import { fail } from '../src/runtime/cli.ts';
import { NEO4J_VERSION, startLocalNeo4j } from '../src/runtime/local-neo4j.ts';

try {
  const c = config();
  const started = Date.now();
  const neo = await startLocalNeo4j({
    dataDir: c.NEO4J_LOCAL_DATA,
    port: c.NEO4J_LOCAL_PORT,
    password: c.NEO4J_PASSWORD,
    heapMb: c.NEO4J_LOCAL_HEAP_MB,
    pageCacheMb: c.NEO4J_LOCAL_PAGECACHE_MB,
  });
  process.stderr.write(
    `neo4j: Neo4j ${NEO4J_VERSION} ready at ${neo.uri} (user neo4j, data in ${c.NEO4J_LOCAL_DATA}) after ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops it\n`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    stopping = true;
    process.stderr.write(`neo4j: ${signal}, shutting down…\n`);
    await neo.stop();
    process.stderr.write('neo4j: stopped\n');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const code = await neo.exited;
  if (!stopping) {
    process.stderr.write(`neo4j: the JVM exited unexpectedly (code ${code})\n`);
    process.exit(1);
  }
} catch (err) {
  fail(err);
}
