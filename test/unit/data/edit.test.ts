// The Cypher of the writes (src/data/edit.ts, retract.ts) and the audit trail (src/data/changes.ts),
// pinned: a change to a statement shows in review as a change to these snapshots, without a database.
import { describe, expect, it } from 'vitest';
import { changesStatement, historyStatement, recordChangeStatement } from '../../../src/data/changes.ts';
import {
  finishMergeStatement,
  identifierHoldersStatement,
  linksBetweenStatement,
  lockEntitiesStatement,
  moveRelationshipsStatement,
  replaceIdentifiersStatement,
  updateEntityStatement,
} from '../../../src/data/edit.ts';
import {
  deleteDocumentRelationshipsStatement,
  lockDocumentStatement,
  releaseEntitiesStatement,
} from '../../../src/data/retract.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../../../src/model.ts';
import { show } from './show.ts';

describe('edit statements', () => {
  it('lock the entities named in a fixed order (their ids sorted), following no redirect', () => {
    expect(show(lockEntitiesStatement(['person/b', 'person/a', 'person/b']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* lockEntities */
      UNWIND $ids AS key
           OPTIONAL MATCH (n:Entity {id: key})
           OPTIONAL MATCH (:Redirect {id: key})-[:REDIRECTS_TO]->(m:Entity)
           FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | SET x.version = coalesce(x.version, 1))
           RETURN key, m.id AS redirectsTo,
                  CASE WHEN n IS NULL THEN null ELSE {labels: labels(n), props: properties(n)} END AS node,
                  CASE WHEN n IS NULL THEN [] ELSE [(n)-[:SAME_AS]->(i:Identifier) | properties(i)] END AS identifiers",
        "name": "lockEntities",
        "params": {
          "ids": [
            "person/a",
            "person/b",
          ],
        },
      }
    `);
  });

  it('update an entity, count its version up and rebuild its search text', () => {
    expect(show(updateEntityStatement('person/a', { description: 'x' }))).toMatchInlineSnapshot(`
      {
        "cypher": "/* updateEntity */
      MATCH (n:Entity {id: $id})
           SET n += $props, n.version = coalesce(n.version, 1) + 1
           SET n.aliasText = reduce(s = '', a IN n.aliases | s + a + ' | '),
             n.searchKeys = reduce(s = '', k IN n.searchKeyList | s + k + ' | ')
           RETURN {labels: labels(n), props: properties(n)} AS node",
        "name": "updateEntity",
        "params": {
          "id": "person/a",
          "props": {
            "description": "x",
          },
        },
      }
    `);
  });

  it('find who else holds an identifier, and replace the identifiers of an entity', () => {
    expect(show(identifierHoldersStatement('person/a', ['wikidata:Q1']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* identifierHolders */
      UNWIND $keys AS k
           MATCH (i:Identifier {key: k})<-[:SAME_AS]-(o:Entity)
           WHERE o.id <> $id
           RETURN k AS key, o.id AS holder",
        "name": "identifierHolders",
        "params": {
          "id": "person/a",
          "keys": [
            "wikidata:Q1",
          ],
        },
      }
    `);
    expect(
      show(
        replaceIdentifiersStatement('person/a', [
          {
            key: 'wikidata:Q1',
            authority: 'wikidata',
            value: 'Q1',
            verifiedBy: 'v',
            method: 'm',
            verifiedOn: '2026-01-01',
            source: null,
          },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* replaceIdentifiers */
      MATCH (n:Entity {id: $id})
           CALL {
             WITH n
             MATCH (n)-[s:SAME_AS]->(old:Identifier)
             WHERE NOT old.key IN [x IN $identifiers | x.key]
             DELETE s
             WITH old WHERE NOT EXISTS { (old)<-[:SAME_AS]-() }
             DELETE old
           }
           CALL {
             WITH n
             UNWIND $identifiers AS x
             MERGE (i:Identifier {key: x.key})
             SET i += x
             MERGE (n)-[:SAME_AS]->(i)
           }
           RETURN count(n) AS done",
        "name": "replaceIdentifiers",
        "params": {
          "id": "person/a",
          "identifiers": [
            {
              "authority": "wikidata",
              "key": "wikidata:Q1",
              "method": "m",
              "source": null,
              "value": "Q1",
              "verifiedBy": "v",
              "verifiedOn": "2026-01-01",
            },
          ],
        },
      }
    `);
  });

  it('count the links between two entities over the closed list of types', () => {
    expect(show(linksBetweenStatement('person/a', 'person/b'))).toMatchInlineSnapshot(`
      {
        "cypher": "/* linksBetween */
      MATCH (a:Entity {id: $a})-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(b:Entity {id: $b})
           RETURN count(r) AS links",
        "name": "linksBetween",
        "params": {
          "a": "person/a",
          "b": "person/b",
        },
      }
    `);
  });

  it('move the relationships of every type, both ways, in one statement', () => {
    const s = moveRelationshipsStatement('person/a', 'person/b');
    expect(s.params).toEqual({ keep: 'person/a', remove: 'person/b' });
    for (const t of RELATIONSHIP_TYPE_NAMES) {
      expect(s.cypher).toContain(`MATCH (x)-[r:${t}]->(b:Entity)`);
      expect(s.cypher).toContain(`MATCH (a:Entity)-[r:${t}]->(x)`);
    }
    // each relationship is deleted before it is created again, so its id never exists twice
    expect(s.cypher.match(/DELETE r\s+CREATE/g)).toHaveLength(2 * RELATIONSHIP_TYPE_NAMES.length);
    expect(s.cypher.split('\n').slice(0, 14).join('\n')).toMatchInlineSnapshot(`
      "/* moveRelationships */
      MATCH (k:Entity {id: $keep})
           MATCH (x:Entity {id: $remove})
           CALL {
               WITH k, x
               MATCH (x)-[r:ATTENDED]->(b:Entity)
               WITH k, r, b, properties(r) AS p
               DELETE r
               CREATE (k)-[moved:ATTENDED]->(b) SET moved = p
               RETURN count(*) AS attended_out
             }
           CALL {
               WITH k, x
               MATCH (a:Entity)-[r:ATTENDED]->(x)"
    `);
  });

  it('finish a merge with a redirect', () => {
    expect(
      show(finishMergeStatement('person/a', 'person/b', { aliases: ['B'] }, 'c1')),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* finishMerge */
      MATCH (k:Entity {id: $keep})
           MATCH (x:Entity {id: $remove})
           CALL { WITH k, x MATCH (x)-[s:SAME_AS]->(i:Identifier) MERGE (k)-[:SAME_AS]->(i) DELETE s }
           CALL { WITH k, x MATCH (c:Change)-[s:CHANGED]->(x) MERGE (c)-[:CHANGED]->(k) DELETE s }
           CALL { WITH k, x MATCH (rd:Redirect)-[s:REDIRECTS_TO]->(x) CREATE (rd)-[:REDIRECTS_TO]->(k) DELETE s }
           SET k += $props, k.version = coalesce(k.version, 1) + 1
           SET k.aliasText = reduce(s = '', a IN k.aliases | s + a + ' | '),
             k.searchKeys = reduce(s = '', k IN k.searchKeyList | s + k + ' | ')
           DETACH DELETE x
           MERGE (rd:Redirect {id: $remove})
           SET rd.changeId = $changeId
           WITH k, rd
           CALL { WITH rd MATCH (rd)-[old:REDIRECTS_TO]->() DELETE old }
           CREATE (rd)-[:REDIRECTS_TO]->(k)
           RETURN {labels: labels(k), props: properties(k)} AS node",
        "name": "finishMerge",
        "params": {
          "changeId": "c1",
          "keep": "person/a",
          "props": {
            "aliases": [
              "B",
            ],
          },
          "remove": "person/b",
        },
      }
    `);
  });
});

describe('retraction statements', () => {
  it('lock the document, delete its relationships by source, and release its entities', () => {
    expect(show(lockDocumentStatement('document/x'))).toMatchInlineSnapshot(`
      {
        "cypher": "/* lockDocument */
      MATCH (d:Entity:Document {id: $id})
           SET d.version = coalesce(d.version, 1)
           RETURN d.id AS id, coalesce(d.title, d.name) AS title",
        "name": "lockDocument",
        "params": {
          "id": "document/x",
        },
      }
    `);
    const del = deleteDocumentRelationshipsStatement('document/x');
    for (const t of RELATIONSHIP_TYPE_NAMES) expect(del.cypher).toContain(`MATCH ()-[r:${t}]->()`);
    expect(del.cypher.split('\n').slice(0, 8).join('\n')).toMatchInlineSnapshot(`
      "/* deleteDocumentRelationships */
      CALL {
               MATCH ()-[r:ATTENDED]->()
               WHERE r.source = $id
               DELETE r
               RETURN count(*) AS attended
             }
           CALL {"
    `);
    expect(show(releaseEntitiesStatement('document/x'))).toMatchInlineSnapshot(`
      {
        "cypher": "/* releaseEntities */
      MATCH (n:Entity)
           WHERE $id IN n.sources OR n.id = $id
           SET n.sources = [s IN coalesce(n.sources, []) WHERE s <> $id]
           WITH n, n.id = $id OR (size(n.sources) = 0 AND NOT EXISTS { (n)-[:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(:Entity) }) AS gone
           WITH collect(CASE WHEN gone THEN n END) AS goneNodes, collect(CASE WHEN NOT gone THEN n.id END) AS kept
           CALL {
             WITH goneNodes
             UNWIND goneNodes AS g
             MATCH (g)-[:SAME_AS]->(i:Identifier)
             WHERE NOT EXISTS { (i)<-[:SAME_AS]-(o:Entity) WHERE o <> g }
             DETACH DELETE i
           }
           CALL {
             WITH goneNodes
             UNWIND goneNodes AS g
             MATCH (rd:Redirect)-[:REDIRECTS_TO]->(g)
             DETACH DELETE rd
           }
           WITH goneNodes, kept, [g IN goneNodes | {id: g.id, name: g.name}] AS gone
           FOREACH (g IN goneNodes | DETACH DELETE g)
           RETURN gone, kept",
        "name": "releaseEntities",
        "params": {
          "id": "document/x",
        },
      }
    `);
  });
});

describe('audit trail statements', () => {
  it('record a change with its links, and read changes and histories', () => {
    expect(
      show(
        recordChangeStatement({
          id: 'c1',
          keyId: 'alice',
          action: 'update',
          message: 'why',
          entityIds: ['person/a', 'person/a', 'person/b'],
          summary: { fields: {} },
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* recordChange */
      CREATE (c:Change {id: $id, at: datetime(), keyId: $keyId, action: $action, message: $message,
                             entityIds: $entityIds, summary: $summary})
           WITH c
           CALL {
             WITH c
             UNWIND $entityIds AS eid
             MATCH (e:Entity {id: eid})
             CREATE (c)-[:CHANGED]->(e)
           }
           RETURN properties(c) AS change",
        "name": "recordChange",
        "params": {
          "action": "update",
          "entityIds": [
            "person/a",
            "person/b",
          ],
          "id": "c1",
          "keyId": "alice",
          "message": "why",
          "summary": "{"fields":{}}",
        },
      }
    `);
    expect(
      show(changesStatement({ since: '2026-01-01T00:00:00.000Z', offset: 0, limit: 20 })),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* changes */
      CALL { MATCH (c:Change) WHERE ($since IS NULL OR c.at >= datetime($since)) AND ($entity IS NULL OR $entity IN c.entityIds) RETURN count(c) AS total }
           CALL {
             MATCH (c:Change) WHERE ($since IS NULL OR c.at >= datetime($since)) AND ($entity IS NULL OR $entity IN c.entityIds)
             WITH c ORDER BY c.at, c.id SKIP $offset LIMIT $limit
             RETURN collect(properties(c)) AS page
           }
           RETURN total, page",
        "name": "changes",
        "params": {
          "entity": null,
          "limit": "int(20)",
          "offset": "int(0)",
          "since": "2026-01-01T00:00:00.000Z",
        },
      }
    `);
    expect(show(historyStatement(['person/a'], { offset: 20, limit: 10 }))).toMatchInlineSnapshot(`
      {
        "cypher": "/* history */
      UNWIND $ids AS key
           MATCH (n:Entity {id: key})
           CALL { WITH n MATCH (c:Change)-[:CHANGED]->(n) RETURN count(c) AS total }
           CALL {
             WITH n
             MATCH (c:Change)-[:CHANGED]->(n)
             WITH c ORDER BY c.at DESC, c.id DESC SKIP $offset LIMIT $limit
             RETURN collect(properties(c)) AS page
           }
           RETURN key, total, page",
        "name": "history",
        "params": {
          "ids": [
            "person/a",
          ],
          "limit": "int(10)",
          "offset": "int(20)",
        },
      }
    `);
  });
});
