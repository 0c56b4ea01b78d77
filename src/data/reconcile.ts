// Reconciliation's reads: the candidates for a batch of name queries (one statement for the whole
// batch, over the names-and-aliases full-text index), and the facts that property constraints are
// checked against (posts, representation, meetings, events, parent institutions, dates, external ids:
// the keys of the entity's :Identifier nodes, "wikidata:Q148"). Only relationships of the model's
// types between entities count.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { ENTITY_TYPES, type EntityType, RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { typeAlternation } from './checks.ts';
import { read, type Statement, statement } from './statement.ts';

export interface CandidateQuery {
  /** The query's key in the batch (q0, q1, …). */
  key: string;
  /** A Lucene query built by search/match.ts from folded letters and digits only. */
  lucene: string;
  types: readonly EntityType[];
}

/** An entity as a candidate: what naming, typing and describing it needs, nothing heavier. */
export interface CandidateRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  /** The full-text score (for ties and prefix suggestions only; not the reconciliation score). */
  textScore: number;
}

export const reconcileCandidatesStatement = (
  queries: readonly CandidateQuery[],
  perQuery: number,
): Statement =>
  statement(
    'reconcileCandidates',
    `UNWIND $queries AS q
     CALL (q) {
       CALL db.index.fulltext.queryNodes('entity_names', q.lucene) YIELD node, score
       WHERE any(l IN labels(node) WHERE l IN q.types)
       RETURN node, score
       ORDER BY score DESC, node.id ASC
       LIMIT $perQuery
     }
     RETURN q.key AS key, node.id AS id, [l IN labels(node) WHERE l IN $labels][0] AS type,
            node.name AS name, coalesce(node.aliases, []) AS aliases,
            coalesce(node.description, '') AS description, score AS textScore`,
    {
      queries: queries.map((q) => ({ key: q.key, lucene: q.lucene, types: [...q.types] })),
      labels: [...ENTITY_TYPES],
      perQuery: neo4j.int(perQuery),
    },
  );

/** Candidates for each query of a batch, by key, best full-text score first (at most `perQuery` each). */
export async function reconcileCandidates(
  db: Db,
  queries: readonly CandidateQuery[],
  perQuery: number,
): Promise<Map<string, CandidateRow[]>> {
  const out = new Map<string, CandidateRow[]>(queries.map((q) => [q.key, []]));
  if (!queries.length) return out;
  const rows = await read<CandidateRow & { key: string }>(
    db,
    reconcileCandidatesStatement(queries, perQuery),
  );
  for (const { key, ...row } of rows) out.get(key)?.push(row);
  return out;
}

/** Another entity as a property value: its id and names. */
export interface LinkedRow {
  id: string;
  name: string;
  aliases: string[];
}

/** A date interval as stored (ISO days), any end possibly unknown. */
export interface StoredInterval {
  earliest: string | null;
  latest: string | null;
}

/** What property constraints are checked against, for one entity. */
export interface FactsRow {
  id: string;
  /** HELD_POSITION: the institution, the post's title, and the institutions it is part of (PART_OF, up to 3 levels). */
  positions: (LinkedRow & { title: string | null; within: LinkedRow[] })[];
  /** REPRESENTED: the institution and those it is part of. */
  represented: (LinkedRow & { within: LinkedRow[] })[];
  attended: LinkedRow[];
  participatedIn: LinkedRow[];
  /** PART_OF, up to 3 levels up (institutions). */
  partOf: LinkedRow[];
  /** Its identifiers as `authority:value` ("wikidata:Q148"). */
  externalIds: string[];
  /** The entity's own date (meetings, events, documents). */
  own: StoredInterval;
  /** The terms of its relationships: start, end and attested dates. */
  terms: {
    start: string | null;
    end: string | null;
    attestedEarliest: string | null;
    attestedLatest: string | null;
  }[];
  /** The dates of the meetings it attended, the events it took part in and the documents it wrote. */
  linked: StoredInterval[];
}

/** The fields of a LinkedRow, for a map projection. */
const names = (m: string) => `id: ${m}.id, name: ${m}.name, aliases: coalesce(${m}.aliases, [])`;

export const reconcileFactsStatement = (ids: readonly string[]): Statement =>
  statement(
    'reconcileFacts',
    `UNWIND $ids AS key
     MATCH (n:Entity {id: key})
     RETURN n.id AS id,
       [(n)-[r:HELD_POSITION]->(i:Entity) |
         {${names('i')}, title: r.title, within: [(i)-[:PART_OF*1..3]->(a:Entity) | {${names('a')}}]}] AS positions,
       [(n)-[:REPRESENTED]->(i:Entity) |
         {${names('i')}, within: [(i)-[:PART_OF*1..3]->(a:Entity) | {${names('a')}}]}] AS represented,
       [(n)-[:ATTENDED]->(m:Entity) | {${names('m')}}] AS attended,
       [(n)-[:PARTICIPATED_IN]->(m:Entity) | {${names('m')}}] AS participatedIn,
       [(n)-[:PART_OF*1..3]->(a:Entity) | {${names('a')}}] AS partOf,
       [(n)-[:SAME_AS]->(x:Identifier) | x.key] AS externalIds,
       {earliest: n.dateEarliest, latest: n.dateLatest} AS own,
       [(n)-[r:${typeAlternation(RELATIONSHIP_TYPE_NAMES)}]-(:Entity)
         WHERE r.startEarliest IS NOT NULL OR r.endLatest IS NOT NULL OR r.attestedEarliest IS NOT NULL |
         {start: r.startEarliest, end: r.endLatest,
          attestedEarliest: r.attestedEarliest, attestedLatest: r.attestedLatest}] AS terms,
       [(n)-[:ATTENDED|PARTICIPATED_IN|AUTHORED]->(m:Entity) WHERE m.dateEarliest IS NOT NULL |
         {earliest: m.dateEarliest, latest: m.dateLatest}] AS linked`,
    { ids },
  );

/** Facts for property constraints, by entity id (ids not in the graph are left out). */
export async function reconcileFacts(db: Db, ids: readonly string[]): Promise<Map<string, FactsRow>> {
  if (!ids.length) return new Map();
  const rows = await read<FactsRow>(db, reconcileFactsStatement(ids));
  return new Map(rows.map((r) => [r.id, r]));
}
