// The documents an export's relationships quote, kept in a bounded LRU cache (entries and UTF-16
// units of text): their texts turn evidence offsets into code points and give the quote context.
// Each page's documents are read in one statement, only those the cache does not hold.
import { LRUCache } from 'lru-cache';
import { type ExportDocumentRow, exportDocuments } from '../data/export.ts';
import type { Db } from '../db/driver.ts';
import { EXPORT_TEXT_CACHE_ENTRIES, EXPORT_TEXT_CACHE_UNITS } from '../limits.ts';
import { type IndexedText, indexText } from '../linked/positions.ts';
import type { Uris } from '../uris.ts';
import type { ExportDocument } from './writer.ts';

export interface CachedDocument {
  doc: ExportDocument;
  indexed: IndexedText | null;
}

/** The documents relationships quote, kept while they fit (entries and text size bounded). */
export class DocumentCache {
  private readonly cache = new LRUCache<string, CachedDocument | 'missing'>({
    max: EXPORT_TEXT_CACHE_ENTRIES,
    maxSize: EXPORT_TEXT_CACHE_UNITS,
    sizeCalculation: (v) => (v === 'missing' ? 1 : (v.doc.text?.length ?? 0) + 1),
  });

  constructor(
    private readonly db: Db,
    private readonly uris: Uris,
  ) {}

  /** The documents of a page's relationships, each read once while it stays in the cache. */
  async forPage(ids: readonly string[]): Promise<Map<string, CachedDocument | 'missing'>> {
    const page = new Map<string, CachedDocument | 'missing'>();
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit) page.set(id, hit);
      else wanted.push(id);
    }
    if (wanted.length) {
      const rows = new Map((await exportDocuments(this.db, wanted)).map((d) => [d.id, d]));
      for (const id of wanted) {
        const row = rows.get(id);
        const value = row ? this.entry(row) : 'missing';
        page.set(id, value);
        this.cache.set(id, value);
      }
    }
    return page;
  }

  private entry(row: ExportDocumentRow): CachedDocument {
    return {
      doc: {
        id: row.id,
        uri: this.uris.entity(row.id),
        textUri: this.uris.documentText(row.id),
        title: row.title,
        archiveReference: row.archiveReference,
        text: row.text,
      },
      indexed: row.text == null ? null : indexText(row.text),
    };
  }
}
