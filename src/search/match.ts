// The one name matcher that search and reconciliation share. Besides what folding forgives (case,
// diacritics, punctuation; src/search/fold.ts), it lines the words typed up with the words of a name:
// in any order; one typo in a word of four letters or more; an initial for a word ("N. Khrushchev");
// and syllables written apart or run together ("Deng Xiao Ping", "Teng Hsiao p ing", "TengHsiaoping"
// all line up with "deng xiaoping" / "teng hsiaoping"), because pinyin and Wade–Giles are often
// printed syllable by syllable.
//
// Search re-ranks its full-text hits by how much of a name the words cover (rank.ts, nameCoverage);
// reconciliation scores each candidate 0–100 from the same alignment (nameScore) and says `match`
// only when one candidate is clearly ahead (isClearMatch).
import { align, MAX_TYPED_RUN, typedWords, weights } from './align.ts';
import { fold, searchKeys } from './fold.ts';
import { luceneClause, luceneQuery } from './query.ts';

export { align, closeness, editDistance, joinedCloseness, typedWords } from './align.ts';

/** Points a typo costs in a name score. */
export const TYPO_COST = 5;

/** How well typed words match one folded name (a search key): a score and its parts. */
export interface NameScore {
  /** 0–100: 100 × typed² × (0.3 + 0.7 × covered) − 5 per typo. */
  score: number;
  /** Share of the typed letters matched (0–1). */
  typed: number;
  /** Share of the name covered, by letters, middle words of a longer name counting a fifth (0–1). */
  covered: number;
  edits: number;
  /** The same letters and digits, whatever the spacing and punctuation. */
  exact: boolean;
  joined: boolean;
}

const NO_MATCH: NameScore = { score: 0, typed: 0, covered: 0, edits: 0, exact: false, joined: false };

/**
 * Scores typed words against one folded name. Words typed that match nothing weigh most (squared):
 * "Deng Yingchao" is not "Deng Xiaoping". Words of the name left uncovered weigh less (a patronymic
 * left out, a surname alone), and a name of which little is covered keeps only 30%.
 */
export function scoreKey(typed: readonly string[], key: string): NameScore {
  const name = key.split(' ').filter(Boolean);
  const typedLetters = typed.reduce((n, t) => n + t.length, 0);
  if (!name.length || !typedLetters) return NO_MATCH;
  const a = align(typed, name);
  const matched = typed.reduce((n, t, i) => n + (a.typedMatched[i] ? t.length : 0), 0);
  if (!matched) return NO_MATCH;
  const w = weights(name);
  const total = w.reduce((n, x) => n + x, 0);
  const covered = w.reduce((n, x, k) => n + x * (a.nameCovered[k] ?? 0), 0) / total;
  const share = matched / typedLetters;
  const raw = 100 * share * share * (0.3 + 0.7 * covered) - TYPO_COST * a.edits;
  return {
    score: Math.max(0, Math.min(100, Math.round(raw))),
    typed: share,
    covered,
    edits: a.edits,
    exact: typed.join('') === name.join(''),
    joined: a.joined,
  };
}

/** The best score of typed text against any of an entity's names (its name and aliases, folded every way). */
export function nameScore(text: string, names: readonly string[]): NameScore & { key: string | null } {
  const typed = typedWords(text);
  let best: NameScore & { key: string | null } = { ...NO_MATCH, key: null };
  for (const key of searchKeys(names)) {
    const s = scoreKey(typed, key);
    if (s.score > best.score || (s.score === best.score && s.score > 0 && s.edits < best.edits))
      best = { ...s, key };
  }
  return best;
}

/**
 * The share of a name's words that the typed words cover, for the best of the entity's folded
 * names (`keys`); 0 unless every typed word matches some word of that name (alone, joined with its
 * neighbours, or as an initial). Search re-ranks with it (rank.ts).
 */
export function nameCoverage(text: string, keys: readonly string[]): number {
  const typed = typedWords(text);
  if (!typed.length) return 0;
  let best = 0;
  for (const key of keys) {
    const words = key.split(' ').filter(Boolean);
    if (!words.length) continue;
    const a = align(typed, words);
    if (!a.typedMatched.every(Boolean)) continue;
    best = Math.max(best, a.nameCovered.filter((c) => c > 0).length / words.length);
  }
  return best;
}

/** Words run together that are split in two to ask the index for both halves: this long… */
const SPLIT_MIN = 6;
const SPLIT_MAX = 24;
/** …and only the first few such words of a query. */
const SPLIT_WORDS = 2;

/**
 * The full-text query for matching names: search's query (query.ts); for runs of two to four
 * adjacent words, their joined form, so that "Deng Xiao Ping" also asks the index for "xiaoping";
 * and for a long word, each split of it in two (both halves exact), so that "TengHsiaoping" asks for
 * "teng" and "hsiaoping". Only folded letters and digits reach Lucene.
 */
export function matchQuery(text: string): string | undefined {
  const base = luceneQuery(text);
  if (!base) return undefined;
  const words = fold(text).split(' ').filter(Boolean);
  const seen = new Set(words);
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let run = words[i] ?? '';
    for (let g = 2; g <= MAX_TYPED_RUN && i + g <= words.length; g++) {
      run += words[i + g - 1];
      if (!seen.has(run)) {
        seen.add(run);
        runs.push(run);
      }
    }
  }
  const splits: string[] = [];
  // by code points, so a character outside the Basic Multilingual Plane is never cut in two
  const long = words.map((w) => [...w]).filter((c) => c.length >= SPLIT_MIN && c.length <= SPLIT_MAX);
  for (const chars of long.slice(0, SPLIT_WORDS)) {
    for (let at = 2; at <= chars.length - 2; at++)
      splits.push(`(${chars.slice(0, at).join('')} AND ${chars.slice(at).join('')})`);
  }
  return [base, ...runs.map(luceneClause), ...splits].join(' OR ');
}

/** The rule for `match: true`: the best candidate scores at least this… */
export const MATCH_MIN_SCORE = 90;
/** …and at least this many points more than the next candidate (or is alone). */
export const MATCH_MIN_LEAD = 20;

/**
 * Whether the best of some scores (any order) is clearly ahead: at least MATCH_MIN_SCORE and
 * MATCH_MIN_LEAD points above the next. Two candidates close together are a choice for a person to
 * make; a wrong confident match is worse than none.
 */
export function isClearMatch(scores: readonly number[]): boolean {
  const [first, second] = [...scores].sort((a, b) => b - a);
  if (first === undefined || first < MATCH_MIN_SCORE) return false;
  return second === undefined || first - second >= MATCH_MIN_LEAD;
}
