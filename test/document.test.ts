// Documents (src/schema/document.ts): text, citation and date, the people who wrote, translated and
// obtained them, where they are held, what they record and whom they mention.
import { describe, expect, it } from './fixtures.ts';

const DOC = 'document/memcon-chervonenko-deng-1959-11-06';
const MEETING = 'meeting/chervonenko-deng-1959-11-06';

describe('documents', () => {
  it('carries its text, citation, date, people and holdings with evidence', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `
      query ($id: ID!) {
        document(id: $id) {
          title name date { value precision } citation summary language archiveReference text
          authors { id } translators { id } obtainedBy { id }
          heldBy { id name }
          holdings { institution { id } role reference evidence { quote start end } }
          records { id date { value } }
          translationOf {
            id language date { value precision } authors { id } obtainedBy { id } heldBy { id }
            holdings { role reference archivalReference { archive formerName fond opis delo folios } evidence { quote start end layer } }
          }
        }
      }
    `,
      { id: DOC },
    );
    expect(r.errors).toBeUndefined();
    const d = r.data.document;
    expect(d.title).toBe(
      'Memorandum of Conversation with the General Secretary of the CCP CC, Deng Xiaoping',
    );
    expect(d.name).toBe(d.title);
    // the translation's own date is not given; 8 December 1959 is the date of the Russian memorandum
    expect(d.date).toBeNull();
    expect(d.citation).toMatch(
      /^"Memorandum of Conversation .* Obtained by Paul Wingrove and translated by Benjamin Aldrich-Moodie\.$/,
    );
    // the English translation: translated by Aldrich-Moodie, published by the Digital Archive
    expect(d.language).toBe('en');
    expect(d.authors).toEqual([]);
    expect(d.translators).toEqual([{ id: 'person/benjamin-aldrich-moodie' }]);
    expect(d.obtainedBy).toEqual([]);
    expect(d.heldBy.id).toBe('institution/hppp-digital-archive');
    expect(d.holdings.map((h: any) => h.role)).toEqual([null]);
    expect(d.records).toEqual([{ id: MEETING, date: { value: '1959-11-06' } }]);
    // the Russian memorandum it translates: written by Chervonenko, obtained by Wingrove, held by RGANI
    const o = d.translationOf[0];
    expect(o.id).toBe('document/memcon-chervonenko-deng-1959-11-06-ru');
    expect(o.language).toBe('ru');
    expect(o.date).toEqual({ value: '1959-12-08', precision: 'DAY' });
    expect(o.authors).toEqual([{ id: 'person/stepan-chervonenko' }]);
    expect(o.obtainedBy).toEqual([{ id: 'person/paul-wingrove' }]);
    expect(o.heldBy.id).toBe('institution/rgani');
    const held = o.holdings[0];
    expect(held.role).toBeNull();
    expect(held.reference).toBe('f. 5, op. 49, d. 235, ll. 107-110');
    expect(held.archivalReference).toEqual({
      archive: 'RGANI',
      formerName: 'Center for Preservation of Contemporary Documentation [TsKhSD]',
      fond: '5',
      opis: '49',
      delo: '235',
      folios: '107-110',
    });
    expect(held.evidence[0].layer).toBe('ARCHIVAL');
    expect(d.text.slice(held.evidence[0].start, held.evidence[0].end)).toBe(held.evidence[0].quote);
  });

  it('pages its mentions and filters them by type', async ({ api }) => {
    const all = await api.gql(
      /* GraphQL */ `query ($id: ID!) { document(id: $id) { mentions(first: 100) { totalCount edges { node { target { id } } } } } }`,
      { id: DOC },
    );
    const total = all.data.document.mentions.totalCount;
    expect(total).toBe(all.data.document.mentions.edges.length);
    const people = await api.gql(
      /* GraphQL */ `
      query ($id: ID!) {
        document(id: $id) {
          mentions(first: 4, types: [PERSON]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { target { __typename id } evidence { quote } } }
          }
        }
      }
    `,
      { id: DOC },
    );
    const m = people.data.document.mentions;
    // the persons the 1959 body names; the translator and the donor are named only by the citation
    expect(m.totalCount).toBe(7);
    expect(m.totalCount).toBeLessThan(total);
    expect(m.edges).toHaveLength(4);
    expect(m.pageInfo.hasNextPage).toBe(true);
    expect(m.edges.every((e: any) => e.node.target.__typename === 'Person')).toBe(true);
    const next = await api.gql(
      /* GraphQL */ `
      query ($id: ID!, $after: String) { document(id: $id) { mentions(first: 100, types: [PERSON], after: $after) { edges { node { target { id } } } pageInfo { hasNextPage } } } }
    `,
      { id: DOC, after: m.pageInfo.endCursor },
    );
    const ids = [...m.edges, ...next.data.document.mentions.edges].map((e: any) => e.node.target.id);
    expect(new Set(ids).size).toBe(7);
    expect(next.data.document.mentions.pageInfo.hasNextPage).toBe(false);
  });
});
