// The Apollo Federation v2 subgraph at /subgraph (src/schema/federation.ts): its SDL, `_entities`
// answered through the per-request reader (one statement per kind of key, however many
// representations), a coded error in the place of each representation it cannot answer while the
// rest are answered, and the same guards as /graphql, which stays the plain API.
import { claimIdentifiers } from '../src/data/identifiers.ts';
import { MAX_REPRESENTATIONS } from '../src/limits.ts';
import { type Api, describe, expect, it, useSyntheticGraph } from './fixtures.ts';

const SYNTHETIC = 'synthetic test data';
const MEETING = 'meeting/chervonenko-deng-1959-11-06';
const DOC = 'document/memcon-chervonenko-deng-1959-11-06';

interface SubgraphResult {
  status: number;
  headers: Headers;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function sub(api: Api, query: string, variables?: Record<string, unknown>): Promise<SubgraphResult> {
  const res = await api.app.fetch('http://test/subgraph', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Person { id name wikidataId }
      ... on Institution { id name wikidataId }
      ... on Meeting { id name }
      ... on Document { id title }
    }
  }
`;

describe('the subgraph at /subgraph', () => {
  it('serves its SDL with the keys, while /graphql stays the plain API', async ({ api }) => {
    const r = await sub(api, /* GraphQL */ `{ _service { sdl } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data._service.sdl).toMatch(
      /type Person\s[^{]*@key\(fields: "id"\)\s*@key\(fields: "wikidataId"\)/,
    );
    expect(r.data._service.sdl).toMatch(/type Meeting\s[^{]*@key\(fields: "id"\)\s*\{/);
    expect(r.headers.get('x-request-id')).toMatch(/\S/);
    const plain = await api.gql(/* GraphQL */ `{ _entities(representations: []) { __typename } }`);
    expect(plain.status).toBe(400);
    expect(plain.errors?.[0]?.message).toMatch(/_entities/);
    // the plain API's fields are there too
    const same = await sub(
      api,
      /* GraphQL */ `{ meeting(id: "${MEETING}") { attendees { person { name } } } }`,
    );
    expect(same.errors).toBeUndefined();
    expect(same.data.meeting.attendees.length).toBeGreaterThan(1);
  });

  it('applies the same limits as /graphql', async ({ api }) => {
    const deep = /* GraphQL */ `{ person(id: "person/yu-zhan") { attended { edges { node { meeting { attendees { person { attended { edges { node { meeting { attendees { person { name } } } } } } } } } } } } } }`;
    const r = await sub(api, deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const many = Array.from({ length: MAX_REPRESENTATIONS + 1 }, () => ({
      __typename: 'Meeting',
      id: MEETING,
    }));
    let refused: SubgraphResult | undefined;
    const statements = await api.statementsDuring(async () => {
      refused = await sub(api, ENTITIES, { representations: many });
    });
    expect(refused?.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_ARGUMENT',
      argument: 'representations',
    });
    expect(statements).toBe(0);
  });

  describe('_entities', () => {
    const graph = useSyntheticGraph({
      persons: 60,
      personsPerInstitution: 20,
      meetingsPerPerson: 0.2,
      seed: 5,
    });
    const wikidata = (i: number) => `Q99999998${String(1000 + i)}`;

    it.beforeAll(async ({ api }) => {
      // synthetic Wikidata ids on the synthetic persons, so representations can name them by that key
      const conflicts = await api.db.writeTransaction((tx) =>
        claimIdentifiers(
          tx,
          graph().persons.map((entity, i) => ({
            entity,
            authority: 'wikidata' as const,
            value: wikidata(i),
            verifiedBy: SYNTHETIC,
            method: 'none: written by the test on a synthetic entity',
            verifiedOn: '2026-01-01',
            source: null,
          })),
        ),
      );
      expect(conflicts).toEqual([]);
    });
    it.afterAll(async ({ api }) => {
      await api.db.write(
        '/* testRemoveIdentifiers */ MATCH (i:Identifier {verifiedBy: $by}) DETACH DELETE i',
        {
          by: SYNTHETIC,
        },
      );
    });

    it('answers representations by id in their order, and by wikidataId', async ({ api }) => {
      const person = graph().persons[3] as string;
      const r = await sub(api, ENTITIES, {
        representations: [
          { __typename: 'Meeting', id: MEETING },
          { __typename: 'Person', id: person },
          { __typename: 'Document', id: DOC },
          { __typename: 'Person', wikidataId: wikidata(3) },
          { __typename: 'Person', wikidataId: 'Q999999999999' },
        ],
      });
      expect(r.errors).toBeUndefined();
      expect(r.data._entities).toEqual([
        { __typename: 'Meeting', id: MEETING, name: expect.any(String) },
        {
          __typename: 'Person',
          id: person,
          name: expect.stringMatching(/^Synthetic Person/),
          wikidataId: wikidata(3),
        },
        { __typename: 'Document', id: DOC, title: expect.any(String) },
        {
          __typename: 'Person',
          id: person,
          name: expect.stringMatching(/^Synthetic Person/),
          wikidataId: wikidata(3),
        },
        // an item no entity here carries: nothing to join, and no error
        null,
      ]);
    });

    it('costs one statement per kind of key, not one per representation', async ({ api }) => {
      const persons = graph().persons;
      const byId = (n: number) => persons.slice(0, n).map((id) => ({ __typename: 'Person', id }));
      const byWikidata = (n: number) =>
        persons.slice(0, n).map((_id, i) => ({ __typename: 'Person', wikidataId: wikidata(i) }));
      const count = async (representations: object[]) => {
        let r: SubgraphResult | undefined;
        const statements = await api.statementsDuring(async () => {
          r = await sub(
            api,
            /* GraphQL */ `query ($representations: [_Any!]!) {
            _entities(representations: $representations) { ... on Person { id } } }`,
            { representations },
          );
        });
        expect(r?.errors).toBeUndefined();
        expect(r?.data._entities.filter(Boolean)).toHaveLength(representations.length);
        return statements;
      };
      expect(await count(byId(2))).toBe(1);
      expect(await count(byId(60))).toBe(1);
      expect(await count(byWikidata(2))).toBe(1);
      expect(await count(byWikidata(60))).toBe(1);
      expect(await count([...byId(60), ...byWikidata(60)])).toBe(2);
      // asking for the Wikidata key of them all: one more statement for all their identifiers
      let r: SubgraphResult | undefined;
      const withKeys = await api.statementsDuring(async () => {
        r = await sub(api, ENTITIES, { representations: byId(60) });
      });
      expect(r?.data._entities.map((e: { wikidataId: string }) => e.wikidataId)).toEqual(
        persons.map((_id, i) => wikidata(i)),
      );
      expect(withKeys).toBe(2);
    });

    it('puts a coded error in the place of each representation it cannot answer, and answers the rest', async ({
      api,
    }) => {
      const person = graph().persons[0] as string;
      const representations = [
        { __typename: 'Person', id: person },
        { __typename: 'Holding', id: 'x' },
        { __typename: 'Person' },
        { __typename: 'Person', id: 'not an id' },
        { __typename: 'Institution', id: person },
        { __typename: 'Person', id: 'person/no-such-person' },
        { __typename: 'Institution', wikidataId: 'Q' },
        { __typename: 'Meeting', wikidataId: wikidata(0) },
        { __typename: 'Institution', wikidataId: wikidata(0) },
        { id: MEETING },
        { __typename: 'Meeting', id: MEETING },
      ];
      let r: SubgraphResult | undefined;
      const statements = await api.statementsDuring(async () => {
        r = await sub(api, ENTITIES, { representations });
      });
      expect(r?.status).toBe(200);
      const answered = r?.data._entities as ({ id: string } | null)[];
      expect(answered.map((e) => e?.id ?? null)).toEqual([
        person,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        MEETING,
      ]);
      const byIndex = new Map((r?.errors ?? []).map((e) => [e.path?.[1], e.extensions]));
      expect(Object.fromEntries(byIndex)).toEqual({
        1: expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'representations[1].__typename' }),
        2: expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'representations' }),
        3: expect.objectContaining({ code: 'INVALID_ID' }),
        4: expect.objectContaining({ code: 'WRONG_ID_TYPE', expected: 'Institution', actual: 'Person' }),
        5: expect.objectContaining({ code: 'NOT_FOUND' }),
        6: expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'representations.wikidataId' }),
        7: expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'representations' }),
        8: expect.objectContaining({ code: 'WRONG_ID_TYPE', expected: 'Institution', actual: 'Person' }),
        9: expect.objectContaining({ code: 'INVALID_ARGUMENT', argument: 'representations[9].__typename' }),
      });
      for (const e of r?.errors ?? []) expect(e.path?.[0]).toBe('_entities');
      expect(JSON.stringify(r?.errors)).not.toMatch(/stack|\.ts:\d+/);
      // still one statement per kind of key for the whole batch, and one for the answered person's wikidataId
      expect(statements).toBe(3);
    });
  });
});
