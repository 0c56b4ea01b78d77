import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import GraphClass from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { AbstractGraph, GraphConstructor } from 'graphology-types';
import { inject } from 'vitest';
import { type ExportRouteOptions, exportRoute } from '../src/export/index.ts';
import { makeUris } from '../src/uris.ts';
import { type NodeRun, runNode } from '../test-support/run-node.ts';
import { type Api, describe, expect, it, useSyntheticGraph } from './fixtures.ts';

// graphology's types describe an ES module, its package is CommonJS: the default import is the class
const Graph = GraphClass as unknown as GraphConstructor;
const BASE = 'http://test';
const uris = makeUris(BASE);
const MEMO = 'document/memcon-chervonenko-deng-1959-11-06';

type Options = Partial<Omit<ExportRouteOptions, 'db' | 'uris'>>;

async function request(api: Api, query: string, options: Options = {}, method = 'GET') {
  const url = `${BASE}/export${query}`;
  return exportRoute({ db: api.db, uris, ...options }).handle(new Request(url, { method }), new URL(url));
}

async function fetchText(api: Api, query: string, options: Options = {}) {
  const res = await request(api, query, options);
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(200);
  return { res, text };
}

async function refused(api: Api, query: string, status: number, code: string, options: Options = {}) {
  const res = await request(api, query, options);
  expect(res.status, query).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(body.errors[0]?.extensions.code, query).toBe(code);
  expect(body.errors[0]?.message).toMatch(/\S/);
  return body.errors[0]?.message as string;
}

const csv = (text: string) => parseCsv(text, { columns: true }) as Record<string, string>[];

/** The graph as the database holds it: entities, relationships, documents' texts. */
async function truth(api: Api) {
  const nodes = await api.db.read<{ id: string; documents: number }>(
    '/* test:exportNodes */ MATCH (n:Entity) RETURN n.id AS id, size(coalesce(n.sources, [])) AS documents ORDER BY id',
  );
  const edges = await api.db.read<{
    id: string;
    from: string;
    to: string;
    type: string;
    certainty: string;
    passages: number;
    source: string;
  }>(
    `/* test:exportEdges */ MATCH (a:Entity)-[r]->(b:Entity)
     RETURN r.id AS id, a.id AS from, b.id AS to, type(r) AS type, r.certainty AS certainty,
            size(r.quotes) AS passages, r.source AS source ORDER BY id`,
  );
  const texts = new Map(
    (
      await api.db.read<{ id: string; text: string }>(
        '/* test:exportTexts */ MATCH (d:Document) RETURN d.id AS id, d.text AS text',
      )
    ).map((d) => [d.id, d.text]),
  );
  return { nodes, edges, texts };
}

/** Checks a parsed whole-graph export against the database. */
function checkGraph(g: AbstractGraph, t: Awaited<ReturnType<typeof truth>>) {
  expect(g.type).toBe('directed');
  expect(g.order).toBe(t.nodes.length);
  expect(g.size).toBe(t.edges.length);
  expect([...g.nodes()].sort()).toEqual(t.nodes.map((n) => n.id));
  for (const n of t.nodes) {
    const a = g.getNodeAttributes(n.id);
    expect(a.uri).toBe(uris.entity(n.id));
    expect(a.type).toBe(n.id.startsWith('person/') ? 'Person' : a.type);
    expect(String(a.label)).toMatch(/\S/);
    expect(a.documents).toBe(n.documents);
    // counts over the whole graph: the node's degree and the passages on its edges
    expect(a.relationships, n.id).toBe(g.degree(n.id));
    const passages = g
      .edges(n.id)
      .reduce((s: number, e: string) => s + (g.getEdgeAttribute(e, 'evidence') as number), 0);
    expect(a.evidence, n.id).toBe(passages);
  }
  for (const e of t.edges) {
    expect(g.hasEdge(e.id), e.id).toBe(true);
    expect(g.source(e.id)).toBe(e.from);
    expect(g.target(e.id)).toBe(e.to);
    expect(g.getEdgeAttributes(e.id)).toMatchObject({
      label: e.type,
      relationship: e.type,
      uri: uris.relationship(e.id),
      certainty: e.certainty,
      evidence: e.passages,
      document: e.source,
    });
  }
}

