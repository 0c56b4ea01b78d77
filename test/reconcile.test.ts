// The reconciliation service (src/reconcile/) through app.fetch against the seeded graph: the
// manifest and the answers in the shapes of the W3C Reconciliation Service API v0.2, a small CSV of
// names sent the way OpenRefine sends it (a form POST of `queries`), type and property constraints,
// preview, suggest, data extension, refusals of bad and oversized batches, CORS, and the latency of
// a batch of ten names. The matcher itself is unit-tested in test/unit/match.test.ts.

import { RECONCILE_MAX_QUERIES } from '../src/limits.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

const DENG = 'person/deng-xiaoping';
const KHRUSHCHEV = 'person/nikita-khrushchev';
const CHERVONENKO = 'person/stepan-chervonenko';
const EMBASSY = 'institution/ussr-embassy-prc';

interface Candidate {
  id: string;
  name: string;
  description?: string;
  type: { id: string; name: string }[];
  score: number;
  match: boolean;
  features: { id: string; value: number | boolean }[];
}
type Results = Record<string, { result: Candidate[] }>;

/** A request to the service through the app (no port). */
async function call(api: Api, path: string, init?: RequestInit) {
  const url = `http://test${path}`;
  const res = await (init ? api.app.fetch(url, init) : api.app.fetch(url));
  const type = res.headers.get('content-type') ?? '';
  const body = type.startsWith('application/json') ? await res.json() : await res.text();
  return { res, status: res.status, body: body as any };
}

/** A batch as OpenRefine posts it: form-encoded, the JSON in the field `queries`. */
const post = (api: Api, field: 'queries' | 'extend', value: unknown) =>
  call(api, '/reconcile', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `${field}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`,
  });

async function reconcile(api: Api, batch: Record<string, unknown>): Promise<Results> {
  const r = await post(api, 'queries', batch);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Results;
}

const feature = (c: Candidate | undefined, id: string) => c?.features.find((f) => f.id === id)?.value;

/** The shape of a reconciliation result batch (the spec's JSON schema, checked by hand). */
function expectResultBatch(body: Results, keys: string[]) {
  expect(Object.keys(body).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    const result = body[key]?.result;
    expect(Array.isArray(result)).toBe(true);
    for (const c of result ?? []) {
      expect(typeof c.id).toBe('string');
      expect(typeof c.name).toBe('string');
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(100);
      expect(typeof c.match).toBe('boolean');
      for (const t of c.type) expect(typeof t.id).toBe('string');
      for (const f of c.features) {
        expect(typeof f.id).toBe('string');
        expect(['number', 'boolean']).toContain(typeof f.value);
      }
      expect(new Set(c.features.map((f) => f.id)).size).toBe(c.features.length);
    }
    // best first, and only the first may be a match
    const scores = (result ?? []).map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((result ?? []).slice(1).some((c) => c.match)).toBe(false);
  }
}

describe('the manifest', () => {
  it('announces version 0.2, the spaces, the view, the types and every service', async ({ api }) => {
    const { status, body, res } = await call(api, '/reconcile');
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    // required by the manifest schema
    expect(body.versions).toContain('0.2');
    expect(body.name).toMatch(/\S/);
    const base = String(body.identifierSpace).replace(/\/id\/$/, '');
    expect(base).toMatch(/^https?:\/\/[^/]+/);
    expect(body.identifierSpace).toBe(`${base}/id/`);
    expect(body.schemaSpace).toBe(`${base}/ns#`);
    // optional parts, each in the schema's shape
    expect(body.view).toEqual({ url: `${base}/id/{{id}}` });
    expect(body.defaultTypes).toEqual(
      ['Person', 'Institution', 'Meeting', 'Document', 'Event', 'Place'].map((t) => ({ id: t, name: t })),
    );
    expect(body.preview.url).toBe(`${base}/reconcile/preview?id={{id}}`);
    expect(Number.isInteger(body.preview.width) && Number.isInteger(body.preview.height)).toBe(true);
    for (const kind of ['entity', 'type', 'property']) {
      expect(body.suggest[kind]).toEqual({ service_url: base, service_path: `/reconcile/suggest/${kind}` });
    }
    expect(body.extend.propose_properties).toEqual({
      service_url: base,
      service_path: '/reconcile/properties',
    });
    for (const s of body.extend.property_settings) {
      expect(['number', 'text', 'checkbox', 'select']).toContain(s.type);
      expect(typeof s.label).toBe('string');
      expect(typeof s.name).toBe('string');
    }
    expect(body.batchSize).toBe(RECONCILE_MAX_QUERIES);
  });

  it('is what GET answers without parameters, also with a trailing slash', async ({ api }) => {
    const a = await call(api, '/reconcile');
    const b = await call(api, '/reconcile/');
    expect(b.body).toEqual(a.body);
  });
});

