// npm start — the whole system: the local Neo4j (unless NEO4J_URI is set), constraints and indexes,
// the seed when the graph is empty, the explorer page (built if its sources are newer) at
// http://localhost:$PORT/ and GraphQL at http://localhost:$PORT/graphql. Ctrl-C stops all.
// The local Neo4j runs under a supervisor: when its JVM dies, the API stays up and answers
// DATABASE_UNAVAILABLE while Neo4j is restarted on the same data and port, then answers again.
import { createApp } from '../src/app.ts';
import { config } from '../src/config.ts';
import { connect, type Db } from '../src/db/driver.ts';
import { migrate } from '../src/db/migrations.ts';
import { fail } from '../src/runtime/cli.ts';
import { checkPortFree, NEO4J_VERSION } from '../src/runtime/local-neo4j.ts';
import { type SupervisedNeo4j, superviseLocalNeo4j } from '../src/runtime/supervisor.ts';
import { isEmpty, seed } from '../src/seed/index.ts';
import { listen } from '../src/server.ts';
import { buildExplorer } from './build-explorer.ts';

// tsx turns source maps on so that stacks name .ts lines; but the driver records a stack for every
// result it returns (for errors it may raise later), and mapping each through the source maps stood
// out in a CPU profile of the API under bench:peer load. Stacks never reach clients and the
// request log carries an error's first line only, so the served process keeps plain stacks.
process.setSourceMapsEnabled(false);
const log = (line: string) => process.stderr.write(`${line}\n`);
let neo: SupervisedNeo4j | undefined;
let db: Db | undefined;

try {
  const started = Date.now();
  const c = config();
  await checkPortFree(c.PORT, c.HOST, 'PORT');
  if (!c.NEO4J_URI) {
    neo = await superviseLocalNeo4j({
      dataDir: c.NEO4J_LOCAL_DATA,
      port: c.NEO4J_LOCAL_PORT,
      password: c.NEO4J_PASSWORD,
      heapMb: c.NEO4J_LOCAL_HEAP_MB,
      pageCacheMb: c.NEO4J_LOCAL_PAGECACHE_MB,
      log,
      // requests fail fast from the moment the JVM is gone, not once a call finds it gone
      onEvent: (event) => {
        if (event.type === 'exited') db?.markDown();
      },
    });
    log(
      `start: local Neo4j ${NEO4J_VERSION} ready at ${neo.uri} (pid ${neo.pid}, data in ${c.NEO4J_LOCAL_DATA})`,
    );
  }
  const uri = c.NEO4J_URI ?? neo?.uri ?? '';
  db = await connect({
    uri,
    username: c.NEO4J_USERNAME,
    password: c.NEO4J_PASSWORD,
    database: c.NEO4J_DATABASE,
  });
  await migrate(db);
  if (c.SEED_ON_START && (await isEmpty(db))) {
    for (const r of await seed(db))
      log(`start: seeded ${r.file}: ${r.nodes} nodes, ${r.relationships} relationships`);
  }
  // the supervisor reports on its own Neo4j; for a server at NEO4J_URI, say when it goes and comes back
  if (c.NEO4J_URI) {
    db.onHealthChange((health) =>
      log(
        health === 'down'
          ? 'start: Neo4j does not answer; requests get DATABASE_UNAVAILABLE until it does'
          : 'start: Neo4j answers again',
      ),
    );
  }
  // the explorer page at /: built when its sources are newer than the build (nothing built is committed)
  await buildExplorer({ ifStale: true, log }).catch((err: Error) =>
    log(`start: the explorer page could not be built (${err.message}); / says how to build it`),
  );
  const running = await listen(createApp(db), db, c.PORT, c.HOST);
  log(`start: GraphQL at ${running.url} (ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let stopping = false;
  const shutdown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`start: ${why}, shutting down…`);
    await running.close().catch(() => undefined);
    await neo?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
} catch (err) {
  await neo?.stop();
  fail(err);
}
