// What the tests of writes share: an app with two test keys (an editor and an admin) whose log
// lines are kept, a `gql` that sends a key, and small synthetic documents (clearly labelled, never
// historical) loaded through the seed's own validator and loader. Entities of the seed may appear in
// a synthetic document only as copies of their seed entries, so loading one changes none of their fields.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appOptions, createApp } from '../src/app.ts';
import { hashKey, newKey, parseHash } from '../src/auth/keys.ts';
import { KeyStore } from '../src/auth/store.ts';
import type { Db } from '../src/db/driver.ts';
import type { LogLine } from '../src/http/requests.ts';
import { SEED_DIR } from '../src/seed/index.ts';
import { loadDocument } from '../src/seed/load.ts';
import { type ValidatedDocument, validateExtraction } from '../src/seed/validate.ts';
import { type BundleDoc, type BundleRelationship, bundleOf } from '../test-support/bundles.ts';
import type { GqlResult } from './fixtures.ts';

/** scrypt at the lowest cost the store accepts, to keep the tests quick. */
const TEST_COST = { N: 2 ** 14, r: 8, p: 1 };

/** An answer as the tests read it (its data untyped). */
export type Answer = GqlResult<any>;

export interface EditingApp {
  app: ReturnType<typeof createApp>;
  keys: KeyStore;
  editorKey: string;
  adminKey: string;
  /** The request log lines the app wrote. */
  lines: LogLine[];
  /** GraphQL over POST with `Authorization: Bearer <key>` (none when key is null). */
  gql: <T = any>(
    key: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<GqlResult<T>>;
  close: () => Promise<void>;
}

export async function editingApp(db: Db, options: { readsRequireKey?: boolean } = {}): Promise<EditingApp> {
  const editorKey = newKey('test-editor');
  const adminKey = newKey('test-admin');
  const keys = new KeyStore([
    { id: 'test-editor', role: 'editor', hash: parseHash(await hashKey(editorKey, TEST_COST), 'test') },
    { id: 'test-admin', role: 'admin', hash: parseHash(await hashKey(adminKey, TEST_COST), 'test') },
  ]);
  const lines: LogLine[] = [];
  const app = createApp(db, {
    ...appOptions(),
    keys,
    readsRequireKey: options.readsRequireKey ?? false,
    log: (line) => lines.push(line),
  });
  const gql = async <T>(key: string | null, query: string, variables?: Record<string, unknown>) => {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GqlResult<T>, 'status'>) };
  };
  return {
    app,
    keys,
    editorKey,
    adminKey,
    lines,
    gql,
    close: async () => {
      await app.dispose();
    },
  };
}

/** A synthetic document and its relationships: the bundles of the import tests (test-support/bundles.ts). */
export type SyntheticRelationship = BundleRelationship;
export type SyntheticDocument = BundleDoc;

/** The seed memorandum's entries for these ids, exactly as the seed declares them. */
export function seedEntries(ids: readonly string[]): Record<string, unknown>[] {
  const seed = JSON.parse(
    readFileSync(join(SEED_DIR, 'extractions', 'memcon-chervonenko-deng-1959-11-06.json'), 'utf8'),
  ) as { entities: { id: string }[] };
  return ids.map((id) => {
    const e = seed.entities.find((x) => x.id === id);
    if (!e) throw new Error(`${id} is not in the seed`);
    return e;
  });
}

/** A synthetic person, institution or meeting entry. */
export const synthetic = (id: string, type: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  name,
  description: `Synthetic test ${type.toLowerCase()}: not a historical ${type.toLowerCase()}.`,
  ...extra,
});

/** Validates a synthetic document as the seed is validated (offsets checked) and returns it. */
export function validateSynthetic(doc: SyntheticDocument): ValidatedDocument {
  const { extraction, text, textFile } = bundleOf(doc);
  const dir = mkdtempSync(join(tmpdir(), 'coldwar-graph-synthetic-'));
  try {
    writeFileSync(join(dir, textFile), text);
    writeFileSync(join(dir, 'extraction.json'), JSON.stringify(extraction));
    return validateExtraction(join(dir, 'extraction.json'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Validates and loads a synthetic document through the seed loader. */
export async function loadSynthetic(db: Db, doc: SyntheticDocument): Promise<ValidatedDocument> {
  const v = validateSynthetic(doc);
  await loadDocument(db, v);
  return v;
}

/** Ids of the tests' synthetic entities contain this (after the type prefix). */
export const SYNTHETIC_MARK = '/synthetic-test-';

/** Removes what the tests of writes leave: changes, redirects, and what synthetic documents added. */
export async function removeEditTraces(db: Db): Promise<void> {
  await db.write('/* testRemoveChanges */ MATCH (c:Change) DETACH DELETE c');
  await db.write('/* testRemoveRedirects */ MATCH (r:Redirect) DETACH DELETE r');
  await db.write(
    `/* testRemoveSyntheticRelationships */
     MATCH (:Entity)-[r]->(:Entity) WHERE r.source CONTAINS $mark DELETE r`,
    { mark: SYNTHETIC_MARK },
  );
  await db.write(
    `/* testRemoveSyntheticEntities */
     MATCH (n:Entity) WHERE n.id CONTAINS $mark
     OPTIONAL MATCH (n)-[:SAME_AS]->(i:Identifier) WHERE i.key IN $sandbox
     DETACH DELETE n, i`,
    { mark: SYNTHETIC_MARK, sandbox: SANDBOX_IDENTIFIERS.map((x) => `wikidata:${x}`) },
  );
  await db.write(
    `/* testReleaseSyntheticSources */
     MATCH (n:Entity) WHERE any(s IN n.sources WHERE s CONTAINS $mark)
     SET n.sources = [s IN n.sources WHERE NOT s CONTAINS $mark]`,
    { mark: SYNTHETIC_MARK },
  );
}

/**
 * Wikidata's sandbox items ("Wikidata Sandbox", "Wikidata Sandbox 2"), made for tests: the only
 * identifiers the tests give synthetic entities, so no real item is claimed for an invented actor.
 */
export const SANDBOX_IDENTIFIERS = ['Q4115189', 'Q13406268'] as const;
