// The per-request context: a fresh reader (its loaders and cache) for each request over the
// process-wide database handle. Resolvers reach the database only through `ctx.graph`.
import type { Db } from './db/driver.ts';
import { GraphReader } from './reader.ts';
import type { Uris } from './uris.ts';

export interface Context {
  graph: GraphReader;
  /** The URIs minted under the public base (PUBLIC_BASE_URL). */
  uris: Uris;
}

export function createContext(db: Db, uris: Uris): Context {
  return { graph: new GraphReader(db), uris };
}
