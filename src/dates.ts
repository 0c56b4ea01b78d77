// Historical dates: an ISO value at a precision (day, month, year), and the interval it stands for.
import { InvalidArgumentError } from './errors.ts';
import type { Precision } from './model.ts';

export interface DateInterval {
  earliest: string;
  latest: string;
}

const forms: Record<Precision, RegExp> = {
  year: /^(\d{4})$/,
  month: /^(\d{4})-(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The interval a value covers at its precision, or an error message when it is malformed. */
export function dateInterval(value: string, precision: Precision): DateInterval | string {
  const m = forms[precision].exec(value);
  if (!m) return `"${value}" is not a ${precision}-precision date (expected ${precisionExample[precision]})`;
  const year = Number(m[1]);
  if (precision === 'year') return { earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${value}" has no month ${m[2]}`;
  const last = daysInMonth(year, month);
  if (precision === 'month')
    return { earliest: `${value}-01`, latest: `${value}-${String(last).padStart(2, '0')}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return `"${value}" has no day ${m[3]} in that month`;
  return { earliest: value, latest: value };
}

const precisionExample: Record<Precision, string> = { year: 'YYYY', month: 'YYYY-MM', day: 'YYYY-MM-DD' };

/**
 * Parses a date argument given by a client: YYYY, YYYY-MM or YYYY-MM-DD, into its interval.
 * Returns undefined when it is not one of these forms or not a real calendar date.
 */
export function parseDateArgument(value: string): DateInterval | undefined {
  const precision: Precision | undefined = forms.day.test(value)
    ? 'day'
    : forms.month.test(value)
      ? 'month'
      : forms.year.test(value)
        ? 'year'
        : undefined;
  if (!precision) return undefined;
  const r = dateInterval(value, precision);
  return typeof r === 'string' ? undefined : r;
}

/** Parses a client's date argument into its interval, or throws INVALID_ARGUMENT naming the argument. */
export function dateArgument(argument: string, value: string): DateInterval {
  const interval = parseDateArgument(value);
  if (!interval)
    throw new InvalidArgumentError(
      argument,
      `"${value.slice(0, 100)}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  return interval;
}

/** The first and last days a range argument stands for; an open end reaches the calendar's ends. */
export const OPEN_START = '0000-01-01';
export const OPEN_END = '9999-12-31';

/**
 * A range of two optional date arguments as days: from the earliest day of the start to the latest
 * day of the end; INVALID_ARGUMENT when it ends before it starts.
 */
export function dateRangeArgument(
  argument: string,
  start: string | null | undefined,
  end: string | null | undefined,
): { startDay: string; endDay: string } {
  const startDay = start == null ? OPEN_START : dateArgument(`${argument}startDate`, start).earliest;
  const endDay = end == null ? OPEN_END : dateArgument(`${argument}endDate`, end).latest;
  if (startDay > endDay)
    throw new InvalidArgumentError(
      `${argument}endDate`,
      `the range ends (${endDay}) before it starts (${startDay})`,
    );
  return { startDay, endDay };
}

/** A span of time as dates at their precision; any part may be unknown. */
export interface Term {
  startDate?: { earliest: string } | null;
  endDate?: { latest: string } | null;
  attestedDate?: { earliest: string; latest: string } | null;
  /** Every date at which a source shows the term holding (a post's attestations), if known. */
  attestations?: readonly { earliest: string; latest: string }[] | null;
}

/** The span its attestations cover: from the earliest day of the first to the latest of the last. */
function attestedSpan(term: Term): { earliest: string; latest: string } | null {
  const all = [...(term.attestedDate ? [term.attestedDate] : []), ...(term.attestations ?? [])];
  if (!all.length) return null;
  return {
    earliest: all.map((a) => a.earliest).sort()[0] as string,
    latest: all.map((a) => a.latest).sort()[all.length - 1] as string,
  };
}

/** How a term is known to hold over a date's interval, or null when it is not. */
export type TermBasis = 'term' | 'attested' | 'between-attestations';

/**
 * Why a term (a post) counts for [day.earliest, day.latest]: its recorded term covers it (`term`),
 * an attestation falls within it (`attested`), or it lies between two attestations of the same
 * term, which is read as held throughout (`between-attestations`, an inference). Null: it does not count.
 */
export function termBasis(term: Term, day: DateInterval): TermBasis | null {
  if (!termOverlaps(term, day)) return null;
  if (term.startDate || term.endDate) return 'term';
  const all = [...(term.attestedDate ? [term.attestedDate] : []), ...(term.attestations ?? [])];
  return all.some((a) => a.earliest <= day.latest && a.latest >= day.earliest)
    ? 'attested'
    : 'between-attestations';
}

/**
 * Whether a term (a post held) overlaps [day.earliest, day.latest]: it runs from its start's
 * earliest day to its end's latest day; an unknown start or end falls back to its attestations
 * (from the first's earliest day to the last's latest: held in between), and a term with neither
 * start, end nor attestation never overlaps anything.
 */
export function termOverlaps(term: Term, day: DateInterval): boolean {
  const span = attestedSpan(term);
  const begins = term.startDate?.earliest ?? span?.earliest;
  const ends = term.endDate?.latest ?? span?.latest;
  if (!begins && !ends) return false;
  return (begins ?? OPEN_START) <= day.latest && (ends ?? OPEN_END) >= day.earliest;
}
