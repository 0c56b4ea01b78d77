// Institution: states, parties and their organs, ministries and divisions, embassies, archives;
// what they are part of, who held posts in or represented them, and what they hold.
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRow } from '../data/types.ts';
import { entityType } from './entity.ts';
import { HoldingRef, InstitutionRef, PersonRef, PositionRef, RepresentationRef } from './refs.ts';
import { linkedEntityFields, relationshipListFields } from './relationship.ts';
import { compiles, orFetched } from './selection.ts';

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
    extensions: compiles({ along: { type: 'PART_OF', direction: 'out', kind: 'first' } }),
    resolve: orFetched(
      async (i: EntityRow, _a, ctx: Context) => (await ctx.graph.linked(i.id, 'PART_OF', 'out'))[0] ?? null,
    ),
  }),
  members: t.field({
    type: [PersonRef],
    description: 'People who held a post in or represented this institution, each once.',
    resolve: (i, _a, ctx) => ctx.graph.members(i.id),
  }),
}));

linkedEntityFields(InstitutionRef, {
  partOf: [InstitutionRef, 'PART_OF', 'out', 'Institutions this one is part of.'],
  children: [InstitutionRef, 'PART_OF', 'in', 'Institutions that are part of this one.'],
});
relationshipListFields(InstitutionRef, {
  positions: [PositionRef, 'HELD_POSITION', 'in', 'Posts held in this institution, by whom.'],
  representatives: [
    RepresentationRef,
    'REPRESENTED',
    'in',
    'People who represented this institution, and at which meeting.',
  ],
  holdings: [
    HoldingRef,
    'HELD_BY',
    'in',
    'Documents this archive or collection holds, with archival references.',
  ],
});
