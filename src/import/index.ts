// Growing the archive: importing a document bundle (an extraction and its text) with entity
// resolution, in one transaction, with a report. The entry points: `importBundle` for a bundle in
// memory (the importDocument mutation), `readBundle` + `importValidated` for files (npm run import,
// and the seed, which is the import of seed/ without a principal).

import type { Db } from '../db/driver.ts';
import { BadBundleError } from '../errors.ts';
import { IMPORT_MAX_PROBLEMS } from '../limits.ts';
import { ExtractionError, parseJson, validateDocument } from '../seed/validate.ts';
import { type ImportOptions, importValidated } from './importer.ts';
import type { ImportReport } from './report.ts';

export type { Candidate, Candidates } from './candidates.ts';
export { readBundle, textPlaces } from './files.ts';
export { bundleRows, checkSize, type ImportOptions, importValidated } from './importer.ts';
export { changeSource, editedAliases, mergedAliases } from './provenance.ts';
export { releaseFrom } from './release.ts';
export {
  type CreatedEntity,
  detailLines,
  type ImportReport,
  PHASES,
  type Phases,
  summaryLine,
} from './report.ts';
export { MATCH_HOWS, type Match, type MatchHow } from './resolve.ts';

/** A bundle as a client sends it: the extraction's JSON text and the document's stored text. */
export interface BundleInput {
  /** A name for messages (the file name); default "bundle". */
  file?: string | undefined;
  extraction: string;
  text: string;
}

/** The coded error a client sees for a bundle that cannot be imported. */
export function badBundle(err: ExtractionError): BadBundleError {
  return new BadBundleError(err.file, err.problems, IMPORT_MAX_PROBLEMS);
}

/** Validates and imports a bundle given in memory; a bad one is BAD_BUNDLE, naming entry and problem. */
export async function importBundle(
  db: Db,
  bundle: BundleInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const file = bundle.file ?? 'bundle';
  try {
    const v = validateDocument(file, parseJson(file, bundle.extraction), bundle.text);
    return await importValidated(db, v, options);
  } catch (err) {
    throw err instanceof ExtractionError ? badBundle(err) : err;
  }
}
