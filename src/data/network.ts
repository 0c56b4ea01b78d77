// The data layer of relationship intelligence: paths between two entities, the network around one,
// and the dated entries of a timeline. Parameters only; the relationship types written into a
// pattern come from RELATIONSHIP_TYPE_NAMES, and the one number written into a pattern (the hop
// bound of a variable-length path, which Cypher does not accept as a parameter) is a checked integer.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';
import { entityFrom, relationshipFrom } from './rows.ts';
import type { EntityRow, RelationshipRow } from './types.ts';

/** Hard bounds, checked again here so that no caller can put another number into a pattern. */
export const MAX_HOPS = 10;
export const MAX_DEPTH = 3;
export const MAX_LIMIT = 500;

/** Relationship types a path or a network follows when the caller names none: all but MENTIONS. */
export const DEFAULT_TRAVERSAL_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPE_NAMES.filter(
  (t) => t !== 'MENTIONS',
);

/** `A|B|C` for a pattern, from the closed list only. */
function typeAlternation(types: readonly RelationshipType[]): string {
  if (!types.length) throw new Error('at least one relationship type is needed');
  for (const t of types) {
    if (!RELATIONSHIP_TYPE_NAMES.includes(t)) throw new Error(`unknown relationship ${t}`);
  }
  return [...new Set(types)].join('|');
}

