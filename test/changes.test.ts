// The audit trail through the API: `changes` pages through every change oldest first, since a time
// or of one entity (ids merged away included); `Entity.history` is newest first and batched for a
// list; bad arguments are refused before the database; and the trail's nodes (Change, Redirect) show
// up in no read of the graph: neighbourhoods, lists and counts, linked data, exports, search.
import {
  type Answer,
  type EditingApp,
  editingApp,
  loadSynthetic,
  removeEditTraces,
  synthetic,
} from './editing.ts';
import { describe, expect, it } from './fixtures.ts';

const [ONE, TWO, THREE] = ['one', 'two', 'three'].map((n) => `person/synthetic-test-audit-${n}`) as [
  string,
  string,
  string,
];
const MEETING = 'meeting/synthetic-test-audit-meeting';
const DOC = 'document/synthetic-test-audit';
const TEXT = `SYNTHETIC TEST DOCUMENT for the audit trail tests, not a historical source.
Synthetic persons one, two and three attended the synthetic audit meeting.`;

const UPDATE = /* GraphQL */ `mutation ($id: ID!, $version: Int!, $description: String!, $message: String!) {
  updateEntity(id: $id, version: $version, description: $description, message: $message) { change { id at } }
}`;

let e: EditingApp;
/** The changes written in beforeAll, oldest first: [id, at, message, entity]. */
const written: { id: string; at: string; message: string; entity: string }[] = [];

