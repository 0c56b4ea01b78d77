// Historical dates: an ISO value at a precision (day, month, year), and the interval it stands for.
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