describe('the whole seed', () => {
  it('as GraphML parses back with graphology: every node and edge, its URI and its counts', async ({
    api,
  }) => {
    const t = await truth(api);
    expect(t.nodes.length).toBeGreaterThan(20);
    const { res, text } = await fetchText(api, '?format=graphml');
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="coldwar-graph.graphml"');
    expect(res.headers.get('x-export-nodes')).toBe(String(t.nodes.length));
    expect(res.headers.get('x-export-edges')).toBe(String(t.edges.length));
    const g = parseGraphml(Graph, text);
    checkGraph(g, t);
    expect(g.getNodeAttributes('person/deng-xiaoping')).toMatchObject({
      label: 'Deng Xiaoping',
      type: 'Person',
      uri: `${BASE}/id/person/deng-xiaoping`,
    });
    expect(g.getNodeAttribute('person/deng-xiaoping', 'aliases')).toContain('邓小平');
    expect(g.getNodeAttributes(MEMO)).toMatchObject({
      type: 'Document',
      archive_reference: 'RGANI, f. 5, op. 49, d. 235, ll. 107-110',
    });
  });

  it('as GEXF parses back with graphology alike, with kinds for Gephi', async ({ api }) => {
    const t = await truth(api);
    const { res, text } = await fetchText(api, '?format=GEXF');
    expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    const g = parseGexf(Graph, text);
    checkGraph(g, t);
    for (const e of t.edges) expect(g.getEdgeAttribute(e.id, 'kind')).toBe(e.type);
  });

  it('as CSV: nodes.csv with every entity, edges.csv with every passage and its exact quote', async ({
    api,
  }) => {
    const t = await truth(api);
    const nodes = csv((await fetchText(api, '?format=csv&table=nodes')).text);
    expect(nodes.map((n) => n.id)).toEqual(t.nodes.map((n) => n.id));
    for (const n of nodes) expect(n.uri).toBe(uris.entity(n.id as string));
    const { res, text } = await fetchText(api, '?format=csv&table=edges');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="coldwar-graph-edges.csv"');
    const rows = csv(text);
    expect(rows).toHaveLength(t.edges.reduce((s, e) => s + e.passages, 0));
    const byId = new Map(t.edges.map((e) => [e.id, e]));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(byId.keys()));
    for (const r of rows) {
      const e = byId.get(r.id as string);
      const docText = t.texts.get(r.document as string) as string;
      expect(docText, r.id).toBeDefined();
      // offsets in code points, end exclusive: the quote is exactly that slice of the stored text
      expect(r.quote, `${r.id} ${r.evidence_index}`).toBe(
        [...docText].slice(Number(r.quote_start), Number(r.quote_end)).join(''),
      );
      expect(r.quote).toMatch(/\S/);
      expect(r).toMatchObject({
        uri: uris.relationship(r.id as string),
        relationship: e?.type,
        source: e?.from,
        target: e?.to,
        relationship_certainty: e?.certainty,
        evidence_count: String(e?.passages),
        evidence_uri: uris.evidence(r.id as string, Number(r.evidence_index)),
        document: MEMO,
        document_uri: uris.entity(MEMO),
        text_uri: uris.documentText(MEMO),
        archive_reference: 'RGANI, f. 5, op. 49, d. 235, ll. 107-110',
      });
      expect(['stated', 'inferred']).toContain(r.certainty);
    }
    // a relationship with two passages has two rows
    const two = t.edges.find((e) => e.passages === 2);
    expect(rows.filter((r) => r.id === two?.id).map((r) => r.evidence_index)).toEqual(['1', '2']);
  });

  it('answers HEAD with the headers alone', async ({ api }) => {
    const res = await request(api, '?format=gexf', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/gexf/);
    expect(await res.text()).toBe('');
  });
});

