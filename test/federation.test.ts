// Across graphs through a real gateway: this API's subgraph (createApp over the run's Neo4j, at
// /subgraph) and the synthetic catalogue subgraph, each served on a loopback port and counted, and
// the Hive Gateway runtime over the supergraph our compose function made from their SDL. Queries
// cross the boundary both ways; the gateway must batch `_entities` (the number of subgraph requests
// does not grow with the number of entities). Faults: the catalogue stopped (our parts still
// answer), and `npm run gateway` refusing to start on a composition error.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { createCatalogueApp } from '../examples/catalogue-subgraph/app.ts';
import { composeOrRefuse, fetchSdls } from '../src/gateway/compose.ts';
import { createGateway, listenGateway, type RunningGateway } from '../src/gateway/serve.ts';
import { runNode } from '../test-support/run-node.ts';
import { describe, expect, it } from './fixtures.ts';

/** A subgraph on 127.0.0.1:0 that keeps the body of every POST it is sent. */
interface Counted {
  url: string;
  posts: { query: string; variables?: Record<string, unknown> }[];
  /** While set, every request gets this answer instead of the handler's. */
  override?: () => Response;
  close(): Promise<void>;
}

type Fetch = (request: Request) => Response | Promise<Response>;

/** Serves a fetch handler (a yoga app's `fetch`) with node:http, reading each body once to count it. */
function serve(handle: Fetch, path: string): Promise<Counted> {
  const posts: Counted['posts'] = [];
  const counted = { posts } as Counted;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'POST') posts.push(JSON.parse(body));
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const answer = counted.override
      ? counted.override()
      : await handle(
          new Request(`http://127.0.0.1${req.url}`, {
            method: req.method,
            headers,
            body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
          }),
        );
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve(
        Object.assign(counted, {
          url: `http://127.0.0.1:${port}${path}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        }),
      );
    });
  });
}

/** The representations of each `_entities` selection in a subgraph request, by type. */
function representations(post: Counted['posts'][number]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of Object.values(post.variables ?? {})) {
    if (!Array.isArray(value)) continue;
    for (const r of value as { __typename: string }[]) counts[r.__typename] = (counts[r.__typename] ?? 0) + 1;
  }
  return counts;
}

const MEETING = 'meeting/chervonenko-deng-1959-11-06';
const catalogueApp = createCatalogueApp();

/**
 * A third, test-only graph that knows institutions only by Wikidata item (as another archive
 * would): it refers to them by `@key(fields: "wikidataId")` alone, so the gateway asks this graph
 * which entity carries each item. Q1 is an item no entity here carries.
 */
const headingsApp = createYoga({
  schema: buildSubgraphSchema({
    typeDefs: parse(/* GraphQL */ `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Institution @key(fields: "wikidataId", resolvable: false) { wikidataId: String }
      type Query { wikidataHeadings: [Institution] }
    `),
    resolvers: {
      Query: {
        wikidataHeadings: () =>
          ['Q15180', 'Q148', 'Q1'].map((wikidataId) => ({ __typename: 'Institution', wikidataId })),
      },
    },
  }),
  logging: false,
});

describe('federation through the gateway', () => {
  let ours: Counted;
  let catalogue: Counted;
  let headings: Counted;
  let gateway: RunningGateway;
  const gql = async (query: string) => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(20_000),
    });
    return (await res.json()) as {
      data?: any;
      errors?: { message: string; path?: unknown[]; extensions?: any }[];
    };
  };
  /** Runs a query and hands back its answer and the requests each subgraph was sent for it. */
  const counted = async (query: string) => {
    const before = [ours.posts.length, catalogue.posts.length, headings.posts.length];
    const answer = await gql(query);
    return {
      answer,
      ours: ours.posts.slice(before[0]),
      catalogue: catalogue.posts.slice(before[1]),
      headings: headings.posts.slice(before[2]),
    };
  };

  it.beforeAll(async ({ api }) => {
    ours = await serve((r) => api.app.fetch(r), '/subgraph');
    catalogue = await serve((r) => catalogueApp.fetch(r), '/graphql');
    headings = await serve((r) => headingsApp.fetch(r), '/graphql');
    const sdls = await fetchSdls([
      { name: 'coldwar', url: ours.url },
      { name: 'catalogue', url: catalogue.url },
      { name: 'headings', url: headings.url },
    ]);
    gateway = await listenGateway(createGateway(composeOrRefuse(sdls), { logging: false }), 0, '127.0.0.1');
  });

  it.afterAll(async () => {
    await gateway?.close();
    await catalogue?.close();
    await headings?.close();
    await ours?.close();
  });

  it('goes from a meeting’s attendees to the catalogue entries about the institutions they represented', async () => {
    const {
      answer,
      ours: toUs,
      catalogue: toCatalogue,
    } = await counted(/* GraphQL */ `
      {
        meeting(id: "${MEETING}") {
          name
          attendees {
            person { id }
            representing {
              id
              name
              catalogueEntries { reference level synthetic }
            }
          }
        }
      }
    `);
    expect(answer.errors).toBeUndefined();
    const attendees = answer.data.meeting.attendees as any[];
    expect(attendees).toHaveLength(6);
    const byInstitution = Object.fromEntries(
      attendees.map((a) => [a.representing.id, a.representing.catalogueEntries.map((e: any) => e.reference)]),
    );
    expect(byInstitution).toEqual({
      'institution/ussr-embassy-prc': ['SYNTHETIC-CAT/F1/S1', 'SYNTHETIC-CAT/F1/S1/FL1'],
      'institution/ccp-cc': ['SYNTHETIC-CAT/F1/S1/FL1', 'SYNTHETIC-CAT/F2/IT1'],
      'institution/prc-fm-protocol-division': ['SYNTHETIC-CAT/F2/IT1'],
      'institution/prc-fm-ussr-eastern-europe-division': [],
    });
    expect(attendees.flatMap((a) => a.representing.catalogueEntries).every((e: any) => e.synthetic)).toBe(
      true,
    );
    // one request to us for the meeting, one batched _entities request to the catalogue for all of them
    expect(toUs).toHaveLength(1);
    expect(toCatalogue).toHaveLength(1);
    expect(toCatalogue[0]?.query).toContain('_entities');
    // six attendees, four institutions: each institution once, all in that one request
    expect(representations(toCatalogue[0]!)).toEqual({ Institution: Object.keys(byInstitution).length });
  });

  it('comes back to this graph for the entries’ holders and documents in one more batched request', async () => {
    const {
      answer,
      ours: toUs,
      catalogue: toCatalogue,
    } = await counted(/* GraphQL */ `
      {
        meeting(id: "${MEETING}") {
          attendees {
            representing {
              catalogueEntries { reference holding { name } describes { title } }
            }
          }
        }
      }
    `);
    expect(answer.errors).toBeUndefined();
    const entries = (answer.data.meeting.attendees as any[]).flatMap((a) => a.representing.catalogueEntries);
    expect(entries.find((e: any) => e.reference === 'SYNTHETIC-CAT/F2/IT1')).toEqual({
      reference: 'SYNTHETIC-CAT/F2/IT1',
      holding: { name: 'History and Public Policy Program Digital Archive' },
      describes: [
        { title: 'Memorandum of Conversation with the General Secretary of the CCP CC, Deng Xiaoping' },
      ],
    });
    expect(toCatalogue).toHaveLength(1);
    expect(toUs).toHaveLength(2);
    expect(toUs[1]?.query).toContain('_entities');
    // the two holders and the two documents (the Russian memorandum RGANI holds, the translation the
    // Digital Archive publishes), deduplicated, in that one request
    expect(representations(toUs[1]!)).toEqual({ Institution: 2, Document: 2 });
  });

  it('sends the catalogue one request however many institutions it is asked about', async () => {
    const asked = async (first: number) => {
      const r = await counted(
        `{ institutions(first: ${first}) { nodes { id catalogueHoldings { reference } } } }`,
      );
      expect(r.answer.errors).toBeUndefined();
      return r;
    };
    const few = await asked(2);
    const many = await asked(100); // every institution of the seed
    const n = many.answer.data.institutions.nodes.length;
    expect(few.answer.data.institutions.nodes).toHaveLength(2);
    expect(n).toBeGreaterThan(8);
    expect([few.ours.length, few.catalogue.length]).toEqual([1, 1]);
    expect([many.ours.length, many.catalogue.length]).toEqual([1, 1]);
    expect(representations(few.catalogue[0]!)).toEqual({ Institution: 2 });
    expect(representations(many.catalogue[0]!)).toEqual({ Institution: n });
    const held = (many.answer.data.institutions.nodes as any[]).find((n) => n.id === 'institution/rgani');
    expect(held.catalogueHoldings.map((e: any) => e.reference)).toEqual([
      'SYNTHETIC-CAT/F1',
      'SYNTHETIC-CAT/F1/S1',
      'SYNTHETIC-CAT/F1/S1/FL1',
      'SYNTHETIC-CAT/F1/S1/FL1/IT1',
      'SYNTHETIC-CAT/F3',
    ]);
  });

  it('goes from a catalogue entry to its holder, the document it describes, its actors and evidence here', async () => {
    const {
      answer,
      ours: toUs,
      catalogue: toCatalogue,
    } = await counted(/* GraphQL */ `
      {
        catalogueEntry(reference: "SYNTHETIC-CAT/F1/S1/FL1") {
          title
          holding { id name }
          about { __typename ... on Institution { id name } }
          describes {
            id
            authors { name }
            records {
              attendees {
                person { name }
                representing { id }
                evidence { quote }
              }
            }
          }
        }
      }
    `);
    expect(answer.errors).toBeUndefined();
    const entry = answer.data.catalogueEntry;
    expect(entry.title).toBe('Synthetic finding aid: test file containing the Chervonenko-Deng memorandum');
    expect(entry.holding).toEqual({
      id: 'institution/rgani',
      name: 'Russian State Archive of Contemporary History',
    });
    expect(entry.about).toEqual([
      {
        __typename: 'Institution',
        id: 'institution/ussr-embassy-prc',
        name: 'Embassy of the USSR in the PRC',
      },
      {
        __typename: 'Institution',
        id: 'institution/ccp-cc',
        name: 'Central Committee of the Chinese Communist Party',
      },
    ]);
    const [document] = entry.describes;
    expect(document.id).toBe('document/memcon-chervonenko-deng-1959-11-06-ru');
    expect(document.authors).toEqual([{ name: 'Stepan Vasilyevich Chervonenko' }]);
    const attendees = document.records[0].attendees as any[];
    expect(attendees).toHaveLength(6);
    const deng = attendees.find((a) => a.person.name === 'Deng Xiaoping');
    expect(deng.representing).toEqual({ id: 'institution/ccp-cc' });
    expect(deng.evidence.length).toBeGreaterThan(0);
    for (const a of attendees) for (const e of a.evidence) expect(e.quote).toMatch(/\S/);
    // the catalogue once; this graph once, for the institutions and the document together
    expect(toCatalogue).toHaveLength(1);
    expect(toUs).toHaveLength(1);
    expect(representations(toUs[0]!)).toEqual({ Institution: 3, Document: 1 });
  });

  it('joins a graph that knows only Wikidata items to ours and on to the catalogue', async () => {
    const r = await counted(/* GraphQL */ `
      { wikidataHeadings { wikidataId id name catalogueEntries { reference } } }
    `);
    // Q1 names nothing here: that heading is null, with the field it left without a value
    expect(r.answer.errors).toEqual([
      {
        message: 'Cannot return null for non-nullable field Institution.id.',
        path: ['wikidataHeadings', 2, 'id'],
        locations: [expect.any(Object)],
        extensions: { code: 'NULL_FOR_NON_NULL_FIELD' },
      },
    ]);
    expect(r.answer.data.wikidataHeadings).toEqual([
      {
        wikidataId: 'Q15180',
        id: 'institution/ussr',
        name: 'Union of Soviet Socialist Republics',
        catalogueEntries: [{ reference: 'SYNTHETIC-CAT/F3' }],
      },
      {
        wikidataId: 'Q148',
        id: 'institution/prc',
        name: "People's Republic of China",
        catalogueEntries: [{ reference: 'SYNTHETIC-CAT/F3' }],
      },
      null, // no entity here carries Q1
    ]);
    // three graphs, one request each: the headings, ours by wikidataId, the catalogue by our id
    expect([r.headings.length, r.ours.length, r.catalogue.length]).toEqual([1, 1, 1]);
    const [byWikidata] = r.ours;
    expect(Object.values(byWikidata?.variables ?? {})).toEqual([
      ['Q15180', 'Q148', 'Q1'].map((wikidataId) => ({ __typename: 'Institution', wikidataId })),
    ]);
    expect(representations(r.catalogue[0]!)).toEqual({ Institution: 2 });
  });

  const partial = /* GraphQL */ `
    {
      meeting(id: "${MEETING}") {
        name
        attendees { representing { id name catalogueEntries { reference } } }
      }
    }
  `;
  /** This graph's part answered, catalogueEntries null with one coded error each, naming the catalogue. */
  const expectPartial = (r: Awaited<ReturnType<typeof gql>>, message: string) => {
    expect(r.data.meeting.name).toBe(
      'Conversation between S. V. Chervonenko and Deng Xiaoping, 6 November 1959',
    );
    const representing = (r.data.meeting.attendees as any[]).map((a) => a.representing);
    expect(representing).toHaveLength(6);
    for (const i of representing) {
      expect(i.name).toMatch(/\S/);
      expect(i.catalogueEntries).toBeNull();
    }
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const e of r.errors ?? []) {
      expect(e.message).toBe(message);
      expect(e.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'catalogue' });
      expect(e.path?.slice(0, 2)).toEqual(['meeting', 'attendees']);
      expect(e.path?.slice(-2)).toEqual(['representing', 'catalogueEntries']);
    }
    // neither the subgraph's address, nor the gateway's request to it, nor a stack
    expect(JSON.stringify(r.errors)).not.toMatch(/127\.0\.0\.1|_entities|at .*\.(ts|js):\d+|stack/i);
  };

  it('answers this graph’s part and a coded error for the rest when the catalogue answers 502', async () => {
    catalogue.override = () => new Response('<h1>Bad gateway</h1>', { status: 502 });
    try {
      expectPartial(
        await gql(partial),
        'The catalogue subgraph answered HTTP 502 without a GraphQL result; the fields it serves are null.',
      );
    } finally {
      catalogue.override = undefined;
    }
  });

  it('answers this graph’s part and a coded error for the rest when the catalogue is down', async () => {
    await catalogue.close();
    expectPartial(
      await gql(partial),
      'The catalogue subgraph did not answer; the fields it serves are null.',
    );
  });
});

describe('npm run gateway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-cli-'));
  const config = (subgraphs: { name: string; url: string }[]) => {
    const file = join(dir, `config-${subgraphs.map((s) => s.url.replace(/\W/g, '')).join('-')}.json`);
    writeFileSync(file, JSON.stringify({ subgraphs }));
    return { GATEWAY_CONFIG: file, GATEWAY_PORT: '0', GATEWAY_WAIT_MS: '0', GATEWAY_HOST: '127.0.0.1' };
  };
  let ours: Counted;
  let catalogue: Counted;
  let conflicting: Counted;

  it.beforeAll(async ({ api }) => {
    ours = await serve((r) => api.app.fetch(r), '/subgraph');
    catalogue = await serve((r) => catalogueApp.fetch(r), '/graphql');
    // a catalogue whose Institution.id is an Int: composition must fail on it
    const sdl = (await fetchSdls([{ name: 'catalogue', url: catalogue.url }]))[0]!.sdl.replace(
      /(type Institution\s+@key\(fields: "id"\)\s*\{\s*id: )ID!/,
      '$1Int!',
    );
    conflicting = await serve(() => Response.json({ data: { _service: { sdl } } }), '/graphql');
  });

  it.afterAll(async () => {
    await Promise.all([ours, catalogue, conflicting].map((s) => s?.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on a composition error, printing each error on its own line, exit code 1', async () => {
    const run = await runNode(
      ['--import', 'tsx', 'scripts/gateway.ts'],
      config([
        { name: 'coldwar', url: ours.url },
        { name: 'catalogue', url: conflicting.url },
      ]),
    );
    expect(run.code).toBe(1);
    const lines = run.err.trim().split('\n');
    expect(lines).toContain('coldwar-graph: composition failed with 1 error; the gateway does not start:');
    expect(lines.at(-1)).toMatch(
      /^ {2}- \[catalogue, coldwar\] FIELD_TYPE_MISMATCH: Type of field "Institution\.id" is incompatible across subgraphs/,
    );
    expect(run.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses to start when a subgraph does not answer, naming it', async () => {
    const closed = await serve(() => new Response(''), '/graphql');
    const port = new URL(closed.url).port;
    await closed.close();
    const run = await runNode(
      ['--import', 'tsx', 'scripts/gateway.ts'],
      config([
        { name: 'coldwar', url: ours.url },
        { name: 'catalogue', url: `http://127.0.0.1:${port}/graphql` },
      ]),
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain('coldwar-graph: 1 subgraph gave no SDL; the gateway does not start:');
    expect(run.err).toContain(
      `  - [catalogue] no answer from http://127.0.0.1:${port}/graphql (ECONNREFUSED)`,
    );
  });

  it('starts, says where, and answers across both graphs', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/gateway.ts'], {
      env: {
        ...process.env,
        ...config([
          { name: 'coldwar', url: ours.url },
          { name: 'catalogue', url: catalogue.url },
        ]),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          err += chunk;
          const m = /supergraph of 2 subgraphs at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(err);
          if (m) resolve(m[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`the gateway exited (${code}): ${err}`)));
        setTimeout(() => reject(new Error(`the gateway did not start in 30 s: ${err}`)), 30_000).unref();
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ document(id: "document/memcon-chervonenko-deng-1959-11-06-ru") { heldBy { name } catalogueEntries { reference } } }',
        }),
      });
      expect(await res.json()).toEqual({
        data: {
          document: {
            heldBy: { name: 'Russian State Archive of Contemporary History' },
            catalogueEntries: [
              { reference: 'SYNTHETIC-CAT/F1/S1/FL1' },
              { reference: 'SYNTHETIC-CAT/F1/S1/FL1/IT1' },
            ],
          },
        },
      });
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('GraphiQL');
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
