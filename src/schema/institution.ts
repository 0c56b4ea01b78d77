// Institution: states, parties and their organs, ministries and divisions, embassies, archives;
// what they are part of, who held posts in or represented them, and what they hold.
import { builder } from '../builder.ts';
import { entityType } from './entity.ts';
import { HoldingRef, InstitutionRef, PersonRef, PositionRef, RepresentationRef } from './refs.ts';

entityType({
  ref: InstitutionRef,
  label: 'Institution',
  description: 'A state, party, party organ, ministry or division, embassy, archive or collection.',
  one: ['institution', 'An institution by id, e.g. "institution/ccp-cc".'],
  many: ['institutions', 'Institutions, filtered and ordered (by name unless told otherwise).', 'NAME_ASC'],
});

builder.objectFields(InstitutionRef, (t) => ({
  kind: t.exposeString('kind', {
    nullable: true,
    description: 'state, party, party-organ, ministry, ministry-division, embassy, archive or collection.',
  }),
  parent: t.field({
    type: InstitutionRef,
    nullable: true,
    description: 'The institution this one is part of (see `partOf` for all).',
    resolve: async (i, _a, ctx) => (await ctx.graph.linked(i.id, 'PART_OF', 'out'))[0] ?? null,
  }),
  partOf: t.field({
    type: [InstitutionRef],
    description: 'Institutions this one is part of.',
    resolve: (i, _a, ctx) => ctx.graph.linked(i.id, 'PART_OF', 'out'),
  }),
  children: t.field({
    type: [InstitutionRef],
    description: 'Institutions that are part of this one.',
    resolve: (i, _a, ctx) => ctx.graph.linked(i.id, 'PART_OF', 'in'),
  }),
  positions: t.field({
    type: [PositionRef],
    description: 'Posts held in this institution, by whom.',
    resolve: (i, _a, ctx) => ctx.graph.relationships(i.id, 'HELD_POSITION', 'in'),
  }),
  representatives: t.field({
    type: [RepresentationRef],
    description: 'People who represented this institution, and at which meeting.',
    resolve: (i, _a, ctx) => ctx.graph.relationships(i.id, 'REPRESENTED', 'in'),
  }),
  members: t.field({
    type: [PersonRef],
    description: 'People who held a post in or represented this institution, each once.',
    resolve: (i, _a, ctx) => ctx.graph.members(i.id),
  }),
  holdings: t.field({
    type: [HoldingRef],
    description: 'Documents this archive or collection holds, with archival references.',
    resolve: (i, _a, ctx) => ctx.graph.relationships(i.id, 'HELD_BY', 'in'),
  }),
}));
