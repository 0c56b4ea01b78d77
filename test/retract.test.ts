// retractDocument against the real Neo4j: a synthetic document that shares actors (and a pair of
// related actors) with the seed memorandum is loaded through the seed loader and retracted, and the
// graph is then exactly as before (every node, relationship, property and passage); what went and
// what stayed; a failure midway leaves everything as it was; every refusal; and the retraction of the
// memorandum itself, after which the seed is loaded again.
import { randomUUID } from 'node:crypto';
import { recordChange } from '../src/data/changes.ts';
import { deleteDocumentRelationships, releaseEntities } from '../src/data/retract.ts';
import { seed } from '../src/seed/index.ts';
import {
  type Answer,
  type EditingApp,
  editingApp,
  loadSynthetic,
  removeEditTraces,
  type SyntheticDocument,
  seedEntries,
  synthetic,
} from './editing.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

const DOC = 'document/synthetic-test-retract';
const CLERK = 'person/synthetic-test-retract-clerk';
const MEETING = 'meeting/synthetic-test-retract-meeting';
const MEMCON = 'document/memcon-chervonenko-deng-1959-11-06';
const SHARED = ['person/deng-xiaoping', 'person/stepan-chervonenko', 'institution/ccp-cc'];

const TEXT = `SYNTHETIC TEST DOCUMENT for the retraction tests, not a historical source.
In this synthetic record a synthetic clerk wrote that Deng Xiaoping attended a synthetic meeting.
In this synthetic record Chervonenko also attended the synthetic meeting.
In this synthetic record the synthetic clerk attended the synthetic meeting too.
In this synthetic record Deng Xiaoping is a member of the CCP Central Committee.`;

const line = (n: number) => TEXT.split('\n')[n] as string;

const SYNTHETIC: SyntheticDocument = {
  id: DOC,
  title: 'Synthetic test document for the retraction tests',
  text: TEXT,
  entities: [
    ...seedEntries(SHARED),
    synthetic(CLERK, 'Person', 'Synthetic Retraction Clerk'),
    synthetic(MEETING, 'Meeting', 'Synthetic retraction meeting'),
  ],
  relationships: [
    { type: 'ATTENDED', from: 'person/deng-xiaoping', to: MEETING, quote: line(1) },
    { type: 'ATTENDED', from: 'person/stepan-chervonenko', to: MEETING, quote: line(2) },
    { type: 'ATTENDED', from: CLERK, to: MEETING, quote: line(3) },
    { type: 'AUTHORED', from: CLERK, to: DOC, quote: 'a synthetic clerk wrote' },
    { type: 'MENTIONS', from: DOC, to: 'person/deng-xiaoping', quote: 'Deng Xiaoping attended' },
    // between two entities of the seed, beside the seed's own relationship of this type between them
    { type: 'HELD_POSITION', from: 'person/deng-xiaoping', to: 'institution/ccp-cc', quote: line(4) },
  ],
};

const RETRACT = /* GraphQL */ `mutation ($id: ID!, $message: String!) {
  retractDocument(id: $id, message: $message) {
    documentId removedEntityIds keptEntityIds removedRelationships
    change { keyId action message entityIds summary }
  }
}`;

/** Every node but the audit trail's, and every relationship among them, with all properties. */
async function snapshot(api: Api) {
  const nodes = await api.db.read<{ labels: string[]; props: Record<string, unknown> }>(
    `/* test:snapshotNodes */ MATCH (n) WHERE NOT n:Change
     RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, n.key)`,
  );
  const relationships = await api.db.read<Record<string, unknown>>(
    `/* test:snapshotRelationships */ MATCH (a)-[r]->(b) WHERE NOT a:Change
     RETURN type(r) AS type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to, properties(r) AS props
     ORDER BY type, from, to, r.id`,
  );
  return { nodes, relationships };
}

let e: EditingApp;

