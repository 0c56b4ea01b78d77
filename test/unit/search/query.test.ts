// The Lucene query built from what a person types (src/search/query.ts): only folded letters and
// digits reach Lucene, so no user text is ever read as query syntax.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luceneQuery } from '../../../src/search/query.ts';

describe('luceneQuery', () => {
  it('boosts the exact word, then a prefix, then (four letters or more) one typo', () => {
    expect(luceneQuery('Deng Xiaoping')).toBe(
      '(deng^3 OR deng*^2 OR deng~1) OR (xiaoping^3 OR xiaoping*^2 OR xiaoping~1)',
    );
    expect(luceneQuery('Yu Zhan')).toBe('(yu^3 OR yu*) OR (zhan^3 OR zhan*^2 OR zhan~1)');
  });

  it('adds the word joined at in-word punctuation, each word once', () => {
    expect(luceneQuery("Teng Hsiao-p'ing")).toMatchInlineSnapshot(
      `"(teng^3 OR teng*^2 OR teng~1) OR (hsiao^3 OR hsiao*^2 OR hsiao~1) OR (p^3 OR p*) OR (ing^3 OR ing*) OR (hsiaoping^3 OR hsiaoping*^2 OR hsiaoping~1)"`,
    );
    expect(luceneQuery('deng DENG Dèng')).toBe('(deng^3 OR deng*^2 OR deng~1)');
  });

  it('folds scripts other than Latin like any other letters', () => {
    expect(luceneQuery('Хрущёв')).toBe('(хрущев^3 OR хрущев*^2 OR хрущев~1)');
    expect(luceneQuery('邓小平')).toBe('(邓小平^3 OR 邓小平*)');
  });

  it('gives nothing for text without a letter or digit', () => {
    for (const text of ['', '   ', '?!*', " '-. ", '"()[]{}~^:\\/'])
      expect(luceneQuery(text), text).toBeUndefined();
  });

  it('keeps Lucene syntax typed by a user out of the query', () => {
    expect(luceneQuery('name:deng AND NOT "x" OR y~2 \\ /re/ [a TO z]')).toMatchInlineSnapshot(
      `"(name^3 OR name*^2 OR name~1) OR (deng^3 OR deng*^2 OR deng~1) OR (and^3 OR and*) OR (not^3 OR not*) OR (x^3 OR x*) OR (or^3 OR or*) OR (y^3 OR y*) OR (2^3 OR 2*) OR (re^3 OR re*) OR (a^3 OR a*) OR (to^3 OR to*) OR (z^3 OR z*)"`,
    );
  });

  it('only ever puts letters and digits between its own operators', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const q = luceneQuery(text);
        if (q === undefined) return;
        for (const clause of q.split(' OR ')) {
          expect(clause).toMatch(/^\(?[\p{L}\p{N}]+(\^3|\*\^2|\*|~1)\)?$/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});
