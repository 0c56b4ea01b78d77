// Event and Place: celebrations and visits the documents speak of, and where they happened.
import { builder } from '../builder.ts';
import { EntityRef, HistoricalDateRef, NodeRef } from './common.ts';
import { AFTER_DOC, connectionType, FIRST_DOC } from './connection.ts';
import { EntityFilterInput, EntityOrderEnum, rootList } from './lists.ts';
import { EventRef, ParticipationRef, PlaceRef } from './refs.ts';
import { entityById, neighbours, rels } from './resolve.ts';

EventRef.implement({
  description: 'An event the sources speak of: a celebration, a visit, a revolution.',
  interfaces: [NodeRef, EntityRef],
  isTypeOf: (row) => (row as { type?: string }).type === 'Event',
  fields: (t) => ({
    date: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description:
        'When it happened, only as precisely as can be justified (null when the sources do not say).',
      resolve: (e) => e.date,
    }),
    participants: t.field({
      type: [ParticipationRef],
      description: 'People who took part, with evidence.',
      resolve: (e, _a, ctx) => rels(ctx, e.id, 'PARTICIPATED_IN', 'in'),
    }),
    places: t.field({
      type: [EntityRef],
      description: 'Where it took place (a place or a state).',
      resolve: (e, _a, ctx) => neighbours(ctx, e.id, 'TOOK_PLACE_IN', 'out'),
    }),
  }),
});

PlaceRef.implement({
  description: 'A place the sources name.',
  interfaces: [NodeRef, EntityRef],
  isTypeOf: (row) => (row as { type?: string }).type === 'Place',
  fields: (t) => ({
    events: t.field({
      type: [EventRef],
      description: 'Events that took place here.',
      resolve: (p, _a, ctx) => neighbours(ctx, p.id, 'TOOK_PLACE_IN', 'in'),
    }),
  }),
});

const EventConnection = connectionType('Event', EventRef, 'A page of events.');

builder.queryFields((t) => ({
  event: t.field({
    type: EventRef,
    description: 'An event by id.',
    args: { id: t.arg.id({ required: true, description: 'The global id.' }) },
    resolve: (_r, args, ctx) => entityById(ctx, String(args.id), 'Event'),
  }),
  place: t.field({
    type: PlaceRef,
    description: 'A place by id.',
    args: { id: t.arg.id({ required: true, description: 'The global id.' }) },
    resolve: (_r, args, ctx) => entityById(ctx, String(args.id), 'Place'),
  }),
  events: t.field({
    type: EventConnection,
    description: 'Events, filtered and ordered (earliest first; undated last).',
    args: {
      first: t.arg.int({ description: FIRST_DOC }),
      after: t.arg.string({ description: AFTER_DOC }),
      filter: t.arg({ type: EntityFilterInput, description: 'Conditions the items must meet.' }),
      orderBy: t.arg({ type: EntityOrderEnum, description: 'Sort order.' }),
    },
    resolve: (_r, args, ctx) => rootList(ctx, 'Event', args, 'DATE_ASC'),
  }),
}));