describe('selections', () => {
  const NEIGHBORHOOD = /* GraphQL */ `
    query ($id: ID!, $depth: Int!) {
      neighborhood(id: $id, depth: $depth, limit: 500) { truncated nodes { id } edges { id } }
    }
  `;

  for (const depth of [1, 2]) {
    it(`around an entity to depth ${depth}: the entities and relationships of its neighbourhood`, async ({
      api,
    }) => {
      const r = await api.gql(NEIGHBORHOOD, { id: 'person/deng-xiaoping', depth });
      expect(r.errors).toBeUndefined();
      expect(r.data.neighborhood.truncated).toBe(false);
      const { res, text } = await fetchText(
        api,
        `?format=graphml&around=person/deng-xiaoping&depth=${depth}`,
      );
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="around-person-deng-xiaoping-depth-${depth}.graphml"`,
      );
      const g = parseGraphml(Graph, text);
      expect([...g.nodes()].sort()).toEqual(
        r.data.neighborhood.nodes.map((n: { id: string }) => n.id).sort(),
      );
      expect([...g.edges()].sort()).toEqual(
        r.data.neighborhood.edges.map((e: { id: string }) => e.id).sort(),
      );
      expect(res.headers.get('x-export-nodes')).toBe(String(g.order));
      expect(res.headers.get('x-export-edges')).toBe(String(g.size));
      // counts stay those of the whole graph
      expect(g.getNodeAttribute('person/deng-xiaoping', 'relationships')).toBeGreaterThanOrEqual(
        g.degree('person/deng-xiaoping'),
      );
    });
  }

  it("a document's claims: the document, every relationship it states and their ends", async ({ api }) => {
    const t = await truth(api);
    const claims = t.edges.filter((e) => e.source === MEMO);
    const ends = new Set([MEMO, ...claims.flatMap((e) => [e.from, e.to])]);
    const g = parseGexf(Graph, (await fetchText(api, `?format=gexf&document=${MEMO}`)).text);
    expect(new Set(g.nodes())).toEqual(ends);
    expect(new Set(g.edges())).toEqual(new Set(claims.map((e) => e.id)));
    const rows = csv((await fetchText(api, `?format=csv&table=edges&document=${MEMO}`)).text);
    expect(rows).toHaveLength(claims.reduce((s, e) => s + e.passages, 0));
  });

  it('is bounded: a selection over the limit is refused before anything is written', async ({ api }) => {
    const limits = { entities: 3, relationships: 10 };
    const message = await refused(
      api,
      '?format=graphml&around=person/deng-xiaoping',
      400,
      'QUERY_TOO_LARGE',
      {
        limits,
      },
    );
    expect(message).toMatch(/holds more than 3 entities/);
    expect(
      await refused(api, `?format=csv&table=nodes&document=${MEMO}`, 400, 'QUERY_TOO_LARGE', { limits }),
    ).toMatch(/states more than 10 relationships/);
    expect(
      await refused(api, `?format=gexf&document=${MEMO}`, 400, 'QUERY_TOO_LARGE', {
        limits: { entities: 3, relationships: 1000 },
      }),
    ).toMatch(/name more than 3 entities/);
    // within the limits, the same selection goes through
    await fetchText(api, '?format=graphml&around=person/deng-xiaoping', {
      limits: { entities: 500, relationships: 10 },
    });
  });
});

describe('bad input', () => {
  it('answers 400 with a code for what it cannot do, 404 for an id not in the graph', async ({ api }) => {
    const cases: [string, number, string][] = [
      ['', 400, 'INVALID_ARGUMENT'],
      ['?format=', 400, 'INVALID_ARGUMENT'],
      ['?format=pdf', 400, 'INVALID_ARGUMENT'],
      ['?format=rdfxml', 400, 'INVALID_ARGUMENT'],
      ['?format=csv', 400, 'INVALID_ARGUMENT'],
      ['?format=csv&table=people', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&table=nodes', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&format=gexf', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&fromat=gexf', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&depth=2', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&around=person/deng-xiaoping&depth=0', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&around=person/deng-xiaoping&depth=4', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&around=person/deng-xiaoping&depth=two', 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&around=person/deng-xiaoping&depth=99999999999999999999', 400, 'INVALID_ARGUMENT'],
      [`?format=graphml&around=person/deng-xiaoping&document=${MEMO}`, 400, 'INVALID_ARGUMENT'],
      ['?format=graphml&around=Deng%20Xiaoping', 400, 'INVALID_ID'],
      ['?format=graphml&around=', 400, 'INVALID_ID'],
      ['?format=graphml&document=person/deng-xiaoping', 400, 'WRONG_ID_TYPE'],
      ['?format=graphml&around=person/nobody-at-all', 404, 'NOT_FOUND'],
      ['?format=csv&table=edges&document=document/no-such-memo', 404, 'NOT_FOUND'],
    ];
    for (const [query, status, code] of cases) await refused(api, query, status, code);
  });

  it('owns /export/… (404) and answers GET and HEAD only (405)', async ({ api }) => {
    const url = `${BASE}/export/graph.graphml`;
    const route = exportRoute({ db: api.db, uris });
    expect(route.owns(new URL(url))).toBe(true);
    expect(route.owns(new URL(`${BASE}/exports`))).toBe(false);
    expect((await route.handle(new Request(url), new URL(url))).status).toBe(404);
    const post = await request(api, '?format=graphml', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('costs no statement for a refused request', async ({ api }) => {
    const statements = await api.statementsDuring(() => request(api, '?format=graphml&depth=9'));
    expect(statements).toBe(0);
  });
});

describe('exports at once', () => {
  it('runs at most the limit at once, frees a slot when a client stops reading, and after the end', async ({
    api,
  }) => {
    const route = exportRoute({ db: api.db, uris, maxConcurrent: 1 });
    const get = (q: string) => {
      const url = `${BASE}/export${q}`;
      return route.handle(new Request(url), new URL(url));
    };
    const first = await get('?format=graphml');
    expect(first.status).toBe(200);
    const reader = (first.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    const busy = await get('?format=gexf');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('10');
    expect(
      ((await busy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('EXPORT_BUSY');
    await reader.cancel();
    const second = await get('?format=gexf');
    expect(second.status).toBe(200);
    await second.text();
    const third = await get('?format=csv&table=nodes');
    expect(third.status).toBe(200);
    await third.text();
    // a refused selection frees its slot too
    expect((await get('?format=graphml&around=person/nobody-at-all')).status).toBe(404);
    expect((await get('?format=graphml&around=person/deng-xiaoping')).status).toBe(200);
  });

  it('ends an export whose client reads nothing, freeing its slot', async ({ api }) => {
    const route = exportRoute({ db: api.db, uris, maxConcurrent: 1, idleMs: 50 });
    const url = `${BASE}/export?format=graphml`;
    const first = await route.handle(new Request(url), new URL(url));
    expect(first.status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    await expect(first.text()).rejects.toThrow(/read nothing/);
    const next = await route.handle(new Request(url), new URL(url));
    expect(next.status).toBe(200);
    await next.text();
  });
});

describe('paging through a generated graph', () => {
  const graph = useSyntheticGraph();

  it('gives the same export in pages of 3 as in one, each row once, page by page', async ({ api }) => {
    const g = graph();
    const t = await truth(api);
    expect(t.nodes.length).toBeGreaterThan(g.persons.length);
    for (const table of ['nodes', 'edges']) {
      const whole = (await fetchText(api, `?format=csv&table=${table}`, { batch: 10_000 })).text;
      let small = '';
      const statements = await api.statementsDuring(async () => {
        small = (await fetchText(api, `?format=csv&table=${table}`, { batch: 3 })).text;
      });
      expect(small).toBe(whole);
      const rows = csv(small);
      if (table === 'nodes') {
        expect(rows.map((r) => r.id)).toEqual(t.nodes.map((n) => n.id));
        // one statement per page of 3 (and the totals), not one per row
        expect(statements).toBeLessThanOrEqual(Math.ceil(t.nodes.length / 3) + 3);
      } else {
        const ids = [...new Set(rows.map((r) => r.id))];
        expect(ids).toHaveLength(t.edges.length);
        expect(rows).toHaveLength(t.edges.reduce((s, e) => s + e.passages, 0));
        // in the order of the start node's id, then the relationship's
        const keys = rows.map((r) => [r.source as string, r.id as string] as const);
        const sorted = [...keys].sort((a, b) =>
          a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
        );
        expect(keys).toEqual(sorted);
      }
    }
  });

  it('parses back at size as GraphML and GEXF, with a URI on every synthetic edge', async ({ api }) => {
    const t = await truth(api);
    for (const format of ['graphml', 'gexf'] as const) {
      const text = (await fetchText(api, `?format=${format}`, { batch: 250 })).text;
      const g = (format === 'graphml' ? parseGraphml : parseGexf)(Graph, text);
      expect(g.order).toBe(t.nodes.length);
      expect(g.size).toBe(t.edges.length);
      g.forEachEdge((_e, a) => expect(a.uri).toMatch(/^http:\/\/test\/id\/claim\//));
    }
  });

  it('counts offsets in code points and keeps what XML cannot carry out of GraphML', async ({ api }) => {
    const text = 'Preface 𝔄𝔅 “邓小平 😀 met ✓ the 𠀋 delegation” and left.';
    const quote = '邓小平 😀 met ✓ the 𠀋 delegation';
    const start = text.indexOf(quote);
    await api.db.write(
      `/* test:astral */
       CREATE (d:Entity:Document {id: 'document/synthetic-astral', name: 'Astral', title: 'Astral', text: $text,
                                  synthetic: true, sources: ['document/synthetic-astral'], aliases: []})
       CREATE (p:Entity:Person {id: 'person/synthetic-astral', name: $name, synthetic: true, aliases: [],
                                sources: ['document/synthetic-astral']})
       CREATE (d)-[:MENTIONS {id: 'document/synthetic-astral#MENTIONS:document/synthetic-astral->person/synthetic-astral',
                              source: 'document/synthetic-astral', certainty: 'stated', quotes: [$quote],
                              starts: [$start], ends: [$end], certainties: ['stated'], reasonings: ['']}]->(p)`,
      { text, quote, start, end: start + quote.length, name: 'Bell\u0007 & <Ctrl> 😀' },
    );
    const rows = csv(
      (await fetchText(api, '?format=csv&table=edges&document=document/synthetic-astral')).text,
    );
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(Number(row?.quote_start)).toBe([...text.slice(0, start)].length);
    expect(Number(row?.quote_start)).toBe(start - 2);
    expect([...text].slice(Number(row?.quote_start), Number(row?.quote_end)).join('')).toBe(quote);
    const graphml = (await fetchText(api, '?format=graphml&document=document/synthetic-astral')).text;
    expect(graphml).not.toContain('\u0007');
    const g = parseGraphml(Graph, graphml);
    expect(g.getNodeAttribute('person/synthetic-astral', 'label')).toBe('Bell\uFFFD & <Ctrl> 😀');
  });
});

/** Runs `npm run export` (the script itself) against the test database. */
function cli(args: string[]): Promise<NodeRun> {
  const target = inject('neo4j');
  return runNode(['--import', 'tsx', 'scripts/export.ts', ...args], {
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
    PUBLIC_BASE_URL: BASE,
  });
}

describe('npm run export', () => {
  it('writes nodes.csv and edges.csv into a folder, and GraphML to a file, with a summary', async ({
    api,
  }) => {
    const t = await truth(api);
    const dir = mkdtempSync(join(tmpdir(), 'coldwar-graph-export-test-'));
    try {
      const r = await cli(['--format', 'csv', '--out', join(dir, 'csv')]);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(
        /^export: csv: the whole graph: [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\), peak RSS [\d.]+ MB/m,
      );
      expect(readdirSync(join(dir, 'csv')).sort()).toEqual(['edges.csv', 'nodes.csv']);
      expect(csv(readFileSync(join(dir, 'csv', 'nodes.csv'), 'utf8'))).toHaveLength(t.nodes.length);
      const g = await cli(['--format', 'graphml', '--out', join(dir, 'memo.graphml'), '--document', MEMO]);
      expect(g.code, g.err).toBe(0);
      const parsed = parseGraphml(Graph, readFileSync(join(dir, 'memo.graphml'), 'utf8'));
      expect(parsed.size).toBe(t.edges.filter((e) => e.source === MEMO).length);
      expect(parsed.getNodeAttribute('person/deng-xiaoping', 'uri')).toBe(`${BASE}/id/person/deng-xiaoping`);
      // a refused export says why in one line and leaves no file behind
      const bad = await cli([
        '--format',
        'gexf',
        '--out',
        join(dir, 'x.gexf'),
        '--around',
        'person/nobody-at-all',
      ]);
      expect(bad.code).toBe(1);
      expect(bad.err.trim()).toBe('coldwar-graph: No entity has the id "person/nobody-at-all".');
      expect(existsSync(join(dir, 'x.gexf'))).toBe(false);
      expect(existsSync(join(dir, 'x.gexf.partial'))).toBe(false);
      const usage = await cli(['--format', 'csv', '--out', '-']);
      expect(usage.code).toBe(1);
      expect(usage.err).toMatch(/csv writes several files: give a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
