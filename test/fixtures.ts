// The one fixture the database-backed tests share: per test file, a connection to the run's Neo4j
// (started by test/global-setup.ts) and the app built over it, with `gql` to call GraphQL through
// yoga.fetch (no port). Use `test`/`it` from this module instead of vitest's:
//
//   import { describe, expect, it } from './fixtures.ts';
//   it('…', async ({ api }) => { const r = await api.gql(/* GraphQL */ `{ … }`); … });
import { test as base, inject } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { connect, type Db } from '../src/db/driver.ts';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Api {
  db: Db;
  app: App;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in each test
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
