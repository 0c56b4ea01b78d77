// Entities: the Node and Entity interfaces, external identifiers, the node/nodes lookups, the
// by-id and list root fields every type declares through `entityType`, and `mentionedIn`.
import type { ImplementableObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { type BuilderTypes, builder } from '../builder.ts';
import type { ListQuery, Order } from '../data/compiled/read.ts';
import type { EntityRow, ExternalId } from '../data/types.ts';
import { dateRangeArgument } from '../dates.ts';
import { InvalidArgumentError } from '../errors.ts';
import { MAX_IDS } from '../limits.ts';
import { AUTHORITIES, AUTHORITY_RULES, type Authority, ENTITY_TYPES, type EntityType } from '../model.ts';
import { fold } from '../search/fold.ts';
import {
  connectionType,
  keysetWindow,
  type ListPageArgs,
  listPageArgs,
  pageArgs,
  pagedComplexity,
  pageFromKeyset,
  pageFromList,
} from './connection.ts';
import { DateRangeInput } from './evidence.ts';
import { entityPlan, listPlan } from './plan.ts';
import { EntityRef, MentionRef, NodeRef } from './refs.ts';

const ENTITY_TYPE_DOCS: Record<EntityType, string> = {
  Person: 'A person named in the sources.',
  Institution: 'A state, party or organ, ministry or division, embassy, archive or collection.',
  Document: 'A source document.',
  Meeting: 'A meeting or conversation a document records.',
  Event: 'An event the sources speak of.',
  Place: 'A place the sources name.',
  Statement: 'Something a participant said in a recorded conversation: speaker, addressee, kind, passage.',
};

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The kinds of things the graph holds.',
  values: Object.fromEntries(
    ENTITY_TYPES.map((t) => [t.toUpperCase(), { value: t, description: ENTITY_TYPE_DOCS[t] }]),
  ) as Record<string, { value: EntityType }>,
});

const AUTHORITY_DOCS: Record<Authority, string> = {
  wikidata: 'Wikidata (an item, e.g. Q15180).',
  viaf: 'VIAF, the Virtual International Authority File (a cluster number).',
  snac: 'SNAC, Social Networks and Archival Context (an ARK, e.g. ark:/99166/w6fj33d4).',
  gnd: 'GND, the Integrated Authority File of the German National Library.',
  lc: 'The Library of Congress Name Authority File (an LCCN, e.g. n79022935).',
};

export const AuthorityEnum = builder.enumType('Authority', {
  description: 'An authority file that identifies persons, institutions, events and places.',
  values: Object.fromEntries(
    AUTHORITIES.map((a) => [a.toUpperCase(), { value: a, description: AUTHORITY_DOCS[a] }]),
  ) as Record<string, { value: Authority }>,
});

export const ExternalIdRef = builder.objectRef<ExternalId>('ExternalId').implement({
  description:
    'An identifier of the same entity in an authority file, recorded only after someone checked it: who, how and when.',
  fields: (t) => ({
    authority: t.field({
      type: AuthorityEnum,
      description: 'The authority file.',
      resolve: (x) => x.authority,
    }),
    value: t.exposeString('value', {
      description: "The identifier in the authority's own form, e.g. Q15180 or ark:/99166/w6fj33d4.",
    }),
    uri: t.string({
      description: 'The identifier as a URI, for sameAs links.',
      resolve: (x) => AUTHORITY_RULES[x.authority].uri(x.value),
    }),
    verifiedBy: t.exposeString('verifiedBy', { description: 'Who checked the identifier.' }),
    method: t.exposeString('method', {
      description: 'How it was checked, e.g. "compared name, dates and offices on the authority record".',
    }),
    verifiedOn: t.exposeString('verifiedOn', { description: 'The day it was checked (YYYY-MM-DD).' }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'The URL of the authority record consulted, if one was.',
    }),
  }),
});

NodeRef.implement({
  description: 'Anything with a global id. Ids are readable and stable, e.g. "person/deng-xiaoping".',
  resolveType: (row) => row.type,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Global, stable id: a type, a slash and a readable name.' }),
  }),
});

const DocumentMentionConnection = connectionType(
  'DocumentMention',
  MentionRef,
  'Documents that mention an entity, with the passages.',
);

EntityRef.implement({
  description: 'A person, institution, document, meeting, event or place in the graph.',
  interfaces: [NodeRef],
  resolveType: (row) => row.type,
  fields: (t) => ({
    uri: t.string({
      description:
        'The stable HTTP URI of this entity, to cite it or link to it; it answers with JSON-LD, Turtle, N-Quads or a readable page (content negotiation).',
      resolve: (row, _a, ctx) => ctx.uris.entity(row.id),
    }),
    name: t.exposeString('name', {
      description: 'The name under which the entity is best known (a document: its title).',
    }),
    aliases: t.exposeStringList('aliases', {
      description:
        'Other names: spellings found in the sources, transliterations (pinyin, Wade–Giles, Cyrillic), fuller forms.',
    }),
    description: t.exposeString('description', {
      description: 'A short description drawn from the sources.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Notes for historians: discrepancies between sources, how names were checked.',
    }),
    externalIds: t.field({
      type: [ExternalIdRef],
      description:
        'Verified identifiers in authority files (Wikidata, VIAF, SNAC, GND, Library of Congress). Never guessed; often empty.',
      resolve: (row, _a, ctx) => ctx.graph.identifiers(row.id),
    }),
    mentionedIn: t.field({
      type: DocumentMentionConnection,
      description: 'Documents that mention this entity, with the passages, earliest document first.',
      args: pageArgs,
      complexity: pagedComplexity,
      resolve: async (e, args, ctx) =>
        pageFromList(await ctx.graph.relationships(e.id, 'MENTIONS', 'in'), args),
    }),
  }),
});

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    description: 'Anything by its global id, e.g. "person/deng-xiaoping".',
    args: { id: t.arg.id({ required: true, description: 'A global id.' }) },
    resolve: (_r, args, ctx) => ctx.graph.entity(String(args.id)),
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description:
      'Several entities by id, in the order asked; null (with an error) for an id that names nothing.',
    args: { ids: t.arg.idList({ required: true, description: `Up to ${MAX_IDS} global ids.` }) },
    resolve: (_r, args, ctx) => {
      if (args.ids.length > MAX_IDS)
        throw new InvalidArgumentError('ids', `at most ${MAX_IDS} ids, got ${args.ids.length}`);
      return ctx.graph.entityList(args.ids.map(String), 'ids');
    },
  }),
}));

