// The bundle export: every document (or one) as the importer takes it back, an extraction file
// (coldwar-graph/extraction@1) with its stored text in texts/ beside it, so that `npm run import` of
// the folder into an empty database gives the same graph: entities with their ids, names, fields,
// identifiers and aliases (each alias in the bundle of the document that gave it; one no document
// gave, in the bundle of the entity's first source), and every relationship with its id and evidence.
// Written a document at a time and a page at a time (bounded memory), each file as FILE.partial
// renamed when complete. Not in a bundle: changes, redirects, versions, and entities no document
// declares.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BundleNodeRow,
  type BundleRelationshipRow,
  bundleDocument,
  bundleDocuments,
  bundleEntities,
  bundleRelationships,
} from '../data/export-bundle.ts';
import type { Db } from '../db/driver.ts';
import { NotFoundError } from '../errors.ts';
import { EXPORT_BATCH } from '../limits.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { documentEntry, entityEntry, relationshipEntry } from './bundle-entries.ts';
import { partialFile } from './partial-file.ts';

export interface BundleExport {
  /** The extraction files written, in document id order. */
  files: string[];
  entities: number;
  relationships: number;
  warnings: string[];
}

export interface BundleExportOptions {
  /** Only this document. */
  document?: string | undefined;
  batch?: number | undefined;
  /** After each page: the rows (entities and relationships) written so far. */
  onProgress?: ((rows: number) => void) | undefined;
}

async function* documents(db: Db, only: string | undefined, batch: number): AsyncGenerator<BundleNodeRow> {
  if (only) {
    const d = await bundleDocument(db, only);
    if (!d) throw new NotFoundError(only);
    yield d;
    return;
  }
  let after = '';
  for (;;) {
    const page = await bundleDocuments(db, after, Math.min(batch, 100));
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < Math.min(batch, 100)) return;
    after = last.id;
  }
}

/** Writes the bundles into `dir` (created if missing): DOCUMENT.json each, texts in dir/texts/. */
export async function exportBundles(
  db: Db,
  dir: string,
  options: BundleExportOptions = {},
): Promise<BundleExport> {
  const batch = options.batch ?? EXPORT_BATCH;
  mkdirSync(join(dir, 'texts'), { recursive: true });
  const out: BundleExport = { files: [], entities: 0, relationships: 0, warnings: [] };
  const textFiles = new Set<string>();
  for await (const doc of documents(db, options.document, batch)) {
    const slug = doc.id.slice('document/'.length);
    let textFile = typeof doc.props.textFile === 'string' ? doc.props.textFile : `${slug}.txt`;
    if (textFiles.has(textFile)) textFile = `${slug}.txt`;
    textFiles.add(textFile);
    writeFileSync(join(dir, 'texts', textFile), String(doc.props.text ?? ''));
    const path = join(dir, `${slug}.json`);
    const file = partialFile(path);
    try {
      const head = documentEntry(doc, textFile, out.warnings);
      await file.write(
        `{"format":"coldwar-graph/extraction@1",\n"document":${JSON.stringify(head)},\n"entities":[`,
      );
      let first = true;
      let after = '';
      for (;;) {
        const page = await bundleEntities(db, doc.id, after, batch);
        for (const row of page) {
          await file.write(
            `${first ? '\n' : ',\n'}${JSON.stringify(entityEntry(row, doc.id, out.warnings))}`,
          );
          first = false;
        }
        out.entities += page.length;
        options.onProgress?.(out.entities + out.relationships);
        const last = page.at(-1);
        if (!last || page.length < batch) break;
        after = last.id;
      }
      await file.write('\n],\n"relationships":[');
      first = true;
      for (const type of RELATIONSHIP_TYPE_NAMES) {
        let afterRel = '';
        for (;;) {
          const page: BundleRelationshipRow[] = await bundleRelationships(db, doc.id, type, afterRel, batch);
          for (const row of page) {
            await file.write(
              `${first ? '\n' : ',\n'}${JSON.stringify(relationshipEntry(row, doc.id, out.warnings))}`,
            );
            first = false;
          }
          out.relationships += page.length;
          options.onProgress?.(out.entities + out.relationships);
          const last = page.at(-1);
          if (!last || page.length < batch) break;
          afterRel = String(last.props.id);
        }
      }
      await file.write('\n]}\n');
      await file.finish();
      out.files.push(path);
    } catch (err) {
      file.abandon();
      throw err;
    }
  }
  return out;
}
