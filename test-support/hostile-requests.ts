// Hostile and malformed HTTP requests for the fuzz test (npm test, 2,000 of them) and the fuzz
// benchmark (npm run fuzz, 10,000 by default): seeded fast-check arbitraries, so a failing request can
// be replayed from its seed and index. Every request goes to the API's own address (an app.fetch or
// 127.0.0.1); nothing here opens a connection by itself.
import fc from 'fast-check';

export interface HostileRequest {
  /** What kind of request this is, for the report. */
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  /** Path and query string, e.g. `/graphql?query=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A body of about this many megabytes, built only when sent (see bodyOf). */
  hugeMb?: number;
}

/** The body to send; a huge one is built here, at send time, so a sample of thousands stays small. */
export function bodyOf(r: HostileRequest): string | undefined {
  return r.hugeMb ? JSON.stringify({ query: `{ ${'a '.repeat(r.hugeMb * 600_000)}}` }) : r.body;
}

const FIELDS = [
  'person',
  'people',
  'meeting',
  'meetings',
  'document',
  'institution',
  'node',
  'nodes',
  'search',
  'shortestPath',
  'neighborhood',
  'timeline',
  'attended',
  'attendees',
  'positions',
  'metWith',
  'evidence',
  'name',
  'id',
  '__typename',
  '__schema',
  '__type',
  'types',
  'fields',
  'ofType',
  'edges',
  'node',
  'totalCount',
];

