// Relationship intelligence: paths between two entities, the network around one, who met whom,
// what happened when, and which posts a person held on a given day. Every answer carries the
// relationships it rests on, and every relationship its evidence.
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  allShortestPaths,
  DEFAULT_TRAVERSAL_TYPES,
  MAX_DEPTH,
  MAX_HOPS,
  MAX_LIMIT,
  neighborhood,
  type PathRow,
  type SubgraphRow,
  shortestPath,
  TIMELINE_KINDS,
  type TimelineKind,
  type TimelineRow,
  timeline,
} from '../data/network.ts';
import type { EntityRow, HistoricalDate, RelationshipRow } from '../data/types.ts';
import type { DateInterval } from '../dates.ts';
import type { RelationshipType } from '../model.ts';
import { CertaintyEnum, EntityRef, EvidenceRef, HistoricalDateRef, RelationshipTypeEnum } from './common.ts';
import { AFTER_DOC, connectionType, FIRST_DOC, makePage } from './connection.ts';
import { checkId, dateArgument, invalidArgument, notFound, pageWindow } from './errors.ts';
import { MeetingRef, PersonRef, PositionRef } from './refs.ts';
import { rels } from './resolve.ts';

// ---------------------------------------------------------------------------------------------
// Relationship: one edge of the graph, with its direction, its attributes and its evidence.

interface Property {
  key: string;
  value: string;
}

const RelationshipPropertyRef = builder.objectRef<Property>('RelationshipProperty').implement({
  description:
    'One attribute of a relationship as the extraction recorded it, e.g. role "present" or title "Counselor".',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Which attribute: role, title, context (the id of the meeting it happened at), reference, startDate, endDate or attestedDate.',
    }),
    value: t.exposeString('value', {
      description: 'Its value as text; dates are ISO 8601 at their precision (1959, 1959-11, 1959-11-06).',
    }),
  }),
});

function propertiesOf(r: RelationshipRow): Property[] {
  const out: Property[] = [];
  const add = (key: string, value: string | null | undefined) => {
    if (value) out.push({ key, value });
  };
  add('role', r.role);
  add('title', r.title);
  add('context', r.context);
  add('reference', r.reference);
  add('startDate', r.startDate?.value);
  add('endDate', r.endDate?.value);
  add('attestedDate', r.attestedDate?.value);
  return out;
}

export const RelationshipRef = builder.objectRef<RelationshipRow>('Relationship').implement({
  description:
    'A relationship between two entities as a document supports it, e.g. a person ATTENDED a meeting. It keeps its own direction (`from` → `to`), whichever way a path walks along it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id of the relationship, as the extraction gives it.' }),
    type: t.expose('type', {
      type: RelationshipTypeEnum,
      description: 'What kind of relationship it is.',
    }),
    from: t.field({
      type: EntityRef,
      description:
        'The entity the relationship starts from (the person who attended, the document that mentions).',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    to: t.field({
      type: EntityRef,
      description: 'The entity the relationship points to (the meeting attended, the person mentioned).',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    properties: t.field({
      type: [RelationshipPropertyRef],
      description: 'The attributes recorded on the relationship (role, title, dates…); only those present.',
      resolve: (r) => propertiesOf(r),
    }),
    startDate: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'When it began (a post taken up), if a source says.',
      resolve: (r) => r.startDate,
    }),
    endDate: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'When it ended (a post left), if a source says.',
      resolve: (r) => r.endDate,
    }),
    attestedDate: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'A date at which a source shows it holding, when its beginning and end are not known.',
      resolve: (r) => r.attestedDate,
    }),
    certainty: t.expose('certainty', {
      type: CertaintyEnum,
      description:
        'STATED when at least one passage says it outright; INFERRED when all of it is our reading.',
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The passages of the source document that support the relationship.',
      resolve: (r) => r.evidence,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------
// Paths and networks.

const PathRef = builder.objectRef<PathRow>('Path').implement({
  description:
    'A chain of relationships leading from one entity to another: `nodes[0]` is where it starts, `nodes[i]` and `nodes[i+1]` are joined by `relationships[i]`. A path may walk a relationship against its arrow (from a meeting back to a person who attended it).',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      description: 'The entities along the path, from the start to the end.',
      resolve: (p) => p.nodes,
    }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'The relationships between consecutive entities, each with its evidence.',
      resolve: (p) => p.relationships,
    }),
    length: t.int({
      description: 'How many relationships the path has (0 when it starts where it ends).',
      resolve: (p) => p.relationships.length,
    }),
  }),
});

