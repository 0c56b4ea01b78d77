// updateEntity and mergeEntities against the real Neo4j, on a small synthetic document: fields and
// versions, CONFLICT for a stale version (also when two edits race), external identifiers written as
// Identifier nodes, merges that move relationships with their ids and evidence, identifiers and
// history and leave redirects (node, person and chains of merges), and every refusal with its code.
import {
  type Answer,
  type EditingApp,
  editingApp,
  loadSynthetic,
  removeEditTraces,
  SANDBOX_IDENTIFIERS,
  synthetic,
} from './editing.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

const P = (name: string) => `person/synthetic-test-${name}`;
const [ALPHA, BETA, GAMMA] = [P('alpha'), P('beta'), P('gamma')];
const MINISTRY = 'institution/synthetic-test-ministry';
const DIVISION = 'institution/synthetic-test-division';
const [FIRST, SECOND] = ['meeting/synthetic-test-first', 'meeting/synthetic-test-second'];
const DOC = 'document/synthetic-test-edit';

const TEXT = `SYNTHETIC TEST DOCUMENT for the edit tests, not a historical source.
Alpha Synthetic met Beta Synthetic at the first synthetic meeting.
Beta Synthetic held a post in the Synthetic Ministry.
At the second synthetic meeting Beta Synthetic spoke for the Synthetic Ministry.
Gamma Synthetic attended the second synthetic meeting.
The Synthetic Division is part of the Synthetic Ministry.`;

const UPDATE = /* GraphQL */ `mutation ($id: ID!, $version: Int!, $name: String, $aliases: [String!],
    $description: String, $externalIds: [ExternalIdInput!], $message: String!) {
  updateEntity(id: $id, version: $version, name: $name, aliases: $aliases, description: $description,
               externalIds: $externalIds, message: $message) {
    entity { id name aliases description version }
    change { id keyId action message entityIds summary }
  }
}`;
const MERGE = /* GraphQL */ `mutation ($keep: ID!, $remove: ID!, $message: String!) {
  mergeEntities(keep: $keep, remove: $remove, message: $message) {
    entity { id name aliases version }
    movedRelationships
    change { action entityIds summary }
  }
}`;

let e: EditingApp;

/** A refused edit: its first error, and the statements it cost. */
async function refused(api: Api, query: string, variables: Record<string, unknown>, key = e.editorKey) {
  let r: Answer | undefined;
  const statements = await api.statementsDuring(async () => {
    r = await e.gql(key, query, variables);
  });
  expect(r?.errors?.length, JSON.stringify(r)).toBeGreaterThan(0);
  return { error: r?.errors?.[0], statements };
}

const version = async (id: string) =>
  (await e.gql(null, `{ node(id: "${id}") { ... on Entity { version } } }`)).data.node.version as number;

