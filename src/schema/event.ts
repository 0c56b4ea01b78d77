// Event and Place: celebrations and visits the documents speak of, and where they happened.
import { EntityRef, HistoricalDateRef, NodeRef } from './common.ts';
import { entityRootFields } from './lists.ts';
import { EventRef, ParticipationRef, PlaceRef } from './refs.ts';
import { neighbours, rels } from './resolve.ts';

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

entityRootFields({
  label: 'Event',
  ref: EventRef,
  one: ['event', 'An event by id.'],
  many: ['events', 'Events, filtered and ordered (earliest first; undated last).', 'DATE_ASC'],
});
entityRootFields({ label: 'Place', ref: PlaceRef, one: ['place', 'A place by id.'] });
