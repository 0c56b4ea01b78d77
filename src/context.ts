// The per-request context: the process-wide database handle and fresh loaders for each request.
import type { Db } from './db/driver.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  db: Db;
  loaders: Loaders;
}

export function createContext(db: Db): Context {
  return { db, loaders: createLoaders(db) };
}
