// Hostile input gets a 4xx with a code and nothing leaks: the memory-crash and alias-bomb cases of
// the reliability issue as regression tests, the safe defaults, and a seeded fuzz of 2,000 requests
// (test-support/hostile-requests.ts) through the app against the real Neo4j.
import { getIntrospectionQuery } from 'graphql';
import { type AppOptions, appOptions, createApp } from '../src/app.ts';
import { MAX_DOCUMENT_CACHE_BYTES } from '../src/limits.ts';
import { hostileRequests, newTally, sendAndJudge } from '../test-support/hostile-requests.ts';
import { describe, expect, it } from './fixtures.ts';

const post = (query: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query }),
});

describe('bounded work and memory', () => {
  it('refuses 36 different 1.45 MB documents of 100,000 aliases without growing the document cache', async ({
    api,
  }) => {
    for (let i = 0; i < 36; i++) {
      const query = `{ ${Array.from({ length: 100_000 }, (_, j) => `a${i}_${j}: __typename`).join(' ')} }`;
      expect(query.length).toBeGreaterThan(1_400_000);
      const res = await api.app.fetch('http://test/graphql', post(query));
      const body = await res.json();
      expect([400, 413]).toContain(res.status);
      expect(body.errors[0].extensions.code).toMatch(/QUERY_TOO_LARGE|REQUEST_ENTITY_TOO_LARGE/);
    }
    // nothing refused was kept
    expect(api.app.documentCache().bytes).toBeLessThanOrEqual(MAX_DOCUMENT_CACHE_BYTES);
    expect(api.app.documentCache().entries).toBeLessThan(50);
  });

  it('counts introspection against the limits: an alias bomb of __schema is refused before it runs', async ({
    api,
  }) => {
    const bomb = `{ ${Array.from({ length: 400 }, (_, i) => `s${i}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(' ')} }`;
    const started = Date.now();
    const res = await api.app.fetch('http://test/graphql', post(bomb));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("still answers GraphiQL's own introspection query", async ({ api }) => {
    const r = await api.gql(getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses 999 aliases of people(first: 100) { totalCount } before any Cypher', async ({ api }) => {
    const query = `{ ${Array.from({ length: 999 }, (_, i) => `p${i}: people(first: 100) { totalCount }`).join(' ')} }`;
    let res: Response | undefined;
    const statements = await api.statementsDuring(async () => {
      res = await api.app.fetch('http://test/graphql', post(query));
    });
    expect(res?.status).toBe(400);
    expect(statements).toBe(0);
  });

  it('holds an operation to a cost budget, counted from page sizes, before any Cypher', async ({ api }) => {
    const page = (n: number) => `people(first: ${n}) { totalCount edges { node { name } } }`;
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `p${i}: ${page(100)}`).join(' ')} }`;
    let body: { errors: { extensions: { code: string; cost: number; limit: number } }[] } | undefined;
    const statements = await api.statementsDuring(async () => {
      body = await (await api.app.fetch('http://test/graphql', post(query))).json();
    });
    expect(body?.errors[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 20_000 });
    expect(body?.errors[0]?.extensions.cost).toBeGreaterThan(20_000);
    expect(statements).toBe(0);
    // the same fields with small pages fit the budget
    const small = await api.gql(
      `{ ${Array.from({ length: 100 }, (_, i) => `p${i}: ${page(5)}`).join(' ')} }`,
    );
    expect(small.errors).toBeUndefined();
  });

  it('refuses a body over the limit with 413 and a document nested past the parser with 400', async ({
    api,
  }) => {
    const huge = await api.app.fetch('http://test/graphql', post(`{ ${'a '.repeat(700_000)}}`));
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const deep = await api.app.fetch(
      'http://test/graphql',
      post(`{${'a{'.repeat(3000)}b${'}'.repeat(3000)}}`),
    );
    expect(deep.status).toBe(400);
    expect((await deep.json()).errors[0].extensions.code).toMatch(/QUERY_TOO_(DEEP|LARGE)/);
  });
});

describe('requests that cannot be read', () => {
  it('answers malformed variables in a GET or a form post with a coded 400, not a 500', async ({ api }) => {
    const get = await api.app.fetch('http://test/graphql?query=%7B__typename%7D&variables=%7Bbad', {
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(get.status).toBe(400);
    const form = await api.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-yoga-csrf': '1' },
      body: 'query=%7B__typename%7D&variables=%7Bbad',
    });
    expect(form.status).toBe(400);
    for (const res of [get, form]) {
      const text = await res.text();
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(text).not.toMatch(/SyntaxError|Unexpected token|position \d/);
    }
  });

  it('carries a request id on every answer, and keeps one sent by the client', async ({ api }) => {
    const mine = await api.app.fetch(
      'http://test/graphql',
      post('{ __typename }', { 'x-request-id': 'abc-123' }),
    );
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const made = await api.app.fetch('http://test/graphql', post('{ nope }'));
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('safe defaults', () => {
  const build = (db: Parameters<typeof createApp>[0], o: Partial<AppOptions>) =>
    createApp(db, { ...appOptions(), ...o, log: () => undefined });

  it('sends no CORS headers unless origins are allowed, and never allows credentials', async ({ api }) => {
    const preflight = {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    };
    const closed = await api.app.fetch('http://test/graphql', preflight);
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = build(api.db, { corsOrigins: ['https://archive.example.org'] });
    const allowed = await open.fetch('http://test/graphql', {
      ...preflight,
      headers: { ...preflight.headers, origin: 'https://archive.example.org' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://archive.example.org');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await open.fetch('http://test/graphql', preflight);
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    await open.dispose();
  });

  it('requires a CSRF header on GET and form requests, not on JSON posts', async ({ api }) => {
    const bare = await api.app.fetch('http://test/graphql?query=%7B__typename%7D');
    expect(bare.status).toBe(403);
    expect((await bare.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    const withHeader = await api.app.fetch('http://test/graphql?query=%7B__typename%7D', {
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(withHeader.status).toBe(200);
  });

  it('switches off introspection, GraphiQL and suggestions for production', async ({ api }) => {
    const prod = build(api.db, { introspection: false, graphiql: false, fieldSuggestions: false });
    const intro = await (
      await prod.fetch('http://test/graphql', post('{ __schema { types { name } } }'))
    ).json();
    expect(intro.errors[0].message).toMatch(/introspection/i);
    const typo = await (await prod.fetch('http://test/graphql', post('{ peple { totalCount } }'))).text();
    expect(typo).not.toMatch(/Did you mean/);
    const page = await prod.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    await prod.dispose();
  });

  it('sets security headers, and a content security policy on HTML pages', async ({ api }) => {
    const page = await api.app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const json = await api.app.fetch('http://test/graphql', post('{ __typename }'));
    expect(json.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('fuzz', () => {
  it('answers 2,000 seeded hostile requests without a 5xx, an uncoded error or a leak', async ({ api }) => {
    const requests = hostileRequests(2000, 1959);
    const tally = newTally();
    for (const [i, r] of requests.entries()) {
      await sendAndJudge(async (url, init) => api.app.fetch(url, init), 'http://test', r, i, tally);
    }
    const { statuses, problems } = tally;
    console.log(
      `[fuzz] 2000 requests (seed 1959), statuses: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect(api.app.documentCache().bytes).toBeLessThanOrEqual(MAX_DOCUMENT_CACHE_BYTES);
  });
});
