// Networks (src/schema/paths.ts, `neighborhood`): the entities within a number of steps of one and
// the relationships among them, first on the seeded memorandum, then on a generated graph whose
// answers are checked against a breadth-first search done here.
import type { RelationshipType } from '../src/model.ts';
import { distancesFrom } from '../test-support/synthetic-graph.ts';
import { describe, expect, failure, type GqlResult, it, useSyntheticGraph } from './fixtures.ts';

const MEETING = 'meeting/chervonenko-deng-1959-11-06';
const MEMO = 'document/memcon-chervonenko-deng-1959-11-06';
const DENG = 'person/deng-xiaoping';

describe('networks on the memorandum', () => {
  const query = /* GraphQL */ `
    query ($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
      neighborhood(id: $id, depth: $depth, types: $types, limit: $limit) {
        truncated
        center { id }
        nodes { __typename id }
        edges { id type from { id } to { id } evidence { quote } }
      }
    }
  `;

  it('draws the entities one step away and the relationships among them', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(query, { id: 'person/yu-peiwen' });
    expect(r.errors).toBeUndefined();
    const s = r.data.neighborhood;
    expect(s.truncated).toBe(false);
    expect(s.center.id).toBe('person/yu-peiwen');
    expect(s.nodes.map((n: any) => n.id)).toEqual([
      'person/yu-peiwen',
      'institution/prc-fm-protocol-division',
      MEETING,
    ]);
    expect(s.edges.map((e: any) => e.type).sort()).toEqual(['ATTENDED', 'HELD_POSITION', 'REPRESENTED']);
    for (const e of s.edges) expect(e.evidence.length).toBeGreaterThan(0);
  });

  it('goes two steps, nearest first, and includes MENTIONS only when listed', async ({ api }) => {
    const two: GqlResult<any> = await api.gql(query, { id: 'person/yu-peiwen', depth: 2 });
    const ids = two.data.neighborhood.nodes.map((n: any) => n.id);
    expect(ids.slice(0, 3)).toEqual(['person/yu-peiwen', 'institution/prc-fm-protocol-division', MEETING]);
    expect(ids).toContain(DENG);
    expect(ids).toContain('institution/prc-foreign-ministry');
    // the memorandum is two steps away as the record of the meeting, not as a mention
    expect(ids).toContain(MEMO);
    expect(two.data.neighborhood.edges.some((e: any) => e.type === 'MENTIONS')).toBe(false);
    expect(ids).not.toContain('person/nikita-khrushchev');

    const mentions: GqlResult<any> = await api.gql(query, {
      id: 'person/yu-peiwen',
      depth: 2,
      types: ['MENTIONS'],
    });
    const m = mentions.data.neighborhood;
    expect(m.nodes[1].id).toBe(MEMO);
    expect(m.nodes.map((n: any) => n.id)).toContain('person/nikita-khrushchev');
    expect(m.edges.every((e: any) => e.type === 'MENTIONS')).toBe(true);
  });

  it('keeps the nearest entities and says so when the limit cuts', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(query, { id: 'person/yu-peiwen', depth: 2, limit: 3 });
    const s = r.data.neighborhood;
    expect(s.truncated).toBe(true);
    expect(s.nodes.map((n: any) => n.id)).toEqual([
      'person/yu-peiwen',
      'institution/prc-fm-protocol-division',
      MEETING,
    ]);
    const kept = new Set(s.nodes.map((n: any) => n.id));
    for (const e of s.edges) {
      expect(kept.has(e.from.id)).toBe(true);
      expect(kept.has(e.to.id)).toBe(true);
    }
  });

  it('answers NOT_FOUND for an unknown centre', async ({ api }) => {
    const { e } = await failure(api, query, { id: 'person/nobody-at-all' });
    expect(e?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('networks on a generated graph', () => {
  const graph = useSyntheticGraph();
  const DEFAULT = new Set<RelationshipType>(['ATTENDED', 'REPRESENTED', 'HELD_POSITION', 'PART_OF']);
  const pick = (list: string[], i: number) => list[(i * 7919) % list.length] as string;

  it('draws a neighbourhood that matches the breadth-first search, at each depth', async ({ api }) => {
    const g = graph();
    const centre = pick(g.persons, 11);
    const dist = distancesFrom(g.edges, centre, DEFAULT);
    for (const depth of [1, 2, 3]) {
      const within = [...dist].filter(([, d]) => d <= depth).map(([id]) => id);
      const r: GqlResult<any> = await api.gql(
        /* GraphQL */ `
          query ($id: ID!, $depth: Int) {
            neighborhood(id: $id, depth: $depth, limit: 500) { truncated nodes { id } edges { id from { id } to { id } } }
          }
        `,
        { id: centre, depth },
      );
      expect(r.errors).toBeUndefined();
      const s = r.data.neighborhood;
      const ids: string[] = s.nodes.map((n: any) => n.id);
      if (within.length <= 500) {
        expect(s.truncated).toBe(false);
        expect(new Set(ids)).toEqual(new Set(within));
        const inside = new Set(within);
        const expectedEdges = g.edges.filter(
          (e) => DEFAULT.has(e.type) && inside.has(e.from) && inside.has(e.to),
        );
        expect(s.edges).toHaveLength(expectedEdges.length);
      } else {
        expect(s.truncated).toBe(true);
        expect(ids).toHaveLength(500);
      }
      // nearest first
      const ds = ids.map((id) => dist.get(id) as number);
      expect(ds).toEqual([...ds].sort((a, b) => a - b));
    }
  });

  it('gives every generated relationship and passage a URI that resolves to it', async ({ api }) => {
    const centre = pick(graph().persons, 13);
    const r: GqlResult<any> = await api.gql(
      /* GraphQL */ `
        query ($id: ID!) { neighborhood(id: $id, depth: 1, limit: 50) { edges { id uri evidence { uri } } } }
      `,
      { id: centre },
    );
    expect(r.errors).toBeUndefined();
    const edges: { id: string; uri: string; evidence: { uri: string }[] }[] = r.data.neighborhood.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) expect(e.evidence[0]?.uri).toBe(`${e.uri}/evidence/1`);
    const first = edges[0] as (typeof edges)[number];
    const res = await api.app.fetch(first.uri.replace(/^https?:\/\/[^/]+/, 'http://test'), {
      headers: { accept: 'application/ld+json' },
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain(first.uri);
  });

  it('truncates to the nearest entities', async ({ api }) => {
    const g = graph();
    const centre = pick(g.persons, 12);
    const dist = distancesFrom(g.edges, centre, DEFAULT);
    const r: GqlResult<any> = await api.gql(
      /* GraphQL */ `
        query ($id: ID!) { neighborhood(id: $id, depth: 3, limit: 25) { truncated nodes { id } } }
      `,
      { id: centre },
    );
    const ids: string[] = r.data.neighborhood.nodes.map((n: any) => n.id);
    expect(r.data.neighborhood.truncated).toBe(true);
    expect(ids).toHaveLength(25);
    const worstKept = Math.max(...ids.map((id) => dist.get(id) as number));
    const closerLeftOut = [...dist].filter(([id, d]) => d < worstKept && !ids.includes(id));
    expect(closerLeftOut).toEqual([]);
  });
});
