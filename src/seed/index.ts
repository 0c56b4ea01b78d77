// Seeds the graph from seed/: the import (src/import) of every bundle under seed/extractions/ (texts
// in seed/texts/) without a principal, so no Change is recorded. Every file is validated first
// (nothing is written if any is rejected); each document is then imported in its own transaction.
// Seeding again changes nothing.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/driver.ts';
import { migrate } from '../db/migrations.ts';
import { readBundle } from '../import/files.ts';
import { checkSize } from '../import/importer.ts';
import { type LoadCounts, loadDocument } from './load.ts';
import type { ValidatedDocument } from './validate.ts';

export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed');

export function validateAll(seedDir = SEED_DIR): ValidatedDocument[] {
  const dir = join(seedDir, 'extractions');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const v = readBundle(join(dir, f));
    checkSize(v);
    return v;
  });
}

export async function seed(db: Db, seedDir = SEED_DIR): Promise<(LoadCounts & { file: string })[]> {
  const docs = validateAll(seedDir);
  await migrate(db);
  const out: (LoadCounts & { file: string })[] = [];
  for (const doc of docs) out.push({ file: doc.file, ...(await loadDocument(db, doc)) });
  return out;
}

/** True when the graph holds no entity yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.read<{ n: number }>('/* isEmpty */ MATCH (n:Entity) RETURN count(n) AS n LIMIT 1');
  return (row?.n ?? 0) === 0;
}
