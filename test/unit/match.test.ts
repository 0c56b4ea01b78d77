// The matcher search and reconciliation share (src/search/match.ts): how typed words line up with a
// name's words, the 0–100 name score, the full-text query with joined syllables, and the rule for
// `match: true`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  align,
  closeness,
  isClearMatch,
  joinedCloseness,
  MATCH_MIN_LEAD,
  MATCH_MIN_SCORE,
  matchQuery,
  nameCoverage,
  nameScore,
  scoreKey,
  typedWords,
} from '../../src/search/match.ts';
import { luceneQuery } from '../../src/search/query.ts';

// the seed's names for three people and a meeting
const DENG = ['Deng Xiaoping', 'Xiaoping', "Teng Hsiao-p'ing", '邓小平', '鄧小平', 'Дэн Сяопин'];
const KHRUSHCHEV = [
  'Nikita Sergeyevich Khrushchev',
  'N.S. Khrushchev',
  'N. S. Khrushchev',
  'Khrushchev',
  'Никита Хрущёв',
  'Хрущёв',
  'Хрущев',
];
const YU_ZHAN = ['Yu Zhan'];
const MEETING = [
  'Conversation between S. V. Chervonenko and Deng Xiaoping, 6 November 1959',
  'Memorandum of Conversation with Deng Xiaoping, 6 November 1959',
];
const score = (text: string, names: string[]) => nameScore(text, names).score;

describe('closeness', () => {
  it('forgives one edit in words of four letters or more, nothing in shorter words', () => {
    expect(closeness('deng', 'deng')).toBe(0);
    expect(closeness('xiaopng', 'xiaoping')).toBe(1);
    expect(closeness('teng', 'deng')).toBe(1);
    expect(closeness('yu', 'ya')).toBeUndefined();
    expect(closeness('pin', 'ping')).toBeUndefined();
    expect(closeness('khrushchev', 'krushchov')).toBeUndefined();
  });

  it('joins pieces to meet a whole word, with one edit only inside a piece of four letters or more', () => {
    expect(joinedCloseness(['hsiao', 'p', 'ing'], 'hsiaoping')).toBe(0);
    expect(joinedCloseness(['xiao', 'ping'], 'xiaoping')).toBe(0);
    expect(joinedCloseness(['xiao', 'pinq'], 'xiaoping')).toBe(1);
    // the typo in a syllable of three letters is not forgiven, joined or not
    expect(joinedCloseness(['hsiao', 'pin'], 'hsiaoping')).toBeUndefined();
    expect(joinedCloseness(['ya', 'zhan'], 'yuzhan')).toBeUndefined();
    expect(joinedCloseness(['deng', 'xiao'], 'dengxiaoping')).toBeUndefined();
  });
});

