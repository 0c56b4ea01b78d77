// Re-ranking by name coverage (src/search/rank.ts): a hit whose whole name was typed ranks above a
// document whose long title merely contains the words.
import { describe, expect, it } from 'vitest';
import { editDistance, nameCoverage, rerank } from '../../../src/search/rank.ts';

describe('name coverage re-ranking', () => {
  it('counts edits and stops past the bound', () => {
    expect(editDistance('xiaopng', 'xiaoping')).toBe(1);
    expect(editDistance('khruschev', 'khrushchev')).toBe(1);
    expect(editDistance('deng', 'teng')).toBe(1);
    expect(editDistance('deng', 'dong', 1)).toBe(1);
    expect(editDistance('chervonenko', 'vereshchagin')).toBe(2);
  });

  it('rewards a name whose words the query covers, not a long title that contains them', () => {
    expect(nameCoverage('Xiaoping Deng', ['deng xiaoping'])).toBe(1);
    expect(nameCoverage('Deng Xiaopng', ['deng xiaoping'])).toBe(1);
    const title = ['memorandum of conversation with the general secretary of the ccp cc deng xiaoping'];
    expect(nameCoverage('Deng Xiaoping', title)).toBeCloseTo(2 / 13);
    expect(nameCoverage('Deng Mao', ['deng xiaoping'])).toBe(0);
  });
});

describe('editDistance', () => {
  it('is 0 for equal words and counts insertions, deletions and substitutions within the bound', () => {
    expect(editDistance('deng', 'deng')).toBe(0);
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('kulik', 'kulk', 2)).toBe(1);
    expect(editDistance('kulik', 'culic', 2)).toBe(2);
    expect(editDistance('abc', 'xyz', 5)).toBe(3);
  });

  it('answers bound + 1 as soon as the words are further apart', () => {
    expect(editDistance('deng', 'dengxiaoping')).toBe(2);
    expect(editDistance('abc', 'xyz')).toBe(2);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
  });
});

describe('nameCoverage', () => {
  it('takes the best of the names, and is 0 when a typed word matches none', () => {
    expect(nameCoverage('khrushchev', ['nikita khrushchev', 'khrushchev'])).toBe(1);
    expect(nameCoverage('nikita', ['nikita sergeyevich khrushchev'])).toBeCloseTo(1 / 3);
    expect(nameCoverage('', ['deng xiaoping'])).toBe(0);
    expect(nameCoverage('deng', [])).toBe(0);
    expect(nameCoverage('deng', [''])).toBe(0);
  });

  it('allows one typo only in words of four letters or more', () => {
    expect(nameCoverage('Yu Zhen', ['yu zhan'])).toBe(1);
    expect(nameCoverage('Ya Zhan', ['yu zhan'])).toBe(0);
  });
});

describe('rerank', () => {
  it('multiplies each score by one plus the coverage and sorts best first, ties by id', () => {
    const hits = [
      { id: 'document/memo', score: 1.2, keys: ['memorandum of conversation with deng xiaoping'] },
      { id: 'person/deng-xiaoping', score: 1, keys: ['deng xiaoping'] },
      { id: 'person/b', score: 0.5, keys: ['other'] },
      { id: 'person/a', score: 0.5, keys: ['other'] },
    ];
    const ranked = rerank(hits, 'Xiaoping Deng');
    expect(ranked.map((h) => [h.id, Number(h.score.toFixed(3))])).toEqual([
      ['person/deng-xiaoping', 2],
      ['document/memo', 1.6],
      ['person/a', 0.5],
      ['person/b', 0.5],
    ]);
    // the hits given are left as they were
    expect(hits[1]?.score).toBe(1);
  });
});
