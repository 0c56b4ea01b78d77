// The raw-Cypher side (C) of `npm run bench:peer`: one hand-written statement per operation and the
// little JavaScript that shapes its rows into a JSON answer. Search builds its full-text query and
// re-ranks with the API's own pure functions (src/search/), so that the ranking compared is the same.
import neo4j from 'neo4j-driver';
import { MAX_SEARCH_RESULTS } from '../../src/limits.ts';
import { ENTITY_TYPES } from '../../src/model.ts';
import { searchKeys } from '../../src/search/fold.ts';
import { matchQuery } from '../../src/search/match.ts';
import { luceneQuery } from '../../src/search/query.ts';
import { rerank } from '../../src/search/rank.ts';

export type Run = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;
type Row = Record<string, any>;

const FOLLOWED =
  'ATTENDED|PARTICIPATED_IN|REPRESENTED|RECORDS|AUTHORED|TRANSLATED|OBTAINED|HELD_BY|HELD_POSITION|PART_OF|TOOK_PLACE_IN';
const NEIGHBORHOOD_LIMIT = 500;

const STATEMENTS = {
  person: `MATCH (p:Entity:Person {id: $id}) RETURN p.id AS id, p.name AS name, p.description AS description`,
  meeting: `MATCH (m:Entity:Meeting {id: $id})
    RETURN m.id AS id, m.name AS name, m.dateValue AS date,
      [(p:Entity)-[a:ATTENDED]->(m) | {
        person: {id: p.id, name: p.name}, role: a.role,
        representing: head([(p)-[r:REPRESENTED]->(i:Entity) WHERE r.context = m.id | {id: i.id, name: i.name}]),
        evidence: {quotes: a.quotes, starts: a.starts, ends: a.ends, source: a.source}}] AS attendees`,
  peopleByName: `MATCH (p:Entity:Person) WHERE p.searchKeys CONTAINS $text
    WITH p ORDER BY p.sortName, p.id LIMIT 20
    RETURN p.id AS id, p.name AS name, COLLECT {
      MATCH (p)-[a:ATTENDED]->(m:Entity)
      WITH a, m ORDER BY m.dateEarliest, m.sortName, a.id LIMIT 5
      RETURN {id: m.id, name: m.name, date: m.dateValue, role: a.role} } AS attended`,
  metWith: `MATCH (p:Entity:Person {id: $id})-[:ATTENDED]->(m:Entity)<-[:ATTENDED]-(o:Entity)
    WHERE o <> p
    WITH o, collect(m.id) AS meetings
    RETURN o.id AS person, size(meetings) AS count, meetings
    ORDER BY count DESC, o.sortName, o.id`,
  meetingsInRange: `MATCH (m:Entity:Meeting) WHERE m.dateEarliest <= $endDate AND m.dateLatest >= $startDate
    WITH m ORDER BY m.dateEarliest, m.dateLatest, m.id LIMIT 20
    RETURN m.id AS id, m.dateValue AS date,
      [(p:Entity)-[a:ATTENDED]->(m) | {id: p.id, name: p.name, role: a.role}] AS attendees`,
  search: `CALL {
      CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
      RETURN node, score
      UNION ALL
      CALL db.index.fulltext.queryNodes('document_text', $q) YIELD node, score
      RETURN node, score * 0.5 AS score
    }
    WITH node, score WHERE any(l IN labels(node) WHERE l IN $types)
    WITH node, max(score) AS score
    WITH node, CASE WHEN any(k IN $exact WHERE k IN node.searchKeyList) THEN score * 2 + 1 ELSE score END AS score
    RETURN node.id AS id, node.name AS name, score, coalesce(node.searchKeyList, []) AS keys
    ORDER BY score DESC, node.sortName ASC, node.id ASC
    LIMIT $limit`,
  neighborhood: `MATCH (c:Entity {id: $id})
    CALL {
      WITH c
      MATCH p = ANY SHORTEST (c)-[:${FOLLOWED}]-{1,2}(m:Entity)
      WHERE m <> c
      RETURN m, length(p) AS distance ORDER BY distance, m.id LIMIT $limit
    }
    WITH c, collect(m) AS found
    WITH c.id AS center, [m IN found | m.id] AS others, [c] + found AS members
    CALL {
      WITH members
      UNWIND members AS x
      MATCH (x)-[r:${FOLLOWED}]->(y:Entity) WHERE y IN members
      RETURN r ORDER BY r.id
    }
    RETURN center, others,
      collect({type: type(r), from: startNode(r).id, to: endNode(r).id, quotes: r.quotes}) AS edges`,
} as const;

export type RawOperation = keyof typeof STATEMENTS;
export const RAW_OPERATIONS = Object.keys(STATEMENTS) as RawOperation[];

/** Answers one operation with its one statement. */
export async function answer(op: RawOperation, vars: Row, run: Run): Promise<unknown> {
  switch (op) {
    case 'person':
    case 'meeting':
      return (await run(STATEMENTS[op], vars))[0] ?? null;
    case 'search': {
      const text = String(vars.text);
      const lucene = matchQuery(text) ?? luceneQuery(text);
      const rows = (await run(STATEMENTS.search, {
        q: lucene,
        exact: searchKeys([text]),
        types: ENTITY_TYPES,
        limit: neo4j.int(MAX_SEARCH_RESULTS),
      })) as { id: string; name: string; score: number; keys: string[] }[];
      return rerank(rows, text)
        .slice(0, 10)
        .map((h) => ({ id: h.id, name: h.name, score: h.score }));
    }
    case 'neighborhood': {
      const [row] = (await run(STATEMENTS.neighborhood, {
        ...vars,
        limit: neo4j.int(NEIGHBORHOOD_LIMIT),
      })) as Row[];
      if (!row) return null;
      const others = (row.others as string[]).slice(0, NEIGHBORHOOD_LIMIT - 1);
      const kept = new Set([row.center as string, ...others]);
      return {
        truncated: row.others.length > others.length,
        nodes: [row.center, ...others],
        edges: (row.edges as Row[]).filter((e) => kept.has(e.from) && kept.has(e.to)),
      };
    }
    default:
      return run(STATEMENTS[op], vars);
  }
}
