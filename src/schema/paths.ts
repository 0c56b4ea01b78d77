// Paths and networks: how two entities are connected (shortestPath, allShortestPaths) and the
// network around one (neighborhood). Every relationship on the way carries its evidence.
import { builder } from '../builder.ts';
import { DEFAULT_TRAVERSAL_TYPES, type PathQuery, type PathRow, type SubgraphRow } from '../data/paths.ts';
import { InvalidArgumentError } from '../errors.ts';
import {
  DEFAULT_MAX_HOPS,
  DEFAULT_NEIGHBORHOOD_LIMIT,
  DEFAULT_PATHS,
  EXPENSIVE,
  MAX_GRAPH_LIMIT,
  MAX_HOPS,
  MAX_NEIGHBORHOOD_DEPTH,
} from '../limits.ts';
import { checkId, type RelationshipType } from '../model.ts';
import { subgraphPlan } from './plan.ts';
import { EntityRef } from './refs.ts';
import { RelationshipRef, RelationshipTypeEnum } from './relationship.ts';

export const PathRef = builder.objectRef<PathRow>('Path').implement({
  description:
    'A chain of relationships leading from one entity to another: `nodes[0]` is where it starts, `nodes[i]` and `nodes[i+1]` are joined by `relationships[i]`. A path may walk a relationship against its arrow (from a meeting back to a person who attended it).',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      description: 'The entities along the path, from the start to the end.',
      resolve: (p) => p.nodes,
    }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'The relationships between consecutive entities, each with its evidence.',
      resolve: (p) => p.relationships,
    }),
    length: t.int({
      description: 'How many relationships the path has (0 when it starts where it ends).',
      resolve: (p) => p.relationships.length,
    }),
  }),
});

const SubgraphRef = builder.objectRef<SubgraphRow>('Subgraph').implement({
  description:
    'The network around one entity, ready to draw: the entities within a number of steps of it and every relationship (of the kinds followed) between two of them.',
  fields: (t) => ({
    center: t.field({
      type: EntityRef,
      description: 'The entity the network was drawn around.',
      resolve: (s) => s.nodes[0] as (typeof s.nodes)[0] & object,
    }),
    nodes: t.field({
      type: [EntityRef],
      description:
        'The entities: the center first, then the others by their distance from it (fewest steps first), then by id.',
      resolve: (s) => s.nodes,
    }),
    edges: t.field({
      type: [RelationshipRef],
      description: 'Every relationship of the kinds followed whose two ends are both among `nodes`, by id.',
      resolve: (s) => s.edges,
    }),
    truncated: t.boolean({
      description:
        'True when more entities lie within the depth than `limit` allowed; the nearest were kept. Raise the limit or narrow `types` to see the rest.',
      resolve: (s) => s.truncated,
    }),
  }),
});

const TRAVERSAL_DOC =
  'Relationship kinds to follow, in either direction. Default: every kind except MENTIONS, since a document mentions almost everyone and would connect anything to anything; list MENTIONS here to go through documents that merely mention.';

function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(argument, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function traversalTypes(argument: string, given: readonly RelationshipType[] | null | undefined) {
  if (given == null) return DEFAULT_TRAVERSAL_TYPES;
  if (!given.length)
    throw new InvalidArgumentError(argument, 'list at least one relationship type, or leave it out');
  return given;
}

interface PathArgs {
  from: string | number;
  to: string | number;
  maxHops?: number | null;
  via?: RelationshipType[] | null;
}

/** Checks a path's arguments (no database call) and turns them into the data layer's query. */
export function pathQuery(args: PathArgs): PathQuery {
  const from = String(args.from);
  const to = String(args.to);
  checkId(from, 'from');
  checkId(to, 'to');
  const maxHops = checkRange('maxHops', args.maxHops ?? DEFAULT_MAX_HOPS, 1, MAX_HOPS);
  return { from, to, maxHops, types: traversalTypes('via', args.via) };
}

const pathArgs = builder.args((t) => ({
  from: t.id({ required: true, description: 'Where the path starts, e.g. "person/deng-xiaoping".' }),
  to: t.id({ required: true, description: 'Where it ends, e.g. "person/nikita-khrushchev".' }),
  maxHops: t.int({
    defaultValue: DEFAULT_MAX_HOPS,
    description: `Longest path to look for, in relationships (1 to ${MAX_HOPS}; default ${DEFAULT_MAX_HOPS}).`,
  }),
  via: t.field({ type: [RelationshipTypeEnum], description: TRAVERSAL_DOC }),
}));

builder.queryFields((t) => ({
  shortestPath: t.field({
    type: PathRef,
    nullable: true,
    extensions: EXPENSIVE,
    complexity: 20,
    description:
      'How two entities are connected: one shortest chain of relationships between them, with the evidence for each link; null when none exists within `maxHops`. Direction is ignored (a person who attended a meeting is one step from everyone else who attended it). When several paths are equally short, one is chosen; see `allShortestPaths`.',
    args: pathArgs,
    resolve: (_r, args, ctx) => ctx.graph.shortestPath(pathQuery(args)),
  }),
  allShortestPaths: t.field({
    type: [PathRef],
    extensions: EXPENSIVE,
    complexity: (args) => ({
      field: 20,
      multiplier: Math.max(1, Math.min(args.limit ?? DEFAULT_PATHS, MAX_GRAPH_LIMIT)),
    }),
    description:
      'Every shortest chain of relationships between two entities (all of the same length), up to `limit`, ordered by the ids they pass through; empty when none exists within `maxHops`. Direction is ignored. When more paths exist than the limit, which ones are returned is not specified.',
    args: {
      ...pathArgs,
      limit: t.arg.int({
        defaultValue: DEFAULT_PATHS,
        description: `Most paths to return (1 to ${MAX_GRAPH_LIMIT}; default ${DEFAULT_PATHS}).`,
      }),
    },
    resolve: (_r, args, ctx) => {
      const limit = checkRange('limit', args.limit ?? DEFAULT_PATHS, 1, MAX_GRAPH_LIMIT);
      return ctx.graph.allShortestPaths({ ...pathQuery(args), limit });
    },
  }),
  neighborhood: t.field({
    type: SubgraphRef,
    extensions: EXPENSIVE,
    complexity: 20,
    description:
      'The network around an entity: everything within `depth` relationships of it (direction ignored), nearest first, with the relationships among them and their evidence. Errors with NOT_FOUND when the id names nothing.',
    args: {
      id: t.arg.id({ required: true, description: 'The entity at the center, e.g. "person/deng-xiaoping".' }),
      depth: t.arg.int({
        defaultValue: 1,
        description: `How many relationships away to reach (1 to ${MAX_NEIGHBORHOOD_DEPTH}; default 1).`,
      }),
      types: t.arg({ type: [RelationshipTypeEnum], description: TRAVERSAL_DOC }),
      limit: t.arg.int({
        defaultValue: DEFAULT_NEIGHBORHOOD_LIMIT,
        description: `Most entities to return, the center included (1 to ${MAX_GRAPH_LIMIT}; default ${DEFAULT_NEIGHBORHOOD_LIMIT}). When more lie within reach, the nearest are kept and \`truncated\` is true.`,
      }),
    },
    resolve: (_r, args, ctx, info) =>
      ctx.graph.neighborhood(
        {
          id: String(args.id),
          depth: checkRange('depth', args.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH),
          types: traversalTypes('types', args.types),
          limit: checkRange('limit', args.limit ?? DEFAULT_NEIGHBORHOOD_LIMIT, 1, MAX_GRAPH_LIMIT),
        },
        subgraphPlan(info),
      ),
  }),
}));
