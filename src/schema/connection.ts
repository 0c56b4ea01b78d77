// Paging: Relay-style connections with totalCount, first/after arguments and opaque cursors, and
// the helpers that turn arguments into a window and a window of rows into a page. The root lists
// (people, meetings, …) page by keyset: a cursor holds the sort key and id of its row, so rows
// written between two pages neither shift nor repeat what follows; they take last/before as well.
// Lists within an entity (a person's meetings, a document's mentions) page by offset.
import type { InterfaceRef, ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import { keyKind, type ListKey, type ListPage, type Order } from '../data/compiled/read.ts';
import type { EntityRow } from '../data/types.ts';
import { InvalidArgumentError, InvalidCursorError } from '../errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits.ts';

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T, E extends Edge<T> = Edge<T>> {
  totalCount: number;
  edges: E[];
  pageInfo: PageInfo;
}

export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/** The paging arguments of a root list: first/after, or last/before. */
export interface ListPageArgs extends PageArgs {
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/** Where a page starts and how long it may be. */
export interface PageWindow {
  offset: number;
  limit: number;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** Validates first/after (INVALID_ARGUMENT, INVALID_CURSOR) and turns them into a window. */
export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidArgumentError('first', `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  if (args.after == null) return { offset: 0, limit: first };
  const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
  const m = /^offset:(\d{1,9})$/.exec(decoded);
  if (!m || encodeCursor(Number(m[1])) !== args.after) throw new InvalidCursorError(args.after, 'after');
  return { offset: Number(m[1]) + 1, limit: first };
}

/** A page from the rows of a window starting at `offset`, out of `total`. */
export function pageFromWindow<T>(items: T[], total: number, offset: number): Page<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: offset + items.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A page of a list already in memory (the relationships of one node). */
export function pageFromList<T>(all: T[], args: PageArgs): Page<T> {
  const { offset, limit } = pageWindow(args);
  return pageFromWindow(all.slice(offset, offset + limit), all.length, offset);
}

export const PageInfoRef = builder.objectRef<PageInfo>('PageInfo').implement({
  description: 'Where this page sits in the whole list; pass `endCursor` as `after` to get the next page.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether more items follow this page.' }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Whether items precede this page.' }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first item.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Cursor of the last item.' }),
  }),
});

export const FIRST_DOC = `How many items to return (0 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).`;
export const AFTER_DOC = 'Return the items after this cursor (an `endCursor` or edge `cursor`).';

/** The `first` and `after` arguments of every paged field. */
export const pageArgs = builder.args((t) => ({
  first: t.int({ description: FIRST_DOC }),
  after: t.string({ description: AFTER_DOC }),
}));

/** The cost of a paged field: its own, plus what each item selects times the page size asked for. */
export const pagedComplexity = (args: ListPageArgs) => ({
  field: 2,
  multiplier: Math.max(0, Math.min(args.first ?? args.last ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
});

/** The paging arguments of the root lists (keyset cursors). */
export const listPageArgs = builder.args((t) => ({
  first: t.int({ description: FIRST_DOC }),
  after: t.string({ description: AFTER_DOC }),
  last: t.int({
    description: `How many items to return from the end (0 to ${MAX_PAGE_SIZE}), instead of \`first\`.`,
  }),
  before: t.string({
    description: 'Return the items before this cursor (a `startCursor` or edge `cursor`).',
  }),
}));

// ---------------------------------------------------------------------------------------------
// Keyset cursors: base64url of a JSON array, "n" (name orders: sort name, id) or "d" (date orders:
// earliest and latest day or null, id). One cursor serves both directions of its key.

const MAX_CURSOR_LENGTH = 2000;