function boundedInt(n: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${what} must be an integer in ${min}..${max}`);
  return n;
}

interface RawNode {
  labels: string[];
  props: Record<string, unknown>;
}
interface RawRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** A path as it leaves the data layer: nodes in order from the start, relationships between them. */
export interface PathRow {
  nodes: EntityRow[];
  relationships: RelationshipRow[];
}

const pathProjection = `[n IN nodes(p) | {labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels`;

function pathFrom(row: { nodes: RawNode[]; rels: RawRel[] }): PathRow {
  return {
    nodes: row.nodes.map((n) => entityFrom(n.labels, n.props)),
    relationships: row.rels.map((r) => relationshipFrom(r.type, r.from, r.to, r.props)),
  };
}

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  types: readonly RelationshipType[];
}

/**
 * One shortest path between two distinct entities, ignoring the direction of relationships, or
 * null when none exists within maxHops.
 */
export async function shortestPath(db: Db, q: PathQuery): Promise<PathRow | null> {
  const hops = boundedInt(q.maxHops, 1, MAX_HOPS, 'maxHops');
  const rows = await db.read<{ nodes: RawNode[]; rels: RawRel[] }>(
    `/* shortestPath */
     MATCH (a:Entity {id: $from})
     MATCH (b:Entity {id: $to})
     MATCH p = shortestPath((a)-[:${typeAlternation(q.types)}*1..${hops}]-(b))
     RETURN ${pathProjection}`,
    { from: q.from, to: q.to },
  );
  return rows[0] ? pathFrom(rows[0]) : null;
}

/**
 * Up to `limit` of the shortest paths between two distinct entities (all of the same length),
 * ordered by the ids of the entities they pass through. When more exist, which ones come back is
 * up to the database; the search stops at the limit instead of enumerating every path.
 */
export async function allShortestPaths(db: Db, q: PathQuery & { limit: number }): Promise<PathRow[]> {
  const hops = boundedInt(q.maxHops, 1, MAX_HOPS, 'maxHops');
  const limit = boundedInt(q.limit, 1, MAX_LIMIT, 'limit');
  const rows = await db.read<{ nodes: RawNode[]; rels: RawRel[]; key: string[] }>(
    `/* allShortestPaths */
     MATCH (a:Entity {id: $from})
     MATCH (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${typeAlternation(q.types)}*1..${hops}]-(b))
     WITH p LIMIT $limit
     RETURN ${pathProjection}, [n IN nodes(p) | n.id] + [r IN relationships(p) | r.id] AS key
     ORDER BY key`,
    { from: q.from, to: q.to, limit: neo4j.int(limit) },
  );
  return rows.map(pathFrom);
}

export interface NeighborhoodQuery {
  id: string;
  depth: number;
  types: readonly RelationshipType[];
  /** Most entities to return, the centre included. */
  limit: number;
}

export interface SubgraphRow {
  /** The centre first, then by distance from it, then by id. */
  nodes: (EntityRow & { distance: number })[];
  /** Every relationship of the followed types between two returned entities, ordered by id. */
  edges: RelationshipRow[];
  /** True when more entities lie within the depth than the limit let through. */
  truncated: boolean;
}

/**
 * The entities within `depth` relationships of one entity (direction ignored), each once at its
 * shortest distance, nearest first, and the relationships among them. Null when the id names nothing.
 */
export async function neighborhood(db: Db, q: NeighborhoodQuery): Promise<SubgraphRow | null> {
  const depth = boundedInt(q.depth, 1, MAX_DEPTH, 'depth');
  const limit = boundedInt(q.limit, 1, MAX_LIMIT, 'limit');
  const types = typeAlternation(q.types);
  const [row] = await db.read<{
    centre: RawNode;
    others: (RawNode & { distance: number })[];
    rels: RawRel[];
  }>(
    `/* neighborhood */
     MATCH (c:Entity {id: $id})
     CALL {
       WITH c
       MATCH p = ANY SHORTEST (c)-[:${types}]-{1,${depth}}(m:Entity)
       WHERE m <> c
       RETURN m, length(p) AS distance
       ORDER BY distance, m.id
       LIMIT $limit
     }
     WITH c, collect({m: m, distance: distance}) AS found
     WITH c, found, [c] + [f IN found | f.m] AS members
     CALL {
       WITH members
       UNWIND members AS x
       MATCH (x)-[r:${types}]->(y:Entity)
       WHERE y IN members
       RETURN r ORDER BY r.id
     }
     WITH c, found, collect({type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}) AS rels
     RETURN {labels: labels(c), props: properties(c)} AS centre,
            [f IN found | {labels: labels(f.m), props: properties(f.m), distance: f.distance}] AS others,
            rels`,
    // one more than asked for, to tell whether the limit cut anything off
    { id: q.id, limit: neo4j.int(limit) },
  );
  if (!row) return null;
  const others = row.others.slice(0, limit - 1);
  const kept = new Set([String(row.centre.props.id), ...others.map((n) => String(n.props.id))]);
  return {
    nodes: [
      { ...entityFrom(row.centre.labels, row.centre.props), distance: 0 },
      ...others.map((n) => ({ ...entityFrom(n.labels, n.props), distance: n.distance })),
    ],
    edges: row.rels
      .map((r) => relationshipFrom(r.type, r.from, r.to, r.props))
      .filter((r) => kept.has(r.from) && kept.has(r.to)),
    truncated: row.others.length > others.length,
  };
}

export const TIMELINE_KINDS = ['Meeting', 'Event', 'Document'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineQuery {
  /** ISO days; an entry is kept when its date interval overlaps [from, to]. */
  from: string;
  to: string;
  /** Only entries tied to this entity by a relationship (or, for an institution, a representation). */
  actor?: string | undefined;
  offset: number;
  limit: number;
}

export interface TimelineRow {
  entity: EntityRow;
  /** The relationships that tie the actor to the entry (empty without an actor). */
  links: RelationshipRow[];
}

const timelinePage = `WITH n, links ORDER BY n.dateEarliest, n.dateLatest, n.id
     WITH collect({n: n, links: links}) AS entries
     RETURN size(entries) AS total,
            [x IN entries[$offset..($offset + $limit)] | {
              node: {labels: labels(x.n), props: properties(x.n)},
              rels: [r IN x.links | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}]
            }] AS page`;

/**
 * Dated meetings, events and documents whose interval overlaps the range, earliest first; ties by
 * latest day, then id. With an actor, only those tied to it directly, or (for an institution) the
 * meetings at which someone represented it.
 */
export async function timeline(db: Db, q: TimelineQuery): Promise<{ total: number; rows: TimelineRow[] }> {
  const [row] = await db.read<{
    total: number;
    page: { node: RawNode; rels: RawRel[] }[];
  }>(
    q.actor
      ? `/* timeline:actor */
     MATCH (actor:Entity {id: $actor})
     CALL {
       WITH actor
       MATCH (actor)-[r]-(n:Entity)
       WHERE n:Meeting OR n:Event OR n:Document
       RETURN n, r
       UNION
       WITH actor
       MATCH (:Entity)-[r:REPRESENTED]->(actor)
       MATCH (n:Entity:Meeting {id: r.context})
       RETURN n, r
     }
     WITH n, collect(r) AS links
     WHERE n.dateEarliest <= $to AND n.dateLatest >= $from
     ${timelinePage}`
      : `/* timeline */
     MATCH (n:Entity)
     WHERE n.dateEarliest <= $to AND n.dateLatest >= $from
       AND (n:Meeting OR n:Event OR n:Document)
     WITH n, [] AS links
     ${timelinePage}`,
    {
      from: q.from,
      to: q.to,
      actor: q.actor ?? null,
      offset: neo4j.int(q.offset),
      limit: neo4j.int(q.limit),
    },
  );
  return {
    total: row?.total ?? 0,
    rows: (row?.page ?? []).map((x) => ({
      entity: entityFrom(x.node.labels, x.node.props),
      links: x.rels
        .map((r) => relationshipFrom(r.type, r.from, r.to, r.props))
        .sort((a, b) => (a.type === b.type ? a.id.localeCompare(b.id) : a.type.localeCompare(b.type))),
    })),
  };
}
