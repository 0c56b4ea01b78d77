// Paging (src/schema/connection.ts): first/after turned into a window, a window of rows into a
// page, and cursors that must be ours (INVALID_CURSOR), with no database.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidCursorError } from '../../../src/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../src/limits.ts';
import {
  decodeKeyCursor,
  encodeCursor,
  encodeKeyCursor,
  keysetWindow,
  type Page,
  pagedComplexity,
  pageFromKeyset,
  pageFromList,
  pageFromWindow,
  pageWindow,
} from '../../../src/schema/connection.ts';
import { thrown } from '../thrown.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('cursors', () => {
  it('are opaque base64url offsets', () => {
    expect(encodeCursor(0)).toBe('b2Zmc2V0OjA');
    expect(Buffer.from(encodeCursor(41), 'base64url').toString()).toBe('offset:41');
  });
});

describe('pageWindow', () => {
  it('starts at the beginning with the default size', () => {
    expect(pageWindow({})).toEqual({ offset: 0, limit: DEFAULT_PAGE_SIZE });
    expect(pageWindow({ first: null, after: null })).toEqual({ offset: 0, limit: 20 });
    expect(pageWindow({ first: 0 })).toEqual({ offset: 0, limit: 0 });
    expect(pageWindow({ first: MAX_PAGE_SIZE })).toEqual({ offset: 0, limit: 100 });
  });

  it('starts after the cursor given', () => {
    expect(pageWindow({ first: 4, after: encodeCursor(3) })).toEqual({ offset: 4, limit: 4 });
    expect(pageWindow({ after: encodeCursor(0) })).toEqual({ offset: 1, limit: 20 });
    expect(pageWindow({ after: encodeCursor(999_999_999) })).toEqual({ offset: 1_000_000_000, limit: 20 });
  });

  it.each([101, -1, 1_000_000])('refuses first: %i with INVALID_ARGUMENT', (first) => {
    const e = thrown(() => pageWindow({ first }));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e.message).toBe(`Invalid argument "first": must be between 0 and 100, got ${first}`);
    expect(e.extensions).toEqual({ code: 'INVALID_ARGUMENT', argument: 'first' });
  });

  it.each([
    ['not base64 of ours', 'not-a-cursor'],
    ['empty', ''],
    ['a negative offset', b64('offset:-5')],
    ['not a number', b64('offset:five')],
    ['ten digits', b64('offset:1000000000')],
    ['a leading zero', b64('offset:05')],
    ['a fraction', b64('offset:1.5')],
    ['another key', b64('page:3')],
    ['trailing text', b64('offset:3 ')],
    ['padded base64', `${encodeCursor(3)}=`],
    ['standard base64', Buffer.from('offset:1023').toString('base64')],
    ['a Cypher fragment', b64('offset:1] RETURN 1 //')],
  ])('refuses a cursor that is %s with INVALID_CURSOR', (_what, after) => {
    const e = thrown(() => pageWindow({ after }));
    expect(e).toBeInstanceOf(InvalidCursorError);
    expect(e.extensions).toEqual({ code: 'INVALID_CURSOR', argument: 'after' });
    expect(e.message).toMatch(
      /^Invalid cursor ".*": pass an endCursor or edge cursor from an earlier page\.$/s,
    );
  });

  it('checks first before the cursor, and quotes at most 100 characters of a cursor', () => {
    expect(thrown(() => pageWindow({ first: 101, after: 'junk' }))).toBeInstanceOf(InvalidArgumentError);
    const long = thrown(() => pageWindow({ after: 'y'.repeat(10_000) }));
    expect(long.message).toContain(`"${'y'.repeat(100)}"`);
    expect(long.message.length).toBeLessThan(200);
  });
});

