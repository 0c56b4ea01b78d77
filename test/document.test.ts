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
    expect(d.date).toEqual({ value: '1959-12-08', precision: 'DAY' });
    expect(d.citation).toMatch(
      /^"Memorandum of Conversation .* Obtained by Paul Wingrove and translated by Benjamin Aldrich-Moodie\.$/,
    );
    expect(d.authors).toEqual([{ id: 'person/stepan-chervonenko' }]);
    expect(d.translators).toEqual([{ id: 'person/benjamin-aldrich-moodie' }]);
    expect(d.obtainedBy).toEqual([{ id: 'person/paul-wingrove' }]);
    expect(d.heldBy.id).toBe('institution/rgani');
    const original = d.holdings.find((h: any) => h.role === 'original');
    expect(original.reference).toBe('f. 5, op. 49, d. 235, ll. 107-110');
    expect(d.text.slice(original.evidence[0].start, original.evidence[0].end)).toBe(
      original.evidence[0].quote,
    );
    expect(d.records).toEqual([{ id: MEETING, date: { value: '1959-11-06' } }]);
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
    expect(m.totalCount).toBe(9);
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
    expect(new Set(ids).size).toBe(9);
    expect(next.data.document.mentions.pageInfo.hasNextPage).toBe(false);
  });
});
