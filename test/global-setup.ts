// Starts one real Neo4j for the whole run and seeds it. In order: NEO4J_URI if set; a Neo4j
// testcontainer (same pinned version) when a Docker engine answers; otherwise the project's local
// launcher on a free port with a fresh data folder. Never a mock. The choice is printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/db/driver.ts';
import { NEO4J_VERSION, startLocalNeo4j } from '../src/runtime/local-neo4j.ts';
import { seed } from '../src/seed/index.ts';

export const NEO4J_IMAGE = `neo4j:${NEO4J_VERSION}-community`;

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
  via: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

const PASSWORD = 'coldwar-graph-test';
const say = (line: string) => process.stdout.write(`[tests] ${line}\n`);

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  let target: Neo4jTarget;
  if (process.env.NEO4J_URI) {
    target = {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      via: `NEO4J_URI (${process.env.NEO4J_URI})`,
    };
  } else if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(NEO4J_IMAGE).withPassword(PASSWORD).start();
    stops.push(async () => {
      await container.stop();
    });
    target = {
      uri: container.getBoltUri(),
      username: 'neo4j',
      password: PASSWORD,
      database: 'neo4j',
      via: `testcontainer ${NEO4J_IMAGE}`,
    };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'coldwar-graph-test-'));
    const started = Date.now();
    const neo = await startLocalNeo4j({
      dataDir,
      port: 0,
      password: PASSWORD,
      heapMb: 1024,
      pageCacheMb: 256,
      log: say,
    });
    stops.push(async () => {
      await neo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    target = {
      uri: neo.uri,
      username: 'neo4j',
      password: PASSWORD,
      database: 'neo4j',
      via: `local launcher (no Docker engine answered): Neo4j ${NEO4J_VERSION} at ${neo.uri}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    };
  }
  say(`Neo4j: ${target.via}`);
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const db = await connect(target);
    try {
      await seed(db);
    } finally {
      await db.driver.close();
    }
  } catch (err) {
    await teardown(); // vitest calls no teardown when setup throws
    throw err;
  }
  project.provide('neo4j', target);
  return teardown;
}
