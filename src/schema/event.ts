// Event and Place: celebrations and visits the documents speak of, and where they happened.
import { builder } from '../builder.ts';
import { entityType } from './entity.ts';
import { HistoricalDateRef } from './evidence.ts';
import { EntityRef, EventRef, ParticipationRef, PlaceRef } from './refs.ts';

entityType({
  ref: EventRef,
  label: 'Event',
  description: 'An event the sources speak of: a celebration, a visit, a revolution.',
  one: ['event', 'An event by id.'],
  many: ['events', 'Events, filtered and ordered (earliest first; undated last).', 'DATE_ASC'],
});
entityType({
  ref: PlaceRef,
  label: 'Place',
  description: 'A place the sources name.',
  one: ['place', 'A place by id.'],
});

builder.objectFields(EventRef, (t) => ({
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
    resolve: (e, _a, ctx) => ctx.graph.relationships(e.id, 'PARTICIPATED_IN', 'in'),
  }),
  places: t.field({
    type: [EntityRef],
    description: 'Where it took place (a place or a state).',
    resolve: (e, _a, ctx) => ctx.graph.linked(e.id, 'TOOK_PLACE_IN', 'out'),
  }),
}));

builder.objectFields(PlaceRef, (t) => ({
  events: t.field({
    type: [EventRef],
    description: 'Events that took place here.',
    resolve: (p, _a, ctx) => ctx.graph.linked(p.id, 'TOOK_PLACE_IN', 'in'),
  }),
}));
