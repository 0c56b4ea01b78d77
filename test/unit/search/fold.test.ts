// Name folding (src/search/fold.ts): case, diacritics and punctuation fold away, so spellings meet.
import { describe, expect, it } from 'vitest';
import { fold, searchKeys } from '../../../src/search/fold.ts';

describe('fold', () => {
  it.each([
    ['Deng Xiaoping', 'deng xiaoping'],
    ['DENG XIAOPING', 'deng xiaoping'],
    ['Dèng Xiǎopíng', 'deng xiaoping'],
    ["Teng Hsiao-p'ing", 'teng hsiao p ing'],
    ['N.S. Khrushchev', 'n s khrushchev'],
    ['Хрущёв', 'хрущев'],
    ['Хрущев', 'хрущев'],
    ['邓小平', '邓小平'],
    ['  Aldrich-Moodie,  Benjamin ', 'aldrich moodie benjamin'],
    ['ﬁ', 'fi'],
    ['?!*', ''],
    ['', ''],
  ])('%j → %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('searchKeys', () => {
  it('keeps the spaced form, the form joined at in-word punctuation, and the form without initials', () => {
    expect(searchKeys(["Teng Hsiao-p'ing"])).toMatchInlineSnapshot(`
      [
        "teng hsiao p ing",
        "teng hsiaoping",
        "teng hsiao ing",
      ]
    `);
    expect(searchKeys(['N.S. Khrushchev'])).toMatchInlineSnapshot(`
      [
        "n s khrushchev",
        "ns khrushchev",
        "khrushchev",
      ]
    `);
    expect(searchKeys(['Benjamin Aldrich-Moodie'])).toMatchInlineSnapshot(`
      [
        "benjamin aldrich moodie",
        "benjamin aldrichmoodie",
      ]
    `);
  });

  it('gives each key once across several names, and none for a name without letters', () => {
    expect(searchKeys(['Deng Xiaoping', 'DENG XIAOPING', 'Dèng Xiǎopíng'])).toEqual(['deng xiaoping']);
    expect(searchKeys(['?!', ''])).toEqual([]);
  });
});
