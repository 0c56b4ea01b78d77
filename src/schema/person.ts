// Person: posts held (and those held at a date), meetings attended, institutions represented,
// events taken part in, and whom the person met; each with its evidence.
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { FetchedWindow } from '../data/compiled/plan.ts';
import type { CoAttendance, EntityRow, RelationshipRow } from '../data/types.ts';
import { dateArgument } from '../dates.ts';
import type { EvidenceLayer } from '../model.ts';
import {
  connectionType,
  type PageArgs,
  pageArgs,
  pagedComplexity,
  pageFromList,
  pageFromWindow,
} from './connection.ts';
import { entityType } from './entity.ts';
import { EvidenceLayerEnum, EvidenceRef, supportedBy } from './evidence.ts';
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
import { relationshipFields, relationshipListFields, termFields } from './relationship.ts';
import { compiles, orFetched } from './selection.ts';

entityType({
  ref: PersonRef,
  label: 'Person',
  description: 'A person named in the sources: a diplomat, a party official, a translator, an archivist.',
  one: ['person', 'A person by id, e.g. "person/deng-xiaoping".'],
  many: ['people', 'People, filtered and ordered (by name unless told otherwise).', 'NAME_ASC'],
});

const AttendanceConnection = connectionType(
  'Attendance',
  AttendanceRef,
  'Meetings a person attended, earliest first.',
);

const CoParticipationRef = builder.objectRef<CoAttendance>('CoParticipation').implement({
  description: 'Another person who sat in the same meetings, and which meetings those were.',
  fields: (t) => ({
    person: t.field({ type: PersonRef, description: 'The other person.', resolve: (c) => c.person }),
    meetings: t.field({
      type: [MeetingRef],
      description: 'The meetings both attended, earliest first.',
      resolve: orFetched((c: CoAttendance, _a, ctx: Context) => ctx.graph.refs(c.theirs.map((r) => r.to))),
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
  positionsAt: t.field({
    type: [PositionRef],
    description:
      'Posts the person held at a date (YYYY, YYYY-MM or YYYY-MM-DD). A post counts when its term overlaps the date: the term runs from the earliest day its start can stand for to the latest day its end can stand for. Where the sources give no start or no end, the date at which a source shows the person in the post (`attestedDate`) stands in for it, so a post known only from a memorandum of 6 November 1959 counts for "1959-11-06", "1959-11" and "1959" but not for "1959-11-07". A post with no dates at all is never counted.',
    args: { date: t.arg.string({ required: true, description: 'The date: YYYY, YYYY-MM or YYYY-MM-DD.' }) },
    resolve: (p, args, ctx) => ctx.graph.positionsAt(p.id, dateArgument('date', args.date)),
  }),
  attended: t.field({
    type: AttendanceConnection,
    description: 'Meetings the person attended, with role and evidence, earliest first.',
    args: {
      ...pageArgs,
      supportedBy: t.arg({
        type: [EvidenceLayerEnum],
        required: false,
        description: 'Only attendances with at least one passage in these layers, e.g. [BODY].',
      }),
    },
    complexity: pagedComplexity,
    extensions: compiles({ along: { type: 'ATTENDED', direction: 'out', kind: 'page' } }),
    resolve: orFetched(
      async (
        p: EntityRow,
        args: PageArgs & { supportedBy?: readonly EvidenceLayer[] | null },
        ctx: Context,
      ) =>
        pageFromList(
          supportedBy(await ctx.graph.relationships(p.id, 'ATTENDED', 'out'), args.supportedBy),
          args,
        ),
      (w: FetchedWindow<RelationshipRow>) => pageFromWindow(w.rows, w.total, w.offset),
    ),
  }),
  metWith: t.field({
    type: [CoParticipationRef],
    description:
      'Everyone recorded at a meeting this person attended, with the meetings they shared: most shared meetings first, then by name. Based on attendance (ATTENDED) only, not on being mentioned together.',
    extensions: compiles({ metWith: true }),
    resolve: orFetched((p: EntityRow, _a, ctx: Context) => ctx.graph.coAttendance(p.id)),
  }),
}));

relationshipListFields(PersonRef, {
  positions: [PositionRef, 'HELD_POSITION', 'out', 'Posts the person held, as the sources attest them.'],
  represented: [
    RepresentationRef,
    'REPRESENTED',
    'out',
    'Institutions the person represented, and at which meeting.',
  ],
  participatedIn: [
    ParticipationRef,
    'PARTICIPATED_IN',
    'out',
    'Events (celebrations, visits) the person took part in.',
  ],
});

PositionRef.implement({
  description: 'A post held by a person in an institution, with its title and the dates the sources give.',
  fields: (t) => ({
    title: t.string({
      description: 'The title of the post, as the source gives it.',
      resolve: (r) => r.title ?? '',
    }),
  }),
});
relationshipFields(PositionRef, {
  from: ['person', PersonRef, 'Who held the post.'],
  to: ['institution', InstitutionRef, 'Where the post was held.'],
  evidence: 'The passages that give the post.',
});
termFields(PositionRef, {
  start: 'When the person took up the post, if a source says.',
  end: 'When the person left the post, if a source says.',
  attested: 'A date at which a source shows the person in the post (when its term is not known).',
});

RepresentationRef.implement({
  description: 'A person acting for an institution, in the context of a meeting.',
  fields: (t) => ({
    meeting: t.field({
      type: MeetingRef,
      nullable: true,
      description: 'The meeting at which the person represented it.',
      resolve: (r, _a, ctx) => (r.context ? ctx.graph.ref(r.context) : null),
    }),
  }),
});
relationshipFields(RepresentationRef, {
  from: ['person', PersonRef, 'Who represented.'],
  to: ['institution', InstitutionRef, 'The institution represented.'],
  evidence: 'Why we say so.',
});

ParticipationRef.implement({
  description: 'A person taking part in an event.',
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: 'In what capacity, as the source has it.' }),
  }),
});
relationshipFields(ParticipationRef, {
  from: ['person', PersonRef, 'Who took part.'],
  to: ['event', EventRef, 'The event.'],
  evidence: 'The passages that say so.',
});
