// Bad input through the app: a clear error with a code and no stack, and no database call for what
// can be checked before one (ids, paging, dates, search text). The same checks, without the app,
// are unit-tested in test/unit/ (model, dates, schema/connection, schema/arguments, schema/search).
import { describe, expect, failure, type GqlResult, it } from './fixtures.ts';

describe('bad input', () => {
  it.for<[string, string, string, RegExp]>([
    ['malformed id', '{ node(id: "Deng Xiaoping") { id } }', 'INVALID_ID', /Malformed id "Deng Xiaoping"/],
    [
      'id of the wrong type',
      '{ person(id: "institution/ccp") { id } }',
      'WRONG_ID_TYPE',
      /names an Institution, not a Person/,
    ],
    [
      'first above 100',
      '{ people(first: 101) { totalCount } }',
      'INVALID_ARGUMENT',
      /"first": must be between 0 and 100, got 101/,
    ],
    ['first below 0', '{ people(first: -1) { totalCount } }', 'INVALID_ARGUMENT', /"first"/],
    [
      'bad cursor',
      '{ people(after: "not-a-cursor") { totalCount } }',
      'INVALID_CURSOR',
      /Invalid cursor "not-a-cursor"/,
    ],
    [
      'forged cursor',
      `{ people(after: "${Buffer.from('offset:-5').toString('base64url')}") { totalCount } }`,
      'INVALID_CURSOR',
      /Invalid cursor/,
    ],
    [
      'empty search',
      '{ search(text: "  ") { totalCount } }',
      'INVALID_ARGUMENT',
      /"text": needs at least one letter or digit/,
    ],
    ['punctuation-only search', '{ search(text: "?!*") { totalCount } }', 'INVALID_ARGUMENT', /"text"/],
    [
      'bad date filter',
      '{ meetings(filter: { dateOverlaps: { startDate: "Nov 1959" } }) { totalCount } }',
      'INVALID_ARGUMENT',
      /not a date of the form/,
    ],
    [
      'reversed date range',
      '{ meetings(filter: { dateOverlaps: { startDate: "1960", endDate: "1959" } }) { totalCount } }',
      'INVALID_ARGUMENT',
      /the range ends \(1959-12-31\) before it starts \(1960-01-01\)/,
    ],
    [
      'nested first above 100',
      '{ person(id: "person/deng-xiaoping") { attended(first: 500) { totalCount } } }',
      'INVALID_ARGUMENT',
      /"first"/,
    ],
  ])('%s: a clear error with a code and no database call', async ([_name, query, code, message], { api }) => {
    const { e, statements } = await failure(api, query);
    expect(e?.extensions?.code).toBe(code);
    expect(e?.message).toMatch(message);
    // nested argument errors are raised after the parent loads, root ones before any call
    if (!query.includes('attended')) expect(statements).toBe(0);
  });

  it('unknown id: NOT_FOUND', async ({ api }) => {
    const { e } = await failure(api, '{ person(id: "person/no-such-person") { id } }');
    expect(e).toMatchObject({
      message: 'No entity has the id "person/no-such-person".',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('a date for positionsAt is checked before positions are read', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(/* GraphQL */ `
      { person(id: "person/deng-xiaoping") { positionsAt(date: "1959-13") { title } } }
    `);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'date' });
  });

  it('a GraphQL syntax or validation error is reported by yoga with a 400-range status', async ({ api }) => {
    const r = await api.gql('{ person(id: 5 { id } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/Syntax Error/);
  });
});
