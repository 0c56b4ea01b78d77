// Small synthetic document bundles for the import tests: an extraction (coldwar-graph/extraction@1)
// built from a text and its entries, each relationship's quote found in the text, and the helpers
// that write one to files (the CLI's input) and put the test database back to the seed afterwards.
// Texts say on their first line that they are synthetic; no historical fact is invented.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../src/db/driver.ts';
import { seed } from '../src/seed/index.ts';

export interface BundleRelationship {
  type: string;
  from: string;
  to: string;
  /** Found in the text (its first occurrence at or after `after`, default 0). */
  quote: string;
  after?: number;
  key?: string;
  context?: string;
  role?: string;
}

export interface BundleDoc {
  /** "document/synthetic-test-…". */
  id: string;
  title: string;
  /** Its first line is the citation and says it is synthetic. */
  text: string;
  entities: Record<string, unknown>[];
  relationships: BundleRelationship[];
  aliases?: string[];
}

/** The extraction of a synthetic document, and its text. */
export function bundleOf(doc: BundleDoc): {
  extraction: Record<string, any>;
  text: string;
  textFile: string;
} {
  if (!doc.text.startsWith('SYNTHETIC')) throw new Error('a synthetic document says so on its first line');
  const textFile = `${doc.id.slice('document/'.length)}.txt`;
  const firstLine = doc.text.indexOf('\n');
  const extraction = {
    format: 'coldwar-graph/extraction@1',
    document: {
      id: doc.id,
      title: doc.title,
      aliases: doc.aliases ?? [],
      description: 'Synthetic test document: not a historical source.',
      textFile,
      sections: {
        citation: { start: 0, end: firstLine },
        body: { start: firstLine + 1, end: doc.text.length },
      },
      date: { value: '2000-01-01', precision: 'day', certainty: 'stated' },
      language: 'en',
    },
    entities: doc.entities,
    relationships: doc.relationships.map(({ quote, after, ...r }) => {
      const start = doc.text.indexOf(quote, after ?? 0);
      if (start < 0) throw new Error(`"${quote}" is not in the synthetic text`);
      return { ...r, evidence: [{ quote, start, end: start + quote.length, certainty: 'stated' }] };
    }),
  };
  return { extraction, text: doc.text, textFile };
}

/** The bundle as the importDocument mutation takes it. */
export function bundleInput(doc: BundleDoc, edit?: (x: Record<string, any>) => void) {
  const b = bundleOf(doc);
  edit?.(b.extraction);
  return {
    file: `${b.textFile.replace(/\.txt$/, '')}.json`,
    extraction: JSON.stringify(b.extraction),
    text: b.text,
  };
}

/** Writes the bundle as the CLI reads it: DIR/NAME.json, its text in DIR/texts/. Returns the JSON's path. */
export function writeBundleFiles(
  dir: string,
  doc: BundleDoc,
  edit?: (x: Record<string, any>) => void,
): string {
  const b = bundleOf(doc);
  edit?.(b.extraction);
  mkdirSync(join(dir, 'texts'), { recursive: true });
  writeFileSync(join(dir, 'texts', b.textFile), b.text);
  const path = join(dir, `${b.textFile.replace(/\.txt$/, '')}.json`);
  writeFileSync(path, JSON.stringify(b.extraction, null, 2));
  return path;
}

/** Deletes every node of the test database, then seeds it: what the next test file expects. */
export async function restoreSeed(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.write<{ n: number }>(
      '/* testWipe */ MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n',
    );
    if (!row?.n) break;
  }
  await seed(db);
}

/** Every entity, relationship and identifier with its properties, and the changes: to compare before and after. */
export async function graphSnapshot(db: Db): Promise<unknown> {
  const nodes = await db.read(
    '/* testSnapshotNodes */ MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  );
  const rels = await db.read(
    `/* testSnapshotRels */ MATCH (a:Entity)-[r]->(b) WHERE NOT b:Change
     RETURN type(r) AS type, a.id AS from, coalesce(b.id, b.key) AS to, properties(r) AS props ORDER BY type, from, to, props.id`,
  );
  const identifiers = await db.read(
    '/* testSnapshotIdentifiers */ MATCH (i:Identifier) RETURN properties(i) AS props ORDER BY props.key',
  );
  const changes = await db.read('/* testSnapshotChanges */ MATCH (c:Change) RETURN c.id AS id ORDER BY id');
  return { nodes, rels, identifiers, changes };
}
