// Constraints and indexes. Every statement is idempotent (IF NOT EXISTS), so this runs at every start.
import { ENTITY_TYPES, RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import type { Db } from './driver.ts';

// statements are found by who said them and what about (`statements`), not by name: the name
// indexes leave them out, so "Deng" finds Deng before the twelve things he said
const labels = ENTITY_TYPES.filter((t) => t !== 'Statement').join('|');

export const MIGRATIONS: readonly string[] = [
  // entityIdUnique: public ids are ours, unique across every kind of node
  'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  // relationship ids: each extracted relationship has a stable id, unique per type
  ...RELATIONSHIP_TYPE_NAMES.map(
    (t) =>
      `CREATE CONSTRAINT rel_${t.toLowerCase()}_id_unique IF NOT EXISTS FOR ()-[r:${t}]-() REQUIRE r.id IS UNIQUE`,
  ),
  // external identifiers: (:Entity)-[:SAME_AS]->(:Identifier {key: 'wikidata:Q…'}), one node per
  // identifier, so no two entities can claim it (src/data/identifiers.ts)
  'CREATE CONSTRAINT identifier_key_unique IF NOT EXISTS FOR (i:Identifier) REQUIRE i.key IS UNIQUE',
  // sort keys for root connections
  'CREATE INDEX entity_sort_name IF NOT EXISTS FOR (n:Entity) ON (n.sortName)',
  'CREATE INDEX entity_date_earliest IF NOT EXISTS FOR (n:Entity) ON (n.dateEarliest)',
  // the root lists read a page in index order (by name, or by date for a date range) and stop at
  // LIMIT (src/data/compiled/read.ts): one index per label and key, so no other label is read
  ...ENTITY_TYPES.flatMap((label) =>
    ['sortName', 'dateEarliest', 'dateLatest'].map(
      (key) =>
        `CREATE INDEX ${label.toLowerCase()}_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} IF NOT EXISTS FOR (n:${label}) ON (n.${key})`,
    ),
  ),
  // nameContains: a substring of the folded names (searchKeys), through a text index
  'CREATE TEXT INDEX entity_search_keys IF NOT EXISTS FOR (n:Entity) ON (n.searchKeys)',
  // full-text over names and aliases (folded: case and diacritics), and over document text
  `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:${labels}) ON EACH [n.name, n.aliasText, n.searchKeys] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
  // exact names: every folded name and alias (searchKeyList) as one term, for an import's entity
  // resolution (src/import: "deng xiaoping" finds the entity named or also known so)
  `CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS FOR (n:${labels}) ON EACH [n.searchKeyList] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'keyword' } }`,
  `CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (n:Document) ON EACH [n.text] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
  // the audit trail (src/data/changes.ts) and the redirects merges leave (src/data/edit.ts)
  'CREATE CONSTRAINT change_id_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
  'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)',
  'CREATE CONSTRAINT redirect_id_unique IF NOT EXISTS FOR (r:Redirect) REQUIRE r.id IS UNIQUE',
  // a document's relationships, found by their source (retractDocument; re-loading a document)
  ...RELATIONSHIP_TYPE_NAMES.map(
    (t) => `CREATE INDEX rel_${t.toLowerCase()}_source IF NOT EXISTS FOR ()-[r:${t}]-() ON (r.source)`,
  ),
];

export async function migrate(db: Db): Promise<void> {
  for (const [i, statement] of MIGRATIONS.entries()) {
    await db.write(`/* migrate:${i} */ ${statement}`);
  }
  // Full-text indexes populate asynchronously; wait so a search right after start sees the seed.
  await db.write('/* awaitIndexes */ CALL db.awaitIndexes(60)');
}
