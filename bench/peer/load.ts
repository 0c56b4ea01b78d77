// Writes a generated archive (archive.ts) into Neo4j in UNWIND batches: the constraints and indexes
// first (the project's migrations), then nodes per label, then relationships per type, matched
// through the id constraint. Removes earlier synthetic data first, so a shared server ends up with
// exactly this archive beside whatever else it holds.
import type { Db } from '../../src/db/driver.ts';
import { migrate } from '../../src/db/migrations.ts';
import { removeSynthetic } from '../../test-support/synthetic-graph.ts';
import type { Archive } from './archive.ts';

const BATCH = 10_000;

export async function loadArchive(db: Db, archive: Archive, log: (line: string) => void): Promise<void> {
  await migrate(db);
  const removed = await removeSynthetic(db);
  if (removed) log(`removed ${removed} synthetic nodes left from before`);
  for (const [label, rows] of archive.nodes) {
    for (let i = 0; i < rows.length; i += BATCH) {
      // `label` comes from the closed list ENTITY_TYPES
      await db.write(
        `/* peerEntities:${label} */
         UNWIND $rows AS row
         CREATE (n:Entity:${label})
         SET n = row.props, n.id = row.id`,
        { rows: rows.slice(i, i + BATCH) },
      );
    }
  }
  for (const [type, rows] of archive.rels) {
    for (let i = 0; i < rows.length; i += BATCH) {
      // `type` comes from the closed list RELATIONSHIP_TYPE_NAMES
      await db.write(
        `/* peerRelationships:${type} */
         UNWIND $rows AS row
         MATCH (a:Entity {id: row.from})
         MATCH (b:Entity {id: row.to})
         CREATE (a)-[r:${type}]->(b)
         SET r = row.props`,
        { rows: rows.slice(i, i + BATCH) },
      );
    }
  }
  await db.write('CALL db.awaitIndexes(300)');
}
