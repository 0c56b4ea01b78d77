// Filters and ordering shared by the root lists (people, institutions, documents, meetings, events).

import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { listEntities, type Order } from '../data/graph.ts';
import type { EntityRow } from '../data/types.ts';
import type { EntityType } from '../model.ts';
import { fold } from '../search/fold.ts';
import { AFTER_DOC, connectionType, FIRST_DOC, makePage, type Page } from './connection.ts';
import { dateArgument, invalidArgument, pageWindow } from './errors.ts';
import { entityById } from './resolve.ts';

export const DateRangeInput = builder.inputType('DateRange', {
  description:
    'An interval of dates, each YYYY, YYYY-MM or YYYY-MM-DD; an open end may be left out. A year or month stands for all its days.',
  fields: (t) => ({
    from: t.string({ required: false, description: 'Start of the interval (inclusive).' }),
    to: t.string({ required: false, description: 'End of the interval (inclusive).' }),
  }),
});

export const EntityFilterInput = builder.inputType('EntityFilter', {
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

export const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'Sort order of a list. Undated entities come last in date orders.',
  values: {
    NAME_ASC: { value: 'NAME_ASC', description: 'By name, A to Z (case and diacritics ignored).' },
    NAME_DESC: { value: 'NAME_DESC', description: 'By name, Z to A.' },
    DATE_ASC: { value: 'DATE_ASC', description: 'Earliest first; undated last.' },
    DATE_DESC: { value: 'DATE_DESC', description: 'Latest first; undated last.' },
  } satisfies Record<Order, { value: Order; description: string }>,
});

export interface ListArgs {
  first?: number | null;
  after?: string | null;
  filter?: {
    nameContains?: string | null;
    dateOverlaps?: { from?: string | null; to?: string | null } | null;
  } | null;
  orderBy?: Order | null;
}

function dateBound(value: string | null | undefined, argument: string, end: 'earliest' | 'latest') {
  if (value == null) return undefined;
  return dateArgument(argument, value)[end];
}

/** Validates arguments, fetches one page of ids, then the entities through the loader. */
export async function rootList(
  ctx: Context,
  label: EntityType,
  args: ListArgs,
  defaultOrder: Order,
): Promise<Page<EntityRow>> {
  const { offset, limit } = pageWindow(args);
  const dates = args.filter?.dateOverlaps;
  const from = dateBound(dates?.from, 'filter.dateOverlaps.from', 'earliest');
  const to = dateBound(dates?.to, 'filter.dateOverlaps.to', 'latest');
  if (from && to && from > to) throw invalidArgument('filter.dateOverlaps', 'from is after to');
  const contains = args.filter?.nameContains != null ? fold(args.filter.nameContains) : undefined;
  if (contains === '') throw invalidArgument('filter.nameContains', 'needs at least one letter or digit');
  const { total, rows } = await listEntities(ctx.db, {
    label,
    nameContains: contains,
    dateFrom: from ?? (to ? '0000-01-01' : undefined),
    dateTo: to ?? (from ? '9999-12-31' : undefined),
    order: args.orderBy ?? defaultOrder,
    offset,
    limit,
  });
  for (const row of rows) ctx.loaders.entity.prime(row.id, row);
  return makePage(rows, total, offset);
}

export interface RootFieldsOptions {
  label: EntityType;
  // biome-ignore lint/suspicious/noExplicitAny: refs of any builder type map
  ref: ObjectRef<any, EntityRow>;
  /** The by-id field, e.g. `person`, and its description. */
  one: [name: string, description: string];
  /** The list field, e.g. `people`, its description and default order; omitted for types without one. */
  many?: [name: string, description: string, defaultOrder: Order];
}

/** Declares a type's root fields: one by id (form and type checked first), and a filtered, ordered list. */
export function entityRootFields({ label, ref, one, many }: RootFieldsOptions): void {
  const connection = many && connectionType(label, ref, `A page of ${many[0]}.`);
  builder.queryFields((t) => ({
    [one[0]]: t.field({
      type: ref,
      description: one[1],
      args: { id: t.arg.id({ required: true, description: 'The global id.' }) },
      resolve: (_r, args, ctx) => entityById(ctx, String(args.id), label),
    }),
    ...(many && connection
      ? {
          [many[0]]: t.field({
            type: connection,
            description: many[1],
            args: {
              first: t.arg.int({ description: FIRST_DOC }),
              after: t.arg.string({ description: AFTER_DOC }),
              filter: t.arg({ type: EntityFilterInput, description: 'Conditions the items must meet.' }),
              orderBy: t.arg({ type: EntityOrderEnum, description: 'Sort order.' }),
            },
            resolve: (_r, args, ctx) => rootList(ctx, label, args, many[2]),
          }),
        }
      : {}),
  }));
}
