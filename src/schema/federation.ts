// Joining other graphs: every entity type is an Apollo Federation entity keyed by its `id`; persons,
// institutions, events and places also by `wikidataId`, so another archive's graph can join on a
// Wikidata item. `entityByExternalId` looks an entity up by any authority's identifier. The
// subgraph schema (served at /subgraph) is built from the same builder as the plain one (/graphql),
// with `_service` and `_entities`; `_entities` resolves through the per-request reader, so a batch
// of representations costs one statement per kind of key, and a representation it cannot answer
// (unknown type, missing or malformed key, unknown id) gets a coded error in its place only.
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRow } from '../data/types.ts';
import { InvalidArgumentError, WrongIdTypeError } from '../errors.ts';
import { MAX_REPRESENTATIONS } from '../limits.ts';
import {
  ENTITY_TYPES,
  type EntityType,
  IDENTIFIED_TYPES,
  identifierKey,
  identifierProblem,
} from '../model.ts';
import { AuthorityEnum } from './entity.ts';
import {
  DocumentRef,
  EntityRef,
  EventRef,
  InstitutionRef,
  MeetingRef,
  PersonRef,
  PlaceRef,
  StatementRef,
} from './refs.ts';

/** The federation version the subgraph links (Apollo Federation v2; @key is all it uses). */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.6';

const isIdentified = (label: EntityType) => (IDENTIFIED_TYPES as readonly string[]).includes(label);

/**
 * The entity a representation names, by `id` (INVALID_ID, WRONG_ID_TYPE, NOT_FOUND as for any id) or
 * by `wikidataId` (null when no entity carries that item: another graph may know items we do not).
 */
export async function resolveRepresentation(
  representation: Record<string, unknown>,
  label: EntityType,
  ctx: Context,
): Promise<EntityRow | null> {
  const { id, wikidataId } = representation;
  if (typeof id === 'string') return ctx.graph.entity(id, 'representations.id', label);
  if (isIdentified(label) && typeof wikidataId === 'string') {
    const problem = identifierProblem('wikidata', wikidataId);
    if (problem) throw new InvalidArgumentError('representations.wikidataId', problem);
    const row = await ctx.graph.entityByIdentifier(identifierKey('wikidata', wikidataId));
    if (row && row.type !== label) throw new WrongIdTypeError(wikidataId, 'representations', label, row.type);
    return row;
  }
  const keys = isIdentified(label) ? '"id" or "wikidataId"' : '"id"';
  throw new InvalidArgumentError(
    'representations',
    `a ${label} representation needs its key ${keys}, a string`,
  );
}

const byId = builder.selection<{ id: string }>('id');
const byWikidataId = builder.selection<{ wikidataId: string }>('wikidataId');

for (const [ref, label] of [
  [DocumentRef, 'Document'],
  [MeetingRef, 'Meeting'],
  [StatementRef, 'Statement'],
] as const) {
  builder.asEntity(ref, {
    key: byId,
    resolveReference: (representation, ctx) => resolveRepresentation(representation, label, ctx),
  });
}

for (const [ref, label] of [
  [PersonRef, 'Person'],
  [InstitutionRef, 'Institution'],
  [EventRef, 'Event'],
  [PlaceRef, 'Place'],
] as const) {
  builder.asEntity(ref, {
    key: [byId, byWikidataId],
    resolveReference: (representation, ctx) =>
      resolveRepresentation(representation as Record<string, unknown>, label, ctx),
  });
  builder.objectField(ref, 'wikidataId', (t) =>
    t.string({
      nullable: true,
      description:
        'The Wikidata item of this entity (e.g. Q15180), when a verified one is recorded: a key other graphs can join on.',
      resolve: async (row, _a, ctx) =>
        (await ctx.graph.identifiers(row.id)).find((x) => x.authority === 'wikidata')?.value ?? null,
    }),
  );
}

builder.queryField('entityByExternalId', (t) =>
  t.field({
    type: EntityRef,
    nullable: true,
    description:
      'The entity that carries an identifier of an authority file (e.g. WIKIDATA, "Q15180"), or null when none does.',
    args: {
      authority: t.arg({ type: AuthorityEnum, required: true, description: 'The authority file.' }),
      value: t.arg.string({
        required: true,
        description: "The identifier in the authority's own form, e.g. Q15180 or ark:/99166/w6fj33d4.",
      }),
    },
    resolve: (_r, { authority, value }, ctx) => {
      const problem = identifierProblem(authority, value);
      if (problem) throw new InvalidArgumentError('value', problem);
      return ctx.graph.entityByIdentifier(identifierKey(authority, value));
    },
  }),
);

/**
 * `_entities` with a check in front of @apollo/subgraph's resolver: more than MAX_REPRESENTATIONS
 * is refused whole; a representation of a type this graph does not have gets INVALID_ARGUMENT in
 * its place, the others are answered (all in the same tick, so the reader's loaders batch them).
 */
function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve as GraphQLFieldResolver<unknown, Context> | undefined;
  if (!field || !resolve) throw new Error('the subgraph schema has no _entities field');
  field.resolve = (source, args, ctx, info) => {
    const representations = (args as { representations: unknown[] }).representations;
    if (representations.length > MAX_REPRESENTATIONS)
      throw new InvalidArgumentError(
        'representations',
        `at most ${MAX_REPRESENTATIONS}, got ${representations.length}`,
      );
    return representations.map((representation, i) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(typename))
        return new InvalidArgumentError(
          `representations[${i}].__typename`,
          `"${String(typename).slice(0, 60)}" is not an entity type of this graph (${ENTITY_TYPES.join(', ')})`,
        );
      return (resolve(source, { representations: [representation] }, ctx, info) as unknown[])[0];
    });
  };
}

/** The Apollo Federation v2 subgraph schema: the plain schema plus keys, `_service` and `_entities`. */
export function buildSubgraphSchema(): GraphQLSchema {
  const schema = builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK, federationDirectives: ['@key'] });
  guardEntities(schema);
  return schema;
}
