// Loads one validated document the way the seed does: an import (src/import) without a principal
// (no Change recorded) and without the search for near matches. Loading the same file twice changes
// nothing.
import type { Db } from '../db/driver.ts';
import { importValidated } from '../import/importer.ts';
import type { ValidatedDocument } from './validate.ts';

export interface LoadCounts {
  nodes: number;
  relationships: number;
}

export async function loadDocument(db: Db, v: ValidatedDocument): Promise<LoadCounts> {
  await importValidated(db, v, { candidates: false });
  return { nodes: v.extraction.entities.length + 1, relationships: v.relationships.length };
}
