// API keys and roles through the app: reads are public by default, a write needs a key with its role
// (UNAUTHENTICATED without one, FORBIDDEN without the role, before any statement runs), a wrong key
// ends the whole request with 401, READS_REQUIRE_KEY closes reads too, mutations never go over GET,
// the schema names each mutation's role, and the key appears in no log line, response or header.
import { vi } from 'vitest';
import {
  type Answer,
  type EditingApp,
  editingApp,
  loadSynthetic,
  removeEditTraces,
  synthetic,
} from './editing.ts';
import { describe, expect, it } from './fixtures.ts';

const CLERK = 'person/synthetic-test-auth-clerk';
const DOC = 'document/synthetic-test-auth';

const UPDATE = /* GraphQL */ `mutation ($id: ID!, $version: Int!, $description: String, $message: String!) {
  updateEntity(id: $id, version: $version, description: $description, message: $message) {
    entity { id version description }
    change { keyId action message }
  }
}`;
const RETRACT = /* GraphQL */ `mutation ($id: ID!) {
  retractDocument(id: $id, message: "test: must be refused") { documentId }
}`;

let e: EditingApp;

describe('API keys and roles', () => {
  it.beforeAll(async ({ api }) => {
    e = await editingApp(api.db);
    await loadSynthetic(api.db, {
      id: DOC,
      title: 'Synthetic test document for the API key tests',
      text: 'SYNTHETIC TEST DOCUMENT, not a historical source.\nThe synthetic clerk attended the synthetic meeting.',
      entities: [
        synthetic(CLERK, 'Person', 'Synthetic Auth Clerk'),
        synthetic('meeting/synthetic-test-auth-meeting', 'Meeting', 'Synthetic Auth Meeting'),
      ],
      relationships: [
        {
          type: 'ATTENDED',
          from: CLERK,
          to: 'meeting/synthetic-test-auth-meeting',
          quote: 'The synthetic clerk attended the synthetic meeting.',
        },
      ],
    });
  });
  it.afterAll(async ({ api }) => {
    await e.close();
    await removeEditTraces(api.db);
  });

  it('reads need no key; a write without one is UNAUTHENTICATED before any statement', async ({ api }) => {
    const read = await e.gql(null, `{ person(id: "${CLERK}") { name version } }`);
    expect(read.data).toEqual({ person: { name: 'Synthetic Auth Clerk', version: 1 } });
    let r: Answer | undefined;
    const statements = await api.statementsDuring(async () => {
      r = await e.gql(null, UPDATE, { id: CLERK, version: 1, description: 'changed', message: 'test' });
    });
    expect(r?.data).toBeNull();
    expect(r?.errors?.[0]).toMatchObject({
      message: 'This needs an API key with the editor role: send `Authorization: Bearer <key>`.',
      path: ['updateEntity'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(statements).toBe(0);
  });

  it.for<[string, () => string]>([
    [
      'a wrong key for a known id',
      () => `${e.editorKey.slice(0, -2)}${e.editorKey.endsWith('AA') ? 'BB' : 'AA'}`,
    ],
    ['a key of an unknown id', () => e.editorKey.replace('cwg_test-editor.', 'cwg_nobody.')],
    ['text that is no key', () => 'hunter2'],
    ['another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['an empty bearer', () => ''],
  ])('%s ends the whole request with 401, reads too', async ([_name, make], { api }) => {
    const value = make();
    const header = value.startsWith('Basic ') ? value : `Bearer ${value}`;
    const statements = await api.statementsDuring(async () => {
      for (const [path, init] of [
        [
          '/graphql',
          { method: 'POST', body: JSON.stringify({ query: '{ people(first: 1) { totalCount } }' }) },
        ],
        ['/id/person/deng-xiaoping', { method: 'GET' }],
      ] as const) {
        const res = await e.app.fetch(`http://test${path}`, {
          ...init,
          headers: { authorization: header, 'content-type': 'application/json' },
        });
        expect(res.status, path).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="coldwar-graph"/);
        const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      }
    });
    expect(statements).toBe(0);
  });

  it('an editor may not retract: FORBIDDEN names the role needed, before any statement', async ({ api }) => {
    let r: Answer | undefined;
    const statements = await api.statementsDuring(async () => {
      r = await e.gql(e.editorKey, RETRACT, { id: DOC });
    });
    expect(r?.errors?.[0]).toMatchObject({
      message: 'The key "test-editor" has the editor role; this needs the admin role.',
      extensions: { code: 'FORBIDDEN', keyId: 'test-editor', role: 'editor', needs: 'admin' },
    });
    expect(statements).toBe(0);
    expect((await e.gql(null, `{ document(id: "${DOC}") { id } }`)).data).toEqual({ document: { id: DOC } });
  });

  it('an admin may do what an editor may; the change names the key id', async () => {
    const r = await e.gql(e.adminKey, UPDATE, {
      id: CLERK,
      version: 1,
      description: 'Synthetic test person, described again by the admin key.',
      message: 'test: an admin edits',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateEntity).toEqual({
      entity: {
        id: CLERK,
        version: 2,
        description: 'Synthetic test person, described again by the admin key.',
      },
      change: { keyId: 'test-admin', action: 'UPDATE', message: 'test: an admin edits' },
    });
  });

  it('refuses a mutation over GET, even with a key', async () => {
    const query = encodeURIComponent(
      `mutation { retractDocument(id: "${DOC}", message: "over GET") { documentId } }`,
    );
    const res = await e.app.fetch(`http://test/graphql?query=${query}`, {
      headers: {
        authorization: `Bearer ${e.adminKey}`,
        'x-graphql-yoga-csrf': '1',
        accept: 'application/json',
      },
    });
    expect(res.status).toBe(405);
    expect((await e.gql(null, `{ document(id: "${DOC}") { id } }`)).data).toEqual({ document: { id: DOC } });
  });

  it('names in the schema the role each mutation needs', async () => {
    const r = await e.gql(null, '{ __schema { mutationType { fields { name description } } } }');
    const fields = r.data.__schema.mutationType.fields as { name: string; description: string }[];
    expect(fields.map((f) => f.name).sort()).toEqual([
      'importDocument',
      'mergeEntities',
      'retractDocument',
      'updateEntity',
    ]);
    for (const f of fields) expect(f.description, f.name).toMatch(/^Role: (editor|admin)\. /);
  });

  it('never logs, echoes or sends back the key', async ({ api }) => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const seen: string[] = [];
    try {
      const { version } = (await e.gql(null, `{ person(id: "${CLERK}") { version } }`)).data.person;
      const wrong = `${e.editorKey.slice(0, -1)}${e.editorKey.endsWith('A') ? 'B' : 'A'}`;
      for (const [key, query, variables] of [
        [
          e.editorKey,
          UPDATE,
          { id: CLERK, version, description: 'Synthetic, third text.', message: 'test: log' },
        ],
        [e.editorKey, UPDATE, { id: CLERK, version: 1, description: 'stale', message: 'test: a conflict' }],
        [e.editorKey, RETRACT, { id: DOC }],
        [e.editorKey, UPDATE, { id: 'not an id', version: 1, description: 'x', message: 'test' }],
        [e.editorKey, '{ broken', {}],
        [wrong, '{ people(first: 1) { totalCount } }', {}],
        [e.adminKey, RETRACT, { id: 'document/synthetic-test-missing' }],
      ] as const) {
        const res = await e.app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        seen.push(await res.text(), JSON.stringify([...res.headers.entries()]));
      }
    } finally {
      spy.mockRestore();
    }
    const everything = [...seen, ...written, ...e.lines.map((l) => JSON.stringify(l))].join('\n');
    expect(e.lines.length).toBeGreaterThanOrEqual(4);
    for (const key of [e.editorKey, e.adminKey]) {
      expect(everything).not.toContain(key);
      expect(everything).not.toContain(key.split('.')[1]);
    }
    const [changes] = await api.db.read<{ text: string }>(
      '/* test:changeText */ MATCH (c:Change) RETURN reduce(s = "", x IN collect(properties(c)) | s + toString(x.keyId) + x.message + x.summary) AS text',
    );
    expect(changes?.text).toContain('test-editor');
    expect(changes?.text).not.toContain(e.editorKey.split('.')[1]);
  });
});

describe('READS_REQUIRE_KEY', () => {
  let closed: EditingApp;
  it.beforeAll(async ({ api }) => {
    closed = await editingApp(api.db, { readsRequireKey: true });
  });
  it.afterAll(async () => {
    await closed.close();
  });

  it('refuses reads without a key (GraphQL and the routes) but answers /health and /ready', async () => {
    const r = await closed.gql(null, '{ people(first: 1) { totalCount } }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await closed.app.fetch('http://test/id/person/deng-xiaoping')).status).toBe(401);
    expect((await closed.app.fetch('http://test/health')).status).toBe(200);
    expect((await closed.app.fetch('http://test/ready')).status).toBe(200);
  });

  it('answers reads with any valid key, whatever its role', async () => {
    for (const key of [closed.editorKey, closed.adminKey]) {
      const r = await closed.gql(key, '{ person(id: "person/deng-xiaoping") { name } }');
      expect(r.data).toEqual({ person: { name: 'Deng Xiaoping' } });
    }
    const res = await closed.app.fetch('http://test/id/person/deng-xiaoping', {
      headers: { authorization: `Bearer ${closed.editorKey}`, accept: 'application/ld+json' },
    });
    expect(res.status).toBe(200);
  });
});
