// importDocument against the real Neo4j, with synthetic documents that share actors with the seed:
// entities matched by id, by a verified identifier and by an exact alias (the bundle's ids rewritten),
// a near match listed for an editor and not merged; one Change per import; a dry run that writes
// nothing; importing again changes nothing; a corrected extraction takes out the alias, the note and
// the entity it no longer gives; bad bundles are BAD_BUNDLE and write nothing; two imports racing to
// create one actor make one node. The file ends by putting the database back to the seed.
import { type BundleDoc, bundleInput, graphSnapshot, restoreSeed } from '../test-support/bundles.ts';
import { type EditingApp, editingApp, SANDBOX_IDENTIFIERS, seedEntries, synthetic } from './editing.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

const IMPORT = /* GraphQL */ `mutation ($bundle: ImportBundleInput!, $message: String!, $dryRun: Boolean) {
  importDocument(bundle: $bundle, message: $message, dryRun: $dryRun) {
    file documentId dryRun newDocument
    created { id type name }
    matched { id existingId type name how key }
    updatedIds releasedIds removedIds
    relationships { added updated unchanged removed }
    passages { added removed }
    candidates { id name candidates { id name score } hint }
    warnings
    change { id keyId action message entityIds }
  }
}`;

const SHARED = 'document/synthetic-test-import-shared';
const TENG = 'person/synthetic-test-teng';
const CHERVONENCO = 'person/synthetic-test-chervonenco';
const USA_BY_ID = 'institution/synthetic-test-usa-by-identifier';

/** Names the seed's actors the way another archive might; synthetic, mentions only. */
const sharing = (doc: string): BundleDoc => ({
  id: doc,
  title: 'Synthetic test memorandum naming actors of the seed',
  text: `SYNTHETIC TEST DOCUMENT for the import tests, not a historical source.
It names the Soviet Union, the United States, Teng Hsiao-p'ing and a Stepan Chervonenco.`,
  entities: [
    ...seedEntries(['institution/ussr']),
    { ...seedEntries(['institution/usa'])[0], id: USA_BY_ID },
    synthetic(TENG, 'Person', "Teng Hsiao-p'ing"),
    synthetic(CHERVONENCO, 'Person', 'Stepan Chervonenco'),
  ],
  relationships: [
    { type: 'MENTIONS', from: doc, to: 'institution/ussr', quote: 'the Soviet Union' },
    { type: 'MENTIONS', from: doc, to: USA_BY_ID, quote: 'the United States' },
    { type: 'MENTIONS', from: doc, to: TENG, quote: "Teng Hsiao-p'ing" },
    { type: 'MENTIONS', from: doc, to: CHERVONENCO, quote: 'Stepan Chervonenco' },
  ],
});
const shared = sharing(SHARED);

let e: EditingApp;
const run = (bundle: ReturnType<typeof bundleInput>, options: { dryRun?: boolean; message?: string } = {}) =>
  e.gql(e.editorKey, IMPORT, {
    bundle,
    message: options.message ?? 'Synthetic test import',
    dryRun: options.dryRun,
  });

const count = async (api: Api, cypher: string, params: Record<string, unknown> = {}) =>
  (await api.db.read<{ n: number }>(`/* testCount */ ${cypher}`, params))[0]?.n ?? 0;

