// The Cypher of src/data/export.ts and export-selection.ts, pinned (see data/entity.test.ts): keyset paging in id order
// (never SKIP), selections bounded by a LIMIT, and the guards on what is written into the text.
import { describe, expect, it } from 'vitest';
import {
  exportDocumentsStatement,
  exportEdgesStatement,
  exportNodesStatement,
  exportTotalsStatement,
  FIRST_EDGE_CURSOR,
  MAX_EXPORT_BATCH,
} from '../../src/data/export.ts';
import {
  aroundMembersStatement,
  documentMembersStatement,
  exportEdgeCountStatement,
} from '../../src/data/export-selection.ts';
import type { RelationshipType } from '../../src/model.ts';
import { show } from './data/show.ts';

const members = ['institution/ccp-cc', 'person/deng-xiaoping'];
const types: RelationshipType[] = ['ATTENDED', 'REPRESENTED'];

describe('export statements', () => {
  it('pages through nodes in id order after a key, never with SKIP', () => {
    expect(show(exportNodesStatement({}, 'person/a', 1000))).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportNodes */
      MATCH (n:Entity)
           WHERE n.id > $after
           WITH n ORDER BY n.id ASC LIMIT $batch
           RETURN labels(n) AS labels, n {.id, .name, .aliases, .description, .note, .kind,
            .dateValue, .datePrecision, .dateEarliest, .dateLatest, .dateCertainty, .dateReasoning,
            .title, .archiveReference, .language} AS props,
                  [(n)-[:SAME_AS]->(i:Identifier) | properties(i)] AS identifiers,
                  COUNT { (n)-[:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(:Entity) } AS relationships,
                  reduce(s = 0, r IN [(n)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(:Entity) | r] | s + size(coalesce(r.quotes, []))) AS evidence,
                  size(coalesce(n.sources, [])) AS documents",
        "name": "exportNodes",
        "params": {
          "after": "person/a",
          "batch": "int(1000)",
        },
      }
    `);
    const selection = exportNodesStatement({ members }, '', 50);
    expect(selection.name).toBe('exportNodes:selection');
    expect(selection.cypher).toContain('WHERE n.id > $after AND n.id IN $members');
    expect(selection.params.members).toEqual(members);
    for (const s of [selection, exportEdgesStatement({}, FIRST_EDGE_CURSOR, 10)])
      expect(s.cypher).not.toMatch(/\bSKIP\b/);
  });

  it('pages through relationships by start node and then id, continuing inside a node', () => {
    expect(show(exportEdgesStatement({}, { node: 'person/a', rel: 'r1' }, 1000))).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportEdges */
      MATCH (a:Entity)
           WHERE a.id >= $after
           WITH a ORDER BY a.id ASC LIMIT $batch
           WITH collect(a) AS starts
           RETURN size(starts) AS scanned,
                  CASE WHEN size(starts) = 0 THEN null ELSE starts[-1].id END AS last,
                  COLLECT {
                    UNWIND starts AS a
                    MATCH (a)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]->(b:Entity)
                    WHERE (a.id > $after OR ($afterRel IS NOT NULL AND r.id > $afterRel))
                    WITH r ORDER BY a.id ASC, r.id ASC LIMIT $batch
                    RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}
                  } AS rels",
        "name": "exportEdges",
        "params": {
          "after": "person/a",
          "afterRel": "r1",
          "batch": "int(1000)",
        },
      }
    `);
  });

  it('limits a neighbourhood to its types and members, a document to its own claims', () => {
    const around = exportEdgesStatement({ members, types }, FIRST_EDGE_CURSOR, 100);
    expect(around.cypher).toContain('MATCH (a)-[r:ATTENDED|REPRESENTED]->(b:Entity)');
    expect(around.cypher).toContain('AND b.id IN $members');
    expect(around.cypher).not.toContain('$document');
    const document = exportEdgesStatement({ members, document: 'document/d' }, FIRST_EDGE_CURSOR, 100);
    expect(show(document)).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportEdges:selection */
      MATCH (a:Entity)
           WHERE a.id >= $after AND a.id IN $members
           WITH a ORDER BY a.id ASC LIMIT $batch
           WITH collect(a) AS starts
           RETURN size(starts) AS scanned,
                  CASE WHEN size(starts) = 0 THEN null ELSE starts[-1].id END AS last,
                  COLLECT {
                    UNWIND starts AS a
                    MATCH (a)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]->(b:Entity)
                    WHERE (a.id > $after OR ($afterRel IS NOT NULL AND r.id > $afterRel)) AND b.id IN $members AND r.source = $document
                    WITH r ORDER BY a.id ASC, r.id ASC LIMIT $batch
                    RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}
                  } AS rels",
        "name": "exportEdges:selection",
        "params": {
          "after": "",
          "afterRel": null,
          "batch": "int(100)",
          "document": "document/d",
          "members": [
            "institution/ccp-cc",
            "person/deng-xiaoping",
          ],
        },
      }
    `);
  });

  it('refuses a batch out of bounds and a relationship type not in the model', () => {
    for (const batch of [0, -1, 1.5, MAX_EXPORT_BATCH + 1]) {
      expect(() => exportNodesStatement({}, '', batch)).toThrow('batch must be an integer');
      expect(() => exportEdgesStatement({}, FIRST_EDGE_CURSOR, batch)).toThrow('batch must be an integer');
    }
    expect(() =>
      exportEdgesStatement({ types: ['KNOWS' as RelationshipType] }, FIRST_EDGE_CURSOR, 10),
    ).toThrow('unknown relationship KNOWS');
  });

  it('reads documents, totals and a selection’s relationship count', () => {
    expect(show(exportDocumentsStatement(['document/d']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportDocuments */
      UNWIND $ids AS id
           MATCH (d:Entity {id: id})
           WHERE d:Document
           RETURN d.id AS id, d.title AS title, d.archiveReference AS archiveReference, d.text AS text",
        "name": "exportDocuments",
        "params": {
          "ids": [
            "document/d",
          ],
        },
      }
    `);
    expect(show(exportTotalsStatement())).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportTotals */
      CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
           CALL { MATCH ()-[r:ATTENDED]->() RETURN count(r) AS e0 }
           CALL { MATCH ()-[r:PARTICIPATED_IN]->() RETURN count(r) AS e1 }
           CALL { MATCH ()-[r:REPRESENTED]->() RETURN count(r) AS e2 }
           CALL { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS e3 }
           CALL { MATCH ()-[r:RECORDS]->() RETURN count(r) AS e4 }
           CALL { MATCH ()-[r:AUTHORED]->() RETURN count(r) AS e5 }
           CALL { MATCH ()-[r:TRANSLATED]->() RETURN count(r) AS e6 }
           CALL { MATCH ()-[r:OBTAINED]->() RETURN count(r) AS e7 }
           CALL { MATCH ()-[r:HELD_BY]->() RETURN count(r) AS e8 }
           CALL { MATCH ()-[r:HELD_POSITION]->() RETURN count(r) AS e9 }
           CALL { MATCH ()-[r:PART_OF]->() RETURN count(r) AS e10 }
           CALL { MATCH ()-[r:TOOK_PLACE_IN]->() RETURN count(r) AS e11 }
           CALL { MATCH ()-[r:TRANSLATION_OF]->() RETURN count(r) AS e12 }
           CALL { MATCH ()-[r:SAID]->() RETURN count(r) AS e13 }
           CALL { MATCH ()-[r:ADDRESSED_TO]->() RETURN count(r) AS e14 }
           CALL { MATCH ()-[r:ABOUT]->() RETURN count(r) AS e15 }
           CALL { MATCH ()-[r:MADE_AT]->() RETURN count(r) AS e16 }
           CALL { MATCH ()-[r:HELPED]->() RETURN count(r) AS e17 }
           CALL { MATCH ()-[r:EXPECTED_TO_MEET]->() RETURN count(r) AS e18 }
           RETURN nodes, e0 + e1 + e2 + e3 + e4 + e5 + e6 + e7 + e8 + e9 + e10 + e11 + e12 + e13 + e14 + e15 + e16 + e17 + e18 AS edges",
        "name": "exportTotals",
        "params": {},
      }
    `);
    expect(show(exportEdgeCountStatement({ members, types }))).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportEdgeCount */
      UNWIND $members AS id
           MATCH (a:Entity {id: id})
           MATCH (a)-[r:ATTENDED|REPRESENTED]->(b:Entity)
           WHERE b.id IN $members
           RETURN count(r) AS edges",
        "name": "exportEdgeCount",
        "params": {
          "members": [
            "institution/ccp-cc",
            "person/deng-xiaoping",
          ],
        },
      }
    `);
  });

  it('resolves a selection reading at most the limit', () => {
    expect(show(aroundMembersStatement('person/deng-xiaoping', 2, types, 10_000))).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportAroundMembers */
      MATCH (c:Entity {id: $id})
           RETURN c.id AS center,
                  COLLECT {
                    MATCH p = ANY SHORTEST (c)-[:ATTENDED|REPRESENTED]-{1,2}(m:Entity)
                    WHERE m <> c
                    RETURN m.id
                    LIMIT $limit
                  } AS others",
        "name": "exportAroundMembers",
        "params": {
          "id": "person/deng-xiaoping",
          "limit": "int(10000)",
        },
      }
    `);
    expect(() => aroundMembersStatement('person/x', 4, types, 10)).toThrow(
      'depth must be an integer in 1..3',
    );
    expect(() => aroundMembersStatement('person/x', 0, types, 10)).toThrow(
      'depth must be an integer in 1..3',
    );
    expect(show(documentMembersStatement('document/d', 50_001))).toMatchInlineSnapshot(`
      {
        "cypher": "/* exportDocumentMembers */
      MATCH (d:Entity {id: $id})
           WHERE d:Document
           RETURN d.id AS document,
                  COLLECT {
                    MATCH (a:Entity)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]->(b:Entity)
                    WHERE r.source = d.id
                    WITH a, b LIMIT $limit
                    RETURN [a.id, b.id]
                  } AS ends",
        "name": "exportDocumentMembers",
        "params": {
          "id": "document/d",
          "limit": "int(50001)",
        },
      }
    `);
  });
});
