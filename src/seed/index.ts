// Seeds the graph from seed/: validates every extraction first (nothing is written if any file is
// rejected), then loads each document in its own transaction.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/driver.ts';
import { migrate } from '../db/migrations.ts';
import { type LoadCounts, loadDocument } from './load.ts';
import { type ValidatedDocument, validateExtraction } from './validate.ts';

export const SEED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seed');

export function validateAll(seedDir = SEED_DIR): ValidatedDocument[] {
  const dir = join(seedDir, 'extractions');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => validateExtraction(join(dir, f), join(seedDir, 'texts')));
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
