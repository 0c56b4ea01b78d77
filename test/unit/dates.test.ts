// The date rules of src/dates.ts: the interval a date at a precision stands for, the date arguments
// clients give (YYYY, YYYY-MM, YYYY-MM-DD) and when a post's term overlaps a day.
import { describe, expect, it } from 'vitest';
import {
  dateArgument,
  dateInterval,
  dateRangeArgument,
  OPEN_END,
  OPEN_START,
  parseDateArgument,
  type Term,
  termOverlaps,
} from '../../src/dates.ts';
import { InvalidArgumentError } from '../../src/errors.ts';
import { thrown } from './thrown.ts';

describe('dateInterval', () => {
  it('gives the first and last day a date can stand for', () => {
    expect(dateInterval('1959', 'year')).toEqual({ earliest: '1959-01-01', latest: '1959-12-31' });
    expect(dateInterval('1959-11', 'month')).toEqual({ earliest: '1959-11-01', latest: '1959-11-30' });
    expect(dateInterval('1959-12', 'month')).toEqual({ earliest: '1959-12-01', latest: '1959-12-31' });
    expect(dateInterval('1959-11-06', 'day')).toEqual({ earliest: '1959-11-06', latest: '1959-11-06' });
  });

  it('knows the length of February', () => {
    expect(dateInterval('1959-02', 'month')).toEqual({ earliest: '1959-02-01', latest: '1959-02-28' });
    expect(dateInterval('1960-02', 'month')).toEqual({ earliest: '1960-02-01', latest: '1960-02-29' });
    expect(dateInterval('2000-02-29', 'day')).toEqual({ earliest: '2000-02-29', latest: '2000-02-29' });
    expect(dateInterval('1900-02-29', 'day')).toBe('"1900-02-29" has no day 29 in that month');
  });

  it('says what is wrong with a malformed date', () => {
    expect(dateInterval('1959-11-31', 'day')).toBe('"1959-11-31" has no day 31 in that month');
    expect(dateInterval('1959-00-10', 'day')).toBe('"1959-00-10" has no month 00');
    expect(dateInterval('1959-13', 'month')).toBe('"1959-13" has no month 13');
    expect(dateInterval('1959-11-00', 'day')).toBe('"1959-11-00" has no day 00 in that month');
    expect(dateInterval('1959-11', 'day')).toBe(
      '"1959-11" is not a day-precision date (expected YYYY-MM-DD)',
    );
    expect(dateInterval('1959', 'month')).toBe('"1959" is not a month-precision date (expected YYYY-MM)');
    expect(dateInterval('59', 'year')).toBe('"59" is not a year-precision date (expected YYYY)');
    expect(dateInterval('8 December 1959', 'day')).toMatch(/is not a day-precision date/);
  });
});

describe('parseDateArgument', () => {
  it('reads the precision from the form', () => {
    expect(parseDateArgument('1959')).toEqual({ earliest: '1959-01-01', latest: '1959-12-31' });
    expect(parseDateArgument('1959-11')).toEqual({ earliest: '1959-11-01', latest: '1959-11-30' });
    expect(parseDateArgument('1959-11-06')).toEqual({ earliest: '1959-11-06', latest: '1959-11-06' });
  });

  it.each([
    '',
    '6 Nov 1959',
    'Nov 1959',
    '1959-1',
    '1959-11-6',
    '1959/11/06',
    ' 1959',
    '1959-11-06T00:00',
    '1959-13',
    '1959-02-30',
    '１９５９',
  ])('refuses %j', (value) => {
    expect(parseDateArgument(value)).toBeUndefined();
  });
});

describe('dateArgument', () => {
  it('gives the interval, or INVALID_ARGUMENT naming the argument', () => {
    expect(dateArgument('date', '1959-11')).toEqual({ earliest: '1959-11-01', latest: '1959-11-30' });
    const e = thrown(() => dateArgument('date', '1959-13'));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e.message).toBe(
      'Invalid argument "date": "1959-13" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
    );
    expect(e.extensions).toEqual({ code: 'INVALID_ARGUMENT', argument: 'date' });
  });

  it('quotes at most 100 characters of what it was given', () => {
    const e = thrown(() => dateArgument('date', 'x'.repeat(10_000)));
    expect(e.message.length).toBeLessThan(200);
    expect(e.message).toContain(`"${'x'.repeat(100)}"`);
  });
});

