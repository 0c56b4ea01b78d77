// A source that no longer states some entities (a document imported again without them, or
// withdrawn): each loses the source, the aliases only it gave and the fields it gave (provenance.ts),
// computed from what the entity holds, read under its lock. Shared by the importer (write.ts) and
// the withdrawal of a document (retractDocument, src/writer.ts).
import { lockedEntities, updateEntities } from '../data/import-write.ts';
import type { TxRunner } from '../db/driver.ts';
import { IMPORT_BATCH } from '../limits.ts';
import { nextState } from './provenance.ts';

/**
 * Applies `source`'s silence to these entities (read under lock); returns the ids whose name,
 * aliases or fields changed (each a version up).
 */
export async function releaseSource(
  tx: TxRunner,
  source: string,
  entities: readonly { id: string; props: Record<string, unknown> }[],
  batch = IMPORT_BATCH,
): Promise<string[]> {
  const changed: string[] = [];
  const rows = entities.flatMap((x) => {
    const next = nextState(x.props, null, source);
    if (next.changed) changed.push(x.id);
    return Object.keys(next.props).length
      ? [{ id: x.id, props: next.props, bump: next.changed ? 1 : 0 }]
      : [];
  });
  for (let i = 0; i < rows.length; i += batch) await updateEntities(tx, rows.slice(i, i + batch));
  return changed;
}

/** Locks and reads the entities of these ids, then releases them from `source` (a withdrawn document). */
export async function releaseFrom(tx: TxRunner, source: string, ids: readonly string[]): Promise<string[]> {
  return releaseSource(tx, source, await lockedEntities(tx, ids));
}
