// Time: dated meetings, events and documents in order, optionally only those tied to one actor.
import { builder } from '../builder.ts';
import { TIMELINE_KINDS, type TimelineKind, type TimelineQuery, type TimelineRow } from '../data/timeline.ts';
import type { HistoricalDate } from '../data/types.ts';
import { dateRangeArgument } from '../dates.ts';
import { EXPENSIVE } from '../limits.ts';
import { checkId } from '../model.ts';
import {
  connectionType,
  type PageArgs,
  pageArgs,
  pagedComplexity,
  pageFromWindow,
  pageWindow,
} from './connection.ts';
import { HistoricalDateRef } from './evidence.ts';
import { EntityRef } from './refs.ts';
import { RelationshipRef } from './relationship.ts';

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

interface TimelineArgs extends PageArgs {
  startDate?: string | null;
  endDate?: string | null;
  actor?: string | number | null;
}

/** Checks a timeline's arguments (no database call) and turns them into the data layer's query. */
export function timelineQuery(args: TimelineArgs): TimelineQuery {
  const window = pageWindow(args);
  const { startDay, endDay } = dateRangeArgument('', args.startDate, args.endDate);
  const actor = args.actor == null ? undefined : String(args.actor);
  if (actor !== undefined) checkId(actor, 'actor');
  return { startDay, endDay, actor, ...window };
}

builder.queryFields((t) => ({
  timeline: t.field({
    type: TimelineConnection,
    extensions: EXPENSIVE,
    complexity: pagedComplexity,
    description:
      'Meetings, events and documents in date order: those whose date interval overlaps [`startDate`, `endDate`] (a year-only date overlaps every day of its year). Earliest first by the first day a date can stand for, then by its last day, then by id, so ties are stable across pages. Undated entities are left out. With `actor`, only entries tied to that entity by a relationship of any kind (including documents that mention it), and for an institution also the meetings at which someone represented it.',
    args: {
      startDate: t.arg.string({
        description: 'Start of the range: YYYY, YYYY-MM or YYYY-MM-DD (inclusive; open if left out).',
      }),
      endDate: t.arg.string({
        description: 'End of the range: YYYY, YYYY-MM or YYYY-MM-DD (inclusive; open if left out).',
      }),
      actor: t.arg.id({ description: 'Only entries involving this entity, e.g. "person/deng-xiaoping".' }),
      ...pageArgs,
    },
    resolve: async (_r, args, ctx) => {
      const q = timelineQuery(args);
      const { rows, total } = await ctx.graph.timeline(q);
      return pageFromWindow(rows, total, q.offset);
    },
  }),
}));
