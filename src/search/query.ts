// Turns what a person types into a Lucene query for the full-text indexes. Only folded letters and
// digits reach Lucene, so no user text is ever read as query syntax.
import { fold } from './fold.ts';

/** One word's clause: the exact word boosted, then a prefix, then (four letters or more) one typo. */
export function luceneClause(t: string): string {
  return t.length >= 4 ? `(${t}^3 OR ${t}*^2 OR ${t}~1)` : `(${t}^3 OR ${t}*)`;
}

export function luceneQuery(text: string): string | undefined {
  const tokens = new Set(fold(text).split(' ').filter(Boolean));
  // also the form with in-word punctuation removed: "Hsiao-p'ing" → "hsiaoping"
  for (const t of fold(text.replace(/['’ʼ‘`\-‐.]+(?=\p{L})/gu, '')).split(' ')) if (t) tokens.add(t);
  if (!tokens.size) return undefined;
  return [...tokens].map(luceneClause).join(' OR ');
}
