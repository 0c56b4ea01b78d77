// Pure helpers that bring the three servers' answers to one canonical form, and the comparison
// that fails loudly with a readable diff when two canonical answers differ.

export type Canonical = unknown;

export interface LibraryEdgeProps {
  quotes: string[];
  starts: number[];
  ends: number[];
  source: string;
}

export interface CanonicalEvidence {
  quote: string;
  start: number;
  end: number;
  document: string;
}

/** A sorted copy, by a string key (code-point order, so no locale enters the comparison). */
export function sortBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Evidence kept as parallel arrays on a relationship, as a list of passages. */
export function zipEvidence(p: LibraryEdgeProps): CanonicalEvidence[] {
  return p.quotes.map((quote, i) => ({
    quote,
    start: Number(p.starts[i]),
    end: Number(p.ends[i]),
    document: p.source,
  }));
}

/** The API's Evidence objects in the same form. */
export function evidenceOf(
  list: { quote: string; start: number; end: number; document: { id: string } }[],
): CanonicalEvidence[] {
  return list.map((e) => ({ quote: e.quote, start: e.start, end: e.end, document: e.document.id }));
}

/** Co-attendance in one form: most shared meetings first, then by id; each meeting list by id. */
export function coAttendance(
  rows: readonly { person: string; count: number; meetings: readonly string[] }[],
): { person: string; count: number; meetings: string[] }[] {
  return [...rows]
    .map((r) => ({ person: r.person, count: r.count, meetings: [...r.meetings].sort() }))
    .sort((a, b) => b.count - a.count || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
}

/**
 * Where two canonical values first differ, as "path: left ≠ right" lines (at most `max`); empty
 * when they are the same. Object keys are compared whatever their order.
 */
export function differences(left: unknown, right: unknown, max = 10, path = '$'): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (out.length >= max) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push(`${at}.length: ${a.length} ≠ ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${at}[${i}]`);
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) {
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      }
      return;
    }
    if (!Object.is(a, b)) out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  };
  walk(left, right, path);
  return out;
}

/** Counts the values in a canonical answer (list items and non-null leaves), to tell an empty answer from a real one. */
export function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((n: number, v) => n + sizeOf(v), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce((n: number, v) => n + sizeOf(v), 0);
  return value === null || value === undefined ? 0 : 1;
}
