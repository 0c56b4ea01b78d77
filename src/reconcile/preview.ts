// The preview of a candidate (manifest `preview`): a small HTML page for OpenRefine's iframe with the
// entity's name, type, aliases and description, and the passage that best supports it: the quote,
// its certainty and the document it comes from. Everything from the graph is escaped.
import type { EntityRow, Evidence, RelationshipRow } from '../data/types.ts';
import type { RelationshipType } from '../model.ts';
import type { GraphReader } from '../reader.ts';
import { fold } from '../search/fold.ts';
import type { Uris } from '../uris.ts';

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Relationships that say what an entity did or was come before the mere mention of it. */
const LAST: readonly RelationshipType[] = ['MENTIONS'];

/**
 * The passage that best supports an entity: one that names it (by its name or an alias) before one
 * that does not, stated before inferred, a relationship other than a mere mention before a mention,
 * then the earliest in its document.
 */
export function bestPassage(entity: EntityRow, relationships: readonly RelationshipRow[]) {
  const names = [entity.name, ...entity.aliases].map(fold).filter((n) => n.length > 1);
  const names_it = (ev: Evidence) => {
    const quote = ` ${fold(ev.quote)} `;
    return names.some((n) => quote.includes(` ${n} `));
  };
  const ranked = relationships
    .flatMap((r) => r.evidence.map((ev) => ({ r, ev })))
    .map((x) => ({
      ...x,
      key: [
        names_it(x.ev) ? 0 : 1,
        x.ev.certainty === 'stated' ? 0 : 1,
        LAST.includes(x.r.type) ? 1 : 0,
        x.ev.start,
      ],
    }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
        if (d) return d;
      }
      return a.ev.relationshipId.localeCompare(b.ev.relationshipId) || a.ev.index - b.ev.index;
    });
  return ranked[0];
}

/** The preview page of an entity. */
export async function previewPage(graph: GraphReader, uris: Uris, entity: EntityRow): Promise<string> {
  const best = bestPassage(entity, await graph.relationshipsAround(entity.id));
  const document = best ? await graph.find(best.ev.documentId) : null;
  const e = escapeHtml;
  const uri = uris.entity(entity.id);
  const passage = best
    ? `<blockquote>“${e(best.ev.quote)}”</blockquote>
<p class="meta">${e(best.ev.certainty)}${best.ev.reasoning ? ` (${e(best.ev.reasoning)})` : ''} ·
<a href="${e(uris.evidence(best.ev.relationshipId, best.ev.index))}" target="_blank" rel="noopener">cite</a><br>
${document ? `<a href="${e(uris.entity(document.id))}" target="_blank" rel="noopener">${e(document.name)}</a>` : e(best.ev.documentId)}${
  document?.archiveReference ? ` · ${e(document.archiveReference)}` : ''
}</p>`
    : '<p class="meta">No passage in the sources supports it yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${e(entity.name)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:.5rem;color:#111}h1{font-size:1.1rem;margin:0}
.meta{color:#555;font-size:.85rem;margin:.2rem 0}blockquote{margin:.4rem 0;padding-left:.6rem;border-left:3px solid #ccc}
a{color:#1d4ed8}</style></head>
<body><h1><a href="${e(uri)}" target="_blank" rel="noopener">${e(entity.name)}</a></h1>
<p class="meta">${e(entity.type)}${entity.date ? ` · ${e(entity.date.value)}` : ''} · <code>${e(entity.id)}</code></p>
${entity.aliases.length ? `<p class="meta">Also: ${entity.aliases.map(e).join(' · ')}</p>` : ''}
${entity.description ? `<p>${e(entity.description)}</p>` : ''}
${passage}
</body></html>`;
}
