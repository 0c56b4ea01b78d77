// The streaming exporter: runs a plan (plan.ts) through writers (writer.ts), all fed in one pass,
// reading the graph a page at a time in id order (pages.ts) and yielding the writers' text page by
// page. Each relationship becomes an edge with its URI and its evidence passages, their offsets in
// code points and their quote context cut from the quoted documents' texts (documents.ts).
import type { RelationshipRow } from '../data/types.ts';
import type { Db } from '../db/driver.ts';
import { EXPORT_BATCH } from '../limits.ts';
import { after, before, codePoints } from '../linked/positions.ts';
import type { Uris } from '../uris.ts';
import { type CachedDocument, DocumentCache } from './documents.ts';
import { edgePages, nodePages } from './pages.ts';
import type { ExportPlan } from './plan.ts';
import type { ExportEdge, ExportInfo, ExportNode, ExportPassage, ExportWriter } from './writer.ts';

/** The form of the relationship ids uris.ts mints claim URIs from (`document/d#TYPE:from->to[:key]`). */
const CLAIM_ID = /^document\/[a-z0-9-]+#[A-Z_]+:[a-z]+\/[a-z0-9-]+->[a-z]+\/[a-z0-9-]+(?::.+)?$/;

/**
 * A relationship's URI. Relationships the seed loader writes have ids of the form uris.ts mints
 * from; one that has another id (the synthetic graph's) gets a URI of the same form with its id as
 * the key, so every edge still carries a URI.
 */
export function relationshipUri(uris: Uris, r: RelationshipRow): string {
  if (CLAIM_ID.test(r.id)) return uris.relationship(r.id);
  const document = r.evidence[0]?.documentId ?? '';
  const id = `${document}#${r.type}:${r.from}->${r.to}:${r.id}`;
  return CLAIM_ID.test(id) ? uris.relationship(id) : `${uris.base}/id/claim/${encodeURIComponent(r.id)}`;
}

function exportEdge(
  r: RelationshipRow,
  cached: CachedDocument | 'missing' | undefined,
  uris: Uris,
): ExportEdge {
  const uri = relationshipUri(uris, r);
  const found = cached && cached !== 'missing' ? cached : null;
  const t = found?.indexed ?? null;
  const passages: ExportPassage[] = r.evidence.map((ev) => ({
    evidence: ev,
    uri: `${uri}/evidence/${ev.index}`,
    start: t ? codePoints(t, ev.start) : null,
    end: t ? codePoints(t, ev.end) : null,
    prefix: t ? before(t.text, ev.start) : '',
    suffix: t ? after(t.text, ev.end) : '',
  }));
  return {
    relationship: r,
    uri,
    fromUri: uris.entity(r.from),
    toUri: uris.entity(r.to),
    document: found?.doc ?? null,
    passages,
  };
}

export interface ExportProgress {
  nodes: number;
  edges: number;
}

export interface ExportOptions {
  /** Rows per statement (EXPORT_BATCH). */
  batch?: number;
  /** Called after each page with the rows written so far. */
  onProgress?: (done: ExportProgress) => void;
  /** When the export started (default now). */
  created?: Date;
}

export type ExportPage = { kind: 'nodes'; rows: ExportNode[] } | { kind: 'edges'; rows: ExportEdge[] };

/** The rows of a plan, a page at a time: every node page (if wanted), then every edge page. */
export async function* exportPages(
  db: Db,
  uris: Uris,
  plan: ExportPlan,
  needs: { nodes: boolean; edges: boolean },
  batch = EXPORT_BATCH,
): AsyncGenerator<ExportPage> {
  if (needs.nodes) {
    for await (const rows of nodePages(db, plan.scope, batch)) {
      yield {
        kind: 'nodes',
        rows: rows.map((n) => ({ ...n, uri: uris.entity(n.entity.id) })),
      };
    }
  }
  if (needs.edges) {
    const documents = new DocumentCache(db, uris);
    for await (const rows of edgePages(db, plan.scope, batch)) {
      const docs = await documents.forPage(
        rows.flatMap((r) => r.evidence.slice(0, 1).map((e) => e.documentId)),
      );
      yield {
        kind: 'edges',
        rows: rows.map((r) => exportEdge(r, docs.get(r.evidence[0]?.documentId ?? ''), uris)),
      };
    }
  }
}

async function call(writers: readonly ExportWriter[], fn: (w: ExportWriter) => string | Promise<string>) {
  const out: string[] = [];
  for (const w of writers) out.push(await fn(w));
  return out;
}

/**
 * Runs an export through writers, all fed in one pass: yields, for each step (the beginning, each
 * page, the end), the text each writer produced, in the writers' order.
 */
export async function* exportText(
  db: Db,
  uris: Uris,
  plan: ExportPlan,
  writers: readonly ExportWriter[],
  needs: { nodes: boolean; edges: boolean },
  options: ExportOptions = {},
): AsyncGenerator<string[]> {
  const info: ExportInfo = {
    uris,
    selection: plan.selection,
    title: plan.title,
    created: (options.created ?? new Date()).toISOString(),
    totals: plan.totals,
  };
  yield await call(writers, (w) => w.begin(info));
  const done: ExportProgress = { nodes: 0, edges: 0 };
  for await (const page of exportPages(db, uris, plan, needs, options.batch)) {
    const out = writers.map(() => '');
    for (let i = 0; i < writers.length; i++) {
      const w = writers[i] as ExportWriter;
      let text = '';
      if (page.kind === 'nodes') {
        for (const row of page.rows) {
          const t = w.node(row);
          text += typeof t === 'string' ? t : await t;
        }
      } else {
        for (const row of page.rows) {
          const t = w.edge(row);
          text += typeof t === 'string' ? t : await t;
        }
      }
      out[i] = text;
    }
    done[page.kind] += page.rows.length;
    options.onProgress?.({ ...done });
    yield out;
  }
  yield await call(writers, (w) => w.end());
}
