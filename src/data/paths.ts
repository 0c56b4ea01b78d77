// Paths between two entities and the network around one. The relationship types written into a
// pattern come from the closed list, and the one number written into a pattern (the hop bound of a
// variable-length path, which Cypher does not accept as a parameter) is a checked integer.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { MAX_GRAPH_LIMIT, MAX_HOPS, MAX_NEIGHBORHOOD_DEPTH } from '../limits.ts';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { boundedInt, typeAlternation } from './checks.ts';
import { projection } from './compiled/cypher.ts';
import { FETCHED, type Fetched, type SubgraphPlan } from './compiled/plan.ts';
import { nodeRow, type RawNode, type RawRel, rawNode, rawRel, relRow } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { EntityRow, RelationshipRow } from './types.ts';

/** Relationship types a path or a network follows when the caller names none: all but MENTIONS. */
export const DEFAULT_TRAVERSAL_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPE_NAMES.filter(
  (t) => t !== 'MENTIONS',
);

/** A path as it leaves the data layer: nodes in order from the start, relationships between them. */
export interface PathRow {
  nodes: EntityRow[];
  relationships: RelationshipRow[];
}

const pathProjection = `[n IN nodes(p) | ${rawNode('n')}] AS nodes,
       [r IN relationships(p) | ${rawRel('r')}] AS rels`;

const pathFrom = (row: { nodes: RawNode[]; rels: RawRel[] }): PathRow => ({
  nodes: row.nodes.map(nodeRow),
  relationships: row.rels.map(relRow),
});

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  types: readonly RelationshipType[];
}

const pathPattern = (q: PathQuery, fn: 'shortestPath' | 'allShortestPaths') =>
  `MATCH (a:Entity {id: $from})
     MATCH (b:Entity {id: $to})
     MATCH p = ${fn}((a)-[:${typeAlternation(q.types)}*1..${boundedInt(q.maxHops, 1, MAX_HOPS, 'maxHops')}]-(b))`;

export const shortestPathStatement = (q: PathQuery): Statement =>
  statement(
    'shortestPath',
    `${pathPattern(q, 'shortestPath')}
     RETURN ${pathProjection}`,
    { from: q.from, to: q.to },
  );

/** One shortest path between two distinct entities, direction ignored; null when none within maxHops. */
export async function shortestPath(db: Db, q: PathQuery): Promise<PathRow | null> {
  const [row] = await read<{ nodes: RawNode[]; rels: RawRel[] }>(db, shortestPathStatement(q));
  return row ? pathFrom(row) : null;
}

export const allShortestPathsStatement = (q: PathQuery & { limit: number }): Statement =>
  statement(
    'allShortestPaths',
    `${pathPattern(q, 'allShortestPaths')}
     WITH p LIMIT $limit
     RETURN ${pathProjection}, [n IN nodes(p) | n.id] + [r IN relationships(p) | r.id] AS key
     ORDER BY key`,
    { from: q.from, to: q.to, limit: neo4j.int(boundedInt(q.limit, 1, MAX_GRAPH_LIMIT, 'limit')) },
  );

/**
 * Up to `limit` of the shortest paths between two distinct entities (all of the same length),
 * ordered by the ids they pass through. When more exist, which ones come back is up to the
 * database; the search stops at the limit instead of enumerating every path.
 */
export async function allShortestPaths(db: Db, q: PathQuery & { limit: number }): Promise<PathRow[]> {
  return (await read<{ nodes: RawNode[]; rels: RawRel[] }>(db, allShortestPathsStatement(q))).map(pathFrom);
}

export interface NeighborhoodQuery {
  id: string;
  depth: number;
  types: readonly RelationshipType[];
  /** Most entities to return, the center included. */
  limit: number;
}

export interface SubgraphRow {
  /** The center first, then by distance from it, then by id. */
  nodes: (EntityRow & { distance: number })[];
  /** Every relationship of the followed types between two returned entities, ordered by id. */
  edges: RelationshipRow[];
  /** True when more entities lie within the depth than the limit let through. */
  truncated: boolean;
}

