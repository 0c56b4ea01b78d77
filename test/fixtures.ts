// The one fixture the database-backed tests share: per test file, a connection to the run's Neo4j
// (started by test/global-setup.ts) and the app built over it, with `gql` to call GraphQL through
// yoga.fetch (no port). Use `test`/`it` from this module instead of vitest's:
//
//   import { describe, expect, it } from './fixtures.ts';
//   it('…', async ({ api }) => { const r = await api.gql(/* GraphQL */ `{ … }`); … });
//
// Suite hooks get the same file-scoped fixture: `it.beforeAll(async ({ api }) => …)`. Tests that
// need the generated graph call `useSyntheticGraph()` inside their describe block.
import { test as base, expect, inject } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { connect, type Db } from '../src/db/driver.ts';
import {
  type GeneratedGraph,
  type GenerateOptions,
  generateGraph,
  removeSynthetic,
} from '../test-support/synthetic-graph.ts';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Api {
  db: Db;
  app: App;
  gql: <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;
  /** Statements the database was sent while `work` ran. */
  statementsDuring: (work: () => Promise<unknown>) => Promise<number>;
}

/** Builds the app over a fresh connection; `close` disposes both. */
export async function openApi(): Promise<Api & { close: () => Promise<void> }> {
  const db = await connect(inject('neo4j'));
  const app = createApp(db);
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GqlResult<T>, 'status'>) };
  };
  const statementsDuring = async (work: () => Promise<unknown>) => {
    const before = db.statements;
    await work();
    return db.statements - before;
  };
  return {
    db,
    app,
    gql,
    statementsDuring,
    close: async () => {
      await app.dispose();
      await db.driver.close();
    },
  };
}

export const test = base.extend<{ api: Api }>({
  api: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const api = await openApi();
      await use(api);
      await api.close();
    },
    { scope: 'file' },
  ],
});
export const it = test;
export { afterAll, beforeAll, describe, expect } from 'vitest';

/**
 * Runs an operation that must fail: the answer, its first error and the statements it cost. The
 * error must say something, and no stack trace or source path may leak into the answer.
 */
export async function failure(api: Api, query: string, variables?: Record<string, unknown>) {
  let r: GqlResult | undefined;
  const statements = await api.statementsDuring(async () => {
    r = await api.gql(query, variables);
  });
  expect(r?.errors?.length, JSON.stringify(r)).toBeGreaterThan(0);
  expect(r?.errors?.[0]?.message).toMatch(/\S/);
  expect(JSON.stringify(r?.errors)).not.toMatch(/at .*\.ts:\d+|stack/i);
  return { r: r as GqlResult, e: r?.errors?.[0], statements };
}

/** The generated graph the path, network, co-attendance and timeline checks share (400 persons). */
export const TEST_GRAPH: GenerateOptions = {
  persons: 400,
  personsPerInstitution: 40,
  meetingsPerPerson: 0.4,
  seed: 7,
};

/**
 * A synthetic graph (test-support/synthetic-graph.ts) for the tests of the calling describe block:
 * written before them, removed after them (and checked gone), so the other tests of the file see
 * only the seed. Returns a getter for what was written.
 */
export function useSyntheticGraph(options: GenerateOptions = TEST_GRAPH): () => GeneratedGraph {
  let graph: GeneratedGraph | undefined;
  test.beforeAll(async ({ api }) => {
    graph = await generateGraph(api.db, options);
  });
  test.afterAll(async ({ api }) => {
    await removeSynthetic(api.db);
    const [left] = await api.db.read<{ n: number }>(
      '/* syntheticLeft */ MATCH (n:Entity) WHERE n.synthetic = true RETURN count(n) AS n',
    );
    expect(left?.n).toBe(0);
  });
  return () => {
    if (!graph) throw new Error("the synthetic graph is written in the describe block's beforeAll");
    return graph;
  };
}
