// The Cypher of src/data/paths.ts, pinned (see entity.test.ts), and the guards on what a path
// statement writes into its text: relationship types from the closed list, checked hop bounds.
import { describe, expect, it } from 'vitest';
import {
  allShortestPathsStatement,
  DEFAULT_TRAVERSAL_TYPES,
  neighborhoodStatement,
  type PathQuery,
  shortestPathStatement,
} from '../../../src/data/paths.ts';
import type { RelationshipType } from '../../../src/model.ts';
import { show } from './show.ts';

const q: PathQuery = {
  from: 'person/deng-xiaoping',
  to: 'person/nikita-khrushchev',
  maxHops: 6,
  types: DEFAULT_TRAVERSAL_TYPES,
};

describe('paths', () => {
  it('follows every type but MENTIONS unless told', () => {
    expect(DEFAULT_TRAVERSAL_TYPES).not.toContain('MENTIONS');
    expect(DEFAULT_TRAVERSAL_TYPES).toHaveLength(18);
  });

  it('shortestPath', () => {
    expect(show(shortestPathStatement(q))).toMatchInlineSnapshot(`
      {
        "cypher": "/* shortestPath */
      MATCH (a:Entity {id: $from})
           MATCH (b:Entity {id: $to})
           MATCH p = shortestPath((a)-[:ATTENDED|PARTICIPATED_IN|REPRESENTED|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET*1..6]-(b))
           RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
             [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels",
        "name": "shortestPath",
        "params": {
          "from": "person/deng-xiaoping",
          "to": "person/nikita-khrushchev",
        },
      }
    `);
  });

  it('allShortestPaths, through the types asked for (each once)', () => {
    expect(
      show(
        allShortestPathsStatement({
          ...q,
          types: ['MENTIONS', 'ATTENDED', 'MENTIONS'],
          maxHops: 3,
          limit: 50,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* allShortestPaths */
      MATCH (a:Entity {id: $from})
           MATCH (b:Entity {id: $to})
           MATCH p = allShortestPaths((a)-[:MENTIONS|ATTENDED*1..3]-(b))
           WITH p LIMIT $limit
           RETURN [n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
             [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels, [n IN nodes(p) | n.id] + [r IN relationships(p) | r.id] AS key
           ORDER BY key",
        "name": "allShortestPaths",
        "params": {
          "from": "person/deng-xiaoping",
          "limit": "int(50)",
          "to": "person/nikita-khrushchev",
        },
      }
    `);
  });

  it('refuses hop bounds out of range, unknown types and an empty type list', () => {
    for (const maxHops of [0, 11, 2.5, Number.NaN])
      expect(() => shortestPathStatement({ ...q, maxHops }), String(maxHops)).toThrow(
        'maxHops must be an integer in 1..10',
      );
    expect(() => shortestPathStatement({ ...q, types: [] })).toThrow('at least one relationship type');
    expect(() => shortestPathStatement({ ...q, types: ['KNOWS' as RelationshipType] })).toThrow(
      'unknown relationship KNOWS',
    );
    expect(() => allShortestPathsStatement({ ...q, limit: 0 })).toThrow('limit must be an integer in 1..500');
    expect(() => allShortestPathsStatement({ ...q, limit: 501 })).toThrow(
      'limit must be an integer in 1..500',
    );
  });
});

describe('neighborhood', () => {
  it('the nearest entities within the depth, then the relationships among them', () => {
    expect(
      show(
        neighborhoodStatement({
          id: 'person/yu-peiwen',
          depth: 2,
          types: DEFAULT_TRAVERSAL_TYPES,
          limit: 100,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* neighborhood */
      MATCH (c:Entity {id: $id})
           CALL {
             WITH c
             MATCH p = ANY SHORTEST (c)-[:ATTENDED|PARTICIPATED_IN|REPRESENTED|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]-{1,2}(m:Entity)
             WHERE m <> c
             WITH m, length(p) AS distance
             ORDER BY distance, m.id
             LIMIT $limit
             RETURN m, {labels: labels(m), props: properties(m), distance: distance} AS other
           }
           WITH c, collect(m) AS found, collect(other) AS others
           WITH c, others, [c] + found AS members
           CALL {
             WITH members
             UNWIND members AS x
             MATCH (x)-[r:ATTENDED|PARTICIPATED_IN|REPRESENTED|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN|TRANSLATION_OF|SAID|ADDRESSED_TO|ABOUT|MADE_AT|HELPED|EXPECTED_TO_MEET]->(y:Entity)
             WHERE y IN members
             RETURN r ORDER BY r.id
           }
           WITH c, others, collect({type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}) AS rels
           UNWIND [{center: {labels: labels(c), props: properties(c)}}] + [o IN others | {other: o}] + [r IN rels | {rel: r}] AS part
           RETURN part",
        "name": "neighborhood",
        "params": {
          "id": "person/yu-peiwen",
          "limit": "int(100)",
        },
      }
    `);
  });

  it('refuses a depth or limit out of range and unknown types', () => {
    const ok = { id: 'person/yu-peiwen', depth: 1, types: ['ATTENDED'] as RelationshipType[], limit: 10 };
    expect(() => neighborhoodStatement({ ...ok, depth: 0 })).toThrow('depth must be an integer in 1..3');
    expect(() => neighborhoodStatement({ ...ok, depth: 4 })).toThrow('depth must be an integer in 1..3');
    expect(() => neighborhoodStatement({ ...ok, limit: 501 })).toThrow('limit must be an integer in 1..500');
    expect(() => neighborhoodStatement({ ...ok, types: ['ATTENDED]-() //' as RelationshipType] })).toThrow(
      /unknown relationship/,
    );
  });

  it('with a plan, reads only the properties the selection reads', () => {
    const query = { id: 'person/deng-xiaoping', depth: 2, types: DEFAULT_TRAVERSAL_TYPES, limit: 50 };
    const plan = { node: ['name'], rel: ['role'], ends: { from: ['from'], to: [] } };
    const cypher = neighborhoodStatement(query, plan).cypher;
    expect(cypher).not.toContain('properties(');
    expect(cypher).toContain('{center: {labels: labels(c), props: c {.id, .name}}}');
    expect(cypher).toContain('props: m {.id, .name}');
    expect(cypher).toContain('props: r {.id, .role}}) AS rels');
    const withEvidence = neighborhoodStatement(query, { ...plan, rel: ['role', 'quotes'] }).cypher;
    expect(withEvidence).toContain('props: r {.id, .role, .quotes}}) AS rels');
    expect(neighborhoodStatement(query).cypher).toContain('props: properties(c)');
    expect(() => neighborhoodStatement(query, { ...plan, node: ['name} RETURN 1 //'] })).toThrow(
      /not a property name/,
    );
  });
});
