// How the words typed line up with the words of a name, for the one matcher of match.ts: in any order;
// one typo in a word of four letters or more; an initial for a word ("N. Khrushchev"); syllables
// written apart or run together ("Deng Xiao Ping", "Teng Hsiao p ing", "TengHsiaoping" all line up
// with "deng xiaoping" / "teng hsiaoping"). Bounded work: runs, name words and states are capped.
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

/** Edits between a typed word and a name word when they match: equal, or one edit when both have 4+ letters. */
export function closeness(typed: string, word: string): number | undefined {
  if (typed === word) return 0;
  if (typed.length >= 4 && word.length >= 4 && oneEditApart(typed, word)) return 1;
  return undefined;
}

/** Whether two different words are one substitution, insertion or deletion apart (editDistance 1, without its table). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Edits between pieces run together and one whole word: the whole split into as many parts, each
 * equal to its piece except at most one, which may be one edit away when both have 4+ letters. So
 * "hsiao p ing" meets "hsiaoping", and "hsiao pinq" too, but "ya zhan" never meets "yuzhan".
 */
export function joinedCloseness(pieces: readonly string[], whole: string): number | undefined {
  const go = (j: number, at: number, edits: number): number | undefined => {
    if (j === pieces.length) return at === whole.length ? edits : undefined;
    const piece = pieces[j] ?? '';
    if (whole.startsWith(piece, at)) {
      const exact = go(j + 1, at + piece.length, edits);
      if (exact !== undefined) return exact;
    }
    if (edits > 0) return undefined;
    for (let len = piece.length - 1; len <= piece.length + 1; len++) {
      if (len < 1 || at + len > whole.length) continue;
      const part = whole.slice(at, at + len);
      if (part !== piece && closeness(piece, part) === 1) {
        const found = go(j + 1, at + len, 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return go(0, 0, 0);
}

/** The folded words of a text, each once, in the order typed. */
export function typedWords(text: string): string[] {
  return [...new Set(fold(text).split(' ').filter(Boolean))];
}

/** At most this many typed words are joined into one name word ("hsiao p ing" → "hsiaoping"). */
export const MAX_TYPED_RUN = 4;
/** At most this many name words are joined to meet one typed word ("tenghsiaoping"). */
const MAX_NAME_RUN = 3;
/** Name words beyond this many are never matched (a long title is not what a name query is after). */
const MAX_NAME_WORDS = 30;
/** Alignment states explored before the search stops trying to leave words out (bounded work). */
const MAX_STATES = 500;

/** How the words typed line up with the words of one name. */
export interface Alignment {
  /** Per typed word: matched (alone, as an initial, or joined with its neighbours). */
  typedMatched: boolean[];
  /** Per name word: the share of it covered (1; 1/length for an initial; 0 when not covered). */
  nameCovered: number[];
  /** Typos forgiven (one per word at most). */
  edits: number;
  /** Typed words that stood for a name word by its initial. */
  initials: number;
  /** Whether syllables were joined on either side. */
  joined: boolean;
}

/** What a middle word of a name of three words or more counts (patronymics, middle names, particles). */
const MIDDLE_WEIGHT = 0.2;

/** The weight of a name word in the name's coverage: its letters, a fifth for the middle words of a longer name. */
export function weights(name: readonly string[]): number[] {
  return name.map(
    (w, k) => w.length * (name.length >= 3 && k > 0 && k < name.length - 1 ? MIDDLE_WEIGHT : 1),
  );
}

/** One way to match the typed words from a position: how many, which name words, what it gains. */
interface Option {
  typed: number;
  start: number;
  run: number;
  bits: number;
  edits: number;
  initial: boolean;
  gain: number;
}

interface Step {
  value: number;
  take?: Option;
}

/** Every way the typed words starting at each position can meet a name word or run (independent of the rest). */
function options(typed: readonly string[], name: readonly string[], w: readonly number[]): Option[][] {
  return typed.map((_, i) => {
    const out: Option[] = [];
    let joined = '';
    for (let g = 1; g <= MAX_TYPED_RUN && i + g <= typed.length; g++) {
      joined += typed[i + g - 1];
      for (let k = 0; k < name.length; k++) {
        let length = 0;
        let bits = 0;
        let weight = 0;
        for (let r = 1; r <= MAX_NAME_RUN && k + r <= name.length; r++) {
          length += name[k + r - 1]?.length ?? 0;
          bits |= 1 << (k + r - 1);
          weight += w[k + r - 1] ?? 0;
          // only lengths within one of each other can match
          if (length > joined.length + 1) break;
          if (length < joined.length - 1) continue;
          const unit = r === 1 ? (name[k] ?? '') : name.slice(k, k + r).join('');
          const edits =
            g === 1 && r === 1
              ? closeness(joined, unit)
              : g === 1
                ? joinedCloseness(name.slice(k, k + r), joined)
                : r === 1
                  ? joinedCloseness(typed.slice(i, i + g), unit)
                  : joined === unit
                    ? 0
                    : undefined;
          if (edits !== undefined)
            out.push({
              typed: g,
              start: k,
              run: r,
              bits,
              edits,
              initial: false,
              gain: 2 * joined.length + weight - 3 * edits,
            });
        }
        // an initial: one typed letter for a longer word beginning with it
        const word = name[k] ?? '';
        if (g === 1 && joined.length === 1 && word.length > 1 && word[0] === joined)
          out.push({
            typed: 1,
            start: k,
            run: 1,
            bits: 1 << k,
            edits: 0,
            initial: true,
            gain: 2 + (w[k] ?? 0) / word.length - 0.5,
          });
      }
    }
    return out.sort((a, b) => b.gain - a.gain);
  });
}

/**
 * The best alignment of typed words with a name's words: each name word (or run of adjacent words)
 * is met at most once, by one typed word or a run of adjacent typed words joined, in any order. The
 * best maximises matched typed letters (twice), then covered name letters, less three per typo.
 */
export function align(typed: readonly string[], nameWords: readonly string[]): Alignment {
  const name = nameWords.slice(0, MAX_NAME_WORDS);
  const w = weights(name);
  const ways = options(typed, name, w);
  const memo = new Map<number, Step>();
  let states = 0;
  const best = (i: number, used: number): Step => {
    if (i >= typed.length) return { value: 0 };
    const key = i * 2 ** MAX_NAME_WORDS + used;
    const known = memo.get(key);
    if (known) return known;
    states++;
    let step: Step | undefined;
    for (const o of ways[i] ?? []) {
      if (used & o.bits) continue;
      const value = o.gain + best(i + o.typed, used | o.bits).value;
      if (!step || value > step.value) step = { value, take: o };
      // past the budget, the first (best-gaining) way that fits is taken
      if (states > MAX_STATES) break;
    }
    // leaving this word unmatched; past the budget only when nothing else is possible
    if (!step || states <= MAX_STATES) {
      const value = best(i + 1, used).value;
      if (!step || value > step.value) step = { value };
    }
    memo.set(key, step);
    return step;
  };

  const result: Alignment = {
    typedMatched: typed.map(() => false),
    nameCovered: nameWords.map(() => 0),
    edits: 0,
    initials: 0,
    joined: false,
  };
  let i = 0;
  let used = 0;
  while (i < typed.length) {
    const { take } = best(i, used);
    if (!take) {
      i++;
      continue;
    }
    for (let t = i; t < i + take.typed; t++) result.typedMatched[t] = true;
    for (let k = take.start; k < take.start + take.run; k++) {
      result.nameCovered[k] = take.initial ? 1 / (name[k]?.length ?? 1) : 1;
      used |= 1 << k;
    }
    result.edits += take.edits;
    if (take.initial) result.initials++;
    if (take.typed > 1 || take.run > 1) result.joined = true;
    i += take.typed;
  }
  return result;
}
