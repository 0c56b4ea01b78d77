// Re-ranking of full-text hits by how well the words typed cover one of an entity's names, so that
// "Xiaoping Deng" or "Deng Xiaopng" puts the person above a document whose long title holds the name.
// The words are lined up by the matcher that reconciliation uses too (match.ts).
import { nameCoverage } from './match.ts';

export { editDistance, nameCoverage } from './match.ts';

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
