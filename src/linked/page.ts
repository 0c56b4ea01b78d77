// A readable page for an entity's URI (text/html): its names, what the sources say of it, and every
// relationship with the passages that support it, each quote shown in its context in the text.
import type { EntityRow, Evidence, ExternalId, RelationshipRow } from '../data/types.ts';
import { AUTHORITY_RULES } from '../model.ts';
import type { Uris } from '../uris.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const CONTEXT_CHARS = 80;

function passage(ev: Evidence, text: string, uris: Uris): string {
  const before = text.slice(Math.max(0, ev.start - CONTEXT_CHARS), ev.start);
  const after = text.slice(ev.end, ev.end + CONTEXT_CHARS);
  return `<li><blockquote>…${escapeHtml(before)}<mark>${escapeHtml(ev.quote)}</mark>${escapeHtml(after)}…</blockquote>
<p class="meta">${escapeHtml(ev.certainty)}${ev.reasoning ? ` — ${escapeHtml(ev.reasoning)}` : ''} ·
characters ${ev.start}–${ev.end} of <a href="${escapeHtml(uris.documentText(ev.documentId))}">the text</a> ·
<a href="${escapeHtml(uris.evidence(ev.relationshipId, ev.index))}">cite this passage</a></p></li>`;
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
  const facts = [r.role, r.title, r.reference].filter(Boolean).map((x) => escapeHtml(x as string));
  return `<section><h3>${escapeHtml(r.type)} ${arrow} <a href="${escapeHtml(uris.entity(other))}">${escapeHtml(names.get(other) ?? other)}</a></h3>
${facts.length ? `<p>${facts.join(' · ')}</p>` : ''}<p class="meta">${escapeHtml(r.certainty)} · <a href="${escapeHtml(uris.relationship(r.id))}">cite this claim</a></p>
<ul>${r.evidence.map((ev) => passage(ev, texts.get(ev.documentId) ?? '', uris)).join('\n')}</ul></section>`;
}

/** An identifier as a link to its authority record, with who checked it, how and when. */
const identifierLink = (x: ExternalId) => {
  const rule = AUTHORITY_RULES[x.authority];
  const how = `checked by ${x.verifiedBy} on ${x.verifiedOn}: ${x.method}`;
  return `<a href="${escapeHtml(rule.uri(x.value))}" title="${escapeHtml(how)}">${escapeHtml(rule.name)} ${escapeHtml(x.value)}</a>`;
};

export function entityPage(
  e: EntityRow,
  identifiers: readonly ExternalId[],
  claims: readonly RelationshipRow[],
  names: ReadonlyMap<string, string>,
  texts: ReadonlyMap<string, string>,
  uris: Uris,
): string {
  const uri = uris.entity(e.id);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(e.name)} — coldwar-graph</title>
<link rel="alternate" type="application/ld+json" href="${escapeHtml(uri)}">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid #ccc}mark{background:#fde68a}
.meta{color:#555;font-size:.9rem;margin:.2rem 0 .8rem}code{font-size:.9rem}</style></head>
<body><p class="meta">${escapeHtml(e.type)} · <code>${escapeHtml(uri)}</code></p>
<h1>${escapeHtml(e.name)}</h1>
${e.aliases.length ? `<p>Also: ${e.aliases.map(escapeHtml).join(' · ')}</p>` : ''}
${e.description ? `<p>${escapeHtml(e.description)}</p>` : ''}
${e.note ? `<p class="meta">Note: ${escapeHtml(e.note)}</p>` : ''}
${e.date ? `<p>Date: ${escapeHtml(e.date.value)} (${escapeHtml(e.date.precision)}, ${escapeHtml(e.date.certainty)})</p>` : ''}
${identifiers.length ? `<p>Same as: ${identifiers.map(identifierLink).join(' · ')}</p>` : ''}
${e.type === 'Document' ? `<p><a href="${escapeHtml(uris.documentText(e.id))}">The stored text</a> (the offsets below index it)</p>` : ''}
<h2>Relationships, with the passages that support them</h2>
${claims.map((c) => claim(c, e.id, names, texts, uris)).join('\n') || '<p>None recorded.</p>'}
<p class="meta">Also as <a href="${escapeHtml(uri)}">JSON-LD, Turtle or N-Quads</a> (ask with an Accept header).</p>
</body></html>`;
}
