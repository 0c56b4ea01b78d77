// Operation limits (src/operation-limits.ts) on the real schema, through graphql-js `validate` as
// yoga runs it: depth, fields (fragments expanded), and calls of fields whose extensions mark them
// expensive. No app, no database.
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QueryLimitError } from '../../src/errors.ts';
import { EXPENSIVE, MAX_EXPENSIVE_FIELDS, MAX_QUERY_DEPTH, MAX_QUERY_FIELDS } from '../../src/limits.ts';
import { DEFAULT_LIMITS, expensiveFields, type Limits, operationLimits } from '../../src/operation-limits.ts';
import { schema } from '../../src/schema/index.ts';

function check(document: string, limits?: Limits, on: GraphQLSchema = schema) {
  return validate(on, parse(document), [...specifiedRules, operationLimits(on, limits)]);
}

/** The only error of a document, which must be the limit's. */
function refusal(document: string, limits?: Limits) {
  const errors = check(document, limits);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toBeInstanceOf(QueryLimitError);
  return { message: errors[0]?.message, extensions: errors[0]?.extensions };
}

/** `person { attended { edges { node { meeting { attendees { person { … } } } } } } }`, `rounds` times. */
function nested(rounds: number, inner = 'name'): string {
  let selection = inner;
  for (let i = 0; i < rounds; i++)
    selection = `attended { edges { node { meeting { attendees { person { ${selection} } } } } } }`;
  return `{ person(id: "person/yu-zhan") { ${selection} } }`;
}

describe('the maximums', () => {
  it('are the ones limits.ts declares', () => {
    expect(DEFAULT_LIMITS).toEqual({
      depth: MAX_QUERY_DEPTH,
      fields: MAX_QUERY_FIELDS,
      expensive: MAX_EXPENSIVE_FIELDS,
    });
    expect(DEFAULT_LIMITS).toMatchInlineSnapshot(`
      {
        "depth": 12,
        "expensive": 10,
        "fields": 2000,
      }
    `);
  });
});

describe('depth', () => {
  it('accepts the GraphiQL-style attendance query and refuses 14 levels with QUERY_TOO_DEEP', () => {
    // person(1) attended(2) edges(3) node(4) meeting(5) attendees(6) person(7) name(8)
    expect(check(nested(1))).toEqual([]);
    const { message, extensions } = refusal(nested(2));
    expect(extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 14, limit: 12 });
    expect(message).toMatch(/nested 14 levels deep; the limit is 12/);
  });

  it('allows exactly the limit and refuses one more', () => {
    const at = (depth: number) => check(nested(1, 'name'), { ...DEFAULT_LIMITS, depth });
    expect(at(8)).toEqual([]);
    expect(at(7)[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 8, limit: 7 });
  });

  it('counts the depth through fragments and inline fragments', () => {
    const viaFragment = `fragment A on Attendance { person { attended { edges { node { meeting { attendees { person { attended { edges { node { role } } } } } } } } } } } { meeting(id: "meeting/chervonenko-deng-1959-11-06") { attendees { ...A } } }`;
    expect(refusal(viaFragment).extensions).toMatchObject({ code: 'QUERY_TOO_DEEP' });
    const inline = `${nested(2).replace('person(id: "person/yu-zhan") {', 'node(id: "person/yu-zhan") { ... on Person {')} }`;
    expect(refusal(inline).extensions).toMatchObject({ code: 'QUERY_TOO_DEEP' });
  });

  it('does not count unwrapping a type reference (ofType) as nesting', () => {
    const ofType = 'ofType { '.repeat(12);
    const doc = `{ __type(name: "Person") { fields { type { ${ofType} name ${'} '.repeat(12)} } } } }`;
    expect(check(doc)).toEqual([]);
  });
});

