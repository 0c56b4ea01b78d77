// The seeded graph (src/seed/, the import of seed/ without a key): every named actor present, evidence
// that matches the stored text, idempotent re-seeding, nothing written when a file is rejected, and
// documents that combine. The
// seed files alone (quotes at their offsets, rejected extractions) are unit-tested in
// test/unit/seed/validate.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../src/db/driver.ts';
import { seed } from '../src/seed/index.ts';
import { afterAll, describe, expect, it } from './fixtures.ts';
import { brokenCopy, removeCopies, seedCopy } from './seed-files.ts';

afterAll(() => removeCopies());

/** Every node and relationship with all its properties, in a stable order. */
async function snapshot(db: Db): Promise<unknown> {
  const nodes = await db.read(
    '/* testSnapshotNodes */ MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  );
  const rels = await db.read(
    '/* testSnapshotRels */ MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY id',
  );
  return { nodes, rels };
}

describe('the seeded graph', () => {
  it('holds every person, institution, meeting and event the memorandum names', async ({ api }) => {
    const { db } = api;
    const rows = await db.read<{ id: string }>('/* testIds */ MATCH (n:Entity) RETURN n.id AS id');
    const ids = new Set(rows.map((r) => r.id));
    for (const id of [
      'person/deng-xiaoping',
      'person/stepan-chervonenko',
      'person/nikita-khrushchev',
      'person/yu-peiwen',
      'person/yu-zhan',
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/paul-wingrove',
      'person/benjamin-aldrich-moodie',
      'institution/ccp',
      'institution/ccp-cc',
      'institution/prc-foreign-ministry',
      'institution/prc-fm-protocol-division',
      'institution/prc-fm-ussr-eastern-europe-division',
      'institution/ussr-embassy-prc',
      'institution/ussr',
      'institution/prc',
      'institution/usa',
      'institution/rgani',
      'institution/hppp-digital-archive',
      'meeting/chervonenko-deng-1959-11-06',
      'event/prc-tenth-anniversary-celebration',
      'event/october-revolution-40th-anniversary-celebration',
      'event/october-revolution',
      'event/khrushchev-visit-to-usa',
      'document/memcon-chervonenko-deng-1959-11-06',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('answers in Cypher who wrote, translated and obtained the memorandum and where it is held', async ({
    api,
  }) => {
    const { db } = api;
    // two documents: the English translation (the stored text) and the Russian memorandum it translates
    const rows = await db.read<{
      doc: string;
      type: string;
      who: string;
      quote: string;
      reference: string | null;
    }>(
      `/* testDocumentPeople */
       MATCH (t:Entity:Document {id: $id})-[:TRANSLATION_OF]->(o:Entity:Document)
       UNWIND [t, o] AS d
       MATCH (x:Entity)-[r:AUTHORED|TRANSLATED|OBTAINED|HELD_BY]-(d)
       RETURN d.id AS doc, type(r) AS type, x.id AS who, r.quotes[0] AS quote, r.reference AS reference
       ORDER BY doc, type, who`,
      { id: 'document/memcon-chervonenko-deng-1959-11-06' },
    );
    expect(rows).toEqual([
      {
        doc: 'document/memcon-chervonenko-deng-1959-11-06',
        type: 'HELD_BY',
        who: 'institution/hppp-digital-archive',
        quote: 'History and Public Policy Program Digital Archive',
        reference: null,
      },
      {
        doc: 'document/memcon-chervonenko-deng-1959-11-06',
        type: 'TRANSLATED',
        who: 'person/benjamin-aldrich-moodie',
        quote: 'translated by Benjamin Aldrich-Moodie',
        reference: null,
      },
      {
        doc: 'document/memcon-chervonenko-deng-1959-11-06-ru',
        type: 'AUTHORED',
        who: 'person/stepan-chervonenko',
        quote: 'S. CHERVONENKO',
        reference: null,
      },
      {
        doc: 'document/memcon-chervonenko-deng-1959-11-06-ru',
        type: 'HELD_BY',
        who: 'institution/rgani',
        quote:
          'RGANI (formerly Center for Preservation of Contemporary Documentation [TsKhSD]), f. 5, op. 49, d. 235, ll. 107-110',
        reference: 'f. 5, op. 49, d. 235, ll. 107-110',
      },
      {
        doc: 'document/memcon-chervonenko-deng-1959-11-06-ru',
        type: 'OBTAINED',
        who: 'person/paul-wingrove',
        quote: 'Obtained by Paul Wingrove',
        reference: null,
      },
    ]);
  });

  it('stores every relationship with its source document and quotes that match the stored text', async ({
    api,
  }) => {
    const { db } = api;
    const rows = await db.read<{ text: string; quotes: string[]; starts: number[]; ends: number[] }>(
      `/* testAllEvidence */
       MATCH (:Entity)-[r]->(:Entity)
       MATCH (d:Entity:Document {id: r.source})
       RETURN d.text AS text, r.quotes AS quotes, r.starts AS starts, r.ends AS ends`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(61);
    for (const r of rows) {
      r.quotes.forEach((q, i) => {
        expect(r.text.slice(r.starts[i], r.ends[i])).toBe(q);
      });
    }
  });

  it('keeps the meeting and document dates distinct, with their precision', async ({ api }) => {
    const { db } = api;
    const rows = await db.read(
      `/* testDates */ MATCH (n:Entity) WHERE n.id IN $ids
       RETURN n.id AS id, n.dateValue AS value, n.datePrecision AS precision, n.dateEarliest AS earliest, n.dateLatest AS latest ORDER BY id`,
      {
        ids: [
          'meeting/chervonenko-deng-1959-11-06',
          'document/memcon-chervonenko-deng-1959-11-06-ru',
          'event/october-revolution-40th-anniversary-celebration',
        ],
      },
    );
    expect(rows).toEqual([
      {
        id: 'document/memcon-chervonenko-deng-1959-11-06-ru',
        value: '1959-12-08',
        precision: 'day',
        earliest: '1959-12-08',
        latest: '1959-12-08',
      },
      {
        id: 'event/october-revolution-40th-anniversary-celebration',
        value: '1957',
        precision: 'year',
        earliest: '1957-01-01',
        latest: '1957-12-31',
      },
      {
        id: 'meeting/chervonenko-deng-1959-11-06',
        value: '1959-11-06',
        precision: 'day',
        earliest: '1959-11-06',
        latest: '1959-11-06',
      },
    ]);
  });

  it('changes nothing when seeded twice, and records no change (the seed is an import without a key)', async ({
    api,
  }) => {
    const { db } = api;
    const changes = async () =>
      (await db.read<{ n: number }>('/* testChanges */ MATCH (c:Change) RETURN count(c) AS n'))[0]?.n;
    const before = await snapshot(db);
    const recorded = await changes();
    await seed(db);
    const after = await snapshot(db);
    expect(after).toEqual(before);
    expect(await changes()).toBe(recorded);
  });
});

describe('broken extraction files are rejected before anything is written', () => {
  it('writes nothing when a file is rejected', async ({ api }) => {
    const dir = brokenCopy((x) => {
      x.entities[0].name = 'Changed Name';
      x.relationships[4].to = 'meeting/never-held';
    });
    const before = await snapshot(api.db);
    await expect(seed(api.db, dir)).rejects.toThrow(/dangling id meeting\/never-held/);
    expect(await snapshot(api.db)).toEqual(before);
  });
});

describe('a second document touching the same entities', () => {
  // A synthetic fixture (not a historical source): it only exercises how documents combine.
  const DOC2 = 'document/test-fixture-second';
  const text = 'Fixture text. The Soviet state is named here. A fixture body mentions Fixture Person.';
  function fixtureDir(withPerson: boolean): string {
    const dir = seedCopy('cwg-second-');
    writeFileSync(join(dir, 'texts', 'test-fixture-second.txt'), text);
    const at = (q: string) => ({
      quote: q,
      start: text.indexOf(q),
      end: text.indexOf(q) + q.length,
      certainty: 'stated',
    });
    writeFileSync(
      join(dir, 'extractions', 'zz-test-fixture-second.json'),
      JSON.stringify({
        format: 'coldwar-graph/extraction@1',
        document: {
          id: DOC2,
          title: 'Fixture',
          description: 'Synthetic test fixture.',
          textFile: 'test-fixture-second.txt',
          sections: { citation: { start: 0, end: 13 }, body: { start: 14, end: text.length } },
          date: { value: '1960', precision: 'year' },
          language: 'en',
        },
        entities: [
          {
            id: 'institution/ussr',
            type: 'Institution',
            name: 'Union of Soviet Socialist Republics',
            description: 'The Soviet state.',
          },
          ...(withPerson
            ? [
                {
                  id: 'person/test-fixture-person',
                  type: 'Person',
                  name: 'Fixture Person',
                  description: 'Synthetic.',
                },
              ]
            : []),
        ],
        relationships: [
          { type: 'MENTIONS', from: DOC2, to: 'institution/ussr', evidence: [at('The Soviet state')] },
          ...(withPerson
            ? [
                {
                  type: 'MENTIONS',
                  from: DOC2,
                  to: 'person/test-fixture-person',
                  evidence: [at('Fixture Person')],
                },
              ]
            : []),
        ],
      }),
    );
    return dir;
  }
  const ussr = async (db: Db) =>
    (
      await db.read<{ ids: string[]; sources: string[]; how: string[] }>(
        "/* testUssr */ MATCH (n:Entity {id: 'institution/ussr'}) RETURN [(n)-[:SAME_AS]->(i:Identifier) | i.key] AS ids, n.sources AS sources, [(n)-[:SAME_AS]->(i:Identifier) | i.method] AS how",
      )
    )[0];
  const exists = async (db: Db, id: string) =>
    (
      await db.read<{ n: number }>('/* testExists */ MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id })
    )[0]?.n;

  it.afterAll(async ({ api }) => {
    const { db } = api;
    // remove the fixture document and what only it supports, then restore the memorandum's state
    await db.write(
      `/* testRemoveFixture */ MATCH (n:Entity) WHERE $doc IN n.sources
       SET n.sources = [s IN n.sources WHERE s <> $doc]
       WITH n WHERE size(n.sources) = 0 DETACH DELETE n`,
      { doc: DOC2 },
    );
    await seed(db);
  });

  it('keeps the identifiers and sources the first document gave, and drops an entity no document supports', async ({
    api,
  }) => {
    const { db } = api;
    const before = await ussr(db);
    expect(before?.ids).toEqual(['wikidata:Q15180']);
    await seed(db, fixtureDir(true));
    const after = await ussr(db);
    expect(after?.ids).toEqual(['wikidata:Q15180']);
    expect(after?.how).toEqual(before?.how);
    expect(after?.sources).toEqual(['document/memcon-chervonenko-deng-1959-11-06', DOC2]);
    expect(await exists(db, 'person/test-fixture-person')).toBe(1);
    // the fixture is corrected: it no longer names the person, so the person goes, the state stays
    await seed(db, fixtureDir(false));
    expect(await exists(db, 'person/test-fixture-person')).toBe(0);
    expect((await ussr(db))?.sources).toEqual(['document/memcon-chervonenko-deng-1959-11-06', DOC2]);
  });
});
