// Meeting: a recorded conversation, its date, who attended in what role and representing what,
// and which documents record it.
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { RelationshipRow } from '../data/types.ts';
import { entityType } from './entity.ts';
import { HistoricalDateRef } from './evidence.ts';
import {
  AttendanceRef,
  DocumentRef,
  InstitutionRef,
  MeetingRef,
  PersonRef,
  RepresentationRef,
} from './refs.ts';
import { linkedEntityFields, relationshipFields, relationshipListFields } from './relationship.ts';
import { compiles, orFetched } from './selection.ts';

entityType({
  ref: MeetingRef,
  label: 'Meeting',
  description: 'A meeting or conversation that a document records.',
  one: ['meeting', 'A meeting by id, e.g. "meeting/chervonenko-deng-1959-11-06".'],
  many: ['meetings', 'Meetings, filtered and ordered (earliest first unless told otherwise).', 'DATE_ASC'],
});

builder.objectFields(MeetingRef, (t) => ({
  date: t.field({
    type: HistoricalDateRef,
    nullable: true,
    description: 'When the meeting took place (distinct from the date of the documents that record it).',
    resolve: (m) => m.date,
  }),
}));

relationshipListFields(MeetingRef, {
  attendees: [
    AttendanceRef,
    'ATTENDED',
    'in',
    'Who attended, in what role, representing what, with the passages that say so.',
  ],
});
linkedEntityFields(MeetingRef, {
  recordedIn: [DocumentRef, 'RECORDS', 'in', 'Documents that record the meeting.'],
});

AttendanceRef.implement({
  description: "A person's presence at a meeting: role, whom they represented, and the evidence.",
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: 'The role in which the person attended.' }),
    representation: t.field({
      type: RepresentationRef,
      nullable: true,
      description: 'Whom the person represented at this meeting, with its own evidence.',
      resolve: (r, _a, ctx) => ctx.graph.representationAt(r),
    }),
    representing: t.field({
      type: InstitutionRef,
      nullable: true,
      description:
        'The institution the person represented at this meeting (see `representation` for evidence).',
      extensions: compiles({ representing: true }),
      resolve: orFetched((r: RelationshipRow, _a, ctx: Context) => ctx.graph.institutionRepresentedAt(r)),
    }),
  }),
});
relationshipFields(AttendanceRef, {
  from: ['person', PersonRef, 'Who attended.'],
  to: ['meeting', MeetingRef, 'The meeting.'],
  evidence: 'The passages that place the person at the meeting.',
});
