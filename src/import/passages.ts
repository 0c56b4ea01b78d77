// How the evidence passages of a relationship changed when a document was imported again: passages
// are told apart by their place in the text (start and end) and their quote.
const strs = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function passages(props: Record<string, unknown>): string[] {
  const quotes = strs(props.quotes);
  const starts = strs(props.starts);
  const ends = strs(props.ends);
  return quotes.map((q, i) => JSON.stringify([Number(starts[i]), Number(ends[i]), q]));
}

/** Passages of `after` not in `before` (added) and of `before` not in `after` (removed). */
export function passagesDiff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { added: number; removed: number } {
  const a = new Set(passages(before));
  const b = new Set(passages(after));
  return { added: [...b].filter((p) => !a.has(p)).length, removed: [...a].filter((p) => !b.has(p)).length };
}