describe('the audit trail', () => {
  it.beforeAll(async ({ api }) => {
    e = await editingApp(api.db);
    await loadSynthetic(api.db, {
      id: DOC,
      title: 'Synthetic test document for the audit trail tests',
      text: TEXT,
      entities: [
        synthetic(ONE, 'Person', 'Synthetic Audit One'),
        synthetic(TWO, 'Person', 'Synthetic Audit Two'),
        synthetic(THREE, 'Person', 'Synthetic Audit Three'),
        synthetic(MEETING, 'Meeting', 'Synthetic audit meeting'),
      ],
      relationships: [ONE, TWO, THREE].map((from) => ({
        type: 'ATTENDED',
        from,
        to: MEETING,
        quote: TEXT.split('\n')[1] as string,
      })),
    });
    const versions = new Map<string, number>();
    for (const [entity, n] of [
      [ONE, 1],
      [TWO, 1],
      [ONE, 2],
      [ONE, 3],
      [TWO, 2],
    ] as const) {
      const version = versions.get(entity) ?? 1;
      const message = `test: edit ${n} of ${entity}`;
      const r = await e.gql(e.editorKey, UPDATE, {
        id: entity,
        version,
        description: `Synthetic test person, text ${n}.`,
        message,
      });
      expect(r.errors).toBeUndefined();
      versions.set(entity, version + 1);
      written.push({ ...r.data.updateEntity.change, message, entity });
    }
    const merged = await e.gql(
      e.editorKey,
      'mutation { mergeEntities(keep: "' +
        THREE +
        '", remove: "' +
        TWO +
        '", message: "test: merged zqxaudit") { change { id at } } }',
    );
    expect(merged.errors).toBeUndefined();
    written.push({ ...merged.data.mergeEntities.change, message: 'test: merged zqxaudit', entity: THREE });
  });
  it.afterAll(async ({ api }) => {
    await e.close();
    await removeEditTraces(api.db);
  });

  it('pages through every change, oldest first', async () => {
    const seen: { id: string; message: string; keyId: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const r: Answer = await e.gql(
        null,
        `query ($after: String) { changes(first: 4, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } nodes { id message keyId }
        } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.changes.totalCount).toBe(written.length);
      seen.push(...r.data.changes.nodes);
      if (!r.data.changes.pageInfo.hasNextPage) break;
      after = r.data.changes.pageInfo.endCursor;
    }
    expect(seen.map((c) => c.id)).toEqual(written.map((w) => w.id));
    expect(new Set(seen.map((c) => c.keyId))).toEqual(new Set(['test-editor']));
    // each at is a UTC time, in order
    const ats = written.map((w) => Date.parse(w.at));
    expect(ats.every((t, i) => !Number.isNaN(t) && (i === 0 || t >= (ats[i - 1] as number)))).toBe(true);
  });

  it('narrows to changes since a time and to one entity, merged-away ids included', async () => {
    const third = written[2] as (typeof written)[number];
    const since = await e.gql(null, `query ($since: DateTime) { changes(since: $since) { nodes { id } } }`, {
      since: third.at,
    });
    expect(since.data.changes.nodes.map((c: { id: string }) => c.id)).toEqual(
      written.filter((w) => Date.parse(w.at) >= Date.parse(third.at)).map((w) => w.id),
    );
    const ofTwo = await e.gql(null, `{ changes(entity: "${TWO}") { totalCount nodes { action message } } }`);
    expect(ofTwo.data.changes.nodes).toEqual([
      { action: 'UPDATE', message: `test: edit 1 of ${TWO}` },
      { action: 'UPDATE', message: `test: edit 2 of ${TWO}` },
      { action: 'MERGE', message: 'test: merged zqxaudit' },
    ]);
    const future = await e.gql(null, '{ changes(since: "2999-01-01T00:00:00Z") { totalCount } }');
    expect(future.data.changes.totalCount).toBe(0);
  });

  it("shows an entity's history newest first, batched for a list of entities", async ({ api }) => {
    const one = await e.gql(
      null,
      `{ person(id: "${ONE}") { history(first: 2) { totalCount nodes { message } } } }`,
    );
    expect(one.data.person.history).toEqual({
      totalCount: 3,
      nodes: [{ message: `test: edit 3 of ${ONE}` }, { message: `test: edit 2 of ${ONE}` }],
    });
    // the survivor of a merge holds the history of the entity merged into it
    const three = await e.gql(null, `{ person(id: "${THREE}") { history { nodes { message } } } }`);
    expect(three.data.person.history.nodes.map((c: { message: string }) => c.message)).toEqual([
      'test: merged zqxaudit',
      `test: edit 2 of ${TWO}`,
      `test: edit 1 of ${TWO}`,
    ]);
    let r: Answer | undefined;
    const statements = await api.statementsDuring(async () => {
      r = await e.gql(
        null,
        `{ people(filter: { nameContains: "synthetic audit" }) { nodes { id history(first: 5) { totalCount } } } }`,
      );
    });
    expect(r?.data.people.nodes).toEqual([
      { id: ONE, history: { totalCount: 3 } },
      { id: THREE, history: { totalCount: 3 } },
    ]);
    expect(statements).toBe(2);
  });

  it.for<[string, string, string]>([
    ['since', '{ changes(since: "yesterday") { totalCount } }', 'INVALID_ARGUMENT'],
    ['since without a zone', '{ changes(since: "2026-01-01T00:00:00") { totalCount } }', 'INVALID_ARGUMENT'],
    ['entity', '{ changes(entity: "Deng") { totalCount } }', 'INVALID_ID'],
    ['first', '{ changes(first: 101) { totalCount } }', 'INVALID_ARGUMENT'],
    ['after', '{ changes(after: "x") { totalCount } }', 'INVALID_CURSOR'],
  ])('refuses a bad %s before the database', async ([_name, query, code], { api }) => {
    let r: Answer | undefined;
    const statements = await api.statementsDuring(async () => {
      r = await e.gql(null, query);
    });
    expect(r?.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(code);
    expect(statements).toBe(0);
  });

  it('keeps Change and Redirect nodes out of every read of the graph', async ({ api }) => {
    const [counts] = await api.db.read<{
      changes: number;
      redirects: number;
      persons: number;
      edges: number;
    }>(
      `/* test:counts */ CALL { MATCH (c:Change) RETURN count(c) AS changes }
       CALL { MATCH (r:Redirect) RETURN count(r) AS redirects }
       CALL { MATCH (p:Person) RETURN count(p) AS persons }
       CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS edges }
       RETURN changes, redirects, persons, edges`,
    );
    expect(counts?.changes).toBe(written.length);
    expect(counts?.redirects).toBe(1);
    const r = await e.gql(
      null,
      `{ people { totalCount }
         neighborhood(id: "${ONE}", depth: 3) { nodes { id } edges { id } }
         search(text: "zqxaudit") { totalCount } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.people.totalCount).toBe(counts?.persons);
    expect(r.data.search.totalCount).toBe(0);
    const ids = r.data.neighborhood.nodes.map((n: { id: string }) => n.id).sort();
    expect(ids).toEqual([MEETING, ONE, THREE].sort());
    // linked data and the export of the whole graph: no change id, no Change, exact counts
    const ld = await (
      await e.app.fetch(`http://test/id/${ONE}`, { headers: { accept: 'application/ld+json' } })
    ).text();
    const csv = await e.app.fetch('http://test/export?format=csv&table=nodes');
    const nodes = await csv.text();
    const edges = await e.app.fetch('http://test/export?format=csv&table=edges');
    await edges.text();
    expect(csv.headers.get('x-export-edges')).toBe(String(counts?.edges));
    for (const text of [ld, nodes]) {
      expect(text).not.toMatch(/Change|Redirect/);
      for (const w of written) expect(text).not.toContain(w.id);
    }
    expect(nodes).not.toContain(TWO);
  });
});
