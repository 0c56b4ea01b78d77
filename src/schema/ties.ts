// The strength of a connection: what kind of tie a path makes (`Path.tie`) and the strongest tie
// between two entities (`strongestConnection`), so that "how are these two connected?" gets the
// best answer there is, with how strong it is, rather than only the shortest chain or null.
import { builder } from '../builder.ts';
import { EXPENSIVE, MAX_HOPS } from '../limits.ts';
import { strongestTie, type Tie, tieKind } from '../ties.ts';
import { PathRef, pathQuery } from './paths.ts';

export const TieKindEnum = builder.enumType('TieKind', {
  description: 'How two entities are tied, strongest first.',
  values: {
    CO_ATTENDANCE: { value: 'co-attendance', description: 'Both attended one meeting.' },
    DIRECT: {
      value: 'direct',
      description: 'A relationship joins them directly (a post, help given, a meeting expected).',
    },
    STATEMENT: {
      value: 'statement',
      description: 'One said something to or about the other in a recorded conversation.',
    },
    CHAIN: { value: 'chain', description: 'A longer chain of relationships (mentions aside).' },
    SHARED_MENTION: {
      value: 'shared-mention',
      description: 'Only a document that mentions both (the weakest tie).',
    },
  },
});

builder.objectFields(PathRef, (t) => ({
  tie: t.field({
    type: TieKindEnum,
    nullable: true,
    description: 'What kind of tie the path makes between its ends (null for a path of length 0).',
    resolve: (p) => (p.relationships.length ? tieKind(p) : null),
  }),
}));

const TieRef = builder.objectRef<Tie>('Tie').implement({
  description: 'The strongest tie between two entities: its kind and the path that makes it, with evidence.',
  fields: (t) => ({
    kind: t.expose('kind', { type: TieKindEnum, description: 'How strong the tie is.' }),
    path: t.field({ type: PathRef, description: 'The path that makes the tie.', resolve: (x) => x.path }),
  }),
});

builder.queryFields((t) => ({
  strongestConnection: t.field({
    type: TieRef,
    nullable: true,
    extensions: EXPENSIVE,
    complexity: 60,
    description:
      'How two entities are connected at best: co-attendance at a meeting first, then a relationship between them, a statement by one to or about the other, a longer chain (mentions aside) within `maxHops`, and last a document that mentions both. Null only when none of these exists.',
    args: {
      from: t.arg.id({ required: true, description: 'One entity, e.g. "person/deng-xiaoping".' }),
      to: t.arg.id({ required: true, description: 'The other, e.g. "person/stepan-chervonenko".' }),
      maxHops: t.arg.int({
        description: `Longest chain to look for (1 to ${MAX_HOPS}; default as shortestPath).`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      const q = pathQuery({ from: args.from, to: args.to, maxHops: args.maxHops ?? null });
      await Promise.all([ctx.graph.entity(q.from, 'from'), ctx.graph.entity(q.to, 'to')]);
      return q.from === q.to ? null : strongestTie(ctx.graph, q.from, q.to, q.maxHops);
    },
  }),
}));