// ---------------------------------------------------------------------------------------------
// Each entity type: its object type, its by-id root field and its filtered, ordered list.

const EntityFilterInput = builder.inputType('EntityFilter', {
  description: 'Narrows a list. All given conditions must hold.',
  fields: (t) => ({
    nameContains: t.string({
      required: false,
      description: 'Text the name or an alias contains, ignoring case, diacritics and punctuation.',
    }),
    dateOverlaps: t.field({
      type: DateRangeInput,
      required: false,
      description:
        'Keep entities whose date interval overlaps this one (entities without a date are left out).',
    }),
  }),
});

const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'Sort order of a list. Undated entities come last in date orders.',
  values: {
    NAME_ASC: { value: 'NAME_ASC', description: 'By name, A to Z (case and diacritics ignored).' },
    NAME_DESC: { value: 'NAME_DESC', description: 'By name, Z to A.' },
    DATE_ASC: { value: 'DATE_ASC', description: 'Earliest first; undated last.' },
    DATE_DESC: { value: 'DATE_DESC', description: 'Latest first; undated last.' },
  } satisfies Record<Order, { value: Order; description: string }>,
});

export interface ListArgs extends ListPageArgs {
  filter?: {
    nameContains?: string | null;
    dateOverlaps?: { startDate?: string | null; endDate?: string | null } | null;
  } | null;
  orderBy?: Order | null;
}

/**
 * Checks a list's arguments (no database call) and turns them into the data layer's query; with the
 * field's resolve info, also what each item selects and whether the total is asked.
 */
export function listQuery(
  label: EntityType,
  args: ListArgs,
  defaultOrder: Order,
  info?: GraphQLResolveInfo,
): ListQuery {
  const order = args.orderBy ?? defaultOrder;
  const window = keysetWindow(args, order);
  const dates = args.filter?.dateOverlaps;
  // an open end stays open (no bound in the statement), a given one is checked like the timeline's
  const range = dates ? dateRangeArgument('filter.dateOverlaps.', dates.startDate, dates.endDate) : undefined;
  const startDay = dates?.startDate == null ? undefined : range?.startDay;
  const endDay = dates?.endDate == null ? undefined : range?.endDay;
  const contains = args.filter?.nameContains != null ? fold(args.filter.nameContains) : undefined;
  if (contains === '')
    throw new InvalidArgumentError('filter.nameContains', 'needs at least one letter or digit');
  const plan = info ? listPlan(info) : { node: null, count: true };
  return {
    label,
    nameContains: contains,
    startDay,
    endDay,
    order,
    ...window,
    count: plan.count,
    node: plan.node ?? undefined,
  };
}

export interface EntityTypeOptions {
  ref: ImplementableObjectRef<BuilderTypes, EntityRow>;
  label: EntityType;
  description: string;
  /** The by-id root field, e.g. `person`, and its description. */
  one: [name: string, description: string];
  /** The list root field, e.g. `people`, its description and default order; none for some types. */
  many?: [name: string, description: string, defaultOrder: Order];
}

/**
 * Implements an entity type (Node and Entity, recognised by its label) and declares its root
 * fields: one by id (form and type checked first) and a filtered, ordered list.
 */
export function entityType({ ref, label, description, one, many }: EntityTypeOptions): void {
  ref.implement({
    description,
    interfaces: [NodeRef, EntityRef],
    isTypeOf: (row) => (row as EntityRow).type === label,
  });
  const connection = many && connectionType(label, ref, `A page of ${many[0]}.`);
  builder.queryFields((t) => ({
    [one[0]]: t.field({
      type: ref,
      description: one[1],
      args: { id: t.arg.id({ required: true, description: 'The global id.' }) },
      resolve: (_r, args, ctx, info) => ctx.graph.entity(String(args.id), 'id', label, entityPlan(info)),
    }),
    ...(many && connection
      ? {
          [many[0]]: t.field({
            type: connection,
            description: many[1],
            complexity: pagedComplexity,
            args: {
              ...listPageArgs,
              filter: t.arg({ type: EntityFilterInput, description: 'Conditions the items must meet.' }),
              orderBy: t.arg({ type: EntityOrderEnum, description: 'Sort order.' }),
            },
            resolve: async (_r, args, ctx, info) =>
              pageFromKeyset(await ctx.graph.list(listQuery(label, args, many[2], info)), args),
          }),
        }
      : {}),
  }));
}
