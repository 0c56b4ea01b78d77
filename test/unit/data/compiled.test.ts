// The Cypher of the compiled reads (src/data/compiled/), pinned: the root lists (only the filters
// given, a keyset position, LIMIT, the total only when asked) and an entity by id with its fields
// compiled in, from plans written out by hand. Labels, types and property names come from closed
// lists; every value is a parameter.
import { describe, expect, it } from 'vitest';
import type { NodePlan } from '../../../src/data/compiled/plan.ts';
import { entityByIdStatement, type ListQuery, listStatement } from '../../../src/data/compiled/read.ts';
import type { EntityType } from '../../../src/model.ts';
import { show } from './show.ts';

const base: ListQuery = { label: 'Person', order: 'NAME_ASC', limit: 20, backwards: false, count: false };
const names: NodePlan = { props: ['name'], fields: {} };

describe('root lists', () => {
  it('a plain page by name: no filter in the text, the sort key known to exist, LIMIT one more', () => {
    expect(show(listStatement({ ...base, node: names }))).toMatchInlineSnapshot(`
      {
        "cypher": "/* compiled:list:Person */
      CALL () {
             MATCH (n:Entity:Person)
             WHERE n.sortName IS NOT NULL
             WITH n ORDER BY n.sortName ASC, n.id ASC
             LIMIT $p0
             RETURN collect({key: [n.sortName, n.id], node: [labels(n), [n.id, n.name], []]}) AS page
           }
           UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS item
           RETURN null AS total, item",
        "name": "compiled:list:Person",
        "params": {
          "p0": "int(21)",
        },
      }
    `);
  });

  it('meetings in a date range with the total, latest first, after a cursor', () => {
    expect(
      show(
        listStatement({
          label: 'Meeting',
          nameContains: 'chervonenko',
          startDay: '1959-11-01',
          endDay: '1959-11-30',
          order: 'DATE_DESC',
          limit: 10,
          after: { by: 'date', earliest: '1959-11-06', latest: '1959-11-06', id: 'meeting/x' },
          backwards: false,
          count: true,
        }),
      ),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "/* compiled:list:Meeting */
      CALL () {
             MATCH (n:Entity:Meeting)
             WHERE n.searchKeys CONTAINS $p0 AND n.dateLatest >= $p1 AND n.dateEarliest <= $p2
             RETURN count(n) AS total
           }
           CALL () {
             MATCH (n:Entity:Meeting)
             WHERE n.searchKeys CONTAINS $p0
               AND n.dateLatest >= $p1
               AND n.dateEarliest <= $p2
               AND ((n.dateLatest < $p3) OR (n.dateLatest = $p3 AND n.dateEarliest < $p4) OR (n.dateLatest = $p3 AND n.dateEarliest = $p4 AND n.id < $p5))
             WITH n ORDER BY n.dateLatest DESC, n.dateEarliest DESC, n.id DESC
             LIMIT $p6
             RETURN collect({key: [n.dateEarliest, n.dateLatest, n.id], node: [labels(n), properties(n), []]}) AS page
           }
           UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS item
           RETURN total, item",
        "name": "compiled:list:Meeting",
        "params": {
          "p0": "chervonenko",
          "p1": "1959-11-01",
          "p2": "1959-11-30",
          "p3": "1959-11-06",
          "p4": "1959-11-06",
          "p5": "meeting/x",
          "p6": "int(11)",
        },
      }
    `);
  });

  it('orders: undated last without a date filter; backwards for last/before', () => {
    const orderOf = (q: Partial<ListQuery>) =>
      /ORDER BY (.*)\n/.exec(listStatement({ ...base, ...q }).cypher)?.[1];
    expect([
      orderOf({ order: 'NAME_ASC' }),
      orderOf({ order: 'NAME_DESC' }),
      orderOf({ order: 'DATE_ASC' }),
      orderOf({ order: 'DATE_DESC' }),
      orderOf({ order: 'DATE_ASC', startDay: '1959-01-01' }),
      orderOf({ order: 'NAME_ASC', backwards: true }),
    ]).toMatchInlineSnapshot(`
      [
        "n.sortName ASC, n.id ASC",
        "n.sortName DESC, n.id DESC",
        "n.dateEarliest IS NULL ASC, coalesce(n.dateEarliest, '') ASC, coalesce(n.dateLatest, '') ASC, n.id ASC",
        "n.dateEarliest IS NULL ASC, coalesce(n.dateLatest, '') DESC, coalesce(n.dateEarliest, '') DESC, n.id DESC",
        "n.dateEarliest ASC, n.dateLatest ASC, n.id ASC",
        "n.sortName DESC, n.id DESC",
      ]
    `);
  });

  it('a position before a cursor: the rows before it, nearest first', () => {
    const s = listStatement({
      ...base,
      backwards: true,
      before: { by: 'name', sortName: 'deng', id: 'person/x' },
    });
    expect(s.cypher).toContain('n.sortName <= $p0 AND NOT (n.sortName = $p0 AND n.id >= $p1)');
    expect(s.cypher).toContain('ORDER BY n.sortName DESC, n.id DESC');
  });

  it('writes only the label and clauses into the text; values are parameters', () => {
    const named = listStatement({ ...base, nameContains: "x' OR 1=1 //" });
    expect(named.cypher).toBe(listStatement({ ...base, nameContains: 'other' }).cypher);
    expect(Object.values(named.params)).toContain("x' OR 1=1 //");
    expect(() => listStatement({ ...base, label: 'Robot' as EntityType })).toThrow('unknown label Robot');
  });
});

describe('an entity by id, compiled', () => {
  it('a meeting with its attendees, each with the person, the institution represented and the evidence', () => {
    const plan: NodePlan = {
      props: ['name'],
      fields: {
        attendees: {
          kind: 'relationships',
          type: 'ATTENDED',
          direction: 'in',
          rel: {
            all: false,
            props: ['role'],
            evidence: {
              props: ['quotes', 'starts', 'ends', 'source'],
              document: { keys: ['document'], node: { props: ['name'], fields: {} } },
            },
            ends: { person: { end: 'from', node: names } },
            representing: { representing: { props: ['name'], fields: {} } },
          },
        },
      },
    };
    expect(show(entityByIdStatement('meeting/x', plan))).toMatchInlineSnapshot(`
      {
        "cypher": "/* compiled:entityById */
      OPTIONAL MATCH (found:Entity {id: $id})
           OPTIONAL MATCH (:Redirect {id: $id})-[:REDIRECTS_TO]->(moved:Entity)
           WITH coalesce(found, moved) AS n
           WHERE n IS NOT NULL
           RETURN [labels(n), [n.id, n.name], [COLLECT { MATCH (n)<-[r1:ATTENDED]-(m2:Entity) WITH r1, m2 ORDER BY m2.dateEarliest IS NULL, m2.dateEarliest, m2.sortName, r1.id RETURN [m2.id, n.id, [r1.id, r1.role, r1.quotes, r1.starts, r1.ends, r1.source], [[labels(m2), [m2.id, m2.name], []], COLLECT { MATCH (m2)-[r3:REPRESENTED]->(i4:Entity) WHERE r3.context = n.id WITH r3, i4 ORDER BY i4.dateEarliest IS NULL, i4.dateEarliest, i4.sortName, r3.id LIMIT 1 RETURN [labels(i4), [i4.id, i4.name], []] }[0], COLLECT { MATCH (d5:Entity {id: r1.source}) RETURN [labels(d5), [d5.id, d5.name], []] }[0]]] }]] AS node",
        "name": "compiled:entityById",
        "params": {
          "id": "meeting/x",
        },
      }
    `);
  });

  it('a person with a page of meetings attended and co-attendance', () => {
    const plan: NodePlan = {
      props: 'all',
      fields: {
        attended: {
          kind: 'relationships',
          type: 'ATTENDED',
          direction: 'out',
          rel: {
            all: false,
            props: ['role'],
            evidence: null,
            ends: { meeting: { end: 'to', node: names } },
            representing: {},
          },
          window: { offset: 5, limit: 5, count: true },
        },
        metWith: {
          kind: 'coAttendance',
          person: names,
          meetings: { keys: ['meetings'], node: { props: [], fields: {} } },
          evidence: false,
        },
      },
    };
    expect(show(entityByIdStatement('person/x', plan))).toMatchInlineSnapshot(`
      {
        "cypher": "/* compiled:entityById */
      OPTIONAL MATCH (found:Entity {id: $id})
           OPTIONAL MATCH (:Redirect {id: $id})-[:REDIRECTS_TO]->(moved:Entity)
           WITH coalesce(found, moved) AS n
           WHERE n IS NOT NULL
           RETURN [labels(n), properties(n), [{rows: COLLECT { MATCH (n)-[r1:ATTENDED]->(m2:Entity) WITH r1, m2 ORDER BY m2.dateEarliest IS NULL, m2.dateEarliest, m2.sortName, r1.id SKIP $p0 LIMIT $p1 RETURN [n.id, m2.id, [r1.id, r1.role], [[labels(m2), [m2.id, m2.name], []]]] }, total: COUNT { (n)-[:ATTENDED]->(:Entity) }}, COLLECT { MATCH (n)-[r3:ATTENDED]->(m5:Entity)<-[r4:ATTENDED]-(p6:Entity) WHERE p6 <> n WITH r3, r4, m5, p6 ORDER BY m5.dateEarliest IS NULL, m5.dateEarliest, m5.sortName, r3.id, p6.dateEarliest IS NULL, p6.dateEarliest, p6.sortName, r4.id RETURN {id: p6.id, name: p6.name, own: [n.id, m5.id, [r3.id], []], theirs: [p6.id, m5.id, [r4.id], []], meeting: [labels(m5), [m5.id], []], person: [labels(p6), [p6.id, p6.name], []]} }]] AS node",
        "name": "compiled:entityById",
        "params": {
          "id": "person/x",
          "p0": "int(5)",
          "p1": "int(5)",
        },
      }
    `);
  });

  it('refuses a property that could break out of the text, and writes no response key into it', () => {
    expect(() => entityByIdStatement('person/x', { props: ['name}) RETURN 1 //'], fields: {} })).toThrow(
      /not a property name/,
    );
    const bad = {
      props: [],
      fields: { 'a` : 1 //': { kind: 'linked', type: 'RECORDS', direction: 'in', node: names } },
    };
    // the rows are lists in the plan's order: a key (an alias) never reaches the text
    expect(entityByIdStatement('person/x', bad as NodePlan).cypher).not.toContain('//');
  });
});
