// searchQuery (src/schema/search.ts): the search text checked and turned into the full-text query
// before anything runs.
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../src/model.ts';
import { searchQuery } from '../../../src/schema/search.ts';
import { thrown } from '../thrown.ts';

describe('searchQuery', () => {
  it('builds the Lucene query, the exact keys, the types and the limit', () => {
    expect(searchQuery('N.S. Khrushchev', ['Person', 'Event'])).toMatchInlineSnapshot(`
      {
        "exactKeys": [
          "n s khrushchev",
          "ns khrushchev",
          "khrushchev",
        ],
        "limit": 500,
        "lucene": "(n^3 OR n*) OR (s^3 OR s*) OR (khrushchev^3 OR khrushchev*^2 OR khrushchev~1) OR (ns^3 OR ns*)",
        "types": [
          "Person",
          "Event",
        ],
      }
    `);
  });

  it('searches every type when none or an empty list is given', () => {
    expect(searchQuery('deng', null).types).toEqual(ENTITY_TYPES);
    expect(searchQuery('deng', undefined).types).toEqual(ENTITY_TYPES);
    expect(searchQuery('deng', []).types).toEqual(ENTITY_TYPES);
  });

  it.each([
    ['empty', '  ', /"text": needs at least one letter or digit/],
    ['punctuation only', '?!*', /"text": needs at least one letter or digit/],
    ['17 words', 'deng '.repeat(17), /at most 200 characters and 16 words/],
    ['201 characters', 'x'.repeat(201), /at most 200 characters and 16 words/],
  ])('refuses %s text with INVALID_ARGUMENT', (_what, text, message) => {
    const e = thrown(() => searchQuery(text, null));
    expect(e.extensions).toEqual({ code: 'INVALID_ARGUMENT', argument: 'text' });
    expect(e.message).toMatch(message);
  });

  it('accepts 16 words and 200 characters', () => {
    expect(() => searchQuery('deng '.repeat(16), null)).not.toThrow();
    expect(() => searchQuery('x'.repeat(200), null)).not.toThrow();
  });
});
