// The per-request context: a fresh reader (its loaders and cache) for each request over the
// process-wide database handle. Resolvers reach the database only through `ctx.graph`.
import type { Db } from './db/driver.ts';
import { GraphReader } from './reader.ts';

export interface Context {
  graph: GraphReader;
}

export function createContext(db: Db): Context {
  return { graph: new GraphReader(db) };
}
