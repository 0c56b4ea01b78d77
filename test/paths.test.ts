// Paths (src/schema/paths.ts): shortestPath and allShortestPaths, first on the seeded memorandum,
// then on a generated graph whose answers are checked against a breadth-first search done here.
import type { RelationshipType } from '../src/model.ts';
import { distancesFrom } from '../test-support/synthetic-graph.ts';
import { describe, expect, failure, type GqlResult, it, useSyntheticGraph } from './fixtures.ts';

const MEETING = 'meeting/chervonenko-deng-1959-11-06';
const MEMO = 'document/memcon-chervonenko-deng-1959-11-06';
const DENG = 'person/deng-xiaoping';

const PATH = /* GraphQL */ `
  fragment P on Path {
    length
    nodes { __typename id }
    relationships {
      id type
      from { id }
      to { id }
      properties { key value }
      evidence { quote start end document { id text } }
    }
  }
`;

interface PathJson {
  length: number;
  nodes: { id: string }[];
  relationships: {
    id: string;
    type: RelationshipType;
    from: { id: string };
    to: { id: string };
    evidence: { quote: string; start: number; end: number; document: { text: string } }[];
  }[];
}

/** A path is a chain: relationship i joins node i and node i+1 (either way round), with evidence. */
function expectChain(p: PathJson, from: string, to: string) {
  expect(p.nodes[0]?.id).toBe(from);
  expect(p.nodes.at(-1)?.id).toBe(to);
  expect(p.relationships).toHaveLength(p.length);
  expect(p.nodes).toHaveLength(p.length + 1);
  p.relationships.forEach((r, i) => {
    const ends = [r.from.id, r.to.id].sort();
    expect(ends).toEqual([p.nodes[i]?.id, p.nodes[i + 1]?.id].sort());
    expect(r.evidence.length).toBeGreaterThan(0);
    for (const e of r.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.quote);
  });
}

