// The round trip: the graph exported as bundles (`npm run export -- --format bundle`) and imported
// into an empty database (`npm run import`) is the same graph: every entity with its id, type, name,
// aliases, fields, text and sources, every relationship with its id, ends and evidence, every
// identifier. Before the export the seed is joined by a synthetic document (dates, a kind, a note,
// a keyed relationship, a meeting context, inferred evidence, an identifier), two of its actors are
// merged (a relationship keeps its id though an end moved) and an editor adds an alias. The file
// ends by putting the database back to the seed.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Db } from '../src/db/driver.ts';
import { type BundleDoc, bundleInput, restoreSeed } from '../test-support/bundles.ts';
import { runNode } from '../test-support/run-node.ts';
import { editingApp, SANDBOX_IDENTIFIERS, seedEntries, synthetic } from './editing.ts';
import { describe, expect, it } from './fixtures.ts';

const DOC = 'document/synthetic-test-roundtrip';
const [ONE, TWO] = ['person/synthetic-test-roundtrip-one', 'person/synthetic-test-roundtrip-two'];
const MEETING = 'meeting/synthetic-test-roundtrip';
const MINISTRY = 'institution/synthetic-test-roundtrip-ministry';

const doc: BundleDoc = {
  id: DOC,
  title: 'Synthetic test document for the round trip',
  aliases: ['Synthetic round-trip memo'],
  text: `SYNTHETIC TEST DOCUMENT for the round trip, not a historical source.
One Synthetic and Two Synthetic attended the synthetic meeting for the Synthetic Ministry.
One Synthetic held a post in the Synthetic Ministry; later One Synthetic held another post there.
It also names the Soviet Union.`,
  entities: [
    ...seedEntries(['institution/ussr']),
    synthetic(ONE, 'Person', 'One Synthetic', {
      aliases: ['Synthetic One'],
      note: 'A synthetic note.',
      externalIds: [
        {
          authority: 'wikidata',
          value: SANDBOX_IDENTIFIERS[1],
          verifiedBy: 'synthetic test data',
          method: 'none: the Wikidata sandbox item, for tests',
          verifiedOn: '2026-01-01',
        },
      ],
    }),
    synthetic(TWO, 'Person', 'Two Synthetic'),
    synthetic(MINISTRY, 'Institution', 'Synthetic Ministry', { kind: 'ministry' }),
    synthetic(MEETING, 'Meeting', 'Synthetic round-trip meeting', {
      date: {
        value: '2000-02',
        precision: 'month',
        certainty: 'inferred',
        reasoning: 'Synthetic reasoning.',
      },
    }),
  ],
  relationships: [
    {
      type: 'ATTENDED',
      from: ONE,
      to: MEETING,
      quote: 'One Synthetic and Two Synthetic attended the synthetic meeting',
    },
    { type: 'ATTENDED', from: TWO, to: MEETING, quote: 'Two Synthetic attended the synthetic meeting' },
    {
      type: 'REPRESENTED',
      from: TWO,
      to: MINISTRY,
      context: MEETING,
      quote: 'for the Synthetic Ministry',
    },
    { type: 'HELD_POSITION', from: ONE, to: MINISTRY, key: 'first', quote: 'One Synthetic held a post' },
    {
      type: 'HELD_POSITION',
      from: ONE,
      to: MINISTRY,
      key: 'second',
      quote: 'One Synthetic held another post',
    },
    { type: 'MENTIONS', from: DOC, to: 'institution/ussr', quote: 'the Soviet Union' },
  ],
};

const VISIBLE = [
  'name',
  'title',
  'description',
  'note',
  'kind',
  'dateValue',
  'datePrecision',
  'dateEarliest',
  'dateLatest',
  'dateCertainty',
  'dateReasoning',
  'text',
  'textFile',
  'summary',
  'citation',
  'body',
  'bodyStart',
  'archiveReference',
  'language',
];

/** What a reader of the graph sees: entities, relationships and identifiers (lists as sets). */
async function graph(db: Db) {
  const nodes = await db.read<{ id: string; labels: string[]; props: Record<string, unknown> }>(
    '/* testRoundNodes */ MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  );
  const rels = await db.read(
    `/* testRoundRels */ MATCH (a:Entity)-[r]->(b:Entity)
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY props.id`,
  );
  const identifiers = await db.read(
    `/* testRoundIdentifiers */ MATCH (n:Entity)-[:SAME_AS]->(i:Identifier)
     RETURN n.id AS entity, properties(i) AS props ORDER BY props.key`,
  );
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      labels: [...n.labels].sort(),
      props: Object.fromEntries(VISIBLE.filter((k) => n.props[k] != null).map((k) => [k, n.props[k]])),
      aliases: [...((n.props.aliases as string[]) ?? [])].sort(),
      sources: [...((n.props.sources as string[]) ?? [])].sort(),
    })),
    rels,
    identifiers,
  };
}

function node(args: string[]) {
  const target = inject('neo4j');
  return runNode(['--import', 'tsx', ...args], {
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  });
}

describe('export as bundles, import into an empty database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coldwar-graph-roundtrip-'));
  it.afterAll(async ({ api }) => {
    rmSync(dir, { recursive: true, force: true });
    await restoreSeed(api.db);
  });

  it('gives the same graph: ids, names, aliases, fields, sources, relationships and evidence, identifiers', async ({
    api,
  }) => {
    const e = await editingApp(api.db);
    try {
      const imported = await e.gql(
        e.editorKey,
        `mutation ($bundle: ImportBundleInput!) { importDocument(bundle: $bundle, message: "Round trip") { created { id } } }`,
        { bundle: bundleInput(doc) },
      );
      expect(imported.errors).toBeUndefined();
      const merged = await e.gql(
        e.editorKey,
        `mutation { mergeEntities(keep: "${ONE}", remove: "${TWO}", message: "Synthetic merge") { movedRelationships } }`,
      );
      expect(merged.errors, JSON.stringify(merged.errors)).toBeUndefined();
      const deng = await e.gql(null, '{ person(id: "person/deng-xiaoping") { version aliases } }');
      const updated = await e.gql(
        e.editorKey,
        `mutation ($aliases: [String!]) { updateEntity(id: "person/deng-xiaoping", version: ${deng.data.person.version}, aliases: $aliases, message: "Synthetic alias") { entity { aliases } } }`,
        { aliases: [...deng.data.person.aliases, 'Synthetic Editor Alias'] },
      );
      expect(updated.errors).toBeUndefined();
    } finally {
      await e.close();
    }
    const before = await graph(api.db);
    // the relationship whose start moved keeps its id, which no longer names its start
    expect(before.rels).toContainEqual(
      expect.objectContaining({
        from: ONE,
        props: expect.objectContaining({ id: `${DOC}#ATTENDED:${TWO}->${MEETING}` }),
      }),
    );

    const exported = await node(['scripts/export.ts', '--format', 'bundle', '--out', dir]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toMatch(/export: bundle: 2 document\(s\)/);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
    expect(files).toHaveLength(2);

    for (;;) {
      const [row] = await api.db.write<{ n: number }>(
        '/* testWipe */ MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n',
      );
      if (!row?.n) break;
    }
    expect((await graph(api.db)).nodes).toEqual([]);
    const reimported = await node(['scripts/import.ts', '--no-candidates', ...files]);
    expect(reimported.code, reimported.err).toBe(0);

    const after = await graph(api.db);
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.rels.length).toBe(before.rels.length);
    expect(after).toEqual(before);
  });
});
