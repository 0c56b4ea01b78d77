// A readable page for an entity's URI (text/html): its names, what the sources say of it, and every
// relationship with the passages that support it, each quote shown in its context in the text.
import type { EntityRow, Evidence, RelationshipRow } from '../data/types.ts';
import type { Uris } from '../uris.ts';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const CONTEXT_CHARS = 80;

function passage(ev: Evidence, text: string, uris: Uris): string {
  const before = text.slice(Math.max(0, ev.start - CONTEXT_CHARS), ev.start);
  const after = text.slice(ev.end, ev.end + CONTEXT_CHARS);
  return `<li><blockquote>…${escape(before)}<mark>${escape(ev.quote)}</mark>${escape(after)}…</blockquote>
<p class="meta">${escape(ev.certainty)}${ev.reasoning ? ` — ${escape(ev.reasoning)}` : ''} ·
characters ${ev.start}–${ev.end} of <a href="${escape(uris.documentText(ev.documentId))}">the text</a> ·
<a href="${escape(uris.evidence(ev.relationshipId, ev.index))}">cite this passage</a></p></li>`;
}

function claim(
  r: RelationshipRow,
  self: string,
  names: ReadonlyMap<string, string>,
  texts: ReadonlyMap<string, string>,
  uris: Uris,
) {
  const other = r.from === self ? r.to : r.from;
  const arrow = r.from === self ? '→' : '←';
  const facts = [r.role, r.title, r.reference].filter(Boolean).map((x) => escape(x as string));
  return `<section><h3>${escape(r.type)} ${arrow} <a href="${escape(uris.entity(other))}">${escape(names.get(other) ?? other)}</a></h3>
${facts.length ? `<p>${facts.join(' · ')}</p>` : ''}<p class="meta">${escape(r.certainty)} · <a href="${escape(uris.relationship(r.id))}">cite this claim</a></p>
<ul>${r.evidence.map((ev) => passage(ev, texts.get(ev.documentId) ?? '', uris)).join('\n')}</ul></section>`;
}

export function entityPage(
  e: EntityRow,
  claims: readonly RelationshipRow[],
  names: ReadonlyMap<string, string>,
  texts: ReadonlyMap<string, string>,
  uris: Uris,
): string {
  const uri = uris.entity(e.id);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(e.name)} — coldwar-graph</title>
<link rel="alternate" type="application/ld+json" href="${escape(uri)}">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #ccc}mark{background:#fde68a}
.meta{color:#555;font-size:.9rem;margin:.2rem 0 .8rem}code{font-size:.9rem}</style></head>
<body><p class="meta">${escape(e.type)} · <code>${escape(uri)}</code></p>
<h1>${escape(e.name)}</h1>
${e.aliases.length ? `<p>Also: ${e.aliases.map(escape).join(' · ')}</p>` : ''}
${e.description ? `<p>${escape(e.description)}</p>` : ''}
${e.note ? `<p class="meta">Note: ${escape(e.note)}</p>` : ''}
${e.date ? `<p>Date: ${escape(e.date.value)} (${escape(e.date.precision)}, ${escape(e.date.certainty)})</p>` : ''}
${e.externalIds.length ? `<p>Same as: ${e.externalIds.map((x) => `${escape(x.scheme)} ${escape(x.value)}`).join(' · ')}</p>` : ''}
${e.type === 'Document' ? `<p><a href="${escape(uris.documentText(e.id))}">The stored text</a> (the offsets below index it)</p>` : ''}
<h2>Relationships, with the passages that support them</h2>
${claims.map((c) => claim(c, e.id, names, texts, uris)).join('\n') || '<p>None recorded.</p>'}
<p class="meta">Also as <a href="${escape(uri)}">JSON-LD, Turtle or N-Quads</a> (ask with an Accept header).</p>
</body></html>`;
}
