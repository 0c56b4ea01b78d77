// Paths, networks, co-attendance, timelines and positions at a date: first on the seeded memorandum,
// then on a generated graph whose answers are checked against a breadth-first search done here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distancesFrom, type GeneratedGraph, generateGraph, removeSynthetic } from '../bench/generate.ts';
import type { Db } from '../src/db/driver.ts';
import type { RelationshipType } from '../src/model.ts';
import { type GqlResult, setupApp } from './helpers.ts';

let db: Db;
let gql: Awaited<ReturnType<typeof setupApp>>['gql'];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, gql, close } = await setupApp());
});
// registered before the file's other afterAll hooks, so it runs after them
afterAll(() => close());

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

async function expectError(
  query: string,
  variables: Record<string, unknown>,
  code: string,
  argument?: string,
) {
  const before = db.statements;
  const r = await gql(query, variables);
  expect(r.errors?.[0]?.extensions?.code).toBe(code);
  if (argument) expect(r.errors?.[0]?.extensions?.argument).toBe(argument);
  expect(r.errors?.[0]?.message).toMatch(/\S/);
  return { r, statements: db.statements - before };
}

describe('paths on the memorandum', () => {
  it('finds the shortest path between the two interlocutors through the meeting, with evidence', async () => {
    const r: GqlResult<any> = await gql(
      /* GraphQL */ `
        query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { ...P } }
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
    expect(p.relationships[1].properties).toContainEqual({
      key: 'role',
      value: 'Soviet interlocutor; Ambassador of the USSR in the PRC',
    });
    expectChain(p, DENG, 'person/stepan-chervonenko');
  });

  it('does not pass through MENTIONS unless asked to', async () => {
    const query = /* GraphQL */ `
      query ($via: [RelationshipType!]) {
        shortestPath(from: "person/deng-xiaoping", to: "person/nikita-khrushchev", via: $via) { ...P }
      }
      ${PATH}
    `;
    const none: GqlResult<any> = await gql(query, {});
    expect(none.errors).toBeUndefined();
    expect(none.data.shortestPath).toBeNull();
    const viaMemo: GqlResult<any> = await gql(query, { via: ['MENTIONS'] });
    expect(viaMemo.errors).toBeUndefined();
    const p = viaMemo.data.shortestPath;
    expect(p.nodes.map((n: any) => n.id)).toEqual([DENG, MEMO, 'person/nikita-khrushchev']);
    expect(p.relationships[1].evidence[0].quote).toContain('Khrushchev');
    expectChain(p, DENG, 'person/nikita-khrushchev');
  });

  it('honours maxHops and via', async () => {
    const query = /* GraphQL */ `
      query ($maxHops: Int, $via: [RelationshipType!]) {
        shortestPath(from: "person/yu-zhan", to: "institution/ussr", maxHops: $maxHops, via: $via) { length }
      }
    `;
    // yu-zhan → meeting → Chervonenko → embassy → USSR
    expect((await gql(query, {})).data.shortestPath).toEqual({ length: 4 });
    expect((await gql(query, { maxHops: 3 })).data.shortestPath).toBeNull();
    expect((await gql(query, { via: ['ATTENDED', 'PART_OF'] })).data.shortestPath).toBeNull();
  });

  it('gives a path of length 0 from an entity to itself', async () => {
    const r: GqlResult<any> = await gql(/* GraphQL */ `
      { shortestPath(from: "person/yu-zhan", to: "person/yu-zhan") { length nodes { id } relationships { id } } }
    `);
    expect(r.data.shortestPath).toEqual({ length: 0, nodes: [{ id: 'person/yu-zhan' }], relationships: [] });
  });

  it('lists every shortest path, distinct and ordered, up to the limit', async () => {
    const query = /* GraphQL */ `
      query ($limit: Int) {
        allShortestPaths(from: "person/yu-zhan", to: "institution/ussr-embassy-prc", limit: $limit) { ...P }
      }
      ${PATH}
    `;
    const r: GqlResult<any> = await gql(query, {});
    expect(r.errors).toBeUndefined();
    const paths: PathJson[] = r.data.allShortestPaths;
    // three embassy staff attended, each tied to the embassy by REPRESENTED and HELD_POSITION, and the
    // ambassador by a second HELD_POSITION (stated on 8 December, inferred for 6 November): 3 × 2 + 1
    expect(paths.length).toBe(7);
    for (const p of paths) {
      expect(p.length).toBe(3);
      expectChain(p, 'person/yu-zhan', 'institution/ussr-embassy-prc');
    }
    const keys = paths.map((p) => p.relationships.map((x) => x.id).join(','));
    expect(new Set(keys).size).toBe(paths.length);
    expect(new Set(paths.map((p) => p.nodes[2]?.id))).toEqual(
      new Set(['person/b-n-vereshchagin', 'person/b-t-kulik', 'person/stepan-chervonenko']),
    );
    const limited: GqlResult<any> = await gql(query, { limit: 2 });
    expect(limited.data.allShortestPaths).toHaveLength(2);
  });

  it('answers NOT_FOUND for an id that names nothing', async () => {
    await expectError(
      /* GraphQL */ `{ shortestPath(from: "person/deng-xiaoping", to: "person/nobody-at-all") { length } }`,
      {},
      'NOT_FOUND',
    );
  });
});

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

  it('draws the entities one step away and the relationships among them', async () => {
    const r: GqlResult<any> = await gql(query, { id: 'person/yu-peiwen' });
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

  it('goes two steps, nearest first, and includes MENTIONS only when listed', async () => {
    const two: GqlResult<any> = await gql(query, { id: 'person/yu-peiwen', depth: 2 });
    const ids = two.data.neighborhood.nodes.map((n: any) => n.id);
    expect(ids.slice(0, 3)).toEqual(['person/yu-peiwen', 'institution/prc-fm-protocol-division', MEETING]);
    expect(ids).toContain(DENG);
    expect(ids).toContain('institution/prc-foreign-ministry');
    // the memorandum is two steps away as the record of the meeting, not as a mention
    expect(ids).toContain(MEMO);
    expect(two.data.neighborhood.edges.some((e: any) => e.type === 'MENTIONS')).toBe(false);
    expect(ids).not.toContain('person/nikita-khrushchev');

    const mentions: GqlResult<any> = await gql(query, {
      id: 'person/yu-peiwen',
      depth: 2,
      types: ['MENTIONS'],
    });
    const m = mentions.data.neighborhood;
    expect(m.nodes[1].id).toBe(MEMO);
    expect(m.nodes.map((n: any) => n.id)).toContain('person/nikita-khrushchev');
    expect(m.edges.every((e: any) => e.type === 'MENTIONS')).toBe(true);
  });

  it('keeps the nearest entities and says so when the limit cuts', async () => {
    const r: GqlResult<any> = await gql(query, { id: 'person/yu-peiwen', depth: 2, limit: 3 });
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

  it('answers NOT_FOUND for an unknown centre', async () => {
    await expectError(query, { id: 'person/nobody-at-all' }, 'NOT_FOUND');
  });
});

describe('limits are checked before any Cypher runs', () => {
  const cases: [string, string, Record<string, unknown>, string, string][] = [
    [
      'depth above 3',
      `query ($v: Int) { neighborhood(id: "person/deng-xiaoping", depth: $v) { truncated } }`,
      { v: 4 },
      'INVALID_ARGUMENT',
      'depth',
    ],
    [
      'depth 0',
      `query ($v: Int) { neighborhood(id: "person/deng-xiaoping", depth: $v) { truncated } }`,
      { v: 0 },
      'INVALID_ARGUMENT',
      'depth',
    ],
    [
      'neighbourhood limit above 500',
      `query ($v: Int) { neighborhood(id: "person/deng-xiaoping", limit: $v) { truncated } }`,
      { v: 501 },
      'INVALID_ARGUMENT',
      'limit',
    ],
    [
      'empty types',
      `query { neighborhood(id: "person/deng-xiaoping", types: []) { truncated } }`,
      {},
      'INVALID_ARGUMENT',
      'types',
    ],
    [
      'maxHops above 10',
      `query ($v: Int) { shortestPath(from: "person/deng-xiaoping", to: "person/yu-zhan", maxHops: $v) { length } }`,
      { v: 11 },
      'INVALID_ARGUMENT',
      'maxHops',
    ],
    [
      'maxHops 0',
      `query ($v: Int) { shortestPath(from: "person/deng-xiaoping", to: "person/yu-zhan", maxHops: $v) { length } }`,
      { v: 0 },
      'INVALID_ARGUMENT',
      'maxHops',
    ],
    [
      'paths limit above 500',
      `query ($v: Int) { allShortestPaths(from: "person/deng-xiaoping", to: "person/yu-zhan", limit: $v) { length } }`,
      { v: 501 },
      'INVALID_ARGUMENT',
      'limit',
    ],
    [
      'allShortestPaths maxHops above 10',
      `query ($v: Int) { allShortestPaths(from: "person/deng-xiaoping", to: "person/yu-zhan", maxHops: $v) { length } }`,
      { v: 11 },
      'INVALID_ARGUMENT',
      'maxHops',
    ],
    [
      'empty via',
      `query { shortestPath(from: "person/deng-xiaoping", to: "person/yu-zhan", via: []) { length } }`,
      {},
      'INVALID_ARGUMENT',
      'via',
    ],
    [
      'malformed path end',
      `query ($v: ID!) { shortestPath(from: "person/deng-xiaoping", to: $v) { length } }`,
      { v: "person/Deng Xiaoping'" },
      'INVALID_ID',
      'to',
    ],
    [
      'malformed centre',
      `query ($v: ID!) { neighborhood(id: $v) { truncated } }`,
      { v: 'MATCH (n) DETACH DELETE n' },
      'INVALID_ID',
      'id',
    ],
    [
      'malformed actor',
      `query ($v: ID) { timeline(actor: $v) { totalCount } }`,
      { v: 'deng' },
      'INVALID_ID',
      'actor',
    ],
    [
      'timeline date',
      `query ($v: String) { timeline(startDate: $v) { totalCount } }`,
      { v: '6 Nov 1959' },
      'INVALID_ARGUMENT',
      'startDate',
    ],
    [
      'timeline reversed',
      `query { timeline(startDate: "1960", endDate: "1959") { totalCount } }`,
      {},
      'INVALID_ARGUMENT',
      'endDate',
    ],
    ['timeline page size', `query { timeline(first: 101) { totalCount } }`, {}, 'INVALID_ARGUMENT', 'first'],
  ];
  it.each(cases)('%s', async (_name, query, variables, code, argument) => {
    const { statements } = await expectError(query, variables, code, argument);
    expect(statements).toBe(0);
  });

  it('a date for positionsAt is checked before positions are read', async () => {
    const r: GqlResult<any> = await gql(/* GraphQL */ `
      { person(id: "person/deng-xiaoping") { positionsAt(date: "1959-13") { title } } }
    `);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'date' });
  });
});

describe('co-attendance and positions', () => {
  it('lists who sat in the same meeting as Deng Xiaoping, with the passages for both', async () => {
    const r: GqlResult<any> = await gql(/* GraphQL */ `
      {
        person(id: "person/deng-xiaoping") {
          metWith { count person { id } meetings { id date { value } } evidence { quote start end document { text } } }
        }
        wingrove: person(id: "person/paul-wingrove") { metWith { person { id } } }
      }
    `);
    expect(r.errors).toBeUndefined();
    const met = r.data.person.metWith;
    expect(met.map((m: any) => m.person.id).sort()).toEqual([
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/stepan-chervonenko',
      'person/yu-peiwen',
      'person/yu-zhan',
    ]);
    for (const m of met) {
      expect(m.count).toBe(1);
      expect(m.meetings).toEqual([{ id: MEETING, date: { value: '1959-11-06' } }]);
      expect(m.evidence.length).toBeGreaterThanOrEqual(2);
      for (const e of m.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.quote);
    }
    // a translator of the memorandum met nobody in it
    expect(r.data.wingrove.metWith).toEqual([]);
  });

  it('gives the posts held at a date, with the attested date standing in for an unknown term', async () => {
    const query = /* GraphQL */ `
      query ($id: ID!, $date: String!) {
        person(id: $id) { positionsAt(date: $date) { title institution { id } attestedDate { value } evidence { quote } } }
      }
    `;
    const at = async (id: string, date: string) => {
      const r: GqlResult<any> = await gql(query, { id, date });
      expect(r.errors).toBeUndefined();
      return r.data.person.positionsAt.map((p: any) => `${p.title} @ ${p.institution.id}`);
    };
    expect(await at(DENG, '1959-11-06')).toEqual(['General Secretary @ institution/ccp-cc']);
    expect(await at(DENG, '1959-11')).toEqual(['General Secretary @ institution/ccp-cc']);
    expect(await at(DENG, '1959')).toEqual(['General Secretary @ institution/ccp-cc']);
    expect(await at(DENG, '1959-11-07')).toEqual([]);
    expect(await at(DENG, '1960')).toEqual([]);
    // Chervonenko signs as ambassador on 8 December 1959 (stated); that he held the post at the
    // conversation of 6 November is inferred; on a day attested by neither he holds nothing
    expect(await at('person/stepan-chervonenko', '1959-11-06')).toEqual([
      'Ambassador of the USSR in the PRC @ institution/ussr-embassy-prc',
    ]);
    expect(await at('person/stepan-chervonenko', '1959-12')).toEqual([
      'Ambassador of the USSR in the PRC @ institution/ussr-embassy-prc',
    ]);
    expect(await at('person/stepan-chervonenko', '1959-11-20')).toEqual([]);
  });
});

describe('timeline on the memorandum', () => {
  const query = /* GraphQL */ `
    query ($from: String, $to: String, $actor: ID, $first: Int, $after: String) {
      timeline(startDate: $from, endDate: $to, actor: $actor, first: $first, after: $after) {
        totalCount
        edges { cursor node { kind date { value earliest latest } entity { id } links { type from { id } to { id } evidence { quote } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;
  const entries = (r: GqlResult<any>) =>
    r.data.timeline.edges.map((e: any) => `${e.node.date.value} ${e.node.kind} ${e.node.entity.id}`);

  it('lists meetings, events and documents overlapping a range, earliest first', async () => {
    const r: GqlResult<any> = await gql(query, { from: '1959', to: '1959-12' });
    expect(r.errors).toBeUndefined();
    expect(entries(r)).toEqual([
      '1959 EVENT event/prc-tenth-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
      `1959-12-08 DOCUMENT ${MEMO}`,
    ]);
    // a month range overlaps the year-only event, not the other way round
    const nov: GqlResult<any> = await gql(query, { from: '1959-11', to: '1959-11' });
    expect(entries(nov)).toEqual([
      '1959 EVENT event/prc-tenth-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
    ]);
    const open: GqlResult<any> = await gql(query, { to: '1958' });
    expect(entries(open)).toEqual(['1957 EVENT event/october-revolution-40th-anniversary-celebration']);
  });

  it('pages with cursors and keeps the order across pages', async () => {
    const first: GqlResult<any> = await gql(query, { first: 2 });
    expect(first.data.timeline.totalCount).toBe(4);
    expect(first.data.timeline.pageInfo.hasNextPage).toBe(true);
    const next: GqlResult<any> = await gql(query, {
      first: 2,
      after: first.data.timeline.pageInfo.endCursor,
    });
    expect([...entries(first), ...entries(next)]).toEqual([
      '1957 EVENT event/october-revolution-40th-anniversary-celebration',
      '1959 EVENT event/prc-tenth-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
      `1959-12-08 DOCUMENT ${MEMO}`,
    ]);
    expect(next.data.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('follows an actor, with the relationships that tie it to each entry', async () => {
    const deng: GqlResult<any> = await gql(query, { actor: DENG });
    expect(deng.errors).toBeUndefined();
    expect(entries(deng)).toEqual([
      '1957 EVENT event/october-revolution-40th-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
      `1959-12-08 DOCUMENT ${MEMO}`,
    ]);
    const links = deng.data.timeline.edges.map((e: any) => e.node.links.map((l: any) => l.type));
    expect(links).toEqual([['PARTICIPATED_IN'], ['ATTENDED'], ['MENTIONS']]);
    for (const e of deng.data.timeline.edges)
      for (const l of e.node.links) expect(l.evidence.length).toBeGreaterThan(0);

    // an institution: the meeting at which three of its people represented it
    const embassy: GqlResult<any> = await gql(query, { actor: 'institution/ussr-embassy-prc' });
    const meeting = embassy.data.timeline.edges.find((e: any) => e.node.entity.id === MEETING);
    expect(meeting.node.links.map((l: any) => l.from.id).sort()).toEqual([
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/stepan-chervonenko',
    ]);
  });

  it('answers NOT_FOUND for an unknown actor', async () => {
    await expectError(query, { actor: 'person/nobody-at-all' }, 'NOT_FOUND');
  });
});

describe('on a generated graph', () => {
  let g: GeneratedGraph;
  const DEFAULT = new Set<RelationshipType>(['ATTENDED', 'REPRESENTED', 'HELD_POSITION', 'PART_OF']);
  beforeAll(async () => {
    g = await generateGraph(db, { persons: 400, personsPerInstitution: 40, meetingsPerPerson: 0.4, seed: 7 });
  });
  afterAll(async () => {
    await removeSynthetic(db);
    const [left] = await db.read<{ n: number }>(
      '/* syntheticLeft */ MATCH (n:Entity) WHERE n.synthetic = true RETURN count(n) AS n',
    );
    expect(left?.n).toBe(0);
  });

  const pick = (list: string[], i: number) => list[(i * 7919) % list.length] as string;

  it('finds paths exactly as short as a breadth-first search, at a fixed number of statements', async () => {
    let checked = 0;
    for (let i = 1; i <= 12; i++) {
      const from = pick(g.persons, i);
      const to = pick(g.persons, i * 31 + 5);
      if (from === to) continue;
      const expected = distancesFrom(g.edges, from, DEFAULT).get(to);
      const before = db.statements;
      const r: GqlResult<any> = await gql(
        /* GraphQL */ `
          query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 10) { ...P } }
          ${PATH}
        `,
        { from, to },
      );
      expect(r.errors).toBeUndefined();
      // endpoints, the path, the cited document: never one statement per hop
      expect(db.statements - before).toBeLessThanOrEqual(3);
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

  it('lists distinct shortest paths of the breadth-first length', async () => {
    const from = pick(g.persons, 3);
    const to = pick(g.persons, 200);
    const expected = distancesFrom(g.edges, from, DEFAULT).get(to);
    const r: GqlResult<any> = await gql(
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

  it('draws a neighbourhood that matches the breadth-first search, at each depth', async () => {
    const centre = pick(g.persons, 11);
    const dist = distancesFrom(g.edges, centre, DEFAULT);
    for (const depth of [1, 2, 3]) {
      const within = [...dist].filter(([, d]) => d <= depth).map(([id]) => id);
      const r: GqlResult<any> = await gql(
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

  it('truncates to the nearest entities', async () => {
    const centre = pick(g.persons, 12);
    const dist = distancesFrom(g.edges, centre, DEFAULT);
    const r: GqlResult<any> = await gql(
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

  it('keeps co-attendance symmetric', async () => {
    const person = g.edges.find((e) => e.type === 'ATTENDED')?.from as string;
    const r: GqlResult<any> = await gql(
      /* GraphQL */ `
        query ($id: ID!) { person(id: $id) { metWith { count person { id metWith { count person { id } } } meetings { id } } } }
      `,
      { id: person },
    );
    expect(r.errors).toBeUndefined();
    const met = r.data.person.metWith;
    expect(met.length).toBeGreaterThan(0);
    for (const m of met) {
      const back = m.person.metWith.find((x: any) => x.person.id === person);
      expect(back?.count).toBe(m.count);
      expect(m.meetings).toHaveLength(m.count);
    }
    const counts = met.map((m: any) => m.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it('keeps timeline ties stable: by earliest day, then latest day, then id', async () => {
    const r: GqlResult<any> = await gql(/* GraphQL */ `
      { timeline(startDate: "1960", endDate: "1969", first: 100) { totalCount edges { node { date { earliest latest } entity { id } } } } }
    `);
    expect(r.errors).toBeUndefined();
    const keys = r.data.timeline.edges.map(
      (e: any) => `${e.node.date.earliest} ${e.node.date.latest} ${e.node.entity.id}`,
    );
    expect(keys.length).toBeGreaterThan(10);
    expect(keys).toEqual([...keys].sort());
  });
});
