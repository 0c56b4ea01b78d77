// Event and Place: celebrations and visits the documents speak of, and where they happened.
import { builder } from '../builder.ts';
import { entityType } from './entity.ts';
import { HistoricalDateRef } from './evidence.ts';
import { EntityRef, EventRef, ParticipationRef, PlaceRef } from './refs.ts';
import { linkedEntityFields, relationshipListFields } from './relationship.ts';

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
}));

relationshipListFields(EventRef, {
  participants: [ParticipationRef, 'PARTICIPATED_IN', 'in', 'People who took part, with evidence.'],
});
linkedEntityFields(EventRef, {
  places: [EntityRef, 'TOOK_PLACE_IN', 'out', 'Where it took place (a place or a state).'],
});
linkedEntityFields(PlaceRef, {
  events: [EventRef, 'TOOK_PLACE_IN', 'in', 'Events that took place here.'],
});
