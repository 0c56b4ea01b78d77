// The dated entries of a timeline: meetings, events and documents whose date interval overlaps a
// range, optionally only those tied to one actor.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { typeAlternation } from './checks.ts';
import { nodeRow, type RawNode, type RawRel, rawNode, rawRel, relRow } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { EntityRow, RelationshipRow } from './types.ts';

export const TIMELINE_KINDS = ['Meeting', 'Event', 'Document'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineQuery {
  /** ISO days; an entry is kept when its date interval overlaps [startDay, endDay]. */
  startDay: string;
  endDay: string;
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
              node: ${rawNode('x.n')},
              rels: [r IN x.links | ${rawRel('r')}]
            }] AS page`;

export function timelineStatement(q: TimelineQuery): Statement {
  const params = {
    startDay: q.startDay,
    endDay: q.endDay,
    actor: q.actor ?? null,
    offset: neo4j.int(q.offset),
    limit: neo4j.int(q.limit),
  };
  if (!q.actor)
    return statement(
      'timeline',
      `MATCH (n:Entity)
     WHERE n.dateEarliest <= $endDay AND n.dateLatest >= $startDay
       AND (n:Meeting OR n:Event OR n:Document)
     WITH n, [] AS links
     ${timelinePage}`,
      params,
    );
  return statement(
    'timeline:actor',
    `MATCH (actor:Entity {id: $actor})
     CALL {
       WITH actor
       MATCH (actor)-[r:${typeAlternation(RELATIONSHIP_TYPE_NAMES)}]-(n:Entity)
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
     ${timelinePage}`,
    params,
  );
}

/**
 * Dated meetings, events and documents whose interval overlaps the range, earliest first; ties by
 * latest day, then id. With an actor, only those tied to it directly, or (for an institution) the
 * meetings at which someone represented it.
 */
export async function timeline(db: Db, q: TimelineQuery): Promise<{ total: number; rows: TimelineRow[] }> {
  const [row] = await read<{ total: number; page: { node: RawNode; rels: RawRel[] }[] }>(
    db,
    timelineStatement(q),
  );
  return {
    total: row?.total ?? 0,
    rows: (row?.page ?? []).map((x) => ({
      entity: nodeRow(x.node),
      links: x.rels
        .map(relRow)
        .sort((a, b) => (a.type === b.type ? a.id.localeCompare(b.id) : a.type.localeCompare(b.type))),
    })),
  };
}