/**
 * The network's statement; with a plan (what the selection reads), each entity and relationship
 * brings only those properties, otherwise every one.
 */
export function neighborhoodStatement(q: NeighborhoodQuery, plan: SubgraphPlan | null = null): Statement {
  const depth = boundedInt(q.depth, 1, MAX_NEIGHBORHOOD_DEPTH, 'depth');
  const limit = boundedInt(q.limit, 1, MAX_GRAPH_LIMIT, 'limit');
  const types = typeAlternation(q.types);
  const nodeProps = (n: string) => (plan ? projection(n, plan.node) : `properties(${n})`);
  const nodeProjection = (n: string) => `{labels: labels(${n}), props: ${nodeProps(n)}}`;
  const relProjection = (r: string) =>
    plan
      ? `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, props: ${projection(r, plan.rel)}}`
      : rawRel(r);
  return statement(
    'neighborhood',
    `MATCH (c:Entity {id: $id})
     CALL {
       WITH c
       MATCH p = ANY SHORTEST (c)-[:${types}]-{1,${depth}}(m:Entity)
       WHERE m <> c
       WITH m, length(p) AS distance
       ORDER BY distance, m.id
       LIMIT $limit
       RETURN m, {labels: labels(m), props: ${nodeProps('m')}, distance: distance} AS other
     }
     WITH c, collect(m) AS found, collect(other) AS others
     WITH c, others, [c] + found AS members
     CALL {
       WITH members
       UNWIND members AS x
       MATCH (x)-[r:${types}]->(y:Entity)
       WHERE y IN members
       RETURN r ORDER BY r.id
     }
     WITH c, others, collect(${relProjection('r')}) AS rels
     UNWIND [{center: ${nodeProjection('c')}}] + [o IN others | {other: o}] + [r IN rels | {rel: r}] AS part
     RETURN part`,
    // `limit` others, one more than the `limit − 1` that can be kept beside the center: tells
    // whether the limit cut anything off
    { id: q.id, limit: neo4j.int(limit) },
  );
}

/**
 * The entities within `depth` relationships of one entity (direction ignored), each once at its
 * shortest distance, nearest first, and the relationships among them. Null when the id names nothing.
 */
export async function neighborhood(
  db: Db,
  q: NeighborhoodQuery,
  plan: SubgraphPlan | null = null,
): Promise<SubgraphRow | null> {
  // one record per entity and per relationship: neo4j-driver decodes the strings of one large
  // record (spanning many Bolt chunks) far more slowly than those of many small ones
  const parts = await read<{
    part: { center?: RawNode; other?: RawNode & { distance: number }; rel?: RawRel };
  }>(db, neighborhoodStatement(q, plan));
  const center = parts[0]?.part.center;
  if (!center) return null;
  const row = {
    center,
    others: parts.flatMap(({ part }) => (part.other ? [part.other] : [])),
    rels: parts.flatMap(({ part }) => (part.rel ? [part.rel] : [])),
  };
  const others = row.others.slice(0, boundedInt(q.limit, 1, MAX_GRAPH_LIMIT, 'limit') - 1);
  const nodes = [
    { ...nodeRow(row.center), distance: 0 },
    ...others.map((n) => ({ ...nodeRow(n), distance: n.distance })),
  ];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = row.rels.map(relRow).filter((r) => byId.has(r.from) && byId.has(r.to));
  // with a plan, the rows are partial: an edge's ends are the nodes' rows, not the loaders' whole ones
  if (plan && (plan.ends.from.length || plan.ends.to.length)) {
    for (const edge of edges) {
      (edge as Fetched)[FETCHED] = Object.fromEntries([
        ...plan.ends.from.map((key) => [key, byId.get(edge.from)]),
        ...plan.ends.to.map((key) => [key, byId.get(edge.to)]),
      ]);
    }
  }
  return { nodes, edges, truncated: row.others.length > others.length };
}
