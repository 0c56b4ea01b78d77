// Composition (src/gateway/compose.ts): this API's subgraph SDL (schema/subgraph.graphql, printed by
// `npm run schema:print`) composes with the catalogue's; a conflict or an SDL that does not parse
// gives one line per error naming the subgraphs, and the gateway refuses to start.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCatalogueApp } from '../../examples/catalogue-subgraph/app.ts';
import { composeOrRefuse, composeSubgraphs, fetchSdls, GatewayRefusal } from '../../src/gateway/compose.ts';

const coldwar = {
  name: 'coldwar',
  url: 'http://127.0.0.1:4001/subgraph',
  sdl: readFileSync('schema/subgraph.graphql', 'utf8'),
};
const catalogueSdl = async () => {
  const res = await createCatalogueApp().fetch('http://catalogue/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  return ((await res.json()) as { data: { _service: { sdl: string } } }).data._service.sdl;
};
const catalogue = async (edit: (sdl: string) => string = (s) => s) => ({
  name: 'catalogue',
  url: 'http://127.0.0.1:4002/graphql',
  sdl: edit(await catalogueSdl()),
});

/** A loopback port nothing listens on (taken from the system, then let go). */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const refusal = (call: () => unknown): GatewayRefusal => {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(GatewayRefusal);
    return err as GatewayRefusal;
  }
  throw new Error('expected a GatewayRefusal');
};

describe('composition', () => {
  it('composes this API with the catalogue: both graphs, their URLs, the fields each adds', async () => {
    const composition = composeSubgraphs([coldwar, await catalogue()]);
    if (!composition.ok) throw new Error(composition.errors.join('\n'));
    const sdl = composition.supergraphSdl;
    expect(sdl).toMatch(
      /COLDWAR @join__graph\(name: "coldwar", url: "http:\/\/127\.0\.0\.1:4001\/subgraph"\)/,
    );
    expect(sdl).toMatch(
      /CATALOGUE @join__graph\(name: "catalogue", url: "http:\/\/127\.0\.0\.1:4002\/graphql"\)/,
    );
    const institution = /type Institution[^{]*\{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    expect(institution).toMatch(/catalogueEntries: \[CatalogueEntry!\] @join__field\(graph: CATALOGUE\)/);
    expect(institution).toMatch(/\bname: String!/);
    for (const type of ['Institution', 'Document', 'Person']) {
      expect(sdl).toMatch(new RegExp(`type ${type}[^{]*@join__type\\(graph: CATALOGUE, key: "id"\\)`));
      expect(sdl).toMatch(new RegExp(`type ${type}[^{]*@join__type\\(graph: COLDWAR, key: "id"\\)`));
    }
  });

  it('lists a field whose type differs between the subgraphs, naming both, and refuses to start', async () => {
    const conflicting = await catalogue((sdl) =>
      sdl.replace(/(type Institution\s+@key\(fields: "id"\)\s*\{\s*id: )ID!/, '$1Int!'),
    );
    expect(conflicting.sdl).toMatch(/id: Int!/);
    const composition = composeSubgraphs([coldwar, conflicting]);
    expect(composition).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^\[catalogue, coldwar\] FIELD_TYPE_MISMATCH: Type of field "Institution\.id"/),
      ],
    });
    const e = refusal(() => composeOrRefuse([coldwar, conflicting]));
    expect(e.problems).toEqual(composition.ok ? [] : composition.errors);
    expect(e.message).toMatch(
      /^composition failed with 1 error; the gateway does not start:\n {2}- \[catalogue, coldwar\]/,
    );
  });

  it('lists every error, one line each', async () => {
    const twice = await catalogue(
      (sdl) =>
        `${sdl.replace(/(type Institution\s+@key\(fields: "id"\)\s*\{\s*id: )ID!/, '$1Int!')}\n` +
        'extend type Query { meeting(id: ID!): CatalogueEntry }\n',
    );
    const composition = composeSubgraphs([coldwar, twice]);
    expect(composition.ok).toBe(false);
    const errors = composition.ok ? [] : composition.errors;
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.some((l) => l.includes('"Institution.id"'))).toBe(true);
    expect(errors.some((l) => l.includes('Query.meeting'))).toBe(true);
    for (const line of errors) {
      expect(line).not.toContain('\n');
      expect(line).toMatch(/^\[(catalogue|coldwar)(, coldwar)?\] [A-Z_]+: /);
    }
  });

  it('names the subgraph whose SDL does not parse', async () => {
    const broken = await catalogue((sdl) => `${sdl}\ntype Broken {`);
    expect(composeSubgraphs([coldwar, broken])).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^\[catalogue\] INVALID_SDL: Syntax Error: /)],
    });
  });

  it('refuses to start when a subgraph gives no SDL, naming it and its URL', async () => {
    const down = { name: 'catalogue', url: `http://127.0.0.1:${await closedPort()}/graphql` };
    const e = await fetchSdls([down], { waitMs: 0 }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(GatewayRefusal);
    expect((e as GatewayRefusal).problems).toEqual([`[catalogue] no answer from ${down.url} (ECONNREFUSED)`]);
  });
});
