// Person: positions, attendance, representation and participation, each with evidence.
import { EntityRef, EvidenceRef, HistoricalDateRef, NodeRef } from './common.ts';
import { AFTER_DOC, connectionType, FIRST_DOC, pageOf } from './connection.ts';
import { entityRootFields } from './lists.ts';
import {
  AttendanceRef,
  EventRef,
  InstitutionRef,
  MeetingRef,
  ParticipationRef,
  PersonRef,
  PositionRef,
  RepresentationRef,
} from './refs.ts';
import { rels } from './resolve.ts';

export const AttendanceConnection = connectionType(
  'Attendance',
  AttendanceRef,
  'Meetings a person attended, earliest first.',
);

PersonRef.implement({
  description: 'A person named in the sources: a diplomat, a party official, a translator, an archivist.',
  interfaces: [NodeRef, EntityRef],
  isTypeOf: (row) => (row as { type?: string }).type === 'Person',
  fields: (t) => ({
    positions: t.field({
      type: [PositionRef],
      description: 'Posts the person held, as the sources attest them.',
      resolve: (p, _a, ctx) => rels(ctx, p.id, 'HELD_POSITION', 'out'),
    }),
    attended: t.field({
      type: AttendanceConnection,
      description: 'Meetings the person attended, with role and evidence, earliest first.',
      args: { first: t.arg.int({ description: FIRST_DOC }), after: t.arg.string({ description: AFTER_DOC }) },
      resolve: async (p, args, ctx) => pageOf(await rels(ctx, p.id, 'ATTENDED', 'out'), args),
    }),
    represented: t.field({
      type: [RepresentationRef],
      description: 'Institutions the person represented, and at which meeting.',
      resolve: (p, _a, ctx) => rels(ctx, p.id, 'REPRESENTED', 'out'),
    }),
    participatedIn: t.field({
      type: [ParticipationRef],
      description: 'Events (celebrations, visits) the person took part in.',
      resolve: (p, _a, ctx) => rels(ctx, p.id, 'PARTICIPATED_IN', 'out'),
    }),
  }),
});

PositionRef.implement({
  description: 'A post held by a person in an institution, with its title and the dates the sources give.',
  fields: (t) => ({
    title: t.string({
      description: 'The title of the post, as the source gives it.',
      resolve: (r) => r.title ?? '',
    }),
    person: t.field({
      type: PersonRef,
      description: 'Who held the post.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    institution: t.field({
      type: InstitutionRef,
      description: 'Where the post was held.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    from: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'When the person took up the post, if a source says.',
      resolve: (r) => r.startDate,
    }),
    to: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'When the person left the post, if a source says.',
      resolve: (r) => r.endDate,
    }),
    attested: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'A date at which a source shows the person in the post (when its term is not known).',
      resolve: (r) => r.attestedDate,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The passages that give the post.',
      resolve: (r) => r.evidence,
    }),
  }),
});

RepresentationRef.implement({
  description: 'A person acting for an institution, in the context of a meeting.',
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'Who represented.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    institution: t.field({
      type: InstitutionRef,
      description: 'The institution represented.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    meeting: t.field({
      type: MeetingRef,
      nullable: true,
      description: 'The meeting at which the person represented it.',
      resolve: (r, _a, ctx) => (r.context ? ctx.loaders.existing(r.context) : null),
    }),
    evidence: t.field({ type: [EvidenceRef], description: 'Why we say so.', resolve: (r) => r.evidence }),
  }),
});

ParticipationRef.implement({
  description: 'A person taking part in an event.',
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'Who took part.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    event: t.field({
      type: EventRef,
      description: 'The event.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    role: t.exposeString('role', { nullable: true, description: 'In what capacity, as the source has it.' }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The passages that say so.',
      resolve: (r) => r.evidence,
    }),
  }),
});

entityRootFields({
  label: 'Person',
  ref: PersonRef,
  one: ['person', 'A person by id, e.g. "person/deng-xiaoping".'],
  many: ['people', 'People, filtered and ordered (by name unless told otherwise).', 'NAME_ASC'],
});
