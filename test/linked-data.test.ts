// Linked data: every entity, claim and evidence passage of the seed dereferences at its URI in each
// format; the JSON-LD expands (with jsonld, offline) to RDF with only absolute IRIs; every
// annotation's selectors resolve to its exact quote in the served text; bad URIs and Accept headers.
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { appOptions } from '../src/app.ts';
import { documentLoader } from '../src/linked/formats.ts';
import { makeUris } from '../src/uris.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

// the fixture's app mints URIs under the configured base (PUBLIC_BASE_URL, else where it would listen)
const BASE = appOptions().publicBaseUrl;
const uris = makeUris(BASE);
const get = (api: Api, uri: string, accept?: string) =>
  api.app.fetch(uri.replace(BASE, 'http://test'), { headers: accept ? { accept } : {} });

async function ids(api: Api) {
  const entities = (
    await api.db.read<{ id: string }>('/* test:entities */ MATCH (n:Entity) RETURN n.id AS id ORDER BY id')
  ).map((r) => r.id);
  const claims = await api.db.read<{ id: string; n: number }>(
    '/* test:claims */ MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS id, size(r.quotes) AS n ORDER BY id',
  );
  return { entities, claims };
}

describe('URIs in GraphQL', () => {
  it('gives entities, claims and passages a URI under the public base', async ({ api }) => {
    const r = await api.gql(/* GraphQL */ `{
      meeting(id: "meeting/chervonenko-deng-1959-11-06") {
        uri
        attendees { evidence { uri textUri } }
      }
      shortestPath(from: "person/deng-xiaoping", to: "meeting/chervonenko-deng-1959-11-06") { relationships { uri } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.meeting.uri).toBe(`${BASE}/id/meeting/chervonenko-deng-1959-11-06`);
    expect(r.data.meeting.attendees[0].evidence[0].uri.replace(BASE, '')).toMatch(
      /^\/id\/claim\/memcon-chervonenko-deng-1959-11-06\/attended\/person\/[a-z-]+\/meeting\/chervonenko-deng-1959-11-06\/evidence\/1$/,
    );
    expect(r.data.meeting.attendees[0].evidence[0].textUri).toBe(
      `${BASE}/id/document/memcon-chervonenko-deng-1959-11-06/text`,
    );
    expect(r.data.shortestPath.relationships[0].uri).toMatch(
      /\/id\/claim\/memcon-chervonenko-deng-1959-11-06\/attended\//,
    );
  });
});

describe('dereferencing', () => {
  it('serves every entity of the seed as JSON-LD, Turtle, N-Quads and a page, with Vary and Link', async ({
    api,
  }) => {
    const { entities } = await ids(api);
    expect(entities.length).toBeGreaterThan(20);
    for (const id of entities) {
      const uri = `${BASE}/id/${id}`;
      const ld = await get(api, uri, 'application/ld+json');
      expect(ld.status).toBe(200);
      expect(ld.headers.get('vary')).toBe('Accept');
      expect(ld.headers.get('link')).toContain('rel="describedby"');
      const doc = await ld.json();
      expect(doc.id).toBe(uri);
      const ttl = await get(api, uri, 'text/turtle');
      expect(ttl.headers.get('content-type')).toMatch(/^text\/turtle/);
      expect(new Parser({ format: 'Turtle' }).parse(await ttl.text()).length).toBeGreaterThan(2);
      const nq = await get(api, uri, 'application/n-quads');
      expect(
        new Parser({ format: 'N-Quads' }).parse(await nq.text()).some((q) => q.subject.value === uri),
      ).toBe(true);
      const page = await get(api, uri, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8');
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<h1>');
    }
  });

  it('serves every claim and every passage, and each passage resolves to its quote in the served text', async ({
    api,
  }) => {
    const { claims } = await ids(api);
    expect(claims.length).toBeGreaterThan(50);
    const texts = new Map<string, string>();
    for (const { id, n } of claims) {
      const uri = uris.relationship(id);
      const claim = await (await get(api, uri, 'application/ld+json')).json();
      expect(claim.id).toBe(uri);
      expect(claim.evidence).toHaveLength(n);
      const nq = await get(api, uri, 'application/n-quads');
      expect(nq.status).toBe(200);
      for (let i = 1; i <= n; i++) {
        const ann = await (await get(api, `${uri}/evidence/${i}`, 'application/ld+json')).json();
        expect(ann.type).toBe('Annotation');
        const source: string = ann.onTarget.hasSource;
        if (!texts.has(source)) {
          const res = await get(api, source);
          expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
          texts.set(source, await res.text());
        }
        const points = Array.from(texts.get(source) as string);
        const [quote, position] = ann.onTarget.selector;
        expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
        const joined = points.join('');
        expect(joined).toContain(`${quote.prefix}${quote.exact}${quote.suffix}`);
      }
    }
  });

  it('expands to RDF with only absolute IRIs, offline', async ({ api }) => {
    const doc = await (await get(api, `${BASE}/id/institution/ussr`, 'application/ld+json')).json();
    const loader = documentLoader(BASE, `${BASE}/ns/context.jsonld`) as never;
    const expanded = await jsonld.expand(doc, { documentLoader: loader });
    const iris: string[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          if (!k.startsWith('@')) iris.push(k);
          if (k === '@id' || k === '@type') iris.push(...[v].flat().map(String));
          walk(v);
        }
    };
    walk(expanded);
    expect(iris.length).toBeGreaterThan(20);
    expect(iris.filter((i) => !/^(https?:\/\/|_:)/.test(i))).toEqual([]);
    const quads = (await jsonld.toRDF(doc, {
      format: 'application/n-quads',
      documentLoader: loader,
    })) as unknown as string;
    expect(quads).toContain('<https://www.ica.org/standards/RiC/ontology#relationHasSource>');
    expect(quads).toContain('<http://www.w3.org/ns/oa#TextPositionSelector>');
    expect(quads).toContain('<https://schema.org/sameAs>');
  });

  it('serves the JSON-LD context, answers 404 in the negotiated format and 406 with what is offered', async ({
    api,
  }) => {
    const ctx = await api.app.fetch('http://test/ns/context.jsonld');
    expect((await ctx.json())['@context'].rico).toBe('https://www.ica.org/standards/RiC/ontology#');
    const missing = await get(api, `${BASE}/id/person/nobody-at-all`, 'text/turtle');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/^# Nothing in the graph/);
    const junk = await get(api, `${BASE}/id/claim/x/y`, 'application/ld+json');
    expect(junk.status).toBe(404);
    expect((await junk.json()).error).toBe('NOT_FOUND');
    const refused = await get(api, `${BASE}/id/person/deng-xiaoping`, 'image/png');
    expect(refused.status).toBe(406);
    expect(await refused.text()).toContain('text/turtle');
    const post = await api.app.fetch('http://test/id/person/deng-xiaoping', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(
      (await get(api, `${BASE}/id/person/deng-xiaoping`)).headers.get('access-control-allow-origin'),
    ).toBe('*');
  });
});

describe('ids in URI templates', () => {
  it('resolves an id whose slash a client percent-encoded (OpenRefine fills {{id}} so)', async ({ api }) => {
    const res = await api.app.fetch('http://test/id/person%2Fdeng-xiaoping', {
      headers: { accept: 'application/ld+json' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('Deng Xiaoping');
  });
});