describe('importDocument', () => {
  it.beforeAll(async ({ api }) => {
    e = await editingApp(api.db);
  });
  it.afterAll(async ({ api }) => {
    await e.close();
    await restoreSeed(api.db);
  });

  it('needs an editor key and a message, before anything is written', async ({ api }) => {
    const before = await graphSnapshot(api.db);
    const none = await e.gql(null, IMPORT, { bundle: bundleInput(shared), message: 'x' });
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const empty = await e.gql(e.editorKey, IMPORT, { bundle: bundleInput(shared), message: '  ' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('INVALID_ARGUMENT');
    expect(await graphSnapshot(api.db)).toEqual(before);
  });

  it('a dry run reports what it would do and writes nothing', async ({ api }) => {
    const before = await graphSnapshot(api.db);
    const r = await run(bundleInput(shared), { dryRun: true });
    expect(r.errors).toBeUndefined();
    const report = r.data.importDocument;
    expect(report.dryRun).toBe(true);
    expect(report.change).toBeNull();
    expect(report.created.map((c: { id: string }) => c.id)).toEqual([CHERVONENCO]);
    expect(report.relationships.added).toBe(4);
    expect(await graphSnapshot(api.db)).toEqual(before);
  });

  it('matches by id, by identifier and by exact alias, rewrites the ids, and lists a near match without merging it', async ({
    api,
  }) => {
    const r = await run(bundleInput(shared));
    expect(r.errors).toBeUndefined();
    const report = r.data.importDocument;
    expect(report.newDocument).toBe(true);
    const how = Object.fromEntries(
      report.matched.map((m: { id: string; existingId: string; how: string; key: string | null }) => [
        m.id,
        [m.existingId, m.how, m.key],
      ]),
    );
    expect(how).toEqual({
      'institution/ussr': ['institution/ussr', 'ID', null],
      [USA_BY_ID]: ['institution/usa', 'IDENTIFIER', 'wikidata:Q30'],
      [TENG]: ['person/deng-xiaoping', 'ALIAS', 'teng hsiao p ing'],
    });
    expect(report.created).toEqual([{ id: CHERVONENCO, type: 'PERSON', name: 'Stepan Chervonenco' }]);
    expect(report.relationships).toEqual({ added: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(report.passages).toEqual({ added: 4, removed: 0 });
    // the near match is listed with its score and the call that would merge it, and nothing merged
    const near = report.candidates.find((c: { id: string }) => c.id === CHERVONENCO);
    expect(near.candidates[0].id).toBe('person/stepan-chervonenko');
    expect(near.candidates[0].score).toBeGreaterThanOrEqual(60);
    expect(near.candidates[0].score).toBeLessThan(100);
    expect(near.hint).toContain('mergeEntities(keep: "person/stepan-chervonenko"');
    expect(await count(api, 'MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id: CHERVONENCO })).toBe(1);
    // the bundle's own ids for matched actors never became nodes; its claims point at the graph's
    for (const id of [TENG, USA_BY_ID])
      expect(await count(api, 'MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id })).toBe(0);
    const [deng] = await api.db.read<{ name: string; sources: string[]; rel: string }>(
      `/* testDeng */ MATCH (d:Entity {id: $doc})-[r:MENTIONS]->(p:Entity {id: 'person/deng-xiaoping'})
       RETURN p.name AS name, p.sources AS sources, r.id AS rel`,
      { doc: SHARED },
    );
    expect(deng).toEqual({
      name: 'Deng Xiaoping',
      sources: ['document/memcon-chervonenko-deng-1959-11-06', SHARED],
      rel: `${SHARED}#MENTIONS:${SHARED}->person/deng-xiaoping`,
    });
    // one change, by the editor's key, linking every entity the import touched
    expect(report.change).toMatchObject({
      keyId: 'test-editor',
      action: 'IMPORT',
      message: 'Synthetic test import',
    });
    expect(report.change.entityIds).toEqual(
      expect.arrayContaining([
        SHARED,
        'institution/ussr',
        'institution/usa',
        'person/deng-xiaoping',
        CHERVONENCO,
      ]),
    );
    const history = await e.gql(
      null,
      '{ person(id: "person/deng-xiaoping") { history(first: 5) { nodes { action } } } }',
    );
    expect(history.data.person.history.nodes.map((n: { action: string }) => n.action)).toContain('IMPORT');
  });

  it('changes nothing when the same bundle is imported again', async ({ api }) => {
    const before = (await graphSnapshot(api.db)) as { nodes: unknown; rels: unknown; identifiers: unknown };
    const r = await run(bundleInput(shared));
    const report = r.data.importDocument;
    expect(report.newDocument).toBe(false);
    expect(report.created).toEqual([]);
    expect(report.matched.map((m: { how: string }) => m.how).sort()).toEqual([
      'ALIAS',
      'ID',
      'ID',
      'IDENTIFIER',
    ]);
    expect(report.relationships).toEqual({ added: 0, updated: 0, unchanged: 4, removed: 0 });
    expect(report.updatedIds).toEqual([]);
    const after = (await graphSnapshot(api.db)) as typeof before;
    expect(after.nodes).toEqual(before.nodes);
    expect(after.rels).toEqual(before.rels);
    expect(after.identifiers).toEqual(before.identifiers);
  });

  it('takes out the alias, the note and the entity a corrected extraction no longer gives', async ({
    api,
  }) => {
    const HOLDER = 'person/synthetic-test-alias-holder';
    const MINOR = 'person/synthetic-test-minor';
    const [FIRST, OTHER] = ['document/synthetic-test-aliases', 'document/synthetic-test-aliases-other'];
    const text = `SYNTHETIC TEST DOCUMENT for the alias tests, not a historical source.
Holder Synthetic, also written Synthetic Alias One or Synthetic Alias Two, met Minor Synthetic.`;
    const first = (corrected: boolean): BundleDoc => ({
      id: FIRST,
      title: 'Synthetic test document giving aliases',
      text,
      entities: [
        synthetic(HOLDER, 'Person', 'Holder Synthetic', {
          aliases: corrected ? [] : ['Synthetic Alias One', 'Synthetic Alias Two'],
          ...(corrected ? {} : { note: 'A synthetic note the correction drops.' }),
        }),
        ...(corrected ? [] : [synthetic(MINOR, 'Person', 'Minor Synthetic')]),
      ],
      relationships: [
        { type: 'MENTIONS', from: FIRST, to: HOLDER, quote: 'Holder Synthetic' },
        ...(corrected ? [] : [{ type: 'MENTIONS', from: FIRST, to: MINOR, quote: 'Minor Synthetic' }]),
      ],
    });
    const other: BundleDoc = {
      id: OTHER,
      title: 'Another synthetic test document giving one alias',
      text,
      entities: [synthetic(HOLDER, 'Person', 'Holder Synthetic', { aliases: ['Synthetic Alias Two'] })],
      relationships: [{ type: 'MENTIONS', from: OTHER, to: HOLDER, quote: 'Holder Synthetic' }],
    };
    const holder = async () =>
      (await e.gql(null, `{ person(id: "${HOLDER}") { aliases note version } }`)).data.person as {
        aliases: string[];
        note: string | null;
        version: number;
      };
    expect((await run(bundleInput(first(false)))).errors).toBeUndefined();
    expect((await run(bundleInput(other))).errors).toBeUndefined();
    const before = await holder();
    expect(before.aliases).toEqual(['Synthetic Alias One', 'Synthetic Alias Two']);
    expect(before.note).toBe('A synthetic note the correction drops.');

    const r = await run(bundleInput(first(true)), { message: 'Corrected extraction' });
    const report = r.data.importDocument;
    expect(report.newDocument).toBe(false);
    expect(report.relationships).toMatchObject({ unchanged: 1, removed: 1 });
    expect(report.passages.removed).toBe(1);
    expect(report.releasedIds).toEqual([MINOR]);
    expect(report.removedIds).toEqual([MINOR]);
    expect(report.updatedIds).toContain(HOLDER);
    const after = await holder();
    // Alias One only the corrected document gave: gone; Alias Two the other still gives: kept
    expect(after.aliases).toEqual(['Synthetic Alias Two']);
    expect(after.note).toBeNull();
    expect(after.version).toBe(before.version + 1);
    expect(await count(api, 'MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id: MINOR })).toBe(0);
    // search no longer finds it by the alias taken out
    const found = await e.gql(null, '{ search(text: "Synthetic Alias One", first: 5) { nodes { id } } }');
    expect(JSON.stringify(found.data ?? found.errors)).not.toContain(HOLDER.slice(7));
  });

  it('refuses a bad bundle with BAD_BUNDLE, naming the file, the entry and the problem, and writes nothing', async ({
    api,
  }) => {
    const before = await graphSnapshot(api.db);
    const bad = async (edit: (x: Record<string, any>) => void) => {
      const r = await run(bundleInput(sharing('document/synthetic-test-bad'), edit));
      expect(r.data).toBeNull();
      const error = r.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_BUNDLE');
      expect(error?.extensions?.file).toBe('synthetic-test-bad.json');
      expect(error?.message).toContain('synthetic-test-bad.json');
      return error?.extensions?.problems as string[];
    };
    expect(
      await bad((x) => {
        x.relationships[0].evidence[0].start += 1;
      }),
    ).toEqual([
      expect.stringMatching(
        /^relationships\[0\] MENTIONS .* evidence\[0\]: quote "the Soviet Union" is not in the text at/,
      ),
    ]);
    expect(
      await bad((x) => {
        x.relationships[1].type = 'BEFRIENDED';
      }),
    ).toEqual([expect.stringMatching(/^relationships\[1\] \(BEFRIENDED\)\.type: /)]);
    expect(
      await bad((x) => {
        x.relationships[2].to = 'person/synthetic-test-nobody';
      }),
    ).toEqual([
      expect.stringContaining(
        'relationships[2] MENTIONS document/synthetic-test-bad -> person/synthetic-test-nobody: dangling id person/synthetic-test-nobody',
      ),
    ]);
    // an identifier another entity holds: found by resolution, in the database, before anything is kept
    expect(
      await bad((x) => {
        x.entities[0].externalIds = x.entities[1].externalIds;
        x.entities[1].externalIds = [];
      }),
    ).toEqual([
      expect.stringContaining(
        'entities[0] institution/ussr: wikidata:Q30 is already the identifier of institution/usa',
      ),
    ]);
    expect(await graphSnapshot(api.db)).toEqual(before);
  });

  it('two imports racing to create the same actor make one node', async ({ api }) => {
    const RACER = 'person/synthetic-test-racer';
    const racer = (n: number): BundleDoc => {
      const id = `document/synthetic-test-race-${n}`;
      return {
        id,
        title: `Synthetic race document ${n}`,
        text: `SYNTHETIC TEST DOCUMENT ${n} for the race test, not a historical source.\nRacer Synthetic appears.`,
        entities: [synthetic(RACER, 'Person', 'Racer Synthetic')],
        relationships: [{ type: 'MENTIONS', from: id, to: RACER, quote: 'Racer Synthetic' }],
      };
    };
    const answers = await Promise.all([run(bundleInput(racer(1))), run(bundleInput(racer(2)))]);
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(answers.map((a) => a.data.importDocument.created.length).sort()).toEqual([0, 1]);
    const [row] = await api.db.read<{ n: number; sources: string[] }>(
      '/* testRacer */ MATCH (n:Entity {id: $id}) RETURN count(n) AS n, collect(n.sources)[0] AS sources',
      { id: RACER },
    );
    expect(row?.n).toBe(1);
    expect([...(row?.sources ?? [])].sort()).toEqual([
      'document/synthetic-test-race-1',
      'document/synthetic-test-race-2',
    ]);

    // under two ids, the same verified identifier: the second import finds the first one's node
    const sandbox = {
      authority: 'wikidata',
      value: SANDBOX_IDENTIFIERS[0],
      verifiedBy: 'synthetic test data',
      method: 'none: the Wikidata sandbox item, for tests',
      verifiedOn: '2026-01-01',
    };
    const byIdentifier = (n: number): BundleDoc => {
      const id = `document/synthetic-test-race-identifier-${n}`;
      const person = `person/synthetic-test-identified-racer-${n}`;
      return {
        id,
        title: `Synthetic race document by identifier ${n}`,
        text: `SYNTHETIC TEST DOCUMENT ${n} for the identifier race, not a historical source.\nIdentified Synthetic ${n} appears.`,
        entities: [synthetic(person, 'Person', `Identified Synthetic ${n}`, { externalIds: [sandbox] })],
        relationships: [{ type: 'MENTIONS', from: id, to: person, quote: `Identified Synthetic ${n}` }],
      };
    };
    const two = await Promise.all([run(bundleInput(byIdentifier(1))), run(bundleInput(byIdentifier(2)))]);
    for (const a of two) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    const hows = two.flatMap((a) => a.data.importDocument.matched.map((m: { how: string }) => m.how));
    expect(hows).toEqual(['IDENTIFIER']);
    expect(
      await count(api, 'MATCH (i:Identifier {key: $key})<-[:SAME_AS]-(n:Entity) RETURN count(n) AS n', {
        key: `wikidata:${SANDBOX_IDENTIFIERS[0]}`,
      }),
    ).toBe(1);
  });
});