const SubgraphRef = builder.objectRef<SubgraphRow>('Subgraph').implement({
  description:
    'The network around one entity, ready to draw: the entities within a number of steps of it and every relationship (of the kinds followed) between two of them.',
  fields: (t) => ({
    centre: t.field({
      type: EntityRef,
      description: 'The entity the network was drawn around.',
      resolve: (s) => s.nodes[0] as EntityRow,
    }),
    nodes: t.field({
      type: [EntityRef],
      description:
        'The entities: the centre first, then the others by their distance from it (fewest steps first), then by id.',
      resolve: (s) => s.nodes,
    }),
    edges: t.field({
      type: [RelationshipRef],
      description: 'Every relationship of the kinds followed whose two ends are both among `nodes`, by id.',
      resolve: (s) => s.edges,
    }),
    truncated: t.boolean({
      description:
        'True when more entities lie within the depth than `limit` allowed; the nearest were kept. Raise the limit or narrow `types` to see the rest.',
      resolve: (s) => s.truncated,
    }),
  }),
});

const DEFAULT_MAX_HOPS = 6;
const DEFAULT_PATHS = 10;
const DEFAULT_NEIGHBORHOOD_LIMIT = 100;
const TRAVERSAL_DOC =
  'Relationship kinds to follow, in either direction. Default: every kind except MENTIONS, since a document mentions almost everyone and would connect anything to anything; list MENTIONS here to go through documents that merely mention.';

function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(argument, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function traversalTypes(argument: string, given: readonly RelationshipType[] | null | undefined) {
  if (given == null) return DEFAULT_TRAVERSAL_TYPES;
  if (!given.length) throw invalidArgument(argument, 'list at least one relationship type, or leave it out');
  return given;
}

interface PathArgs {
  from: string;
  to: string;
  maxHops?: number | null;
  via?: RelationshipType[] | null;
}

/** Checks path arguments (no database call), then that both ends exist (one batched call). */
function pathQuery(args: PathArgs) {
  const from = String(args.from);
  const to = String(args.to);
  checkId(from, 'from');
  checkId(to, 'to');
  const maxHops = checkRange('maxHops', args.maxHops ?? DEFAULT_MAX_HOPS, 1, MAX_HOPS);
  const types = traversalTypes('via', args.via);
  return { from, to, maxHops, types };
}

async function endpoints(ctx: Context, from: string, to: string): Promise<EntityRow> {
  const [a, b] = await ctx.loaders.entity.loadMany([from, to]);
  if (!a || a instanceof Error) throw a instanceof Error ? a : notFound(from);
  if (!b || b instanceof Error) throw b instanceof Error ? b : notFound(to);
  return a;
}

function prime(ctx: Context, rows: readonly EntityRow[]) {
  for (const row of rows) ctx.loaders.entity.prime(row.id, row);
}

const pathArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  from: t.arg.id({ required: true, description: 'Where the path starts, e.g. "person/deng-xiaoping".' }),
  to: t.arg.id({ required: true, description: 'Where it ends, e.g. "person/nikita-khrushchev".' }),
  maxHops: t.arg.int({
    defaultValue: DEFAULT_MAX_HOPS,
    description: `Longest path to look for, in relationships (1 to ${MAX_HOPS}; default ${DEFAULT_MAX_HOPS}).`,
  }),
  via: t.arg({ type: [RelationshipTypeEnum], description: TRAVERSAL_DOC }),
});

