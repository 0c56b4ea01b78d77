// The per-request context: a fresh reader (its loaders and cache) for each request over the
// process-wide database handle, and a writer for mutations (`ctx.edit`) acting as the request's
// principal. Resolvers reach the database only through `ctx.graph` and `ctx.edit`.
import type { Principal } from './auth/roles.ts';
import type { Db } from './db/driver.ts';
import { GraphReader } from './reader.ts';
import type { Uris } from './uris.ts';
import { GraphWriter } from './writer.ts';

export interface Context {
  graph: GraphReader;
  /** The writer mutations call (src/writer.ts); it records every change under the principal's key id. */
  edit: GraphWriter;
  /** The API key the request authenticated with (src/auth), or null: reading needs none by default. */
  principal: Principal | null;
  /** The URIs minted under the public base (PUBLIC_BASE_URL). */
  uris: Uris;
}

export function createContext(db: Db, uris: Uris, principal: Principal | null = null): Context {
  const graph = new GraphReader(db);
  return { graph, edit: new GraphWriter(db, principal, graph), principal, uris };
}
