// The RDF exports (JSON-LD, N-Quads, Turtle) of the seed against the real Neo4j, through the route's
// own handler: every entity and claim is in each, each parses with the RDF libraries, the JSON-LD
// expands offline to the same number of statements as the N-Quads, and every passage's blank
// nodes stay its own across the stream.
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { exportRoute } from '../src/export/index.ts';
import { documentLoader } from '../src/linked/formats.ts';
import { makeUris } from '../src/uris.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

const BASE = 'http://test';
const uris = makeUris(BASE);
const OA = 'http://www.w3.org/ns/oa#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

async function exported(api: Api, format: string) {
  const url = `${BASE}/export?format=${format}`;
  const res = await exportRoute({ db: api.db, uris }).handle(new Request(url), new URL(url));
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(200);
  return { type: res.headers.get('content-type'), text };
}

async function counts(api: Api) {
  const [row] = await api.db.read<{ entities: number; claims: number; passages: number }>(
    `/* test:rdfCounts */
     CALL { MATCH (n:Entity) RETURN count(n) AS entities }
     CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS claims, sum(size(r.quotes)) AS passages }
     RETURN entities, claims, passages`,
  );
  return row as { entities: number; claims: number; passages: number };
}

describe('RDF exports', () => {
  it('writes every entity, claim and passage as N-Quads and Turtle that parse, with no shared blank nodes', async ({
    api,
  }) => {
    const want = await counts(api);
    const nq = await exported(api, 'nquads');
    expect(nq.type).toMatch(/^application\/n-quads/);
    const ttl = await exported(api, 'turtle');
    expect(ttl.type).toMatch(/^text\/turtle/);
    for (const [format, text] of [
      ['N-Quads', nq.text],
      ['Turtle', ttl.text],
    ] as const) {
      const quads = new Parser({ format }).parse(text);
      const typed = (cls: string) =>
        new Set(
          quads
            .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === cls)
            .map((q) => q.subject.value),
        );
      expect(typed('https://www.ica.org/standards/RiC/ontology#Relation').size, format).toBe(want.claims);
      expect(typed(`${OA}Annotation`).size, format).toBe(want.passages);
      // one position selector per passage: blank nodes of one description never merge with another's
      expect(typed(`${OA}TextPositionSelector`).size, format).toBe(want.passages);
      const entities = new Set(
        quads.filter((q) => q.predicate.value === 'https://schema.org/name').map((q) => q.subject.value),
      );
      expect(entities.size, format).toBe(want.entities);
    }
  });

  it('writes one JSON-LD document that expands offline to the same statements as the N-Quads', async ({
    api,
  }) => {
    const want = await counts(api);
    const { text, type } = await exported(api, 'jsonld');
    expect(type).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(text);
    expect(doc['@graph']).toHaveLength(want.entities + want.claims);
    const loader = documentLoader(BASE, uris.context) as never;
    const fromJsonld = (await jsonld.toRDF(doc, {
      format: 'application/n-quads',
      documentLoader: loader,
    })) as unknown as string;
    const nq = (await exported(api, 'nquads')).text;
    const lines = (s: string) => s.split('\n').filter(Boolean).length;
    expect(lines(fromJsonld)).toBe(lines(nq));
  });
});