describe('align', () => {
  it('joins syllables written apart, in either direction, and in any order', () => {
    expect(align(['deng', 'xiao', 'ping'], ['deng', 'xiaoping'])).toEqual({
      typedMatched: [true, true, true],
      nameCovered: [1, 1],
      edits: 0,
      initials: 0,
      joined: true,
    });
    expect(align(['tenghsiaoping'], ['teng', 'hsiaoping']).nameCovered).toEqual([1, 1]);
    expect(align(['xiao', 'ping', 'deng'], ['deng', 'xiaoping']).typedMatched).toEqual([true, true, true]);
    expect(align(['teng', 'hsiao', 'p', 'ing'], ['teng', 'hsiaoping']).nameCovered).toEqual([1, 1]);
  });

  it('takes a letter for the initial of a word, and leaves unmatched words unmatched', () => {
    const a = align(['n', 'khrushchev'], ['nikita', 'sergeyevich', 'khrushchev']);
    expect(a.typedMatched).toEqual([true, true]);
    expect(a.initials).toBe(1);
    expect(a.nameCovered).toEqual([1 / 6, 0, 1]);
    expect(align(['deng', 'yingchao'], ['deng', 'xiaoping']).typedMatched).toEqual([true, false]);
  });

  it('meets each name word once', () => {
    expect(align(['deng', 'deng'], ['deng', 'xiaoping']).typedMatched).toEqual([true, false]);
  });

  it('stays bounded for long queries against long names', () => {
    const typed = Array.from({ length: 16 }, (_, i) => `w${i}`);
    const name = Array.from({ length: 40 }, (_, i) => `w${i % 20}`);
    const started = performance.now();
    const a = align(typed, name);
    expect(a.typedMatched.every(Boolean)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('nameScore', () => {
  it.each<[string, number]>([
    ['Deng Xiaoping', 100],
    ['DENG XIAOPING', 100],
    ['Dèng Xiǎopíng', 100],
    ['Xiaoping Deng', 100],
    ["Teng Hsiao-p'ing", 100],
    ['Teng Hsiao p ing', 100],
    ['Teng Hsiao ping', 100],
    ['Deng Xiao Ping', 100],
    ['Deng Xiao-Ping', 100],
    ['Deng_Xiao.Ping', 100],
    ['TengHsiaoping', 100],
    ['dengxiaoping', 100],
    ['邓小平', 100],
    ['Deng Xiaopng', 95],
    ['Deng Xiao Pinq', 95],
  ])('%s scores %i for Deng Xiaoping', (text, expected) => {
    expect(score(text, DENG)).toBe(expected);
  });

  it('scores a surname alone, a given name alone and a name with another given name low', () => {
    expect(score('Deng', DENG)).toBeLessThan(70);
    expect(score('Nikita', KHRUSHCHEV)).toBeLessThan(60);
    expect(score('Deng Yingchao', DENG)).toBeLessThan(20);
    expect(score('Mao Xiaoping', DENG)).toBeLessThan(60);
    expect(score('Nikita Smith', KHRUSHCHEV)).toBeLessThan(20);
    expect(score('Leonid Brezhnev', KHRUSHCHEV)).toBe(0);
    expect(score('Ya Zhan', YU_ZHAN)).toBeLessThan(50);
  });

  it('forgives a patronymic left out, and initials', () => {
    expect(score('Nikita Khrushchev', KHRUSHCHEV)).toBeGreaterThanOrEqual(MATCH_MIN_SCORE);
    expect(score('N. Khrushchev', KHRUSHCHEV)).toBeGreaterThanOrEqual(MATCH_MIN_SCORE);
    expect(score('Khrushchev', KHRUSHCHEV)).toBe(100);
    expect(score('Khruschev', KHRUSHCHEV)).toBe(95);
  });

  it('scores a long title that merely contains the name low', () => {
    expect(score('Deng Xiaoping', MEETING)).toBeLessThan(50);
    expect(score('Deng Xiaoping', DENG) - score('Deng Xiaoping', MEETING)).toBeGreaterThanOrEqual(
      MATCH_MIN_LEAD,
    );
  });

  it('says which folded name matched, and whether exactly', () => {
    expect(nameScore('Teng Hsiao-ping', DENG)).toMatchObject({
      key: 'teng hsiao p ing',
      exact: true,
      joined: true,
      edits: 0,
    });
    expect(nameScore('Teng Hsiao p ing', DENG)).toMatchObject({ exact: true, score: 100 });
    expect(nameScore('Deng Xiaopng', DENG)).toMatchObject({ exact: false, edits: 1 });
    expect(nameScore('', DENG)).toMatchObject({ score: 0, key: null });
    expect(nameScore('?!', DENG).score).toBe(0);
    expect(scoreKey(['deng'], '')).toMatchObject({ score: 0 });
  });

  it('keeps every score between 0 and 100', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }),
        (text, names) => {
          const s = nameScore(text, names).score;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nameCoverage (search re-ranking)', () => {
  it('covers the joined forms of syllables written apart', () => {
    expect(nameCoverage('Deng Xiao Ping', ['deng xiaoping'])).toBe(1);
    expect(nameCoverage('Teng Hsiao p ing', ['teng hsiaoping'])).toBe(1);
    expect(nameCoverage('TengHsiaoping', ['teng hsiaoping'])).toBe(1);
    expect(nameCoverage('Deng Xiao', ['deng xiaoping'])).toBe(0);
  });
});

describe('typedWords', () => {
  it('folds and keeps each word once', () => {
    expect(typedWords('Deng DENG Dèng  Xiaoping')).toEqual(['deng', 'xiaoping']);
    expect(typedWords(" '-. ")).toEqual([]);
  });
});

describe('matchQuery', () => {
  it("is search's query, with syllables joined and long words split in two", () => {
    const q = matchQuery('Deng Xiao Ping') ?? '';
    expect(q.startsWith(luceneQuery('Deng Xiao Ping') ?? '-')).toBe(true);
    expect(q).toContain('(xiaoping^3 OR xiaoping*^2 OR xiaoping~1)');
    expect(q).toContain('(dengxiaoping^3 OR dengxiaoping*^2 OR dengxiaoping~1)');
    expect(matchQuery('TengHsiaoping')).toContain('(teng AND hsiaoping)');
    expect(matchQuery('Khrushchev')).toMatchInlineSnapshot(
      `"(khrushchev^3 OR khrushchev*^2 OR khrushchev~1) OR (kh AND rushchev) OR (khr AND ushchev) OR (khru AND shchev) OR (khrus AND hchev) OR (khrush AND chev) OR (khrushc AND hev) OR (khrushch AND ev)"`,
    );
    expect(matchQuery('Yu Zhan')).toMatchInlineSnapshot(
      `"(yu^3 OR yu*) OR (zhan^3 OR zhan*^2 OR zhan~1) OR (yuzhan^3 OR yuzhan*^2 OR yuzhan~1)"`,
    );
  });

  it('gives nothing for text without letters or digits', () => {
    expect(matchQuery(" '-. ")).toBeUndefined();
  });

  it('only ever puts letters and digits between its own operators', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const q = matchQuery(text);
        if (q === undefined) return;
        for (const clause of q.split(/ OR | AND /)) {
          expect(clause).toMatch(/^\(?[\p{L}\p{N}]+(\^3|\*\^2|\*|~1)?\)?$/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('isClearMatch', () => {
  it('needs a score of 90 or more and a lead of 20 points or more', () => {
    expect(MATCH_MIN_SCORE).toBe(90);
    expect(MATCH_MIN_LEAD).toBe(20);
    expect(isClearMatch([100])).toBe(true);
    expect(isClearMatch([90])).toBe(true);
    expect(isClearMatch([89])).toBe(false);
    expect(isClearMatch([100, 80])).toBe(true);
    expect(isClearMatch([100, 81])).toBe(false);
    expect(isClearMatch([95, 95])).toBe(false);
    // in any order
    expect(isClearMatch([38, 100, 6])).toBe(true);
    expect(isClearMatch([])).toBe(false);
  });
});