builder.queryFields((t) => ({
  shortestPath: t.field({
    type: PathRef,
    nullable: true,
    description:
      'How two entities are connected: one shortest chain of relationships between them, with the evidence for each link; null when none exists within `maxHops`. Direction is ignored (a person who attended a meeting is one step from everyone else who attended it). When several paths are equally short, one is chosen; see `allShortestPaths`.',
    args: pathArgs(t),
    resolve: async (_r, args, ctx) => {
      const q = pathQuery(args);
      const start = await endpoints(ctx, q.from, q.to);
      if (q.from === q.to) return { nodes: [start], relationships: [] };
      const path = await shortestPath(ctx.db, q);
      if (path) prime(ctx, path.nodes);
      return path;
    },
  }),
  allShortestPaths: t.field({
    type: [PathRef],
    description:
      'Every shortest chain of relationships between two entities (all of the same length), up to `limit`, ordered by the ids they pass through; empty when none exists within `maxHops`. Direction is ignored. When more paths exist than the limit, which ones are returned is not specified.',
    args: {
      ...pathArgs(t),
      limit: t.arg.int({
        defaultValue: DEFAULT_PATHS,
        description: `Most paths to return (1 to ${MAX_LIMIT}; default ${DEFAULT_PATHS}).`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      const limit = checkRange('limit', args.limit ?? DEFAULT_PATHS, 1, MAX_LIMIT);
      const q = pathQuery(args);
      const start = await endpoints(ctx, q.from, q.to);
      if (q.from === q.to) return [{ nodes: [start], relationships: [] }];
      const paths = await allShortestPaths(ctx.db, { ...q, limit });
      for (const p of paths) prime(ctx, p.nodes);
      return paths;
    },
  }),
  neighborhood: t.field({
    type: SubgraphRef,
    description:
      'The network around an entity: everything within `depth` relationships of it (direction ignored), nearest first, with the relationships among them and their evidence. Errors with NOT_FOUND when the id names nothing.',
    args: {
      id: t.arg.id({ required: true, description: 'The entity at the centre, e.g. "person/deng-xiaoping".' }),
      depth: t.arg.int({
        defaultValue: 1,
        description: `How many relationships away to reach (1 to ${MAX_DEPTH}; default 1).`,
      }),
      types: t.arg({ type: [RelationshipTypeEnum], description: TRAVERSAL_DOC }),
      limit: t.arg.int({
        defaultValue: DEFAULT_NEIGHBORHOOD_LIMIT,
        description: `Most entities to return, the centre included (1 to ${MAX_LIMIT}; default ${DEFAULT_NEIGHBORHOOD_LIMIT}). When more lie within reach, the nearest are kept and \`truncated\` is true.`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      const id = String(args.id);
      checkId(id, 'id');
      const depth = checkRange('depth', args.depth ?? 1, 1, MAX_DEPTH);
      const limit = checkRange('limit', args.limit ?? DEFAULT_NEIGHBORHOOD_LIMIT, 1, MAX_LIMIT);
      const types = traversalTypes('types', args.types);
      const sub = await neighborhood(ctx.db, { id, depth, types, limit });
      if (!sub) throw notFound(id);
      prime(ctx, sub.nodes);
      return sub;
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// Time: a timeline of dated meetings, events and documents; the posts held on a day.

const TimelineKindEnum = builder.enumType('TimelineKind', {
  description: 'What kind of thing a timeline entry is.',
  values: {
    MEETING: { value: TIMELINE_KINDS[0], description: 'A meeting or conversation.' },
    EVENT: { value: TIMELINE_KINDS[1], description: 'An event: a celebration, a visit, a revolution.' },
    DOCUMENT: { value: TIMELINE_KINDS[2], description: 'A document, at the date it bears.' },
  },
});

const TimelineEntryRef = builder.objectRef<TimelineRow>('TimelineEntry').implement({
  description: 'One dated meeting, event or document on a timeline.',
  fields: (t) => ({
    date: t.field({
      type: HistoricalDateRef,
      description: 'Its date, as precisely as the sources allow (a year-only date spans the whole year).',
      resolve: (e) => e.entity.date as HistoricalDate,
    }),
    entity: t.field({
      type: EntityRef,
      description: 'The meeting, event or document.',
      resolve: (e) => e.entity,
    }),
    kind: t.field({
      type: TimelineKindEnum,
      description: 'Whether it is a meeting, an event or a document.',
      resolve: (e) => e.entity.type as TimelineKind,
    }),
    links: t.field({
      type: [RelationshipRef],
      description:
        'When the timeline was asked for an `actor`: the relationships that tie the actor to this entry (attended, authored, mentioned in, represented at…), each with its evidence. Empty otherwise.',
      resolve: (e) => e.links,
    }),
  }),
});

const TimelineConnection = connectionType(
  'Timeline',
  TimelineEntryRef,
  'Dated meetings, events and documents, earliest first.',
);

builder.queryFields((t) => ({
  timeline: t.field({
    type: TimelineConnection,
    description:
      'Meetings, events and documents in date order: those whose date interval overlaps [`from`, `to`] (a year-only date overlaps every day of its year). Earliest first by the first day a date can stand for, then by its last day, then by id, so ties are stable across pages. Undated entities are left out. With `actor`, only entries tied to that entity by a relationship of any kind (including documents that mention it), and for an institution also the meetings at which someone represented it.',
    args: {
      from: t.arg.string({
        description: 'Start of the range: YYYY, YYYY-MM or YYYY-MM-DD (inclusive; open if left out).',
      }),
      to: t.arg.string({
        description: 'End of the range: YYYY, YYYY-MM or YYYY-MM-DD (inclusive; open if left out).',
      }),
      actor: t.arg.id({ description: 'Only entries involving this entity, e.g. "person/deng-xiaoping".' }),
      first: t.arg.int({ description: FIRST_DOC }),
      after: t.arg.string({ description: AFTER_DOC }),
    },
    resolve: async (_r, args, ctx) => {
      const { offset, limit } = pageWindow(args);
      const from = args.from == null ? '0000-01-01' : dateArgument('from', args.from).earliest;
      const to = args.to == null ? '9999-12-31' : dateArgument('to', args.to).latest;
      if (from > to) throw invalidArgument('to', `the range ends (${to}) before it starts (${from})`);
      const actor = args.actor == null ? undefined : String(args.actor);
      if (actor !== undefined) {
        checkId(actor, 'actor');
        if (!(await ctx.loaders.entity.load(actor))) throw notFound(actor);
      }
      const { total, rows } = await timeline(ctx.db, { from, to, actor, offset, limit });
      prime(
        ctx,
        rows.map((r) => r.entity),
      );
      return makePage(rows, total, offset);
    },
  }),
}));

/**
 * Whether a post was held at some time in [day.earliest, day.latest]: the post's term runs from its
 * start's earliest day to its end's latest day; an unknown start or end falls back to the attested
 * date's interval, and a term with neither start, end nor attested date is never counted.
 */
export function heldDuring(r: RelationshipRow, day: DateInterval): boolean {
  const begins = r.startDate?.earliest ?? r.attestedDate?.earliest;
  const ends = r.endDate?.latest ?? r.attestedDate?.latest;
  if (!begins && !ends) return false;
  return (begins ?? '0000-01-01') <= day.latest && (ends ?? '9999-12-31') >= day.earliest;
}

// ---------------------------------------------------------------------------------------------
// Person: who met whom, and the posts held at a date.

interface CoParticipation {
  person: string;
  /** The other person's attendances at the meetings shared, earliest first. */
  theirs: RelationshipRow[];
  /** This person's own attendances at the same meetings. */
  own: RelationshipRow[];
}

const CoParticipationRef = builder.objectRef<CoParticipation>('CoParticipation').implement({
  description: 'Another person who sat in the same meetings, and which meetings those were.',
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'The other person.',
      resolve: (c, _a, ctx) => ctx.loaders.existing(c.person),
    }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'The meetings both attended, earliest first.',
      resolve: (c, _a, ctx) => Promise.all(c.theirs.map((r) => ctx.loaders.existing(r.to))),
    }),
    count: t.int({ description: 'How many meetings both attended.', resolve: (c) => c.theirs.length }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The passages that place each of the two at those meetings.',
      resolve: (c) => [...c.own, ...c.theirs].flatMap((r) => r.evidence),
    }),
  }),
});

builder.objectFields(PersonRef, (t) => ({
  metWith: t.field({
    type: [CoParticipationRef],
    description:
      'Everyone recorded at a meeting this person attended, with the meetings they shared: most shared meetings first, then by name. Based on attendance (ATTENDED) only, not on being mentioned together.',
    resolve: async (p, _a, ctx) => {
      const own = await rels(ctx, p.id, 'ATTENDED', 'out');
      const byPerson = new Map<string, CoParticipation>();
      const atMeetings = await Promise.all(own.map((a) => rels(ctx, a.to, 'ATTENDED', 'in')));
      own.forEach((mine, i) => {
        for (const theirs of atMeetings[i] ?? []) {
          if (theirs.from === p.id) continue;
          const entry = byPerson.get(theirs.from) ?? { person: theirs.from, theirs: [], own: [] };
          byPerson.set(theirs.from, entry);
          entry.theirs.push(theirs);
          entry.own.push(mine);
        }
      });
      const people = new Map(
        (await Promise.all([...byPerson.keys()].map((id) => ctx.loaders.existing(id)))).map((r) => [r.id, r]),
      );
      const name = (id: string) => people.get(id)?.name ?? id;
      return [...byPerson.values()].sort(
        (a, b) =>
          b.theirs.length - a.theirs.length ||
          name(a.person).localeCompare(name(b.person)) ||
          a.person.localeCompare(b.person),
      );
    },
  }),
  positionsAt: t.field({
    type: [PositionRef],
    description:
      'Posts the person held at a date (YYYY, YYYY-MM or YYYY-MM-DD). A post counts when its term overlaps the date: the term runs from the earliest day its start can stand for to the latest day its end can stand for. Where the sources give no start or no end, the date at which a source shows the person in the post (`attested`) stands in for it, so a post known only from a memorandum of 6 November 1959 counts for "1959-11-06", "1959-11" and "1959" but not for "1959-11-07". A post with no dates at all is never counted.',
    args: {
      date: t.arg.string({ required: true, description: 'The date: YYYY, YYYY-MM or YYYY-MM-DD.' }),
    },
    resolve: async (p, args, ctx) => {
      const day = dateArgument('date', args.date);
      return (await rels(ctx, p.id, 'HELD_POSITION', 'out')).filter((r) => heldDuring(r, day));
    },
  }),
}));