// A small spreadsheet as a historian has it: spellings of the time, syllables written apart, a
// typo, and names the graph does not hold.
const CSV = `name,type,expected,match
Deng Xiaoping,Person,${DENG},true
Teng Hsiao p ing,Person,${DENG},true
Deng Xiao Ping,Person,${DENG},true
"Teng Hsiao-p'ing",Person,${DENG},true
Dèng Xiǎopíng,Person,${DENG},true
Khruschev,Person,${KHRUSHCHEV},true
"Chervonenko, S. V.",Person,${CHERVONENKO},true
Yu Zhan,Person,person/yu-zhan,true
USSR Embassy in the PRC,Institution,${EMBASSY},true
Soviet embassy,Institution,${EMBASSY},false
Deng Yingchao,Person,,false
Leonid Brezhnev,Person,,false
`;

/** The rows of a CSV (quoted fields allowed, no quotes inside them). */
function rows(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trim().split('\n');
  const cells = (line: string) =>
    [...line.matchAll(/(?:"([^"]*)"|([^,]*))(?:,|$)/g)].map((m) => m[1] ?? m[2] ?? '');
  const names = cells(head ?? '');
  return lines.map((line) => {
    const values = cells(line);
    return Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
  });
}

describe('reconciling a spreadsheet the way OpenRefine does', () => {
  const table = rows(CSV);

  it('finds each name, and says match only when one candidate is clearly ahead', async ({ api }) => {
    // OpenRefine: {"q0": {"query": …, "type": …, "type_strict": "should"}, …} as form field `queries`
    const batch = Object.fromEntries(
      table.map((row, i) => [`q${i}`, { query: row.name, type: row.type, type_strict: 'should' }]),
    );
    const body = await reconcile(api, batch);
    expectResultBatch(
      body,
      table.map((_, i) => `q${i}`),
    );
    table.forEach((row, i) => {
      const result = body[`q${i}`]?.result ?? [];
      const [first, second] = result;
      const what = `${row.name}: ${JSON.stringify(result.slice(0, 2))}`;
      if (row.expected) {
        expect(first?.id, what).toBe(row.expected);
        expect(first?.type, what).toEqual([{ id: row.type, name: row.type }]);
      }
      expect(first?.match ?? false, what).toBe(row.match === 'true');
      if (first?.match) {
        // the rule: 90 or more, and 20 points or more ahead of the next
        expect(first.score, what).toBeGreaterThanOrEqual(90);
        expect(first.score - (second?.score ?? 0), what).toBeGreaterThanOrEqual(20);
      }
      // candidates keep to the type asked for
      for (const c of result) expect(c.type[0]?.id, what).toBe(row.type);
      if (!row.expected) {
        // a name the graph does not hold: no match and only low scores
        for (const c of result) expect(c.score, what).toBeLessThan(50);
      }
    });
  });

  it('reports the features behind each score', async ({ api }) => {
    const body = await reconcile(api, {
      q0: { query: 'Deng Xiaoping', type: 'Person' },
      q1: { query: 'Deng Xiaopng', type: 'Person' },
      q2: { query: 'Deng Xiao Ping' },
    });
    const exact = body.q0?.result[0];
    expect(exact).toMatchObject({ id: DENG, name: 'Deng Xiaoping', score: 100, match: true });
    expect(exact?.features).toEqual([
      { id: 'name_similarity', value: 100 },
      { id: 'name_exact', value: true },
      { id: 'type_match', value: true },
    ]);
    // a typo costs 5 points and is no longer exact
    expect(body.q1?.result[0]).toMatchObject({ id: DENG, score: 95, match: true });
    expect(feature(body.q1?.result[0], 'name_exact')).toBe(false);
    // without a type: every kind of entity, the person far ahead of the meeting and memorandum
    const all = body.q2?.result ?? [];
    expect(all[0]).toMatchObject({ id: DENG, match: true });
    expect(all.map((c) => c.id)).toContain('meeting/chervonenko-deng-1959-11-06');
    expect(feature(all[0], 'type_match')).toBeUndefined();
  });

  it('answers the same batch by GET with ?queries=', async ({ api }) => {
    const batch = { q0: { query: 'Teng Hsiao p ing' } };
    const got = await call(api, `/reconcile?queries=${encodeURIComponent(JSON.stringify(batch))}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(await reconcile(api, batch));
  });

  it('takes an id or a URI as the query, and bounds the candidates by limit', async ({ api }) => {
    const manifest = (await call(api, '/reconcile')).body;
    const body = await reconcile(api, {
      q0: { query: DENG },
      q1: { query: `${manifest.identifierSpace}${KHRUSHCHEV}` },
      q2: { query: 'Chervonenko', limit: 1 },
      q3: { query: DENG, type: 'Institution' },
    });
    expect(body.q0?.result).toMatchObject([{ id: DENG, score: 100, match: true }]);
    expect(body.q1?.result).toMatchObject([{ id: KHRUSHCHEV, match: true }]);
    expect(body.q2?.result).toHaveLength(1);
    // an id of another type than asked: shown, not matched
    expect(body.q3?.result).toMatchObject([{ id: DENG, match: false }]);
    expect(feature(body.q3?.result[0], 'type_match')).toBe(false);
  });

  it('answers a batch of ten in at most three statements', async ({ api }) => {
    const batch = Object.fromEntries(
      table.slice(0, 10).map((row, i) => [`q${i}`, { query: row.name, type: row.type }]),
    );
    const statements = await api.statementsDuring(() => reconcile(api, batch));
    expect(statements).toBeLessThanOrEqual(1);
    const withProperties = Object.fromEntries(
      table
        .slice(0, 10)
        .map((row, i) => [`q${i}`, { query: row.name, properties: [{ pid: 'dateActive', v: '1959' }] }]),
    );
    expect(await api.statementsDuring(() => reconcile(api, withProperties))).toBeLessThanOrEqual(2);
  });
});

describe('type constraints', () => {
  it('keeps to the types asked for, and finds every kind without one', async ({ api }) => {
    const body = await reconcile(api, {
      any: { query: 'Khrushchev' },
      person: { query: 'Khrushchev', type: 'Person' },
      event: { query: 'Khrushchev', type: 'Event' },
      either: { query: 'Khrushchev', type: ['Person', 'Event'], type_strict: 'any' },
      both: { query: 'Khrushchev', type: ['Person', 'Event'], type_strict: 'all' },
      uri: { query: 'Khrushchev', type: `${(await call(api, '/reconcile')).body.schemaSpace}Event` },
    });
    const ids = (key: string) => (body[key]?.result ?? []).map((c) => c.id);
    expect(ids('any')).toEqual(expect.arrayContaining([KHRUSHCHEV, 'event/khrushchev-visit-to-usa']));
    expect(body.any?.result[0]).toMatchObject({ id: KHRUSHCHEV, match: true });
    expect(ids('person')).toEqual([KHRUSHCHEV]);
    expect(ids('event')).toEqual(['event/khrushchev-visit-to-usa']);
    expect(body.event?.result[0]?.match).toBe(false);
    expect(ids('either').sort()).toEqual([KHRUSHCHEV, 'event/khrushchev-visit-to-usa'].sort());
    // an entity has one type: all of two types is nobody
    expect(ids('both')).toEqual([]);
    expect(ids('uri')).toEqual(['event/khrushchev-visit-to-usa']);
  });
});

describe('property constraints', () => {
  it('lets a post held tell two namesakes apart (an id, a reconciled value, a name)', async ({ api }) => {
    const body = await reconcile(api, {
      none: { query: 'Yu', type: 'Person' },
      id: {
        query: 'Yu',
        type: 'Person',
        properties: [{ pid: 'heldPositionAt', v: 'institution/prc-fm-protocol-division' }],
      },
      reconciled: {
        query: 'Yu',
        type: 'Person',
        properties: [
          { pid: 'heldPositionAt', v: { id: 'institution/prc-fm-ussr-eastern-europe-division', name: 'x' } },
        ],
      },
      name: { query: 'Yu', type: 'Person', properties: [{ pid: 'heldPositionAt', v: 'Protocol division' }] },
    });
    const ids = (key: string) => (body[key]?.result ?? []).map((c) => c.id);
    expect(ids('none').sort()).toEqual(['person/yu-peiwen', 'person/yu-zhan']);
    // a surname alone is never a match, whatever the properties
    expect(body.none?.result[0]?.match).toBe(false);
    expect(ids('id')[0]).toBe('person/yu-peiwen');
    expect(feature(body.id?.result[0], 'property_heldPositionAt')).toBe(true);
    expect(feature(body.id?.result[1], 'property_heldPositionAt')).toBe(false);
    expect(ids('reconciled')[0]).toBe('person/yu-zhan');
    expect(ids('name')[0]).toBe('person/yu-peiwen');
  });

  it('counts a post at a part of an institution as a post at the whole, and matches titles', async ({
    api,
  }) => {
    const body = await reconcile(api, {
      whole: { query: 'Vereshchagin', properties: [{ pid: 'heldPositionAt', v: 'USSR' }] },
      title: { query: 'Chervonenko', properties: [{ pid: 'positions', v: 'Ambassador' }] },
      wrongTitle: { query: 'Chervonenko', properties: [{ pid: 'positions', v: 'Third secretary' }] },
      represented: { query: 'Kulik', properties: [{ pid: 'represented', v: 'Soviet embassy' }] },
      attended: {
        query: 'Kulik',
        properties: [{ pid: 'attended', v: 'meeting/chervonenko-deng-1959-11-06' }],
      },
      event: { query: 'Deng Xiaoping', properties: [{ pid: 'participatedIn', v: 'October Revolution' }] },
      partOf: {
        query: 'Protocol division',
        type: 'Institution',
        properties: [{ pid: 'partOf', v: 'Chinese Foreign Ministry' }],
      },
    });
    expect(body.whole?.result[0]).toMatchObject({ id: 'person/b-n-vereshchagin', match: true });
    expect(feature(body.whole?.result[0], 'property_heldPositionAt')).toBe(true);
    expect(feature(body.title?.result[0], 'property_positions')).toBe(true);
    expect(body.title?.result[0]).toMatchObject({ id: CHERVONENKO, score: 100, match: true });
    // a constraint missed halves the score: no match
    expect(body.wrongTitle?.result[0]).toMatchObject({ id: CHERVONENKO, score: 50, match: false });
    expect(feature(body.represented?.result[0], 'property_represented')).toBe(true);
    expect(feature(body.attended?.result[0], 'property_attended')).toBe(true);
    expect(feature(body.event?.result[0], 'property_participatedIn')).toBe(true);
    expect(body.partOf?.result[0]).toMatchObject({ id: 'institution/prc-fm-protocol-division' });
    expect(feature(body.partOf?.result[0], 'property_partOf')).toBe(true);
  });

  it('checks the dates a person was active, and external ids', async ({ api }) => {
    const body = await reconcile(api, {
      day: { query: 'Chervonenko', properties: [{ pid: 'dateActive', v: '1959-11-06' }] },
      openRefineDate: {
        query: 'Chervonenko',
        properties: [{ pid: 'dateActive', v: '1959-12-08T00:00:00Z' }],
      },
      month: { query: 'Yu Zhan', properties: [{ pid: 'dateActive', v: '1959-11' }] },
      later: { query: 'Chervonenko', properties: [{ pid: 'dateActive', v: '1970' }] },
      meeting: {
        query: 'Conversation between Chervonenko and Deng',
        type: 'Meeting',
        properties: [{ pid: 'dateActive', v: 1959 }],
      },
      wikidata: {
        query: 'Soviet Union',
        properties: [{ pid: 'wikidata', v: 'http://www.wikidata.org/entity/Q15180' }],
      },
      external: {
        query: 'China',
        type: 'Institution',
        properties: [{ pid: 'externalIds', v: 'wikidata:Q148' }],
      },
      wrongId: { query: 'China', type: 'Institution', properties: [{ pid: 'wikidata', v: 'Q30' }] },
    });
    for (const key of ['day', 'openRefineDate', 'month', 'meeting']) {
      expect(feature(body[key]?.result[0], 'property_dateActive'), key).toBe(true);
    }
    expect(body.day?.result[0]).toMatchObject({ id: CHERVONENKO, match: true });
    expect(body.later?.result[0]).toMatchObject({ id: CHERVONENKO, match: false });
    expect(feature(body.later?.result[0], 'property_dateActive')).toBe(false);
    expect(body.wikidata?.result[0]).toMatchObject({ id: 'institution/ussr' });
    expect(feature(body.wikidata?.result[0], 'property_wikidata')).toBe(true);
    expect(body.external?.result[0]).toMatchObject({ id: 'institution/prc' });
    expect(feature(body.external?.result[0], 'property_externalIds')).toBe(true);
    expect(feature(body.wrongId?.result[0], 'property_wikidata')).toBe(false);
  });

  it('matches on properties alone when the query has no name', async ({ api }) => {
    const body = await reconcile(api, {
      post: { properties: [{ pid: 'heldPositionAt', v: { id: 'institution/ccp-cc', name: 'CCP CC' } }] },
      meeting: {
        type: 'Person',
        properties: [{ pid: 'attended', v: 'meeting/chervonenko-deng-1959-11-06' }],
      },
    });
    expect(body.post?.result).toMatchObject([{ id: DENG, score: 100, match: true }]);
    expect(feature(body.post?.result[0], 'name_similarity')).toBeUndefined();
    // six people attended: no single match
    expect(body.meeting?.result).toHaveLength(6);
    expect(body.meeting?.result.some((c) => c.match)).toBe(false);
  });
});

describe('preview', () => {
  it('shows the name, type, aliases and the best supporting passage, escaped', async ({ api }) => {
    const r = await call(api, `/reconcile/preview?id=${encodeURIComponent(DENG)}`);
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.res.headers.get('access-control-allow-origin')).toBe('*');
    const html = r.body as string;
    expect(html).toContain('<h1>');
    expect(html).toContain('Deng Xiaoping');
    expect(html).toContain('Person');
    // the alias's apostrophe is escaped
    expect(html).toContain('Teng Hsiao-p&#39;ing');
    expect(html).toContain('邓小平');
    // the passage that names him, stated, with its document
    expect(html).toContain('“with the General Secretary of the CCP CC, DENG XIAOPING”');
    expect(html).toContain(
      'Memorandum of Conversation with the General Secretary of the CCP CC, Deng Xiaoping',
    );
    expect(html).toContain('RGANI, f. 5, op. 49, d. 235, ll. 107-110');
  });

  it('escapes what the graph holds and takes the id as the manifest template gives it', async ({ api }) => {
    const r = await call(api, '/reconcile/preview?id=institution%2Fprc');
    expect(r.status).toBe(200);
    expect(r.body).toContain('People&#39;s Republic of China');
    expect(r.body).not.toContain("People's");
  });

  it('answers 404 for an unknown id and 400 for a malformed or missing one', async ({ api }) => {
    const unknown = await call(api, '/reconcile/preview?id=person/leonid-brezhnev');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.res.headers.get('access-control-allow-origin')).toBe('*');
    const malformed = await call(api, '/reconcile/preview?id=%3Cscript%3E');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe('INVALID_ID');
    // the id is echoed only inside JSON, never into a page
    expect(malformed.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await call(api, '/reconcile/preview')).status).toBe(400);
  });
});

describe('suggest', () => {
  it('completes entity names from a prefix, with their types', async ({ api }) => {
    const deng = await call(api, '/reconcile/suggest/entity?prefix=Deng%20X');
    expect(deng.status).toBe(200);
    expect(deng.body.result[0]).toMatchObject({
      id: DENG,
      name: 'Deng Xiaoping',
      notable: [{ id: 'Person', name: 'Person' }],
    });
    const khru = await call(api, '/reconcile/suggest/entity?prefix=Khru');
    expect(khru.body.result.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([KHRUSHCHEV, 'event/khrushchev-visit-to-usa']),
    );
    const events = await call(api, '/reconcile/suggest/entity?prefix=Khru&type=Event');
    expect(events.body.result.map((x: { id: string }) => x.id)).toEqual(['event/khrushchev-visit-to-usa']);
    const byId = await call(api, `/reconcile/suggest/entity?prefix=${encodeURIComponent(CHERVONENKO)}`);
    expect(byId.body.result).toMatchObject([{ id: CHERVONENKO }]);
    const paged = await call(api, '/reconcile/suggest/entity?prefix=Khru&cursor=1');
    expect(paged.body.result.map((x: { id: string }) => x.id)).toEqual(
      khru.body.result.slice(1).map((x: { id: string }) => x.id),
    );
    expect((await call(api, '/reconcile/suggest/entity?prefix=Brezhnev')).body).toEqual({ result: [] });
    expect((await call(api, '/reconcile/suggest/entity')).status).toBe(400);
  });

  it('completes types and properties, and proposes properties for a type', async ({ api }) => {
    expect((await call(api, '/reconcile/suggest/type?prefix=pe')).body.result).toMatchObject([
      { id: 'Person', name: 'Person' },
    ]);
    expect((await call(api, '/reconcile/suggest/type?prefix=')).body.result).toHaveLength(6);
    const held = await call(api, '/reconcile/suggest/property?prefix=held');
    expect(held.body.result[0]).toMatchObject({ id: 'heldPositionAt', name: 'Held a position at' });
    expect(typeof held.body.result[0].description).toBe('string');
    const proposed = await call(api, '/reconcile/properties?type=Person');
    expect(proposed.body.type).toBe('Person');
    expect(proposed.body.properties.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['aliases', 'positions', 'heldPositionAt', 'externalIds', 'uri']),
    );
    const institution = await call(api, '/reconcile/properties?type=Institution&limit=2');
    expect(institution.body.properties).toHaveLength(2);
    expect(institution.body.limit).toBe(2);
    expect((await call(api, '/reconcile/properties')).status).toBe(400);
  });
});

describe('data extension', () => {
  const query = {
    ids: [DENG, CHERVONENKO, 'institution/ussr', 'person/leonid-brezhnev'],
    properties: [
      { id: 'aliases', settings: { limit: 2 } },
      { id: 'positions' },
      { id: 'heldPositionAt' },
      { id: 'externalIds' },
      { id: 'wikidata' },
      { id: 'uri' },
    ],
  };

  it('returns aliases, posts (title @ institution), external ids and URIs', async ({ api }) => {
    const r = await post(api, 'extend', query);
    expect(r.status).toBe(200);
    const { meta, rows } = r.body;
    expect(meta).toEqual([
      { id: 'aliases', name: 'Aliases' },
      { id: 'positions', name: 'Positions' },
      { id: 'heldPositionAt', name: 'Held a position at', type: { id: 'Institution', name: 'Institution' } },
      { id: 'externalIds', name: 'External identifiers' },
      { id: 'wikidata', name: 'Wikidata item' },
      { id: 'uri', name: 'URI' },
    ]);
    const base = (await call(api, '/reconcile')).body.identifierSpace;
    expect(rows[DENG]).toEqual({
      aliases: [{ str: 'Xiaoping' }, { str: "Teng Hsiao-p'ing" }],
      positions: [{ str: 'General Secretary @ Central Committee of the Chinese Communist Party' }],
      heldPositionAt: [
        { id: 'institution/ccp-cc', name: 'Central Committee of the Chinese Communist Party' },
      ],
      externalIds: [],
      wikidata: [],
      uri: [{ str: `${base}${DENG}` }],
    });
    // two attestations of one post: one value
    expect(rows[CHERVONENKO].positions).toEqual([
      { str: 'Ambassador of the USSR in the PRC @ Embassy of the USSR in the PRC' },
    ]);
    expect(rows['institution/ussr']).toMatchObject({
      positions: [],
      externalIds: [{ str: 'wikidata:Q15180' }],
      wikidata: [{ str: 'Q15180' }],
    });
    // an id the graph does not hold: a row without values
    expect(rows['person/leonid-brezhnev']).toEqual({
      aliases: [],
      positions: [],
      heldPositionAt: [],
      externalIds: [],
      wikidata: [],
      uri: [],
    });
  });

  it('answers GET ?extend= alike, and refuses unknown properties', async ({ api }) => {
    const got = await call(api, `/reconcile?extend=${encodeURIComponent(JSON.stringify(query))}`);
    expect(got.body).toEqual((await post(api, 'extend', query)).body);
    const bad = await post(api, 'extend', { ids: [DENG], properties: [{ id: 'birthDate' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/"birthDate" is not a property/);
  });
});

describe('bad input', () => {
  const refusals: [string, string, RegExp][] = [
    ['not JSON', '{"q0": {"query": "Deng"', /"queries" field is not valid JSON/],
    ['a list, not an object', '[{"query": "Deng"}]', /must be a JSON object of queries by key/],
    ['a query that is a string', '{"q0": "Deng"}', /q0: a query is an object/],
    ['an unknown field', '{"q0": {"query": "Deng", "limt": 3}}', /q0: unknown field "limt"/],
    ['an empty query', '{"q0": {"query": "  "}}', /q0\.query: must be a non-empty string/],
    ['neither query nor properties', '{"q0": {"type": "Person"}}', /q0: give a "query", or "properties"/],
    ['a limit of 0', '{"q0": {"query": "Deng", "limit": 0}}', /q0\.limit: must be a positive integer/],
    ['an unknown type', '{"q0": {"query": "Deng", "type": "Spy"}}', /q0\.type: unknown type "Spy"/],
    ['a bad type_strict', '{"q0": {"query": "Deng", "type_strict": "must"}}', /q0\.type_strict/],
    [
      'an unknown property',
      '{"q0": {"query": "Deng", "properties": [{"pid": "P27", "v": "China"}]}}',
      /q0\.properties\[0\]\.pid: "P27" is not a property/,
    ],
    [
      'a property without a value',
      '{"q0": {"query": "Deng", "properties": [{"pid": "attended"}]}}',
      /q0\.properties\[0\]: must be \{"pid"/,
    ],
    [
      'a date that is not one',
      '{"q0": {"query": "Deng", "properties": [{"pid": "dateActive", "v": "November 1959"}]}}',
      /is not a date/,
    ],
  ];
  it.for(refusals)('refuses %s with 400 and the reason', async ([_what, queries, reason], { api }) => {
    const r = await post(api, 'queries', queries);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(r.body.errors[0].message).toMatch(reason);
    expect(r.res.headers.get('access-control-allow-origin')).toBe('*');
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('refuses a POST without a batch, or in another encoding', async ({ api }) => {
    const empty = await call(api, '/reconcile', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=Deng',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].message).toMatch(/form field "queries"/);
    const asJson = await call(api, '/reconcile', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queries: { q0: { query: 'Deng' } } }),
    });
    expect(asJson.status).toBe(400);
    expect(asJson.body.errors[0].message).toMatch(/application\/x-www-form-urlencoded/);
    const both = await call(api, '/reconcile?queries={}&extend={}');
    expect(both.status).toBe(400);
    expect((await call(api, '/reconcile', { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await call(api, '/reconcile/nothing')).status).toBe(404);
  });

  it('answers an empty batch with an empty answer', async ({ api }) => {
    expect(await reconcile(api, {})).toEqual({});
  });

  it('bounds batches: 20 queries, 200 characters and 16 words a query, 1 MiB a body', async ({ api }) => {
    const many = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, { query: 'Deng' }]));
    expect(Object.keys(await reconcile(api, many(RECONCILE_MAX_QUERIES)))).toHaveLength(
      RECONCILE_MAX_QUERIES,
    );
    const big = await post(api, 'queries', many(RECONCILE_MAX_QUERIES + 1));
    expect(big.status).toBe(400);
    expect(big.body.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    expect(big.body.errors[0].message).toMatch(/at most 20 queries; this one has 21/);
    const long = await post(api, 'queries', { q0: { query: 'x'.repeat(201) } });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].message).toMatch(/q0\.query: at most 200 characters and 16 words/);
    const wordy = await post(api, 'queries', { q0: { query: 'deng '.repeat(17) } });
    expect(wordy.status).toBe(400);
    expect((await post(api, 'queries', { q0: { query: 'x'.repeat(200) } })).status).toBe(200);
    // a body past 1 MiB is refused before it is read to the end
    const huge = await call(api, '/reconcile', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `queries=${'x'.repeat(1024 * 1024)}`,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    const ids = await post(api, 'extend', { ids: Array.from({ length: 101 }, () => DENG), properties: [] });
    expect(ids.status).toBe(400);
    expect(ids.body.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });

  it('gives no candidates for text without letters or digits', async ({ api }) => {
    const body = await reconcile(api, { q0: { query: " '-. " } });
    expect(body).toEqual({ q0: { result: [] } });
  });
});

describe('CORS', () => {
  it('opens every endpoint to any origin, and answers preflights', async ({ api }) => {
    for (const path of [
      '/reconcile',
      '/reconcile/suggest/entity?prefix=Deng',
      '/reconcile/suggest/type?prefix=P',
      '/reconcile/properties?type=Person',
      `/reconcile/preview?id=${DENG}`,
    ]) {
      const r = await api.app.fetch(`http://test${path}`, {
        headers: { origin: 'https://openrefine.example' },
      });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    const preflight = await api.app.fetch('http://test/reconcile', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://openrefine.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });
});

describe('search shares the matcher', () => {
  it.for(['Deng Xiao Ping', 'Teng Hsiao p ing', 'TengHsiaoping'])(
    'search finds %s first',
    async (text, { api }) => {
      const r = await api.gql(
        /* GraphQL */ `query ($text: String!) { search(text: $text, first: 3) { edges { node { id } } } }`,
        {
          text,
        },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.search.edges[0]?.node.id).toBe(DENG);
    },
  );
});

describe('latency', () => {
  it('reconciles a batch of ten names in a median time it prints', async ({ api }) => {
    const names = rows(CSV).slice(0, 10);
    const batch = Object.fromEntries(names.map((row, i) => [`q${i}`, { query: row.name, type: row.type }]));
    const body = `queries=${encodeURIComponent(JSON.stringify(batch))}`;
    const once = async () => {
      const started = performance.now();
      const res = await api.app.fetch('http://test/reconcile', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(res.status).toBe(200);
      await res.json();
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await once(); // warm up
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(await once());
    times.sort((a, b) => a - b);
    const median = ((times[14] ?? 0) + (times[15] ?? 0)) / 2;
    console.log(
      `reconciliation latency, batch of 10 names, 30 batches: median ${median.toFixed(1)} ms, min ${times[0]?.toFixed(1)} ms, max ${times[29]?.toFixed(1)} ms`,
    );
    expect(median).toBeLessThan(2000);
  });
});

describe('preview in a frame', () => {
  it('lets OpenRefine frame the preview, and nothing else', async ({ api }) => {
    const preview = await api.app.fetch('http://test/reconcile/preview?id=person/deng-xiaoping');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('x-frame-options')).toBeNull();
    expect(preview.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const page = await api.app.fetch('http://test/id/person/deng-xiaoping', {
      headers: { accept: 'text/html' },
    });
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
