// The Cypher of src/data/timeline.ts, pinned (see entity.test.ts).
import { describe, expect, it } from 'vitest';
import { timelineStatement } from '../../../src/data/timeline.ts';
import { show } from './show.ts';

describe('timeline', () => {
  it('without an actor: every dated meeting, event and document overlapping the range', () => {
    expect(
      show(timelineStatement({ startDay: '1959-01-01', endDay: '1959-12-31', offset: 0, limit: 20 })),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* timeline */
      MATCH (n:Entity)
           WHERE n.dateEarliest <= $endDay AND n.dateLatest >= $startDay
             AND (n:Meeting OR n:Event OR n:Document)
           WITH n, [] AS links
           WITH n, links ORDER BY n.dateEarliest, n.dateLatest, n.id
           WITH collect({n: n, links: links}) AS entries
           RETURN size(entries) AS total,
                  [x IN entries[$offset..($offset + $limit)] | {
                    node: {labels: labels(x.n), props: properties(x.n)},
                    rels: [r IN x.links | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}]
                  }] AS page",
        "name": "timeline",
        "params": {
          "actor": null,
          "endDay": "1959-12-31",
          "limit": "int(20)",
          "offset": "int(0)",
          "startDay": "1959-01-01",
        },
      }
    `);
  });

  it('with an actor: what it is tied to, and the meetings at which someone represented it', () => {
    expect(
      show(
        timelineStatement({
          startDay: '0000-01-01',
          endDay: '9999-12-31',
          actor: 'institution/ussr-embassy-prc',
          offset: 2,
          limit: 2,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* timeline:actor */
      MATCH (actor:Entity {id: $actor})
           CALL {
             WITH actor
             MATCH (actor)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|MENTIONS|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-(n:Entity)
             WHERE n:Meeting OR n:Event OR n:Document
             RETURN n, r
             UNION
             WITH actor
             MATCH (:Entity)-[r:REPRESENTED]->(actor)
             MATCH (n:Entity:Meeting {id: r.context})
             RETURN n, r
           }
           WITH n, collect(r) AS links
           WHERE n.dateEarliest <= $endDay AND n.dateLatest >= $startDay
           WITH n, links ORDER BY n.dateEarliest, n.dateLatest, n.id
           WITH collect({n: n, links: links}) AS entries
           RETURN size(entries) AS total,
                  [x IN entries[$offset..($offset + $limit)] | {
                    node: {labels: labels(x.n), props: properties(x.n)},
                    rels: [r IN x.links | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}]
                  }] AS page",
        "name": "timeline:actor",
        "params": {
          "actor": "institution/ussr-embassy-prc",
          "endDay": "9999-12-31",
          "limit": "int(2)",
          "offset": "int(2)",
          "startDay": "0000-01-01",
        },
      }
    `);
  });
});