const word = fc.constantFrom(...FIELDS);
const weirdString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'person/deng-xiaoping',
    'person/',
    'PERSON/X',
    '../../etc/passwd',
    "' OR 1=1 --",
    '\u0000',
    '𝔘𝔫𝔦',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const argValue = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom('-1', '0', '101', '2147483648', '99999999999999999999', '1.5', 'null', 'true', '[]', '{}'),
  weirdString.map((s) => JSON.stringify(s)),
  fc.constantFrom('$v', '$undefined', 'ENUM_VALUE'),
);
const args = fc
  .array(
    fc.tuple(
      fc.constantFrom('id', 'first', 'after', 'text', 'date', 'depth', 'limit', 'from', 'to', 'x'),
      argValue,
    ),
    {
      maxLength: 3,
    },
  )
  .map((list) => (list.length ? `(${list.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''));

/** A selection set of random real and unknown fields, nested a few levels, with aliases and fragments. */
const selection: fc.Arbitrary<string> = fc.letrec((tie) => ({
  set: fc
    .array(tie('item'), { minLength: 1, maxLength: 4 })
    .map((items) => `{ ${(items as string[]).join(' ')} }`),
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.option(fc.constantFrom('a', 'b', 'x1'), { nil: undefined }), word, args)
      .map(([alias, name, a]) => `${alias ? `${alias}: ` : ''}${name}${a}`),
    fc.tuple(word, args, tie('set')).map(([name, a, set]) => `${name}${a} ${set}`),
    tie('set').map((set) => `... on Person ${set}`),
    fc.constant('...F'),
    fc.constant('name @include(if: true) @skip(if: false)'),
  ),
})).set as fc.Arbitrary<string>;

const documents = fc.oneof(
  selection,
  selection.map((s) => `query Q($v: ID) ${s} fragment F on Person { id name }`),
  selection.map((s) => `mutation ${s}`),
  // nesting far past any limit: selections, lists, inline fragments
  fc.integer({ min: 100, max: 4000 }).map((n) => `{${'a{'.repeat(n)}b${'}'.repeat(n)}}`),
  fc.integer({ min: 100, max: 4000 }).map((n) => `{ a(x: ${'['.repeat(n)}1${']'.repeat(n)}) }`),
  fc
    .integer({ min: 100, max: 3000 })
    .map((n) => `{${'... on Query {'.repeat(n)} __typename ${'}'.repeat(n)}}`),
  // many aliases, of data and of introspection
  fc
    .integer({ min: 50, max: 2000 })
    .map(
      (n) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: people(first: 100) { totalCount }`).join(' ')} }`,
    ),
  fc
    .integer({ min: 5, max: 400 })
    .map(
      (n) =>
        `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(' ')} }`,
    ),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '}', '{ person(id: "person/deng-xiaoping") { name } }', 'query { __typename }'),
);

const variables = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom('v', 'id', 'first'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const json = (x: unknown) => JSON.stringify(x);
const CSRF = { 'x-graphql-yoga-csrf': '1' };

export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  fc.record({ query: documents, variables }).map(({ query, variables: v }) => ({
    kind: 'post-json',
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: json({ query, variables: v }),
  })),
  fc
    .record({ query: documents, variables: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('{bad')) })
    .map(({ query, variables: v }) => ({
      kind: 'get',
      method: 'GET' as const,
      path: `/graphql?query=${encodeURIComponent(query.slice(0, 6000))}&variables=${encodeURIComponent(v)}`,
      headers: CSRF,
    })),
  fc.record({ query: documents, variables: fc.string({ maxLength: 30 }) }).map(({ query, variables: v }) => ({
    kind: 'post-form',
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...CSRF },
    body: `query=${encodeURIComponent(query)}&variables=${encodeURIComponent(v)}`,
  })),
  fc
    .oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('{"query":', 'null', '[]', '"x"', '{"query": 1}', '[{"query":"{__typename}"}]'),
    )
    .map((body) => ({
      kind: 'post-malformed',
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body,
    })),
  fc
    .record({
      type: fc.constantFrom(
        'text/plain',
        'application/graphql',
        'multipart/form-data; boundary=x',
        'application/xml',
        'garbage',
      ),
      body: fc.string({ maxLength: 200 }),
    })
    .map(({ type, body }) => ({
      kind: 'post-other-type',
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': type },
      body,
    })),
  fc.constantFrom('PUT', 'DELETE', 'OPTIONS').map((method) => ({
    kind: 'other-method',
    method: method as HostileRequest['method'],
    path: '/graphql',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  })),
  fc.integer({ min: 1, max: 3 }).map((mb) => ({
    kind: 'post-huge',
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    hugeMb: mb,
  })),
);

/** The first `count` hostile requests of a seed: the same list every time. */
export function hostileRequests(count: number, seed: number): HostileRequest[] {
  return fc.sample(hostileRequest, { numRuns: count, seed });
}

export interface Verdict {
  ok: boolean;
  problem?: string;
}

/** Text that must never reach a client: stacks, parser, driver and JSON-parser internals. */
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /node_modules/,
  /originalError/,
  /SyntaxError/,
  /Unexpected token/,
  /Neo4jError|Neo\.ClientError|neo4j-driver/,
  /Maximum call stack/,
  /stacktrace/,
];

/** Judges one answer: no 5xx (503 only when the database is down), a code on every error, no leaks. */
export function judge(status: number, body: string, databaseUp = true): Verdict {
  if (status >= 500 && !(status === 503 && !databaseUp)) return { ok: false, problem: `HTTP ${status}` };
  for (const leak of LEAKS) if (leak.test(body)) return { ok: false, problem: `leaks ${leak}` };
  if (body.startsWith('{')) {
    let parsed: { errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false, problem: 'a JSON answer that does not parse' };
    }
    const uncoded = (parsed.errors ?? []).filter((e) => !e.extensions?.code);
    if (uncoded.length) return { ok: false, problem: 'an error without extensions.code' };
  }
  return { ok: true };
}

/** What a run of hostile requests came to: how many of each status, and every problem found. */
export interface Tally {
  statuses: Map<number, number>;
  problems: string[];
}

export const newTally = (): Tally => ({ statuses: new Map(), problems: [] });

/** Sends request `i` to `base` with `send` (fetch or app.fetch) and judges the answer into `tally`. */
export async function sendAndJudge(
  send: (url: string, init: RequestInit) => Promise<Response>,
  base: string,
  r: HostileRequest,
  i: number,
  tally: Tally,
): Promise<void> {
  let status = 0;
  try {
    const res = await send(`${base}${r.path}`, { method: r.method, headers: r.headers, body: bodyOf(r) });
    const text = await res.text();
    status = res.status;
    const verdict = judge(res.status, text);
    if (!verdict.ok) tally.problems.push(`#${i} ${r.kind}: ${verdict.problem}: ${text.slice(0, 200)}`);
  } catch (err) {
    tally.problems.push(`#${i} ${r.kind}: no answer (${(err as Error).message})`);
  }
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
}
