// The Cypher of src/data/entity.ts and src/data/relationship.ts, pinned: a change to a statement
// shows in review as a change to these snapshots, without a database.
import { describe, expect, it } from 'vitest';
import { entitiesByIdsStatement, type ListQuery, listEntitiesStatement } from '../../../src/data/entity.ts';
import { relationshipsByNodeStatement } from '../../../src/data/relationship.ts';
import { statement } from '../../../src/data/statement.ts';
import type { EntityType, RelationshipType } from '../../../src/model.ts';
import { show } from './show.ts';

describe('statement', () => {
  it('starts the text with the name as a comment, trimmed', () => {
    expect(statement('x:y', '\n  MATCH (n) RETURN n  \n')).toEqual({
      name: 'x:y',
      cypher: '/* x:y */\nMATCH (n) RETURN n',
      params: {},
    });
  });
});

describe('entitiesByIds', () => {
  it('looks every id up in one UNWIND', () => {
    expect(show(entitiesByIdsStatement(['person/deng-xiaoping', 'meeting/x']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* entitiesByIds */
      UNWIND $ids AS id
           OPTIONAL MATCH (found:Entity {id: id})
           OPTIONAL MATCH (:Redirect {id: id})-[:REDIRECTS_TO]->(moved:Entity)
           WITH id, coalesce(found, moved) AS n
           WHERE n IS NOT NULL
           RETURN id, {labels: labels(n), props: properties(n)} AS node",
        "name": "entitiesByIds",
        "params": {
          "ids": [
            "person/deng-xiaoping",
            "meeting/x",
          ],
        },
      }
    `);
  });
});

describe('listEntities', () => {
  const base: ListQuery = { label: 'Person', order: 'NAME_ASC', offset: 0, limit: 20 };

  it('a plain list by name: every filter a null parameter', () => {
    expect(show(listEntitiesStatement(base))).toMatchInlineSnapshot(`
      {
        "cypher": "/* listEntities:Person */
      MATCH (n:Entity:Person)
           WHERE ($contains IS NULL OR n.searchKeys CONTAINS $contains)
             AND ($startDay IS NULL OR n.dateLatest >= $startDay)
             AND ($endDay IS NULL OR n.dateEarliest <= $endDay)
           WITH n ORDER BY n.sortName ASC, n.id ASC
           WITH collect(n) AS matched
           RETURN size(matched) AS total,
                  [n IN matched[$offset..($offset + $limit)] | {labels: labels(n), props: properties(n)}] AS page",
        "name": "listEntities:Person",
        "params": {
          "contains": null,
          "endDay": null,
          "limit": "int(20)",
          "offset": "int(0)",
          "startDay": null,
        },
      }
    `);
  });

  it('meetings filtered by name and dates, latest first, a later page', () => {
    expect(
      show(
        listEntitiesStatement({
          label: 'Meeting',
          nameContains: 'chervonenko',
          startDay: '1959-11-01',
          endDay: '1959-11-30',
          order: 'DATE_DESC',
          offset: 40,
          limit: 10,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* listEntities:Meeting */
      MATCH (n:Entity:Meeting)
           WHERE ($contains IS NULL OR n.searchKeys CONTAINS $contains)
             AND ($startDay IS NULL OR n.dateLatest >= $startDay)
             AND ($endDay IS NULL OR n.dateEarliest <= $endDay)
           WITH n ORDER BY n.dateEarliest IS NULL, n.dateLatest DESC, n.dateEarliest DESC, n.id DESC
           WITH collect(n) AS matched
           RETURN size(matched) AS total,
                  [n IN matched[$offset..($offset + $limit)] | {labels: labels(n), props: properties(n)}] AS page",
        "name": "listEntities:Meeting",
        "params": {
          "contains": "chervonenko",
          "endDay": "1959-11-30",
          "limit": "int(10)",
          "offset": "int(40)",
          "startDay": "1959-11-01",
        },
      }
    `);
  });

  it('writes only the label and the order clause into the text; the rest are parameters', () => {
    const orders = (['NAME_ASC', 'NAME_DESC', 'DATE_ASC', 'DATE_DESC'] as const).map(
      (order) => /WITH n ORDER BY (.*)\n/.exec(listEntitiesStatement({ ...base, order }).cypher)?.[1],
    );
    expect(orders).toMatchInlineSnapshot(`
      [
        "n.sortName ASC, n.id ASC",
        "n.sortName DESC, n.id DESC",
        "n.dateEarliest IS NULL, n.dateEarliest ASC, n.dateLatest ASC, n.id ASC",
        "n.dateEarliest IS NULL, n.dateLatest DESC, n.dateEarliest DESC, n.id DESC",
      ]
    `);
    const named = listEntitiesStatement({ ...base, nameContains: "x' OR 1=1 //" });
    expect(named.cypher).toBe(listEntitiesStatement(base).cypher);
    expect(named.params.contains).toBe("x' OR 1=1 //");
  });

  it('refuses a label outside the closed list', () => {
    expect(() => listEntitiesStatement({ ...base, label: 'Robot' as EntityType })).toThrow(
      'unknown label Robot',
    );
    expect(() =>
      listEntitiesStatement({ ...base, label: 'Person) DETACH DELETE n //' as EntityType }),
    ).toThrow(/unknown label/);
  });
});

describe('relationshipsByNode', () => {
  const ids = ['person/deng-xiaoping', 'person/yu-zhan'];

  it('out: follows the arrow from each node', () => {
    expect(show(relationshipsByNodeStatement('ATTENDED', 'out', ids))).toMatchInlineSnapshot(`
      {
        "cypher": "/* relationshipsByNode:ATTENDED:out */
      UNWIND $ids AS key
           MATCH (n:Entity {id: key})
           MATCH (n)-[r:ATTENDED]->(m:Entity)
           RETURN key, m.id AS other, properties(r) AS props
           ORDER BY key, m.dateEarliest IS NULL, m.dateEarliest, m.sortName, r.id",
        "name": "relationshipsByNode:ATTENDED:out",
        "params": {
          "ids": [
            "person/deng-xiaoping",
            "person/yu-zhan",
          ],
        },
      }
    `);
  });

  it('in: comes against the arrow to each node', () => {
    expect(show(relationshipsByNodeStatement('MENTIONS', 'in', ids))).toMatchInlineSnapshot(`
      {
        "cypher": "/* relationshipsByNode:MENTIONS:in */
      UNWIND $ids AS key
           MATCH (n:Entity {id: key})
           MATCH (n)<-[r:MENTIONS]-(m:Entity)
           RETURN key, m.id AS other, properties(r) AS props
           ORDER BY key, m.dateEarliest IS NULL, m.dateEarliest, m.sortName, r.id",
        "name": "relationshipsByNode:MENTIONS:in",
        "params": {
          "ids": [
            "person/deng-xiaoping",
            "person/yu-zhan",
          ],
        },
      }
    `);
  });

  it('refuses a relationship type outside the closed list', () => {
    expect(() => relationshipsByNodeStatement('LOVES' as RelationshipType, 'out', ids)).toThrow(
      'unknown relationship LOVES',
    );
    expect(() =>
      relationshipsByNodeStatement('ATTENDED]->() DETACH DELETE n //' as RelationshipType, 'in', ids),
    ).toThrow(/unknown relationship/);
  });
});
