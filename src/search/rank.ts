// Re-ranking of full-text hits by how well the words typed cover one of an entity's names, so that
// "Xiaoping Deng" or "Deng Xiaopng" puts the person above a document whose long title holds the name.
import { fold } from './fold.ts';

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** A typed word matches a name word when equal, or within one edit for words of four letters or more. */
function close(typed: string, word: string): boolean {
  return typed === word || (typed.length >= 4 && word.length >= 4 && editDistance(typed, word) <= 1);
}

/**
 * The share of a name's words that the typed words cover, for the best of the entity's folded
 * names (`keys`); 0 unless every typed word matches some word of that name.
 */
export function nameCoverage(text: string, keys: readonly string[]): number {
  const typed = fold(text).split(' ').filter(Boolean);
  if (!typed.length) return 0;
  let best = 0;
  for (const key of keys) {
    const words = key.split(' ').filter(Boolean);
    if (!words.length || !typed.every((t) => words.some((w) => close(t, w)))) continue;
    const covered = words.filter((w) => typed.some((t) => close(t, w))).length;
    best = Math.max(best, covered / words.length);
  }
  return best;
}

export interface RankedHit {
  id: string;
  score: number;
  keys: string[];
}

/**
 * Multiplies each full-text score by (1 + name coverage), so a hit whose whole name was typed counts
 * double, and sorts best first (ties by id).
 */
export function rerank<T extends RankedHit>(hits: T[], text: string): T[] {
  return hits
    .map((h) => ({ ...h, score: h.score * (1 + nameCoverage(text, h.keys)) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
