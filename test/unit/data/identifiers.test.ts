// The Cypher of src/data/identifiers.ts, pinned: the identifiers of a batch of entities, the
// entities a batch of keys names, and the statement that records identifiers (seed and importers).
import { describe, expect, it } from 'vitest';
import {
  claimIdentifiersStatement,
  entitiesByIdentifierKeysStatement,
  identifiersByEntityIdsStatement,
} from '../../../src/data/identifiers.ts';
import { show } from './show.ts';

describe('identifier statements', () => {
  it('reads the identifiers of every entity of a batch in one UNWIND', () => {
    expect(show(identifiersByEntityIdsStatement(['person/a', 'institution/b']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* identifiersByEntityIds */
      UNWIND $ids AS id
           MATCH (:Entity {id: id})-[:SAME_AS]->(i:Identifier)
           RETURN id, properties(i) AS props
           ORDER BY id, i.key",
        "name": "identifiersByEntityIds",
        "params": {
          "ids": [
            "person/a",
            "institution/b",
          ],
        },
      }
    `);
  });

  it('finds the entities of a batch of keys through the unique Identifier.key', () => {
    expect(show(entitiesByIdentifierKeysStatement(['wikidata:Q1', 'viaf:15']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* entitiesByIdentifierKeys */
      UNWIND $keys AS key
           MATCH (:Identifier {key: key})<-[:SAME_AS]-(n:Entity)
           RETURN key, {labels: labels(n), props: properties(n)} AS node",
        "name": "entitiesByIdentifierKeys",
        "params": {
          "keys": [
            "wikidata:Q1",
            "viaf:15",
          ],
        },
      }
    `);
  });

  it('records claims keyed "authority:value", linking only identifiers no other entity holds', () => {
    expect(
      show(
        claimIdentifiersStatement([
          {
            entity: 'person/a',
            authority: 'snac',
            value: 'ark:/99166/w6zzzzzz',
            verifiedBy: 'synthetic test data',
            method: 'none',
            verifiedOn: '2026-01-01',
            source: null,
          },
        ]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* claimIdentifiers */
      UNWIND $claims AS c
           MATCH (e:Entity {id: c.entity})
           MERGE (i:Identifier {key: c.key})
           SET i.authority = c.authority
           WITH c, e, i, COLLECT { MATCH (o:Entity)-[:SAME_AS]->(i) WHERE o <> e RETURN o.id } AS others
           CALL (c, e, i, others) {
             WITH * WHERE others = []
             MERGE (e)-[:SAME_AS]->(i)
             SET i.value = c.value, i.verifiedBy = c.verifiedBy, i.method = c.method,
                 i.verifiedOn = c.verifiedOn, i.source = c.source
           }
           WITH c, others WHERE others <> []
           RETURN c.entity AS entity, c.key AS key, others AS claimedBy",
        "name": "claimIdentifiers",
        "params": {
          "claims": [
            {
              "authority": "snac",
              "entity": "person/a",
              "key": "snac:ark:/99166/w6zzzzzz",
              "method": "none",
              "source": null,
              "value": "ark:/99166/w6zzzzzz",
              "verifiedBy": "synthetic test data",
              "verifiedOn": "2026-01-01",
            },
          ],
        },
      }
    `);
  });
});
