// Imports one validated bundle in one write transaction, all or nothing (write.ts does the work:
// resolution, entities, relationships, what a re-import takes out, and one Change when a principal
// imports; the seed records none). A bundle over MAX_IMPORT_ROWS is refused before anything runs. A
// dry run does all of it and rolls back. A transaction that fails transiently (a deadlock with a
// concurrent import) runs again, up to IMPORT_ATTEMPTS times; any other failure leaves the graph as
// it was. After the transaction, near matches of the new entities are searched (candidates.ts).
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Db, TxRunner } from '../db/driver.ts';
import { CodedError } from '../errors.ts';
import {
  IMPORT_ATTEMPTS,
  IMPORT_BATCH,
  IMPORT_CANDIDATE_BUDGET_MS,
  IMPORT_CANDIDATE_SEARCHES,
  IMPORT_TIMEOUT_MS,
  MAX_IMPORT_ROWS,
} from '../limits.ts';
import { ExtractionError, type ValidatedDocument } from '../seed/validate.ts';
import { type NewEntity, nearMatches } from './candidates.ts';
import type { ImportReport } from './report.ts';
import { bundleRows, write } from './write.ts';

export { bundleRows } from './write.ts';

export interface ImportOptions {
  /** Who imports: a Change is recorded under this key id. None (the seed): no Change. */
  principal?: { keyId: string } | null;
  /** Why (required with a principal). */
  message?: string;
  /** Do everything, report, and roll back. */
  dryRun?: boolean;
  /** Search near matches of new entities after the import (default true). */
  candidates?: boolean;
  /** Called after each batch with the rows written so far and the rows to write. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per statement (default IMPORT_BATCH). */
  batch?: number;
  /** For tests: wraps the transaction's runner (to make a statement fail midway). */
  wrap?: (tx: TxRunner) => TxRunner;
}

/** Thrown at the end of a dry run's transaction, so that it rolls back, carrying the report. */
class DryRun extends Error {
  constructor(readonly done: { report: ImportReport; created: NewEntity[] }) {
    super('dry run');
  }
}

/** Refuses a bundle larger than one transaction takes (MAX_IMPORT_ROWS). */
export function checkSize(v: ValidatedDocument, max = MAX_IMPORT_ROWS): void {
  const rows = bundleRows(v);
  if (rows > max)
    throw new ExtractionError(v.file, [
      `holds ${rows.toLocaleString('en')} rows (the document, ${v.extraction.entities.length.toLocaleString('en')} entities, ${v.relationships.length.toLocaleString('en')} relationships); one import writes at most ${max.toLocaleString('en')} in its one transaction`,
    ]);
}

const codeOf = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? '');
/** A failure worth another attempt (a deadlock); not one of memory, which would only fail again. */
const transient = (err: unknown) =>
  !(err instanceof CodedError) && neo4j.isRetryableError(err) && !/Memory/.test(codeOf(err));

/** Imports a validated bundle; the report says what it did (or would do). */
export async function importValidated(
  db: Db,
  v: ValidatedDocument,
  options: ImportOptions = {},
): Promise<ImportReport> {
  checkSize(v);
  const started = performance.now();
  let report: ImportReport | undefined;
  let created: NewEntity[] = [];
  for (let attempt = 1; !report; attempt++) {
    const changeId = randomUUID();
    let written = 0;
    try {
      const out = await db.writeTransaction(
        async (raw) => {
          const tx = options.wrap ? options.wrap(raw) : raw;
          const done = await write(tx, v, { ...options, batch: options.batch ?? IMPORT_BATCH }, changeId);
          if (options.dryRun) throw new DryRun(done);
          written = performance.now();
          return done;
        },
        { timeoutMs: IMPORT_TIMEOUT_MS },
      );
      report = out.report;
      created = out.created;
      report.phases.commit = (performance.now() - written) / 1000;
    } catch (err) {
      if (err instanceof DryRun) {
        report = err.done.report;
        created = err.done.created;
      } else if (/Memory/.test(codeOf(err))) {
        throw new ExtractionError(v.file, [
          `holds ${bundleRows(v).toLocaleString('en')} rows, more than the database's transaction memory takes (${codeOf(err)}): give the database more memory, or split the document`,
        ]);
      } else if (attempt < IMPORT_ATTEMPTS && transient(err)) {
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt * Math.random()));
      } else throw err;
    }
  }
  const searching = performance.now();
  if (options.candidates !== false && created.length) {
    try {
      const near = await nearMatches(db, created);
      report.candidates = near.candidates;
      if (near.unsearched)
        report.warnings.push(
          `near matches were searched for the first ${created.length - near.unsearched} of ${created.length} new entities only (at most ${IMPORT_CANDIDATE_SEARCHES}, for ${IMPORT_CANDIDATE_BUDGET_MS / 1000} s)`,
        );
    } catch {
      report.warnings.push('near matches could not be searched (the import itself is complete)');
    }
  }
  report.candidateSeconds = (performance.now() - searching) / 1000;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
