// Institution: states, parties and their organs, ministries and divisions, embassies, archives.
import { EntityRef, NodeRef } from './common.ts';
import { entityRootFields } from './lists.ts';
import { HoldingRef, InstitutionRef, PersonRef, PositionRef, RepresentationRef } from './refs.ts';
import { ends, neighbours, rels } from './resolve.ts';

InstitutionRef.implement({
  description: 'A state, party, party organ, ministry or division, embassy, archive or collection.',
  interfaces: [NodeRef, EntityRef],
  isTypeOf: (row) => (row as { type?: string }).type === 'Institution',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      nullable: true,
      description: 'state, party, party-organ, ministry, ministry-division, embassy, archive or collection.',
    }),
    parent: t.field({
      type: InstitutionRef,
      nullable: true,
      description: 'The institution this one is part of (see `partOf` for all).',
      resolve: async (i, _a, ctx) => (await neighbours(ctx, i.id, 'PART_OF', 'out'))[0] ?? null,
    }),
    partOf: t.field({
      type: [InstitutionRef],
      description: 'Institutions this one is part of.',
      resolve: (i, _a, ctx) => neighbours(ctx, i.id, 'PART_OF', 'out'),
    }),
    children: t.field({
      type: [InstitutionRef],
      description: 'Institutions that are part of this one.',
      resolve: (i, _a, ctx) => neighbours(ctx, i.id, 'PART_OF', 'in'),
    }),
    positions: t.field({
      type: [PositionRef],
      description: 'Posts held in this institution, by whom.',
      resolve: (i, _a, ctx) => rels(ctx, i.id, 'HELD_POSITION', 'in'),
    }),
    representatives: t.field({
      type: [RepresentationRef],
      description: 'People who represented this institution, and at which meeting.',
      resolve: (i, _a, ctx) => rels(ctx, i.id, 'REPRESENTED', 'in'),
    }),
    members: t.field({
      type: [PersonRef],
      description: 'People who held a post in or represented this institution, each once.',
      resolve: async (i, _a, ctx) => {
        const all = [
          ...(await rels(ctx, i.id, 'HELD_POSITION', 'in')),
          ...(await rels(ctx, i.id, 'REPRESENTED', 'in')),
        ];
        const unique = [...new Map(all.map((r) => [r.from, r])).values()];
        return ends(ctx, unique, 'from');
      },
    }),
    holdings: t.field({
      type: [HoldingRef],
      description: 'Documents this archive or collection holds, with archival references.',
      resolve: (i, _a, ctx) => rels(ctx, i.id, 'HELD_BY', 'in'),
    }),
  }),
});

entityRootFields({
  label: 'Institution',
  ref: InstitutionRef,
  one: ['institution', 'An institution by id, e.g. "institution/ccp-cc".'],
  many: ['institutions', 'Institutions, filtered and ordered (by name unless told otherwise).', 'NAME_ASC'],
});
