// Paging: Relay-style connections with totalCount, first/after arguments and opaque cursors, and
// the helpers that turn arguments into a window and a window of rows into a page.
import type { InterfaceRef, ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
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
export const pagedComplexity = (args: PageArgs) => ({
  field: 2,
  multiplier: Math.max(0, Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
});

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
