// Hostile input gets a 4xx with a code and nothing leaks: the memory-crash and alias-bomb cases of
// the reliability issue as regression tests, the safe defaults, and a seeded fuzz of 2,000 requests
// (test-support/hostile-requests.ts) through the app against the real Neo4j.
import { connect as connectSocket } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { inject } from 'vitest';
import { type AppOptions, appOptions, createApp } from '../src/app.ts';
import { connect } from '../src/db/driver.ts';
import { MAX_DOCUMENT_CACHE_BYTES } from '../src/limits.ts';
import { listen } from '../src/server.ts';
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

describe('the body limit over HTTP', () => {
  /** Sends raw bytes to the listening app and reads the status line and the body. */
  async function raw(port: number, request: string): Promise<{ status: number; body: string }> {
    const socket = connectSocket(port, '127.0.0.1');
    socket.end(request);
    let text = '';
    socket.setEncoding('utf8');
    for await (const chunk of socket) text += chunk;
    const [head = '', ...rest] = text.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') };
  }

  it('refuses a declared length over the limit, a chunked body past it, and a Content-Length that is not one number', async () => {
    // its own connection: closing the server closes its driver
    const db = await connect(inject('neo4j'));
    const running = await listen(
      createApp(db, { ...appOptions(), maxBodyBytes: 2_000, log: () => undefined }),
      db,
      0,
      '127.0.0.1',
    );
    try {
      const address = running.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const url = `http://127.0.0.1:${port}/graphql`;
      const small = JSON.stringify({ query: '{ __typename }' });
      const big = JSON.stringify({ query: `{ __typename ${' '.repeat(3_000)}}` });
      const json = { 'content-type': 'application/json' };
      // within the limit, with its length declared: answered
      expect((await fetch(url, { method: 'POST', headers: json, body: small })).status).toBe(200);
      // over it, declared: refused from the header
      const declared = await fetch(url, { method: 'POST', headers: json, body: big });
      expect(declared.status).toBe(413);
      expect((await declared.json()).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
      // chunked, no length: counted as it is read, refused past the limit; a small one answered
      const chunked = (body: string) =>
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      const counted = await raw(port, chunked(big));
      expect(counted.status).toBe(413);
      expect(counted.body).toContain('REQUEST_ENTITY_TOO_LARGE');
      expect((await raw(port, chunked(small))).status).toBe(200);
      // a Content-Length Node's parser lets through but that is not one number: refused
      const odd = await raw(
        port,
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: +${small.length}\r\nConnection: close\r\n\r\n${small}`,
      );
      expect(odd.status).toBe(400);
    } finally {
      await running.close();
    }
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