describe('paths on the memorandum', () => {
  it('finds the shortest path between the two interlocutors through the meeting, with evidence', async ({
    api,
  }) => {
    const r: GqlResult<any> = await api.gql(
      /* GraphQL */ `
        query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, via: [ATTENDED]) { ...P } }
        ${PATH}
      `,
      { from: DENG, to: 'person/stepan-chervonenko' },
    );
    expect(r.errors).toBeUndefined();
    const p = r.data.shortestPath;
    expect(p.length).toBe(2);
    expect(p.nodes.map((n: any) => n.id)).toEqual([DENG, MEETING, 'person/stepan-chervonenko']);
    expect(p.nodes.map((n: any) => n.__typename)).toEqual(['Person', 'Meeting', 'Person']);
    expect(p.relationships.map((x: any) => x.type)).toEqual(['ATTENDED', 'ATTENDED']);
    // the second relationship is walked against its arrow: Chervonenko → meeting
    expect(p.relationships[1].from.id).toBe('person/stepan-chervonenko');
    expect(p.relationships[1].properties).toContainEqual({ key: 'role', value: 'interlocutor' });
    expectChain(p, DENG, 'person/stepan-chervonenko');
  });

  it('does not pass through MENTIONS unless asked to', async ({ api }) => {
    const query = /* GraphQL */ `
      query ($via: [RelationshipType!]) {
        shortestPath(from: "person/deng-xiaoping", to: "person/nikita-khrushchev", via: $via) { ...P }
      }
      ${PATH}
    `;
    // by default the tie goes through a statement (the ambassador's to Deng about Khrushchev's visit,
    // or Deng's own about Khrushchev), not the document's mention of both
    const any: GqlResult<any> = await api.gql(query, {});
    expect(any.errors).toBeUndefined();
    expect(any.data.shortestPath.nodes[1].__typename).toBe('Statement');
    expect(any.data.shortestPath.relationships.map((x: any) => x.type)).not.toContain('MENTIONS');
    // what Deng himself said about him: "They wanted to isolate comrade Khrushchev"
    const said: GqlResult<any> = await api.gql(query, { via: ['SAID', 'ABOUT'] });
    expect(said.errors).toBeUndefined();
    expect(said.data.shortestPath.nodes.map((n: any) => n.id)).toEqual([
      DENG,
      'statement/chervonenko-deng-1959-11-06-11',
      'person/nikita-khrushchev',
    ]);
    expect(said.data.shortestPath.relationships.map((x: any) => x.type)).toEqual(['SAID', 'ABOUT']);
    const none: GqlResult<any> = await api.gql(query, { via: ['ATTENDED', 'HELD_POSITION'] });
    expect(none.errors).toBeUndefined();
    expect(none.data.shortestPath).toBeNull();
    const viaMemo: GqlResult<any> = await api.gql(query, { via: ['MENTIONS'] });
    expect(viaMemo.errors).toBeUndefined();
    const p = viaMemo.data.shortestPath;
    expect(p.nodes.map((n: any) => n.id)).toEqual([DENG, MEMO, 'person/nikita-khrushchev']);
    expect(p.relationships[1].evidence[0].quote).toContain('Khrushchev');
    expectChain(p, DENG, 'person/nikita-khrushchev');
  });

  it('honours maxHops and via', async ({ api }) => {
    const query = /* GraphQL */ `
      query ($maxHops: Int, $via: [RelationshipType!]) {
        shortestPath(from: "person/yu-zhan", to: "institution/ussr", maxHops: $maxHops, via: $via) { length }
      }
    `;
    // yu-zhan → meeting → a statement made at it → the USSR it speaks of
    expect((await api.gql(query, {})).data.shortestPath).toEqual({ length: 3 });
    expect((await api.gql(query, { maxHops: 2 })).data.shortestPath).toBeNull();
    // yu-zhan → meeting → Chervonenko → embassy → USSR
    const without = ['ATTENDED', 'REPRESENTED', 'HELD_POSITION', 'PART_OF'];
    expect((await api.gql(query, { via: without })).data.shortestPath).toEqual({ length: 4 });
    expect((await api.gql(query, { via: ['ATTENDED', 'PART_OF'] })).data.shortestPath).toBeNull();
  });

  it('gives a path of length 0 from an entity to itself', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(/* GraphQL */ `
      { shortestPath(from: "person/yu-zhan", to: "person/yu-zhan") { length nodes { id } relationships { id } } }
    `);
    expect(r.data.shortestPath).toEqual({ length: 0, nodes: [{ id: 'person/yu-zhan' }], relationships: [] });
  });

  it('lists every shortest path, distinct and ordered, up to the limit', async ({ api }) => {
    const query = /* GraphQL */ `
      query ($limit: Int) {
        allShortestPaths(from: "person/yu-zhan", to: "institution/ussr-embassy-prc", limit: $limit) { ...P }
      }
      ${PATH}
    `;
    const r: GqlResult<any> = await api.gql(query, {});
    expect(r.errors).toBeUndefined();
    const paths: PathJson[] = r.data.allShortestPaths;
    // three embassy staff attended, each tied to the embassy by REPRESENTED and HELD_POSITION (the
    // ambassador's post is one position with two attestations): 3 × 2; the ambassador's closing
    // hope speaks of the Embassy (a statement made at the meeting, ABOUT it); and Deng, who attended,
    // gave the Embassy help, as that statement asserts (HELPED): 6 + 1 + 1
    expect(paths.length).toBe(8);
    for (const p of paths) {
      expect(p.length).toBe(3);
      expectChain(p, 'person/yu-zhan', 'institution/ussr-embassy-prc');
    }
    const keys = paths.map((p) => p.relationships.map((x) => x.id).join(','));
    expect(new Set(keys).size).toBe(paths.length);
    expect(new Set(paths.map((p) => p.nodes[2]?.id))).toEqual(
      new Set([
        'person/b-n-vereshchagin',
        'person/b-t-kulik',
        'person/stepan-chervonenko',
        'person/deng-xiaoping',
        'statement/chervonenko-deng-1959-11-06-21',
      ]),
    );
    const limited: GqlResult<any> = await api.gql(query, { limit: 2 });
    expect(limited.data.allShortestPaths).toHaveLength(2);
  });

  it('answers NOT_FOUND for an id that names nothing', async ({ api }) => {
    const { e } = await failure(
      api,
      /* GraphQL */ `{ shortestPath(from: "person/deng-xiaoping", to: "person/nobody-at-all") { length } }`,
    );
    expect(e?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('paths on a generated graph', () => {
  const graph = useSyntheticGraph();
  const DEFAULT = new Set<RelationshipType>(['ATTENDED', 'REPRESENTED', 'HELD_POSITION', 'PART_OF']);
  const pick = (list: string[], i: number) => list[(i * 7919) % list.length] as string;

  it('finds paths exactly as short as a breadth-first search, at a fixed number of statements', async ({
    api,
  }) => {
    const g = graph();
    let checked = 0;
    for (let i = 1; i <= 12; i++) {
      const from = pick(g.persons, i);
      const to = pick(g.persons, i * 31 + 5);
      if (from === to) continue;
      const expected = distancesFrom(g.edges, from, DEFAULT).get(to);
      let r: GqlResult<any> = { status: 0 };
      const statements = await api.statementsDuring(async () => {
        r = await api.gql(
          /* GraphQL */ `
            query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 10) { ...P } }
            ${PATH}
          `,
          { from, to },
        );
      });
      expect(r.errors).toBeUndefined();
      // endpoints, the path, the cited document: never one statement per hop
      expect(statements).toBeLessThanOrEqual(3);
      if (expected === undefined || expected > 10) {
        expect(r.data.shortestPath).toBeNull();
      } else {
        expect(r.data.shortestPath.length).toBe(expected);
        expectChain(r.data.shortestPath, from, to);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('lists distinct shortest paths of the breadth-first length', async ({ api }) => {
    const g = graph();
    const from = pick(g.persons, 3);
    const to = pick(g.persons, 200);
    const expected = distancesFrom(g.edges, from, DEFAULT).get(to);
    const r: GqlResult<any> = await api.gql(
      /* GraphQL */ `
        query ($from: ID!, $to: ID!) { allShortestPaths(from: $from, to: $to, maxHops: 10, limit: 50) { ...P } }
        ${PATH}
      `,
      { from, to },
    );
    expect(r.errors).toBeUndefined();
    const paths: PathJson[] = r.data.allShortestPaths;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(50);
    for (const p of paths) {
      expect(p.length).toBe(expected);
      expectChain(p, from, to);
    }
    expect(new Set(paths.map((p) => p.relationships.map((x) => x.id).join())).size).toBe(paths.length);
  });
});
