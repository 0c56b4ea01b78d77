// Entities (src/schema/entity.ts): any entity by id (node, nodes), its identifiers, and the root
// lists of every type with their paging, filters and orders.
import { describe, expect, it } from './fixtures.ts';

const DOC = 'document/memcon-chervonenko-deng-1959-11-06';
const MEETING = 'meeting/chervonenko-deng-1959-11-06';

describe('node and nodes', () => {
  it('resolves any entity by its global id, with its concrete type', async ({ api }) => {
    const r = await api.gql(/* GraphQL */ `
      {
        node(id: "person/deng-xiaoping") { __typename id ... on Entity { name aliases externalIds { authority } } }
        nodes(ids: ["institution/ussr", "meeting/chervonenko-deng-1959-11-06", "${DOC}"]) { __typename id }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toMatchObject({
      __typename: 'Person',
      id: 'person/deng-xiaoping',
      name: 'Deng Xiaoping',
    });
    expect(r.data.node.aliases).toContain("Teng Hsiao-p'ing");
    expect(r.data.nodes.map((n: any) => n.__typename)).toEqual(['Institution', 'Meeting', 'Document']);
  });

  it('exposes verified external identifiers with their URIs', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `{ institution(id: "institution/ussr") { externalIds { authority value uri verifiedBy method verifiedOn source } } }`,
    );
    expect(r.data.institution.externalIds).toEqual([
      expect.objectContaining({
        authority: 'WIKIDATA',
        value: 'Q15180',
        uri: 'http://www.wikidata.org/entity/Q15180',
        verifiedOn: '2026-11-28',
        source: null,
      }),
    ]);
    expect(r.data.institution.externalIds[0].method).toMatch(/public datasets/);
  });

  it('gives null and an error per missing id in nodes, keeping the order', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `{ nodes(ids: ["person/yu-zhan", "person/no-such-person"]) { id } }`,
    );
    expect(r.data.nodes).toEqual([{ id: 'person/yu-zhan' }, null]);
    expect(r.errors?.[0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'NOT_FOUND' } });
  });
});

describe('root lists', () => {
  it('pages people by name with cursors and a total count', async ({ api }) => {
    const first = await api.gql(
      /* GraphQL */ `{ people(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } }`,
    );
    expect(first.errors).toBeUndefined();
    const all = await api.gql(/* GraphQL */ `{ people(first: 100) { totalCount nodes { name } } }`);
    const names = all.data.people.nodes.map((n: any) => n.name);
    expect(all.data.people.totalCount).toBe(9);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(first.data.people.nodes.map((n: any) => n.name)).toEqual(names.slice(0, 4));
    expect(first.data.people.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await api.gql(
      /* GraphQL */ `query ($after: String) { people(first: 4, after: $after) { nodes { name } pageInfo { hasPreviousPage } } }`,
      {
        after: first.data.people.pageInfo.endCursor,
      },
    );
    expect(second.data.people.nodes.map((n: any) => n.name)).toEqual(names.slice(4, 8));
    expect(second.data.people.pageInfo.hasPreviousPage).toBe(true);
    const desc = await api.gql(/* GraphQL */ `{ people(first: 1, orderBy: NAME_DESC) { nodes { name } } }`);
    expect(desc.data.people.nodes[0].name).toBe(names[names.length - 1]);
  });

  it('filters by name or alias, folding case and diacritics', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `{ a: people(filter: { nameContains: "CHERVONENKO" }) { nodes { id } } b: people(filter: { nameContains: "Хрущев" }) { nodes { id } } }`,
    );
    expect(r.data.a.nodes).toEqual([{ id: 'person/stepan-chervonenko' }]);
    expect(r.data.b.nodes).toEqual([{ id: 'person/nikita-khrushchev' }]);
  });

  it('filters meetings, documents and events by overlapping dates and orders them by date', async ({
    api,
  }) => {
    const r = await api.gql(/* GraphQL */ `
      {
        nov: meetings(filter: { dateOverlaps: { startDate: "1959-11", endDate: "1959-11" } }) { totalCount nodes { id } }
        dec: meetings(filter: { dateOverlaps: { startDate: "1959-12-01" } }) { totalCount }
        docs: documents(filter: { dateOverlaps: { startDate: "1959", endDate: "1959" } }) { nodes { id } }
        events(orderBy: DATE_ASC) { nodes { id date { value } } }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.nov).toEqual({ totalCount: 1, nodes: [{ id: MEETING }] });
    expect(r.data.dec.totalCount).toBe(0);
    // the dated document is the Russian memorandum (8 December 1959); its translation is undated
    expect(r.data.docs.nodes).toEqual([{ id: `${DOC}-ru` }]);
    const dates = r.data.events.nodes.map((e: any) => e.date?.value ?? null);
    expect(dates).toEqual(['1957', '1959', null, null]);
  });
});
