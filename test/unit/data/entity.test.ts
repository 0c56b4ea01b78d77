// The Cypher of src/data/entity.ts and src/data/relationship.ts, pinned (the root lists and compiled
// reads: compiled.test.ts): a change to a statement
// shows in review as a change to these snapshots, without a database.
import { describe, expect, it } from 'vitest';
import { entitiesByIdsStatement } from '../../../src/data/entity.ts';
import { relationshipsByNodeStatement } from '../../../src/data/relationship.ts';
import { statement } from '../../../src/data/statement.ts';
import type { RelationshipType } from '../../../src/model.ts';
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
