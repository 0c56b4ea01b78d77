// Reading an export a page at a time: pages follow one another by keyset cursors (src/data/export.ts),
// up to EXPORT_READ_AHEAD of them read while the current one is written, so that only those are in
// memory. A page that times out is read again in smaller pieces; a database briefly away is waited for.
import {
  type EdgeCursor,
  type ExportNodeRow,
  type ExportScope,
  exportEdges,
  exportNodes,
  FIRST_EDGE_CURSOR,
} from '../data/export.ts';
import type { RelationshipRow } from '../data/types.ts';
import type { Db } from '../db/driver.ts';
import { DatabaseTimeoutError, DatabaseUnavailableError } from '../errors.ts';
import { EXPORT_READ_AHEAD, EXPORT_RETRY_DELAYS_MS } from '../limits.ts';

/** A read started now and awaited later; its failure is not "unhandled" if the reader stops first. */
function started<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

interface Page<C, R> {
  rows: R[];
  /** The cursor of the next page; null after the last. */
  next: C | null;
}

/**
 * Pages read one after another (each from the cursor the previous one gave), up to `ahead` of them
 * read ahead of the consumer, so that the database works on the next pages while this one is written.
 */
export async function* readAhead<C, R>(
  fetch: (cursor: C) => Promise<Page<C, R>>,
  first: C,
  ahead = EXPORT_READ_AHEAD,
): AsyncGenerator<R[]> {
  const end: Page<C, R> = { rows: [], next: null };
  let last = started(fetch(first));
  const queue = [last];
  const refill = () => {
    while (queue.length < ahead) {
      last = started(last.then((page) => (page.next === null ? end : fetch(page.next))));
      queue.push(last);
    }
  };
  refill();
  for (;;) {
    const page = await (queue.shift() as Promise<Page<C, R>>);
    if (page.rows.length) yield page.rows;
    if (page.next === null) return;
    refill();
  }
}

/**
 * Reads a page of at most `batch` rows, giving way when the database does: a page that runs out of
 * time is read again in half the rows (down to one), and pages grow back to `batch` as they succeed;
 * a database found unreachable is waited for (EXPORT_RETRY_DELAYS_MS) before the export fails.
 */
export function pageReader<C, R>(
  read: (cursor: C, size: number) => Promise<Page<C, R>>,
  batch: number,
  delays: readonly number[] = EXPORT_RETRY_DELAYS_MS,
): (cursor: C) => Promise<Page<C, R>> {
  let size = batch;
  return async (cursor) => {
    let waited = 0;
    for (;;) {
      try {
        const page = await read(cursor, size);
        size = Math.min(batch, size * 2);
        return page;
      } catch (err) {
        if (err instanceof DatabaseTimeoutError && size > 1) {
          size = Math.ceil(size / 2);
        } else if (err instanceof DatabaseUnavailableError && waited < delays.length) {
          await new Promise((resolve) => setTimeout(resolve, delays[waited]));
          waited += 1;
        } else {
          throw err;
        }
      }
    }
  };
}

export const nodePages = (db: Db, scope: ExportScope, batch: number) =>
  readAhead<string, ExportNodeRow>(
    pageReader(async (after, size) => {
      const rows = await exportNodes(db, scope, after, size);
      const last = rows.at(-1);
      return { rows, next: rows.length >= size && last ? last.entity.id : null };
    }, batch),
    '',
  );

export const edgePages = (db: Db, scope: ExportScope, batch: number) =>
  readAhead<EdgeCursor, RelationshipRow>(
    pageReader((cursor, size) => exportEdges(db, scope, cursor, size), batch),
    FIRST_EDGE_CURSOR,
  );