describe('pageFromWindow', () => {
  it('numbers the cursors from the window start and tells what lies on either side', () => {
    expect(pageFromWindow(['c', 'd'], 5, 2)).toEqual({
      totalCount: 5,
      edges: [
        { cursor: encodeCursor(2), node: 'c' },
        { cursor: encodeCursor(3), node: 'd' },
      ],
      pageInfo: {
        hasNextPage: true,
        hasPreviousPage: true,
        startCursor: encodeCursor(2),
        endCursor: encodeCursor(3),
      },
    });
    expect(pageFromWindow(['d', 'e'], 5, 3).pageInfo).toMatchObject({ hasNextPage: false });
  });

  it('gives null cursors for an empty page', () => {
    expect(pageFromWindow([], 0, 0)).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(pageFromWindow([], 3, 10).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('pageFromList', () => {
  const all = Array.from({ length: 9 }, (_, i) => `item-${i}`);

  it('walks a list page by page with the cursors it hands out, nothing lost or repeated', () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page<string> = pageFromList(all, { first: 4, after });
      expect(page.totalCount).toBe(9);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...page.edges.map((e) => e.node));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('gives an empty page past the end, and refuses a bad cursor', () => {
    const past = pageFromList(all, { after: encodeCursor(20) });
    expect(past.edges).toEqual([]);
    expect(past.totalCount).toBe(9);
    expect(thrown(() => pageFromList(all, { after: 'nope' })).extensions?.code).toBe('INVALID_CURSOR');
    expect(pageFromList(all, { first: 0 }).edges).toEqual([]);
  });
});

describe('pagedComplexity', () => {
  it('multiplies by the page size asked for, within the bounds', () => {
    expect(pagedComplexity({})).toEqual({ field: 2, multiplier: DEFAULT_PAGE_SIZE });
    expect(pagedComplexity({ first: 5 })).toEqual({ field: 2, multiplier: 5 });
    expect(pagedComplexity({ first: 10_000 })).toEqual({ field: 2, multiplier: MAX_PAGE_SIZE });
    expect(pagedComplexity({ first: -3 })).toEqual({ field: 2, multiplier: 0 });
  });
});

describe('keyset cursors (root lists)', () => {
  const name = { by: 'name', sortName: 'deng xiaoping', id: 'person/deng-xiaoping' } as const;
  const undated = { by: 'date', earliest: null, latest: null, id: 'event/x' } as const;
  const dated = { by: 'date', earliest: '1959-11-06', latest: '1959-11-06', id: 'meeting/x' } as const;

  it('are opaque base64url positions that decode to what was encoded, in either direction of their key', () => {
    expect(Buffer.from(encodeKeyCursor(name), 'base64url').toString()).toBe(
      '["n","deng xiaoping","person/deng-xiaoping"]',
    );
    expect(decodeKeyCursor(encodeKeyCursor(name), 'NAME_DESC', 'after')).toEqual(name);
    expect(decodeKeyCursor(encodeKeyCursor(undated), 'DATE_ASC', 'before')).toEqual(undated);
    expect(decodeKeyCursor(encodeKeyCursor(dated), 'DATE_DESC', 'after')).toEqual(dated);
  });

  it.each([
    ['an offset cursor', encodeCursor(3), 'NAME_ASC'],
    ['a cursor of the other key', encodeKeyCursor(dated), 'NAME_ASC'],
    ['a name cursor in a date order', encodeKeyCursor(name), 'DATE_ASC'],
    ['a date that is not a day', b64(JSON.stringify(['d', '1959', '1959', 'meeting/x'])), 'DATE_ASC'],
    ['half a date', b64(JSON.stringify(['d', '1959-11-06', null, 'meeting/x'])), 'DATE_ASC'],
    ['an empty id', b64(JSON.stringify(['n', 'x', ''])), 'NAME_ASC'],
    ['a number for a name', b64(JSON.stringify(['n', 5, 'person/x'])), 'NAME_ASC'],
    ['extra values', b64(JSON.stringify(['n', 'x', 'person/x', 1])), 'NAME_ASC'],
    ['not JSON', b64('["n", x'), 'NAME_ASC'],
    ['written otherwise (spaces)', b64('["n", "x", "person/x"]'), 'NAME_ASC'],
    ['too long', b64(JSON.stringify(['n', 'x'.repeat(3000), 'person/x'])), 'NAME_ASC'],
  ] as const)('refuses %s with INVALID_CURSOR', (_what, cursor, order) => {
    const e = thrown(() => decodeKeyCursor(cursor, order, 'before'));
    expect(e).toBeInstanceOf(InvalidCursorError);
    expect(e.extensions).toEqual({ code: 'INVALID_CURSOR', argument: 'before' });
  });

  it('takes first or last, not both, each within the page size', () => {
    expect(keysetWindow({}, 'NAME_ASC')).toEqual({ limit: DEFAULT_PAGE_SIZE, backwards: false });
    expect(keysetWindow({ last: 3, before: encodeKeyCursor(name) }, 'NAME_ASC')).toEqual({
      limit: 3,
      backwards: true,
      before: name,
    });
    expect(thrown(() => keysetWindow({ first: 1, last: 1 }, 'NAME_ASC')).extensions).toEqual({
      code: 'INVALID_ARGUMENT',
      argument: 'last',
    });
    expect(thrown(() => keysetWindow({ last: 101 }, 'NAME_ASC')).extensions).toMatchObject({
      argument: 'last',
    });
  });

  it('tells what lies on either side of a page', () => {
    const page = { total: null, rows: [], keys: [], more: true, backwards: false };
    expect(pageFromKeyset(page, {}).pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(pageFromKeyset({ ...page, backwards: true }, { before: 'c' }).pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: true,
    });
    expect(pageFromKeyset({ ...page, more: false, backwards: true }, {}).pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });
});
