// The Cypher of src/data/reconcile.ts, pinned (see test/unit/data/entity.test.ts): a change to a
// statement shows in review as a change to these snapshots, without a database.
import { describe, expect, it } from 'vitest';
import { reconcileCandidatesStatement, reconcileFactsStatement } from '../../src/data/reconcile.ts';
import { show } from './data/show.ts';

describe('reconcileCandidates', () => {
  it('asks the names index once for the whole batch, filtering types before each query’s limit', () => {
    expect(
      show(
        reconcileCandidatesStatement(
          [
            { key: 'q0', lucene: '(deng^3 OR deng*^2 OR deng~1)', types: ['Person'] },
            { key: 'q1', lucene: '(ussr^3 OR ussr*^2 OR ussr~1)', types: ['Institution', 'Place'] },
          ],
          50,
        ),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* reconcileCandidates */
      UNWIND $queries AS q
           CALL (q) {
             CALL db.index.fulltext.queryNodes('entity_names', q.lucene) YIELD node, score
             WHERE any(l IN labels(node) WHERE l IN q.types)
             RETURN node, score
             ORDER BY score DESC, node.id ASC
             LIMIT $perQuery
           }
           RETURN q.key AS key, node.id AS id, [l IN labels(node) WHERE l IN $labels][0] AS type,
                  node.name AS name, coalesce(node.aliases, []) AS aliases,
                  coalesce(node.description, '') AS description, score AS textScore",
        "name": "reconcileCandidates",
        "params": {
          "labels": [
            "Person",
            "Institution",
            "Document",
            "Meeting",
            "Event",
            "Place",
            "Statement",
          ],
          "perQuery": "int(50)",
          "queries": [
            {
              "key": "q0",
              "lucene": "(deng^3 OR deng*^2 OR deng~1)",
              "types": [
                "Person",
              ],
            },
            {
              "key": "q1",
              "lucene": "(ussr^3 OR ussr*^2 OR ussr~1)",
              "types": [
                "Institution",
                "Place",
              ],
            },
          ],
        },
      }
    `);
  });

  it('passes user text only as a parameter', () => {
    const q = (lucene: string) =>
      reconcileCandidatesStatement([{ key: "') DETACH DELETE n //", lucene, types: [] }], 5);
    expect(q("x') YIELD node DETACH DELETE node //").cypher).toBe(q('x').cypher);
  });
});

describe('reconcileFacts', () => {
  it('reads posts, representation, meetings, events, parents, ids and dates in one UNWIND', () => {
    expect(show(reconcileFactsStatement(['person/deng-xiaoping', 'person/yu-zhan']))).toMatchInlineSnapshot(`
      {
        "cypher": "/* reconcileFacts */
      UNWIND $ids AS key
           MATCH (n:Entity {id: key})
           RETURN n.id AS id,
             [(n)-[r:HELD_POSITION]->(i:Entity) |
               {id: i.id, name: i.name, aliases: coalesce(i.aliases, []), title: r.title, within: [(i)-[:PART_OF*1..3]->(a:Entity) | {id: a.id, name: a.name, aliases: coalesce(a.aliases, [])}]}] AS positions,
             [(n)-[:REPRESENTED]->(i:Entity) |
               {id: i.id, name: i.name, aliases: coalesce(i.aliases, []), within: [(i)-[:PART_OF*1..3]->(a:Entity) | {id: a.id, name: a.name, aliases: coalesce(a.aliases, [])}]}] AS represented,
             [(n)-[:ATTENDED]->(m:Entity) | {id: m.id, name: m.name, aliases: coalesce(m.aliases, [])}] AS attended,
             [(n)-[:PARTICIPATED_IN]->(m:Entity) | {id: m.id, name: m.name, aliases: coalesce(m.aliases, [])}] AS participatedIn,
             [(n)-[:PART_OF*1..3]->(a:Entity) | {id: a.id, name: a.name, aliases: coalesce(a.aliases, [])}] AS partOf,
             [(n)-[:SAME_AS]->(x:Identifier) | x.key] AS externalIds,
             {earliest: n.dateEarliest, latest: n.dateLatest} AS own,
             [(n)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(:Entity)
               WHERE r.startEarliest IS NOT NULL OR r.endLatest IS NOT NULL OR r.attestedEarliest IS NOT NULL |
               {start: r.startEarliest, end: r.endLatest,
                attestedEarliest: r.attestedEarliest, attestedLatest: r.attestedLatest}] AS terms,
             [(n)-[:ATTENDED|PARTICIPATED_IN|AUTHORED]->(m:Entity) WHERE m.dateEarliest IS NOT NULL |
               {earliest: m.dateEarliest, latest: m.dateLatest}] AS linked",
        "name": "reconcileFacts",
        "params": {
          "ids": [
            "person/deng-xiaoping",
            "person/yu-zhan",
          ],
        },
      }
    `);
  });
});
