// Bundles on disk: an extraction file (coldwar-graph/extraction@1) and the stored text its
// `document.textFile` names, found beside the extraction, in a texts/ folder beside it, or in a
// texts/ folder beside its folder (the seed's layout: seed/extractions/x.json, seed/texts/x.txt).
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseJson, type ValidatedDocument, validateDocument } from '../seed/validate.ts';

/** Where the text of an extraction at `path` may be, in the order looked at. */
export function textPlaces(path: string, textFile: string): string[] {
  const dir = dirname(resolve(path));
  return [join(dir, textFile), join(dir, 'texts', textFile), join(dirname(dir), 'texts', textFile)];
}

/** Reads and validates the bundle of an extraction file (ExtractionError naming the file if it is bad). */
export function readBundle(path: string): ValidatedDocument {
  const file = basename(path);
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: ${(err as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
  }
  return validateDocument(file, parseJson(file, json), (textFile) => {
    const at = textPlaces(path, textFile).find((p) => existsSync(p));
    return at ? readFileSync(at, 'utf8') : null;
  });
}