/** Every relationship at an entity, by id, with its properties (as the database holds them). */
async function relationshipsAt(api: Api, id: string) {
  return api.db
    .read<{ id: string; type: string; from: string; to: string; props: Record<string, unknown> }>(
      `/* test:relationshipsAt */ MATCH (n:Entity {id: $id})-[r]-(m:Entity)
     RETURN r.id AS id, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props`,
      { id },
    )
    .then((rows) => rows.sort(byId));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const changeCount = async (api: Api) =>
  (await api.db.read<{ n: number }>('/* test:changes */ MATCH (c:Change) RETURN count(c) AS n'))[0]?.n ?? 0;

const sandbox = (value: string) => ({
  authority: 'WIKIDATA',
  value,
  verifiedBy: 'the test suite',
  method: 'synthetic test: the Wikidata sandbox item, which names no actor',
  verifiedOn: '2026-01-01',
});

describe('editing entities', () => {
  it.beforeAll(async ({ api }) => {
    e = await editingApp(api.db);
    const quote = (line: number) => TEXT.split('\n')[line] as string;
    await loadSynthetic(api.db, {
      id: DOC,
      title: 'Synthetic test document for the edit tests',
      text: TEXT,
      entities: [
        synthetic(ALPHA, 'Person', 'Alpha Synthetic'),
        synthetic(BETA, 'Person', 'Beta Synthetic', { aliases: ['B. Synthetic'] }),
        synthetic(GAMMA, 'Person', 'Gamma Synthetic'),
        synthetic(MINISTRY, 'Institution', 'Synthetic Ministry', { kind: 'ministry' }),
        synthetic(DIVISION, 'Institution', 'Synthetic Division', { kind: 'ministry-division' }),
        synthetic(FIRST, 'Meeting', 'First synthetic meeting'),
        synthetic(SECOND, 'Meeting', 'Second synthetic meeting'),
      ],
      relationships: [
        { type: 'ATTENDED', from: ALPHA, to: FIRST, quote: quote(1) },
        { type: 'ATTENDED', from: BETA, to: FIRST, quote: quote(1) },
        { type: 'HELD_POSITION', from: BETA, to: MINISTRY, quote: quote(2) },
        { type: 'ATTENDED', from: BETA, to: SECOND, quote: quote(3) },
        { type: 'REPRESENTED', from: BETA, to: MINISTRY, context: SECOND, quote: quote(3) },
        { type: 'ATTENDED', from: GAMMA, to: SECOND, quote: quote(4) },
        { type: 'MENTIONS', from: DOC, to: BETA, quote: 'Beta Synthetic held' },
        { type: 'PART_OF', from: DIVISION, to: MINISTRY, quote: quote(5) },
      ],
    });
  });
  it.afterAll(async ({ api }) => {
    await e.close();
    await removeEditTraces(api.db);
  });

  describe('updateEntity', () => {
    it('changes fields, counts the version up and records who, why and what', async ({ api }) => {
      const r = await e.gql(e.editorKey, UPDATE, {
        id: GAMMA,
        version: 1,
        name: 'Gamma Q. Synthetic',
        aliases: ['G. Synthetic', 'Gamma Synthetic'],
        description: 'Synthetic test person, described again.',
        message: 'test: a fuller name',
      });
      expect(r.errors).toBeUndefined();
      const { entity, change } = r.data.updateEntity;
      expect(entity).toEqual({
        id: GAMMA,
        name: 'Gamma Q. Synthetic',
        aliases: ['G. Synthetic', 'Gamma Synthetic'],
        description: 'Synthetic test person, described again.',
        version: 2,
      });
      expect(change).toMatchObject({
        keyId: 'test-editor',
        action: 'UPDATE',
        message: 'test: a fuller name',
      });
      expect(change.entityIds).toEqual([GAMMA]);
      expect(JSON.parse(change.summary)).toEqual({
        id: GAMMA,
        version: { before: 1, after: 2 },
        fields: {
          name: { before: 'Gamma Synthetic', after: 'Gamma Q. Synthetic' },
          aliases: { before: [], after: ['G. Synthetic', 'Gamma Synthetic'] },
          description: {
            before: 'Synthetic test person: not a historical person.',
            after: 'Synthetic test person, described again.',
          },
        },
      });
      // the new name and aliases are found by name at once; the old name stays findable as an alias
      const found = await e.gql(
        null,
        '{ people(filter: { nameContains: "gamma q synthetic" }) { nodes { id } } }',
      );
      expect(found.data.people.nodes).toEqual([{ id: GAMMA }]);
      const [row] = await api.db.read<{ keys: string[]; sortName: string }>(
        '/* test:keys */ MATCH (n:Entity {id: $id}) RETURN n.searchKeyList AS keys, n.sortName AS sortName',
        { id: GAMMA },
      );
      expect(row?.sortName).toBe('gamma q synthetic');
      expect(row?.keys).toEqual(
        expect.arrayContaining(['gamma synthetic', 'gamma q synthetic', 'g synthetic']),
      );
    });

    it('refuses a stale version with CONFLICT and the current version, writing nothing', async ({ api }) => {
      const before = await changeCount(api);
      const { error } = await refused(api, UPDATE, {
        id: GAMMA,
        version: 1,
        description: 'late',
        message: 'test',
      });
      expect(error).toMatchObject({
        extensions: { code: 'CONFLICT', id: GAMMA, version: 1, currentVersion: 2 },
      });
      expect(error?.message).toMatch(/is at version 2, not 1/);
      expect(await changeCount(api)).toBe(before);
      const now = await e.gql(null, `{ person(id: "${GAMMA}") { description } }`);
      expect(now.data.person.description).toBe('Synthetic test person, described again.');
    });

    it('lets one of two racing edits of the same version win; the other gets CONFLICT', async () => {
      const at = await version(GAMMA);
      const results = await Promise.all(
        ['one', 'two'].map((n) =>
          e.gql(e.editorKey, UPDATE, {
            id: GAMMA,
            version: at,
            description: `Synthetic, racer ${n}.`,
            message: n,
          }),
        ),
      );
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await version(GAMMA)).toBe(at + 1);
    });

    it('writes external identifiers as Identifier nodes and removes them again', async ({ api }) => {
      const at = await version(ALPHA);
      const r = await e.gql(e.editorKey, UPDATE, {
        id: ALPHA,
        version: at,
        externalIds: [
          { ...sandbox(SANDBOX_IDENTIFIERS[0]), source: 'https://www.wikidata.org/wiki/Q4115189' },
        ],
        message: 'test: an identifier',
      });
      expect(r.errors).toBeUndefined();
      const held = () =>
        api.db.read<{ entity: string; i: Record<string, unknown> }>(
          `/* test:identifiers */ MATCH (e:Entity)-[:SAME_AS]->(i:Identifier)
           WHERE i.key STARTS WITH 'wikidata:' AND i.value IN $values
           RETURN e.id AS entity, properties(i) AS i`,
          { values: [...SANDBOX_IDENTIFIERS] },
        );
      expect(await held()).toEqual([
        {
          entity: ALPHA,
          i: {
            key: 'wikidata:Q4115189',
            authority: 'wikidata',
            value: 'Q4115189',
            verifiedBy: 'the test suite',
            method: 'synthetic test: the Wikidata sandbox item, which names no actor',
            verifiedOn: '2026-01-01',
            source: 'https://www.wikidata.org/wiki/Q4115189',
          },
        },
      ]);
      // an identifier names one entity
      const taken = await refused(api, UPDATE, {
        id: GAMMA,
        version: await version(GAMMA),
        externalIds: [sandbox(SANDBOX_IDENTIFIERS[0])],
        message: 'test',
      });
      expect(taken.error).toMatchObject({
        extensions: { code: 'INVALID_ARGUMENT', argument: 'externalIds' },
      });
      expect(taken.error?.message).toMatch(
        /wikidata:Q4115189 already identifies "person\/synthetic-test-alpha"/,
      );
      // replaced by another, then removed: the identifier no one holds goes
      for (const list of [[sandbox(SANDBOX_IDENTIFIERS[1])], []]) {
        const next = await e.gql(e.editorKey, UPDATE, {
          id: ALPHA,
          version: await version(ALPHA),
          externalIds: list,
          message: 'test: identifiers replaced',
        });
        expect(next.errors).toBeUndefined();
        expect((await held()).map((h) => h.i.value)).toEqual(list.map((x) => x.value));
      }
      const [left] = await api.db.read<{ n: number }>(
        '/* test:orphans */ MATCH (i:Identifier) WHERE i.value IN $values RETURN count(i) AS n',
        { values: [...SANDBOX_IDENTIFIERS] },
      );
      expect(left?.n).toBe(0);
    });

    it.for<[string, Record<string, unknown>, string, RegExp, boolean]>([
      ['a malformed id', { id: 'Gamma' }, 'INVALID_ID', /Malformed id "Gamma"/, false],
      ['an unknown id', { id: P('nobody') }, 'NOT_FOUND', /No entity has the id/, true],
      ['an empty message', { message: '   ' }, 'INVALID_ARGUMENT', /"message": must not be empty/, false],
      ['version 0', { version: 0 }, 'INVALID_ARGUMENT', /"version": versions start at 1/, false],
      ['no field to change', { description: null }, 'INVALID_ARGUMENT', /give at least one of/, false],
      ['an empty name', { name: '' }, 'INVALID_ARGUMENT', /"name": must not be empty/, false],
      [
        'a malformed identifier',
        { externalIds: [sandbox('X12')] },
        'INVALID_ARGUMENT',
        /"externalIds\[0\]\.value": "X12" is not a Wikidata identifier/,
        false,
      ],
      [
        'an unknown authority',
        { externalIds: [{ ...sandbox('Q1'), authority: 'IMDB' }] },
        'BAD_REQUEST',
        /Value "IMDB" does not exist in "Authority" enum/,
        false,
      ],
      [
        'identifiers on a meeting',
        { id: FIRST, externalIds: [sandbox(SANDBOX_IDENTIFIERS[0])] },
        'INVALID_ARGUMENT',
        /a Meeting carries no external identifiers/,
        false,
      ],
      [
        'values that are already the current ones',
        { description: 'Synthetic test person: not a historical person.', id: BETA, version: 1 },
        'INVALID_ARGUMENT',
        /nothing to change/,
        true,
      ],
    ])('refuses %s', async ([_name, over, code, message, reachesDatabase], { api }) => {
      const before = await changeCount(api);
      const { error, statements } = await refused(api, UPDATE, {
        id: GAMMA,
        version: 1,
        description: 'x',
        message: 'test',
        ...over,
      });
      expect(error?.extensions?.code).toBe(code);
      expect(error?.message).toMatch(message);
      if (!reachesDatabase) expect(statements).toBe(0);
      expect(await changeCount(api)).toBe(before);
    });

    it('refuses a mutation without its message before it runs', async ({ api }) => {
      const { error, statements } = await refused(
        api,
        `mutation { updateEntity(id: "${GAMMA}", version: 1, description: "x") { entity { id } } }`,
        {},
      );
      expect(error?.message).toMatch(/argument "message" of type "String!" is required/);
      expect(statements).toBe(0);
    });
  });

  describe('mergeEntities', () => {
    it('moves relationships with their ids and evidence, names and identifiers, and leaves a redirect', async ({
      api,
    }) => {
      await e.gql(e.editorKey, UPDATE, {
        id: BETA,
        version: 1,
        externalIds: [sandbox(SANDBOX_IDENTIFIERS[0])],
        message: 'test: an identifier to move',
      });
      const before = await relationshipsAt(api, BETA);
      const alphaBefore = await relationshipsAt(api, ALPHA);
      const alphaVersion = await version(ALPHA);
      const r = await e.gql(e.editorKey, MERGE, { keep: ALPHA, remove: BETA, message: 'test: one person' });
      expect(r.errors).toBeUndefined();
      const m = r.data.mergeEntities;
      expect(m.entity).toEqual({
        id: ALPHA,
        name: 'Alpha Synthetic',
        aliases: ['Beta Synthetic', 'B. Synthetic'],
        version: alphaVersion + 1,
      });
      expect(m.movedRelationships).toBe(before.length);
      expect(m.change.entityIds).toEqual([ALPHA, BETA]);
      // the same relationships, with the same ids and properties (evidence included), now at alpha
      const after = await relationshipsAt(api, ALPHA);
      const swap = (x: string) => (x === BETA ? ALPHA : x);
      expect(after).toEqual(
        [...alphaBefore, ...before.map((x) => ({ ...x, from: swap(x.from), to: swap(x.to) }))].sort(byId),
      );
      expect(await relationshipsAt(api, BETA)).toEqual([]);
      const [held] = await api.db.read<{ entity: string }>(
        "/* test:holder */ MATCH (e:Entity)-[:SAME_AS]->(:Identifier {key: 'wikidata:Q4115189'}) RETURN e.id AS entity",
      );
      expect(held?.entity).toBe(ALPHA);
      const summary = JSON.parse(m.change.summary);
      expect(summary).toMatchObject({ keep: ALPHA, removed: { id: BETA, name: 'Beta Synthetic' } });
      expect(summary.moved).toMatchObject({ ATTENDED: 2, HELD_POSITION: 1, REPRESENTED: 1, MENTIONS: 1 });
      // the removed id answers with the survivor wherever an entity is looked up by id
      const read = await e.gql(null, `{ node(id: "${BETA}") { id } person(id: "${BETA}") { id name } }`);
      expect(read.errors).toBeUndefined();
      expect(read.data.node).toEqual({ id: ALPHA });
      expect(read.data.person).toMatchObject({ id: ALPHA, name: 'Alpha Synthetic' });
      // and its URI has moved for good to the survivor's
      const moved = await api.app.fetch(`http://test/id/${BETA}`, { headers: { accept: 'text/turtle' } });
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toMatch(new RegExp(`/id/${ALPHA}$`));
      // the removed entity's history moved too: alpha's history holds beta's identifier edit
      const history = await e.gql(
        null,
        `{ person(id: "${ALPHA}") { history { nodes { action message } } } }`,
      );
      expect(history.data.person.history.nodes.slice(0, 1)).toEqual([
        { action: 'MERGE', message: 'test: one person' },
      ]);
      expect(history.data.person.history.nodes).toContainEqual({
        action: 'UPDATE',
        message: 'test: an identifier to move',
      });
    });

    it('rewrites the meeting a representation names when meetings merge', async ({ api }) => {
      const r = await e.gql(e.editorKey, MERGE, {
        keep: FIRST,
        remove: SECOND,
        message: 'test: one meeting',
      });
      expect(r.errors).toBeUndefined();
      const [rep] = await api.db.read<{ context: string }>(
        `/* test:context */ MATCH (:Entity {id: $alpha})-[r:REPRESENTED]->() RETURN r.context AS context`,
        { alpha: ALPHA },
      );
      expect(rep?.context).toBe(FIRST);
      const m = await e.gql(null, `{ meeting(id: "${SECOND}") { id attendees { person { id } } } }`);
      expect(m.data.meeting.id).toBe(FIRST);
      expect(m.data.meeting.attendees.map((a: { person: { id: string } }) => a.person.id).sort()).toEqual([
        ALPHA,
        ALPHA,
        ALPHA,
        GAMMA,
      ]);
    });

    it('follows a chain of merges to the last survivor, and edits through a redirect', async () => {
      const r = await e.gql(e.editorKey, MERGE, {
        keep: GAMMA,
        remove: ALPHA,
        message: 'test: one person again',
      });
      expect(r.errors).toBeUndefined();
      expect(r.data.mergeEntities.entity.aliases).toEqual(
        expect.arrayContaining(['Alpha Synthetic', 'Beta Synthetic', 'B. Synthetic', 'G. Synthetic']),
      );
      for (const id of [ALPHA, BETA]) {
        const n = await e.gql(null, `{ node(id: "${id}") { id } }`);
        expect(n.data.node, id).toEqual({ id: GAMMA });
      }
      const edited = await e.gql(e.editorKey, UPDATE, {
        id: BETA,
        version: await version(GAMMA),
        description: 'Synthetic test person, edited through an old id.',
        message: 'test: through a redirect',
      });
      expect(edited.errors).toBeUndefined();
      expect(edited.data.updateEntity.entity.id).toBe(GAMMA);
    });

    it.for<[string, Record<string, string>, string, RegExp, boolean]>([
      [
        'entities of two types',
        { keep: GAMMA, remove: MINISTRY },
        'INVALID_ARGUMENT',
        /only entities of one type merge/,
        false,
      ],
      [
        'an entity into itself',
        { keep: GAMMA, remove: GAMMA },
        'INVALID_ARGUMENT',
        /cannot be merged into itself/,
        false,
      ],
      [
        'documents',
        { keep: DOC, remove: 'document/memcon-chervonenko-deng-1959-11-06' },
        'INVALID_ARGUMENT',
        /documents are sources/,
        false,
      ],
      ['a malformed id', { keep: GAMMA, remove: 'Beta' }, 'INVALID_ID', /Malformed id "Beta"/, false],
      [
        'an empty message',
        { keep: GAMMA, remove: P('x'), message: '' },
        'INVALID_ARGUMENT',
        /"message"/,
        false,
      ],
      ['an unknown id', { keep: GAMMA, remove: P('nobody') }, 'NOT_FOUND', /synthetic-test-nobody/, true],
      [
        'an id merged already',
        { keep: GAMMA, remove: BETA },
        'INVALID_ARGUMENT',
        /was merged into "person\/synthetic-test-gamma"/,
        true,
      ],
      [
        'entities a relationship joins',
        { keep: MINISTRY, remove: DIVISION },
        'INVALID_ARGUMENT',
        /relationships join/,
        true,
      ],
    ])('refuses %s', async ([_name, args, code, message, reachesDatabase], { api }) => {
      const before = await changeCount(api);
      const { error, statements } = await refused(api, MERGE, { message: 'test', ...args });
      expect(error?.extensions?.code).toBe(code);
      expect(error?.message).toMatch(message);
      if (!reachesDatabase) expect(statements).toBe(0);
      expect(await changeCount(api)).toBe(before);
    });

    it('needs a key with the editor role', async () => {
      const r = await e.gql(null, MERGE, { keep: MINISTRY, remove: DIVISION, message: 'test' });
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
