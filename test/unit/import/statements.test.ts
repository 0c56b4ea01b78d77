// The text of every statement of an import and of the bundle export, pinned (no database), and the
// columns the writes send their rows in.
import { describe, expect, it } from 'vitest';
import {
  bundleDocumentsStatement,
  bundleEntitiesStatement,
  bundleRelationshipsStatement,
} from '../../../src/data/export-bundle.ts';
import {
  entitiesByNameKeysStatement,
  entitiesForIdsStatement,
  lockIdentifiersStatement,
  lockImportDocumentStatement,
} from '../../../src/data/import.ts';
import {
  columns,
  pruneRelationshipsStatement,
  releasedEntitiesStatement,
  removeUnsupportedStatement,
  upsertEntitiesStatement,
  writeRelationshipsStatement,
} from '../../../src/data/import-write.ts';

describe('import statements', () => {
  it('locks the document', () => {
    expect(lockImportDocumentStatement('document/x').cypher).toMatchInlineSnapshot(`
      "/* lockImportDocument */
      MERGE (d:Entity {id: $id})
           ON CREATE SET d.version = 0
           WITH d, d.version = 0 AS fresh
           SET d:Document, d.version = CASE WHEN fresh THEN 1 ELSE coalesce(d.version, 1) END
           RETURN fresh, properties(d) AS props"
    `);
  });
  it('locks identifiers in key order, once each', () => {
    const s = lockIdentifiersStatement([
      { key: 'wikidata:Q2', authority: 'wikidata' },
      { key: 'wikidata:Q1', authority: 'wikidata' },
      { key: 'wikidata:Q2', authority: 'wikidata' },
    ]);
    expect(s.cypher).toMatchInlineSnapshot(`
      "/* lockIdentifiers */
      UNWIND $keys AS k
           MERGE (i:Identifier {key: k.key})
           SET i.authority = k.authority
           RETURN k.key AS key, [(i)<-[:SAME_AS]-(n:Entity) | {id: n.id, type: [l IN labels(n) WHERE l IN $labels][0], name: n.name, aliases: coalesce(n.aliases, [])}] AS holders"
    `);
    expect((s.params.keys as { key: string }[]).map((k) => k.key)).toEqual(['wikidata:Q1', 'wikidata:Q2']);
  });
  it('finds ids and redirects', () => {
    expect(entitiesForIdsStatement(['person/x']).cypher).toMatchInlineSnapshot(`
      "/* entitiesForIds */
      UNWIND $ids AS id
           OPTIONAL MATCH (n:Entity {id: id})
           OPTIONAL MATCH (:Redirect {id: id})-[:REDIRECTS_TO]->(m:Entity)
           WITH id, n, m WHERE n IS NOT NULL OR m IS NOT NULL
           RETURN id, n IS NULL AS redirected, CASE WHEN n IS NULL THEN {id: m.id, type: [l IN labels(m) WHERE l IN $labels][0], name: m.name, aliases: coalesce(m.aliases, [])} ELSE {id: n.id, type: [l IN labels(n) WHERE l IN $labels][0], name: n.name, aliases: coalesce(n.aliases, [])} END AS entity"
    `);
  });
  it('looks names up in the keyword index, quoted, one clause each', () => {
    const s = entitiesByNameKeysStatement('Person', ['deng xiaoping', 'teng hsiao p ing']);
    expect(s.cypher).toMatchInlineSnapshot(`
      "/* entitiesByNameKeys */
      CALL db.index.fulltext.queryNodes('entity_name_keys', $query, {limit: $limit}) YIELD node
           WHERE node:Person
           RETURN {id: node.id, type: [l IN labels(node) WHERE l IN $labels][0], name: node.name, aliases: coalesce(node.aliases, [])} AS entity"
    `);
    expect(s.params.query).toBe('"deng xiaoping" OR "teng hsiao p ing"');
    expect(() => entitiesByNameKeysStatement('Spy' as never, ['x'])).toThrow(/unknown label/);
  });
  it('upserts entities of one type from columns', () => {
    const s = upsertEntitiesStatement('Person', [
      { id: 'person/a', props: { name: 'A', aliases: ['Ay'] } },
      { id: 'person/b', props: { name: 'B', note: 'N.' } },
    ]);
    expect(s.cypher).toMatchInlineSnapshot(`
      "/* upsertEntities:Person */
      UNWIND range(0, size($ids) - 1) AS i
           MERGE (n:Entity {id: $ids[i]})
           ON CREATE SET n += {aliases: $p_aliases[i], name: $p_name[i], note: $p_note[i]}, n.version = 0
           SET n:Person
           WITH n, n.version = 0 AS created
           SET n.version = CASE WHEN created THEN 1 ELSE coalesce(n.version, 1) END
           WITH n, created WHERE NOT created
           RETURN n.id AS id, properties(n) AS props, [(n)-[:SAME_AS]->(i:Identifier) | i.key] AS identifiers"
    `);
    expect(s.params).toEqual({
      ids: ['person/a', 'person/b'],
      p_aliases: [['Ay'], null],
      p_name: ['A', 'B'],
      p_note: [null, 'N.'],
    });
  });
  it('creates the relationships of a new document, merges those of one imported again', () => {
    const rows = [
      {
        from: 'person/a',
        to: 'meeting/m',
        props: { id: 'document/d#ATTENDED:person/a->meeting/m', quotes: ['q'] },
      },
    ];
    expect(writeRelationshipsStatement('ATTENDED', rows, true).cypher).toMatchInlineSnapshot(`
      "/* createRelationships:ATTENDED */
      UNWIND range(0, size($from) - 1) AS i
           MATCH (a:Entity {id: $from[i]})
           MATCH (b:Entity {id: $to[i]})
           CREATE (a)-[r:ATTENDED]->(b)
           SET r = {id: $r_id[i], quotes: $r_quotes[i]}
           RETURN count(r) AS written, count(r) AS added, sum(size(r.quotes)) AS addedPassages, [] AS changed"
    `);
    expect(writeRelationshipsStatement('ATTENDED', rows, false).cypher).toMatchInlineSnapshot(`
      "/* mergeRelationships:ATTENDED */
      UNWIND range(0, size($from) - 1) AS i
           MATCH (a:Entity {id: $from[i]})
           MATCH (b:Entity {id: $to[i]})
           MERGE (a)-[r:ATTENDED {id: $r_id[i]}]->(b)
           WITH i, r, size(keys(r)) = 1 AS created, properties(r) AS before
           SET r = {id: $r_id[i], quotes: $r_quotes[i]}
           WITH r, created, before, properties(r) AS after
           RETURN count(r) AS written,
                  sum(CASE WHEN created THEN 1 ELSE 0 END) AS added,
                  sum(CASE WHEN created THEN size(after.quotes) ELSE 0 END) AS addedPassages,
                  collect(CASE WHEN NOT created AND before <> after THEN {before: before, after: after} END) AS changed"
    `);
    expect(() => writeRelationshipsStatement('MARRIED' as never, rows, true)).toThrow(/unknown relationship/);
  });
  it('prunes, releases and removes what a re-imported document no longer states', () => {
    const prune = pruneRelationshipsStatement('document/d', ['r1']).cypher;
    expect(prune.split('\n')[0]).toBe('/* pruneRelationships */');
    expect(prune).toContain('WHERE r.source = $doc AND NOT r.id IN $keep');
    expect(prune.match(/CALL \{/g)).toHaveLength(19);
    expect(releasedEntitiesStatement('document/d', ['person/a']).cypher).toMatchInlineSnapshot(`
      "/* releasedEntities */
      MATCH (n:Entity)
           WHERE $doc IN n.sources AND NOT n.id IN $declared
           SET n.version = coalesce(n.version, 1)
           RETURN n.id AS id, properties(n) AS props"
    `);
    expect(removeUnsupportedStatement(['person/a']).cypher).toMatchInlineSnapshot(`
      "/* removeUnsupported */
      UNWIND $ids AS id
           MATCH (n:Entity {id: id})
           WHERE size(coalesce(n.sources, [])) = 0 AND NOT EXISTS { (n)-[:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(:Entity) }
           CALL (n) {
             MATCH (n)-[:SAME_AS]->(i:Identifier)
             WHERE NOT EXISTS { (i)<-[:SAME_AS]-(o:Entity) WHERE o <> n }
             DETACH DELETE i
           }
           CALL (n) {
             MATCH (rd:Redirect)-[:REDIRECTS_TO]->(n)
             DETACH DELETE rd
           }
           WITH n, n.id AS gone
           DETACH DELETE n
           RETURN collect(gone) AS removed"
    `);
  });
  it('refuses a property name that is not ours', () => {
    expect(() => columns([{ 'x}) DETACH DELETE n //': 1 }], 'p')).toThrow(/not a property name/);
  });
});

describe('bundle export statements', () => {
  it('pages documents, entities and relationships by id', () => {
    expect(bundleDocumentsStatement('', 100).cypher).toMatchInlineSnapshot(`
      "/* bundleDocuments */
      MATCH (d:Document)
           WHERE d.id > $after AND d.text IS NOT NULL
           WITH d ORDER BY d.id ASC LIMIT $batch
           RETURN d.id AS id, 'Document' AS type, properties(d) AS props, [] AS identifiers"
    `);
    expect(bundleEntitiesStatement('document/d', '', 1000).cypher).toMatchInlineSnapshot(`
      "/* bundleEntities */
      MATCH (n:Entity)
           WHERE n.id > $after AND $doc IN n.sources AND n.id <> $doc
           WITH n ORDER BY n.id ASC LIMIT $batch
           RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS type, properties(n) AS props,
                  [(n)-[:SAME_AS]->(i:Identifier) | properties(i)] AS identifiers"
    `);
    expect(bundleRelationshipsStatement('document/d', 'MENTIONS', '', 1000).cypher).toMatchInlineSnapshot(`
      "/* bundleRelationships:MENTIONS */
      MATCH (a:Entity)-[r:MENTIONS]->(b:Entity)
           WHERE r.source = $doc AND r.id > $after
           WITH a, r, b ORDER BY r.id ASC LIMIT $batch
           RETURN 'MENTIONS' AS type, a.id AS from, b.id AS to, properties(r) AS props"
    `);
  });
});