describe('fields', () => {
  it('refuses more than 2000 fields with QUERY_TOO_LARGE and the count', () => {
    const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(check(fields(MAX_QUERY_FIELDS))).toEqual([]);
    const { message, extensions } = refusal(fields(MAX_QUERY_FIELDS + 1));
    expect(extensions).toEqual({ code: 'QUERY_TOO_LARGE', fields: 2001, limit: 2000 });
    expect(message).toBe('The operation selects 2001 fields (fragments expanded); the limit is 2000.');
  });

  it('measures a document of doubling fragments in linear time (2^40 fields once expanded)', () => {
    const n = 40;
    const fragments = Array.from({ length: n }, (_, i) =>
      i === n - 1
        ? `fragment F${i} on Query { __typename people(first: 1) { totalCount } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = performance.now();
    const { message, extensions } = refusal(`${fragments}\n{ ...F0 }`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', fields: 3 * 2 ** 39, limit: 2000 });
    expect(message).toMatch(/selects \d+ fields \(fragments expanded\); the limit is 2000/);
  });

  it('leaves cyclic and unknown fragments to the rules that report them', () => {
    const cyclic = check('fragment A on Query { ...B } fragment B on Query { ...A } { ...A }');
    expect(cyclic.some((e) => e instanceof QueryLimitError)).toBe(false);
    expect(cyclic.map((e) => e.message).join()).toMatch(/Cannot spread fragment "A" within itself/);
    const unknown = check('{ ...Nowhere }');
    expect(unknown.map((e) => e.message)).toEqual(['Unknown fragment "Nowhere".']);
  });
});

describe('expensive calls', () => {
  it('finds the expensive fields by their extensions, not by their names', () => {
    expect([...expensiveFields(schema)].sort()).toEqual([
      'Query.allShortestPaths',
      'Query.neighborhood',
      'Query.search',
      'Query.shortestPath',
      'Query.strongestConnection',
      'Query.timeline',
    ]);
    // a field renamed keeps its limit: only the extension counts
    const query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        neighbourhoodRenamed: { type: GraphQLString, extensions: EXPENSIVE },
        cheap: { type: GraphQLString },
      },
    });
    const renamed = new GraphQLSchema({ query });
    expect([...expensiveFields(renamed)]).toEqual(['Query.neighbourhoodRenamed']);
    const calls = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `n${i}: neighbourhoodRenamed c${i}: cheap`).join(' ')} }`;
    expect(check(calls(10), undefined, renamed)).toEqual([]);
    expect(check(calls(11), undefined, renamed)[0]?.extensions).toEqual({
      code: 'QUERY_TOO_LARGE',
      expensive: 11,
      limit: 10,
    });
  });

  it('allows ten expensive calls in one operation and refuses eleven', () => {
    const searches = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: search(text: "Deng") { totalCount }`).join(' ')} }`;
    expect(check(searches(10))).toEqual([]);
    const { message, extensions } = refusal(searches(11));
    expect(extensions).toEqual({ code: 'QUERY_TOO_LARGE', expensive: 11, limit: 10 });
    expect(message).toMatch(/calls paths, networks, search, timeline or introspection .* 11 times/);
  });

  it('counts every kind of expensive field, through fragments, once per call', () => {
    const doc = /* GraphQL */ `
      fragment Both on Query {
        shortestPath(from: "person/deng-xiaoping", to: "person/yu-zhan") { length }
        allShortestPaths(from: "person/deng-xiaoping", to: "person/yu-zhan") { length }
      }
      {
        a: neighborhood(id: "person/deng-xiaoping") { truncated }
        b: timeline { totalCount }
        c: search(text: "x") { totalCount }
        ...Both
      }
    `;
    expect(check(doc, { ...DEFAULT_LIMITS, expensive: 5 })).toEqual([]);
    expect(check(doc, { ...DEFAULT_LIMITS, expensive: 4 })[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      expensive: 5,
    });
    // a fragment spread twice is two calls
    const twice = '{ ...Both ...Both } fragment Both on Query { search(text: "x") { totalCount } }';
    expect(check(twice, { ...DEFAULT_LIMITS, expensive: 1 })[0]?.extensions).toMatchObject({
      expensive: 2,
    });
  });

  it('counts introspection roots (__schema, __type) as expensive, and not __typename', () => {
    const schemas = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`;
    expect(check(schemas(10))).toEqual([]);
    expect(refusal(schemas(11)).extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', expensive: 11 });
    const types = `{ ${Array.from({ length: 11 }, (_, i) => `t${i}: __type(name: "Person") { name }`).join(' ')} }`;
    expect(refusal(types).extensions).toMatchObject({ expensive: 11 });
    const typenames = `{ ${Array.from({ length: 50 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect(check(typenames)).toEqual([]);
  });
});

describe('one error per operation', () => {
  it('reports depth before size, and measures each operation of a document apart', () => {
    const deepAndWide = nested(2, Array.from({ length: 2001 }, (_, i) => `n${i}: name`).join(' '));
    expect(refusal(deepAndWide).extensions).toMatchObject({ code: 'QUERY_TOO_DEEP' });
    const two = `query A ${nested(1)} query B ${nested(2)}`;
    const errors = check(two);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 14 });
  });
});
