// Search that forgives: case, diacritics, punctuation, Wade–Giles and pinyin, Cyrillic, Chinese
// characters, initials, surnames alone and one typo all find the same person, ranked first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, setupApp } from './helpers.ts';

let gql: Awaited<ReturnType<typeof setupApp>>['gql'];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ gql, close } = await setupApp());
});
// registered before the file's other afterAll hooks, so it runs after them
afterAll(() => close());

const SEARCH = /* GraphQL */ `
  query ($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) {
      totalCount
      edges { score node { __typename id } }
    }
  }
`;

async function search(text: string, types?: string[]) {
  const r: GqlResult<any> = await gql(SEARCH, { text, types, first: 10 });
  expect(r.errors).toBeUndefined();
  return r.data.search.edges as { score: number; node: { __typename: string; id: string } }[];
}

const DENG = 'person/deng-xiaoping';
const KHRUSHCHEV = 'person/nikita-khrushchev';
const CHERVONENKO = 'person/stepan-chervonenko';

describe('search forgives', () => {
  const cases: [string, string, string][] = [
    ['the name as written', 'Deng Xiaoping', DENG],
    ['capitals', 'DENG XIAOPING', DENG],
    ['pinyin tone marks', 'Dèng Xiǎopíng', DENG],
    ['Wade–Giles with apostrophe and hyphen', "Teng Hsiao-p'ing", DENG],
    ['Wade–Giles without punctuation', 'teng hsiao ping', DENG],
    ['Wade–Giles run together', 'Teng Hsiaoping', DENG],
    ['Cyrillic', 'Дэн Сяопин', DENG],
    ['Chinese characters (simplified)', '邓小平', DENG],
    ['Chinese characters (traditional)', '鄧小平', DENG],
    ['initials with full stops', 'N.S. Khrushchev', KHRUSHCHEV],
    ['initials spaced', 'N. S. Khrushchev', KHRUSHCHEV],
    ['surname alone', 'Khrushchev', KHRUSHCHEV],
    ['surname in lower case', 'khrushchev', KHRUSHCHEV],
    ['Cyrillic with ё', 'Хрущёв', KHRUSHCHEV],
    ['Cyrillic with е for ё', 'Хрущев', KHRUSHCHEV],
    ['a dropped letter', 'Khruschev', KHRUSHCHEV],
    ['another spelling one edit away', 'Nikita Krushchev', KHRUSHCHEV],
    ['initials run together', 'S.V. Chervonenko', CHERVONENKO],
    ['Cyrillic surname', 'Червоненко', CHERVONENKO],
    ['a wrong letter', 'Chervonenco', CHERVONENKO],
    ['a hyphenated surname without its hyphen', 'Aldrich Moodie', 'person/benjamin-aldrich-moodie'],
    ['a hyphenated surname run together', 'aldrichmoodie', 'person/benjamin-aldrich-moodie'],
  ];
  it.each(cases)('%s: %s', async (_what, text, id) => {
    const hits = await search(text);
    expect(hits[0]?.node.id).toBe(id);
    // results stay ranked: best first
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  // The memorandum and the meeting carry "Deng Xiaoping" in their long titles; the person, whose
  // whole name the words cover, still comes first with a typo or with the words swapped.
  it.each([
    ['one typo', 'Deng Xiaopng'],
    ['given name first', 'Xiaoping Deng'],
    ['a typo in Wade–Giles', 'Teng Hsiao-pin'],
  ])('%s: %s finds him first', async (_what, text) => {
    const hits = await search(text);
    expect(hits[0]?.node.id).toBe(DENG);
    const ids = hits.map((h) => h.node.id);
    expect(ids).toContain('meeting/chervonenko-deng-1959-11-06');
  });

  it('ranks the person above the documents and meetings that carry the name', async () => {
    const hits = await search('Deng Xiaoping');
    expect(hits[0]?.node.id).toBe(DENG);
    const ids = hits.map((h) => h.node.id);
    expect(ids).toContain('meeting/chervonenko-deng-1959-11-06');
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('keeps apart two people who share a surname', async () => {
    const hits = await search('Yu Zhan');
    expect(hits[0]?.node.id).toBe('person/yu-zhan');
    expect(hits.findIndex((h) => h.node.id === 'person/yu-peiwen')).toBeGreaterThan(0);
  });

  it('narrows to the kinds asked for', async () => {
    const hits = await search('Khrushchev', ['EVENT']);
    expect(hits.map((h) => h.node.id)).toEqual(['event/khrushchev-visit-to-usa']);
    expect(hits.every((h) => h.node.__typename === 'Event')).toBe(true);
  });

  it('finds nothing for a name that is not there', async () => {
    expect(await search('Brezhnev')).toEqual([]);
  });

  it('refuses text with no letter or digit, with a code', async () => {
    const r: GqlResult<any> = await gql(SEARCH, { text: " '-. " });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'text' });
  });
});

describe('name coverage re-ranking', () => {
  it('counts edits and stops past the bound', async () => {
    const { editDistance } = await import('../src/search/rank.ts');
    expect(editDistance('xiaopng', 'xiaoping')).toBe(1);
    expect(editDistance('khruschev', 'khrushchev')).toBe(1);
    expect(editDistance('deng', 'teng')).toBe(1);
    expect(editDistance('deng', 'dong', 1)).toBe(1);
    expect(editDistance('chervonenko', 'vereshchagin')).toBe(2);
  });

  it('rewards a name whose words the query covers, not a long title that contains them', async () => {
    const { nameCoverage } = await import('../src/search/rank.ts');
    expect(nameCoverage('Xiaoping Deng', ['deng xiaoping'])).toBe(1);
    expect(nameCoverage('Deng Xiaopng', ['deng xiaoping'])).toBe(1);
    const title = ['memorandum of conversation with the general secretary of the ccp cc deng xiaoping'];
    expect(nameCoverage('Deng Xiaoping', title)).toBeCloseTo(2 / 13);
    expect(nameCoverage('Deng Mao', ['deng xiaoping'])).toBe(0);
  });
});
