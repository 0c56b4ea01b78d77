// Limits through the app, checked before any Cypher runs: the ranges of path, network and timeline
// arguments, and whole operations (depth, fields, expensive calls). The operation limits themselves
// are unit-tested on the schema in test/unit/operation-limits.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, failure, it } from './fixtures.ts';

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
  it.for(cases)('%s', async ([_name, query, variables, code, argument], { api }) => {
    const { e, statements } = await failure(api, query, variables);
    expect(e?.extensions?.code).toBe(code);
    expect(e?.extensions?.argument).toBe(argument);
    expect(statements).toBe(0);
  });
});

describe('operation limits', () => {
  it('an operation nested too deeply: QUERY_TOO_DEEP, before any database call', async ({ api }) => {
    const deep = /* GraphQL */ `{ person(id: "person/yu-zhan") { attended { edges { node { meeting { attendees { person { attended { edges { node { meeting { attendees { person { name } } } } } } } } } } } } } }`;
    const { r, statements } = await failure(api, deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_DEEP' } });
    expect(r.errors?.[0]?.message).toMatch(/nested 14 levels deep; the limit is 12/);
    expect(statements).toBe(0);
    // the same through a fragment, and the GraphiQL default query stays within the limit
    const viaFragment = await api.gql(
      `fragment A on Attendance { person { attended { edges { node { meeting { attendees { person { attended { edges { node { role } } } } } } } } } } } { meeting(id: "meeting/chervonenko-deng-1959-11-06") { attendees { ...A } } }`,
    );
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const ok = await api.gql(
      readFileSync(new URL('../examples/who-attended.graphql', import.meta.url), 'utf8'),
    );
    expect(ok.errors).toBeUndefined();
  });

  it('a document of doubling fragments is measured in linear time and refused as too large', async ({
    api,
  }) => {
    const n = 40; // 2^40 fields once expanded
    const fragments = Array.from({ length: n }, (_, i) =>
      i === n - 1
        ? `fragment F${i} on Query { __typename people(first: 1) { totalCount } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const { r, statements } = await failure(api, `${fragments}\n{ ...F0 }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE' });
    expect(r.errors?.[0]?.message).toMatch(/selects \d+ fields \(fragments expanded\); the limit is 2000/);
    expect(statements).toBe(0);
  });

  it('too many expensive fields in one operation: QUERY_TOO_LARGE', async ({ api }) => {
    const many = Array.from({ length: 11 }, (_, i) => `s${i}: search(text: "Deng") { totalCount }`).join(' ');
    const r = await api.gql(`{ ${many} }`);
    expect(r.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_LARGE', expensive: 11, limit: 10 },
    });
    const ten = Array.from({ length: 10 }, (_, i) => `s${i}: search(text: "Deng") { totalCount }`).join(' ');
    expect((await api.gql(`{ ${ten} }`)).errors).toBeUndefined();
  });

  it('search text too long: INVALID_ARGUMENT before any database call', async ({ api }) => {
    const query = 'query ($t: String!) { search(text: $t) { totalCount } }';
    const words = await failure(api, query, { t: 'deng '.repeat(17) });
    expect(words.e).toMatchObject({ extensions: { code: 'INVALID_ARGUMENT', argument: 'text' } });
    const chars = await failure(api, query, { t: 'x'.repeat(201) });
    expect(chars.e?.message).toMatch(/at most 200 characters and 16 words/);
    expect(words.statements + chars.statements).toBe(0);
  });
});
