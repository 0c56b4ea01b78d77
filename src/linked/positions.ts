// Positions in a document's text as Web Annotation counts them (Unicode code points) where the graph
// stores JavaScript's (UTF-16 units), and the quote's context on either side; used by the linked
// data and the exports alike. A text is indexed once (where its surrogate pairs start), so each
// passage costs a binary search, not a scan of the text.
import { QUOTE_CONTEXT } from '../limits.ts';

export interface IndexedText {
  text: string;
  /** UTF-16 offsets where a surrogate pair (one code point outside the BMP) starts, ascending. */
  pairs: Int32Array;
}

export function indexText(text: string): IndexedText {
  const pairs: number[] = [];
  // most texts have none: skip the scan
  if (/[\uD800-\uDBFF]/.test(text)) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          pairs.push(i);
          i++;
        }
      }
    }
  }
  return { text, pairs: Int32Array.from(pairs) };
}

/**
 * The number of code points in the first `units` UTF-16 units: each surrogate pair that lies wholly
 * before the offset counts once (a pair the offset splits counts its high half as one, as
 * `Array.from(text.slice(0, units))` does).
 */
export function codePoints(t: IndexedText, units: number): number {
  // pairs starting before units - 1 lie wholly before the offset
  let lo = 0;
  let hi = t.pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.pairs[mid] as number) < units - 1) lo = mid + 1;
    else hi = mid;
  }
  return units - lo;
}

/** The number of code points in the first `units` UTF-16 units of a text (one lookup). */
export function codePointOffset(text: string, units: number): number {
  return codePoints(indexText(text), units);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Up to `n` code points of the text that end at UTF-16 offset `at`. */
export function before(text: string, at: number, n = QUOTE_CONTEXT): string {
  let i = Math.min(Math.max(at, 0), text.length);
  for (let k = 0; k < n && i > 0; k++) {
    i -= 1;
    if (i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i -= 1;
  }
  return text.slice(i, Math.min(Math.max(at, 0), text.length));
}

/** Up to `n` code points of the text that start at UTF-16 offset `at`. */
export function after(text: string, at: number, n = QUOTE_CONTEXT): string {
  const start = Math.min(Math.max(at, 0), text.length);
  let i = start;
  for (let k = 0; k < n && i < text.length; k++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return text.slice(start, i);
}