describe('dateRangeArgument', () => {
  it('runs from the earliest day of the start to the latest day of the end', () => {
    expect(dateRangeArgument('', '1959', '1959-11')).toEqual({
      startDay: '1959-01-01',
      endDay: '1959-11-30',
    });
    expect(dateRangeArgument('', '1959-11', '1959-11')).toEqual({
      startDay: '1959-11-01',
      endDay: '1959-11-30',
    });
  });

  it('reaches the ends of the calendar where a side is open', () => {
    expect(dateRangeArgument('', null, undefined)).toEqual({ startDay: OPEN_START, endDay: OPEN_END });
    expect(dateRangeArgument('', undefined, '1958')).toEqual({
      startDay: '0000-01-01',
      endDay: '1958-12-31',
    });
    expect(dateRangeArgument('', '1960', null)).toEqual({ startDay: '1960-01-01', endDay: '9999-12-31' });
  });

  it('names the argument at fault, with its prefix', () => {
    expect(thrown(() => dateRangeArgument('', '6 Nov 1959', null)).extensions).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'startDate',
    });
    expect(thrown(() => dateRangeArgument('range.', null, '1959-02-30')).extensions).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'range.endDate',
    });
    const reversed = thrown(() => dateRangeArgument('', '1960', '1959'));
    expect(reversed.extensions).toEqual({ code: 'INVALID_ARGUMENT', argument: 'endDate' });
    expect(reversed.message).toBe(
      'Invalid argument "endDate": the range ends (1959-12-31) before it starts (1960-01-01)',
    );
  });

  it('accepts a range of one day, and a month that contains its start', () => {
    expect(dateRangeArgument('', '1959-11-06', '1959-11-06')).toEqual({
      startDay: '1959-11-06',
      endDay: '1959-11-06',
    });
    expect(dateRangeArgument('', '1959-11-06', '1959-11')).toEqual({
      startDay: '1959-11-06',
      endDay: '1959-11-30',
    });
  });
});

describe('termOverlaps', () => {
  const day = (value: string) => parseDateArgument(value) ?? { earliest: '?', latest: '?' };
  const attested: Term = { attestedDate: { earliest: '1959-11-06', latest: '1959-11-06' } };
  const term: Term = { startDate: { earliest: '1950-01-01' }, endDate: { latest: '1955-12-31' } };

  it('a term from its start to its end', () => {
    expect(termOverlaps(term, day('1950'))).toBe(true);
    expect(termOverlaps(term, day('1955-12-31'))).toBe(true);
    expect(termOverlaps(term, day('1949-12-31'))).toBe(false);
    expect(termOverlaps(term, day('1956-01'))).toBe(false);
    // a month counts when one of its days falls in the term
    expect(termOverlaps(term, day('1949-12'))).toBe(false);
    expect(termOverlaps({ ...term, startDate: { earliest: '1949-12-15' } }, day('1949-12'))).toBe(true);
  });

  it('the attested date stands in for an unknown start or end', () => {
    expect(termOverlaps(attested, day('1959-11-06'))).toBe(true);
    expect(termOverlaps(attested, day('1959-11'))).toBe(true);
    expect(termOverlaps(attested, day('1959'))).toBe(true);
    expect(termOverlaps(attested, day('1959-11-07'))).toBe(false);
    expect(termOverlaps(attested, day('1960'))).toBe(false);
    // a known start, an unknown end: the attested date ends it
    const begun: Term = { ...attested, startDate: { earliest: '1959-01-01' } };
    expect(termOverlaps(begun, day('1959-06'))).toBe(true);
    expect(termOverlaps(begun, day('1959-12'))).toBe(false);
  });

  it('an open side reaches the end of the calendar; no dates at all never overlap', () => {
    expect(termOverlaps({ startDate: { earliest: '1959-01-01' } }, day('1999'))).toBe(true);
    expect(termOverlaps({ endDate: { latest: '1959-12-31' } }, day('1900'))).toBe(true);
    expect(termOverlaps({}, day('1959'))).toBe(false);
    expect(termOverlaps({ startDate: null, endDate: null, attestedDate: null }, day('1959'))).toBe(false);
  });
});
