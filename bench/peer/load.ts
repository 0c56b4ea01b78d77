// Writes a generated archive (archive.ts) into Neo4j in UNWIND batches: the constraints and indexes
// first (the project's migrations), then the rows through writeGeneratedRows (test-support), nodes
// created per label, then relationships per type. Removes earlier synthetic data first, so a shared server ends up with
// exactly this archive beside whatever else it holds.
import type { Db } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrations.ts';
import { removeSynthetic, writeGeneratedRows } from '../../test-support/synthetic-graph.ts';
import type { Archive } from './archive.ts';

const BATCH = 10_000;

export async function loadArchive(db: Db, archive: Archive, log: (line: string) => void): Promise<void> {
  await migrate(db);
  const removed = await removeSynthetic(db);
  if (removed) log(`removed ${removed} synthetic nodes left from before`);
  await writeGeneratedRows(db, archive.nodes, archive.rels, {
    name: 'peer',
    batch: BATCH,
    create: true,
    awaitIndexesSeconds: 300,
  });
}
