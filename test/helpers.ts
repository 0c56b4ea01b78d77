// Test helpers: a connection to the run's Neo4j and a GraphQL call through yoga.fetch (no port).
import { inject } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { connect, type Db } from '../src/db/driver.ts';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function setupApp(): Promise<{
  db: Db;
  app: App;
  gql: <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;
  close: () => Promise<void>;
}> {
  const db = await connect(inject('neo4j'));
  const app = createApp(db);
  // The caller registers `close` in its own file-level afterAll (hooks registered inside a
  // beforeAll would never run), before its other afterAll hooks so that those run first.
  const close = async () => {
    await app.dispose();
    await db.driver.close();
  };
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GqlResult<T>, 'status'>) };
  };
  return { db, app, gql, close };
}