export function encodeKeyCursor(key: ListKey): string {
  const values = key.by === 'name' ? ['n', key.sortName, key.id] : ['d', key.earliest, key.latest, key.id];
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A cursor of a root list in `order` back into its position, or INVALID_CURSOR. */
export function decodeKeyCursor(cursor: string, order: Order, argument: 'after' | 'before'): ListKey {
  let values: unknown;
  try {
    if (cursor.length > MAX_CURSOR_LENGTH) throw new Error('too long');
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor, argument);
  }
  const kind = keyKind(order);
  let key: ListKey | undefined;
  if (Array.isArray(values) && kind === 'name' && values.length === 3 && values[0] === 'n') {
    const [, sortName, id] = values;
    if (typeof sortName === 'string' && isText(id)) key = { by: 'name', sortName, id };
  }
  if (Array.isArray(values) && kind === 'date' && values.length === 4 && values[0] === 'd') {
    const [, earliest, latest, id] = values;
    const day = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
    if (day(earliest) && day(latest) && (earliest === null) === (latest === null) && isText(id))
      key = { by: 'date', earliest: earliest as string | null, latest: latest as string | null, id };
  }
  // only a cursor we wrote, written the way we write it
  if (!key || encodeKeyCursor(key) !== cursor) throw new InvalidCursorError(cursor, argument);
  return key;
}

/** Where a root list's page lies: validated first/last (INVALID_ARGUMENT) and cursors (INVALID_CURSOR). */
export function keysetWindow(
  args: ListPageArgs,
  order: Order,
): { limit: number; after?: ListKey; before?: ListKey; backwards: boolean } {
  if (args.first != null && args.last != null)
    throw new InvalidArgumentError('last', 'give `first` or `last`, not both');
  const backwards = args.last != null;
  const size = args.last ?? args.first ?? DEFAULT_PAGE_SIZE;
  if (size < 0 || size > MAX_PAGE_SIZE) {
    const name = backwards ? 'last' : 'first';
    throw new InvalidArgumentError(name, `must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`);
  }
  return {
    limit: size,
    backwards,
    ...(args.after != null ? { after: decodeKeyCursor(args.after, order, 'after') } : {}),
    ...(args.before != null ? { before: decodeKeyCursor(args.before, order, 'before') } : {}),
  };
}

/** A page of a root list from its keyset read. */
export function pageFromKeyset(page: ListPage, args: ListPageArgs): Page<EntityRow> {
  const edges = page.rows.map((node, i) => ({ cursor: encodeKeyCursor(page.keys[i] as ListKey), node }));
  return {
    // counted only when selected (see schema/plan.ts listPlan)
    totalCount: page.total ?? 0,
    edges,
    pageInfo: {
      hasNextPage: page.backwards ? args.before != null : page.more,
      hasPreviousPage: page.backwards ? page.more : args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionType<T>(
  name: string,
  // biome-ignore lint/suspicious/noExplicitAny: refs of any builder type map
  nodeRef: ObjectRef<any, T> | InterfaceRef<any, T>,
  description: string,
) {
  // biome-ignore lint/suspicious/noExplicitAny: Pothos cannot infer a generic ref's output type
  const ref = nodeRef as any;
  const edge = builder.objectRef<Edge<T>>(`${name}Edge`).implement({
    description: `One item of a ${name} list, with its cursor.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Opaque position of this item; pass it as `after`.' }),
      node: t.field({ type: ref, resolve: (e) => e.node as never, description: 'The item.' }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    description,
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        description: 'How many items match in all, across every page.',
      }),
      // a page's size is counted on the paged field (pagedComplexity), not again here
      edges: t.field({
        type: [edge],
        complexity: { field: 0, multiplier: 1 },
        resolve: (p) => p.edges,
        description: 'The items of this page.',
      }),
      nodes: t.field({
        type: [ref],
        complexity: { field: 0, multiplier: 1 },
        resolve: (p) => p.edges.map((e) => e.node),
        description: 'The items of this page, without cursors.',
      }),
      pageInfo: t.field({
        type: PageInfoRef,
        resolve: (p) => p.pageInfo,
        description: 'Paging information.',
      }),
    }),
  });
}
