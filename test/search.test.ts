// Search (src/schema/search.ts) that forgives: case, diacritics, punctuation, Wade–Giles and pinyin,
// Cyrillic, Chinese characters, initials, surnames alone and one typo all find the same person,
// ranked first. The query building and re-ranking are unit-tested in test/unit/search/.
import { type Api, describe, expect, type GqlResult, it } from './fixtures.ts';

const SEARCH = /* GraphQL */ `
  query ($text: String!, $types: [EntityType!], $first: Int) {
    search(text: $text, types: $types, first: $first) {
      totalCount
      edges { score node { __typename id } }
    }
  }
`;

async function search(api: Api, text: string, types?: string[]) {
  const r: GqlResult<any> = await api.gql(SEARCH, { text, types, first: 10 });
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
  it.for(cases)('%s: %s', async ([_what, text, id], { api }) => {
    const hits = await search(api, text);
    expect(hits[0]?.node.id).toBe(id);
    // results stay ranked: best first
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  // The memorandum and the meeting carry "Deng Xiaoping" in their long titles; the person, whose
  // whole name the words cover, still comes first with a typo or with the words swapped.
  it.for<[string, string]>([
    ['one typo', 'Deng Xiaopng'],
    ['given name first', 'Xiaoping Deng'],
    ['a typo in Wade–Giles', 'Teng Hsiao-pin'],
  ])('%s: %s finds him first', async ([_what, text], { api }) => {
    const hits = await search(api, text);
    expect(hits[0]?.node.id).toBe(DENG);
    const ids = hits.map((h) => h.node.id);
    expect(ids).toContain('meeting/chervonenko-deng-1959-11-06');
  });

  it('ranks the person above the documents and meetings that carry the name', async ({ api }) => {
    const hits = await search(api, 'Deng Xiaoping');
    expect(hits[0]?.node.id).toBe(DENG);
    const ids = hits.map((h) => h.node.id);
    expect(ids).toContain('meeting/chervonenko-deng-1959-11-06');
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
  });

  it('keeps apart two people who share a surname', async ({ api }) => {
    const hits = await search(api, 'Yu Zhan');
    expect(hits[0]?.node.id).toBe('person/yu-zhan');
    expect(hits.findIndex((h) => h.node.id === 'person/yu-peiwen')).toBeGreaterThan(0);
  });

  it('narrows to the kinds asked for', async ({ api }) => {
    const hits = await search(api, 'Khrushchev', ['EVENT']);
    expect(hits.map((h) => h.node.id)).toEqual(['event/khrushchev-visit-to-usa']);
    expect(hits.every((h) => h.node.__typename === 'Event')).toBe(true);
  });

  it('finds nothing for a name that is not there', async ({ api }) => {
    expect(await search(api, 'Brezhnev')).toEqual([]);
  });

  it('refuses text with no letter or digit, with a code', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(SEARCH, { text: " '-. " });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'text' });
  });
});

describe('ranking and types', () => {
  it('ranks entities by names, aliases and document text, with scores', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `{ search(text: "Deng Xiaoping", first: 5) { totalCount edges { score node { __typename id } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const edges = r.data.search.edges;
    expect(edges[0].node.id).toBe('person/deng-xiaoping');
    for (let i = 1; i < edges.length; i++) expect(edges[i - 1].score).toBeGreaterThanOrEqual(edges[i].score);
  });

  it('restricts results to the requested types', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `{ search(text: "embassy", types: [INSTITUTION]) { edges { node { __typename id } } } }`,
    );
    expect(r.data.search.edges.length).toBeGreaterThan(0);
    expect(r.data.search.edges.every((e: any) => e.node.__typename === 'Institution')).toBe(true);
    expect(r.data.search.edges[0].node.id).toBe('institution/ussr-embassy-prc');
  });
});
