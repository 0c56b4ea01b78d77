// Meeting: a recorded conversation, its date, who attended in what role, and which documents record it.

import type { Context } from '../context.ts';
import type { RelationshipRow } from '../data/types.ts';
import { EntityRef, EvidenceRef, HistoricalDateRef, NodeRef } from './common.ts';
import { entityRootFields } from './lists.ts';
import {
  AttendanceRef,
  DocumentRef,
  InstitutionRef,
  MeetingRef,
  PersonRef,
  RepresentationRef,
} from './refs.ts';
import { neighbours, rels } from './resolve.ts';

MeetingRef.implement({
  description: 'A meeting or conversation that a document records.',
  interfaces: [NodeRef, EntityRef],
  isTypeOf: (row) => (row as { type?: string }).type === 'Meeting',
  fields: (t) => ({
    date: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'When the meeting took place (distinct from the date of the documents that record it).',
      resolve: (m) => m.date,
    }),
    attendees: t.field({
      type: [AttendanceRef],
      description: 'Who attended, in what role, representing what, with the passages that say so.',
      resolve: (m, _a, ctx) => rels(ctx, m.id, 'ATTENDED', 'in'),
    }),
    recordedIn: t.field({
      type: [DocumentRef],
      description: 'Documents that record the meeting.',
      resolve: (m, _a, ctx) => neighbours(ctx, m.id, 'RECORDS', 'in'),
    }),
  }),
});

/** The attendee's REPRESENTED relationship in the context of the attended meeting, if any. */
async function representationAt(ctx: Context, attendance: RelationshipRow): Promise<RelationshipRow | null> {
  const list = await rels(ctx, attendance.from, 'REPRESENTED', 'out');
  return list.find((x) => x.context === attendance.to) ?? null;
}

AttendanceRef.implement({
  description: "A person's presence at a meeting: role, whom they represented, and the evidence.",
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      description: 'Who attended.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    meeting: t.field({
      type: MeetingRef,
      description: 'The meeting.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    role: t.exposeString('role', { nullable: true, description: 'The role in which the person attended.' }),
    representation: t.field({
      type: RepresentationRef,
      nullable: true,
      description: 'Whom the person represented at this meeting, with its own evidence.',
      resolve: (r, _a, ctx) => representationAt(ctx, r),
    }),
    representing: t.field({
      type: InstitutionRef,
      nullable: true,
      description:
        'The institution the person represented at this meeting (see `representation` for evidence).',
      resolve: async (r, _a, ctx) => {
        const rep = await representationAt(ctx, r);
        return rep ? ctx.loaders.existing(rep.to) : null;
      },
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The passages that place the person at the meeting.',
      resolve: (r) => r.evidence,
    }),
  }),
});

entityRootFields({
  label: 'Meeting',
  ref: MeetingRef,
  one: ['meeting', 'A meeting by id, e.g. "meeting/chervonenko-deng-1959-11-06".'],
  many: ['meetings', 'Meetings, filtered and ordered (earliest first unless told otherwise).', 'DATE_ASC'],
});