describe('retractDocument', () => {
  it.beforeAll(async ({ api }) => {
    e = await editingApp(api.db);
  });
  it.afterAll(async ({ api }) => {
    await e.close();
    await removeEditTraces(api.db);
  });

  it('withdraws a document sharing actors with the seed, leaving the seed exactly as it was', async ({
    api,
  }) => {
    const before = await snapshot(api);
    await loadSynthetic(api.db, SYNTHETIC);
    const loaded = await e.gql(null, `{ person(id: "person/deng-xiaoping") { mentionedIn { totalCount } } }`);
    expect(loaded.data.person.mentionedIn.totalCount).toBe(2);

    const r = await e.gql(e.adminKey, RETRACT, { id: DOC, message: 'test: a synthetic document withdrawn' });
    expect(r.errors).toBeUndefined();
    const x = r.data.retractDocument;
    expect(x.documentId).toBe(DOC);
    expect([...x.removedEntityIds].sort()).toEqual([DOC, MEETING, CLERK].sort());
    expect([...x.keptEntityIds].sort()).toEqual([...SHARED].sort());
    expect(x.removedRelationships).toBe(SYNTHETIC.relationships.length);
    expect(x.change).toMatchObject({ keyId: 'test-admin', action: 'RETRACT' });
    expect(x.change.entityIds[0]).toBe(DOC);
    expect(JSON.parse(x.change.summary)).toMatchObject({
      document: { id: DOC, title: SYNTHETIC.title },
      relationships: { ATTENDED: 3, AUTHORED: 1, MENTIONS: 1, HELD_POSITION: 1, PART_OF: 0 },
    });

    expect(await snapshot(api)).toEqual(before);
    const gone = await e.gql(null, `{ node(id: "${CLERK}") { id } }`);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // the entities that stayed show the retraction in their history; the retracted ids keep theirs
    const history = await e.gql(
      null,
      `{ person(id: "person/deng-xiaoping") { history { nodes { action message } } } }`,
    );
    expect(history.data.person.history.nodes).toEqual([
      { action: 'RETRACT', message: 'test: a synthetic document withdrawn' },
    ]);
    const trail = await e.gql(null, `{ changes(entity: "${CLERK}") { totalCount nodes { action } } }`);
    expect(trail.data.changes).toEqual({ totalCount: 1, nodes: [{ action: 'RETRACT' }] });
  });

  it('writes nothing when it fails midway (one transaction)', async ({ api }) => {
    await loadSynthetic(api.db, SYNTHETIC);
    const before = await snapshot(api);
    const failing = api.db.writeTransaction(async (tx) => {
      await deleteDocumentRelationships(tx, DOC);
      await releaseEntities(tx, DOC);
      await recordChange(tx, {
        id: randomUUID(),
        keyId: 'test-admin',
        action: 'retract',
        message: 'test: fails after its last statement',
        entityIds: [DOC],
        summary: {},
      });
      throw new Error('failure forced after the retraction and its change were written');
    });
    await expect(failing).rejects.toThrow('failure forced');
    expect(await snapshot(api)).toEqual(before);
    const [changes] = await api.db.read<{ n: number }>(
      "/* test:forcedChange */ MATCH (c:Change {message: 'test: fails after its last statement'}) RETURN count(c) AS n",
    );
    expect(changes?.n).toBe(0);
    const r = await e.gql(e.adminKey, RETRACT, { id: DOC, message: 'test: withdrawn again' });
    expect(r.errors).toBeUndefined();
  });

  it.for<[string, Record<string, unknown>, string | null, string, boolean]>([
    ['an unknown document', { id: 'document/synthetic-test-missing' }, 'admin', 'NOT_FOUND', true],
    ['the id of a person', { id: 'person/deng-xiaoping' }, 'admin', 'WRONG_ID_TYPE', false],
    ['a malformed id', { id: 'memcon' }, 'admin', 'INVALID_ID', false],
    ['an empty message', { id: MEMCON, message: '' }, 'admin', 'INVALID_ARGUMENT', false],
    ['an editor key', { id: MEMCON }, 'editor', 'FORBIDDEN', false],
    ['no key', { id: MEMCON }, null, 'UNAUTHENTICATED', false],
  ])('refuses %s', async ([_name, args, role, code, reachesDatabase], { api }) => {
    const key = role === 'admin' ? e.adminKey : role === 'editor' ? e.editorKey : null;
    let r: Answer | undefined;
    const statements = await api.statementsDuring(async () => {
      r = await e.gql(key, RETRACT, { message: 'test', ...args });
    });
    expect(r?.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe(code);
    if (!reachesDatabase) expect(statements).toBe(0);
    const memcon = await e.gql(null, `{ document(id: "${MEMCON}") { id } }`);
    expect(memcon.data.document.id).toBe(MEMCON);
  });

  it('retracting the memorandum takes everything that rests on it alone; the seed loads again', async ({
    api,
  }) => {
    const before = await snapshot(api);
    try {
      const r = await e.gql(e.adminKey, RETRACT, { id: MEMCON, message: 'test: the seed withdrawn' });
      expect(r.errors).toBeUndefined();
      const declared = before.nodes.filter((n) =>
        (n.props.sources as string[] | undefined)?.includes(MEMCON),
      );
      expect(r.data.retractDocument.removedEntityIds).toHaveLength(declared.length);
      expect(r.data.retractDocument.keptEntityIds).toEqual([]);
      const after = await snapshot(api);
      expect(after.nodes.filter((n) => n.labels.includes('Entity'))).toEqual([]);
      expect(after.relationships).toEqual([]);
      expect(after.nodes.filter((n) => n.labels.includes('Identifier'))).toEqual([]);
      const search = await e.gql(null, '{ people { totalCount } }');
      expect(search.data.people.totalCount).toBe(0);
    } finally {
      await seed(api.db);
    }
    // the same graph; an entity deleted and created again starts at version 1 (earlier tests may
    // have edited it), so versions are left out of this comparison
    const unversioned = (g: Awaited<ReturnType<typeof snapshot>>) =>
      JSON.parse(JSON.stringify(g, (k, v) => (k === 'version' ? undefined : v)));
    expect(unversioned(await snapshot(api))).toEqual(unversioned(before));
  });
});
