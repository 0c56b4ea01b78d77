// The database a benchmark measures against: the server of NEO4J_URI when set (shared: the bench
// removes what it adds), otherwise the project's local Neo4j on a free port with a temporary data
// folder, stopped and removed again by `stop`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Db } from '../src/db/driver.ts';
import { startLocalNeo4j } from '../src/runtime/local-neo4j.ts';

export interface BenchTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface BenchDatabase {
  db: Db;
  target: BenchTarget;
  stop: () => Promise<void>;
  via: string;
  /** Whether the synthetic data must be removed (a server of NEO4J_URI; not the temporary one). */
  shared: boolean;
}

export async function benchDatabase(options: {
  pageCacheMb?: number;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  if (process.env.NEO4J_URI) {
    const target = {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
    const db = await connect(target);
    return { db, target, stop: () => db.driver.close(), via: process.env.NEO4J_URI, shared: true };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'coldwar-graph-bench-'));
  const password = 'coldwar-graph-bench';
  const neo = await startLocalNeo4j({
    dataDir,
    port: 0,
    password,
    heapMb: 2048,
    pageCacheMb: options.pageCacheMb ?? 512,
    log: options.log,
  });
  const target = { uri: neo.uri, username: 'neo4j', password, database: 'neo4j' };
  const db = await connect(target);
  return {
    db,
    target,
    via: `local Neo4j at ${neo.uri}`,
    shared: false,
    stop: async () => {
      await db.driver.close();
      await neo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
