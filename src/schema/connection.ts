// Relay-style connections with totalCount, first/after paging and opaque cursors.
import type { InterfaceRef, ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import { encodeCursor, type PageArgs, pageWindow } from './errors.ts';

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

export const PageInfoRef = builder.objectRef<PageInfo>('PageInfo').implement({
  description: 'Where this page sits in the whole list; pass `endCursor` as `after` to get the next page.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether more items follow this page.' }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Whether items precede this page.' }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first item.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'Cursor of the last item.' }),
  }),
});

/** Builds a page from items starting at `offset`, out of `total`. */
export function makePage<T>(items: T[], total: number, offset: number): Page<T> {
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

/** Pages through a list already in memory (relationship lists of one node). */
export function pageOf<T>(all: T[], args: PageArgs): Page<T> {
  const { offset, limit } = pageWindow(args);
  return makePage(all.slice(offset, offset + limit), all.length, offset);
}

export const FIRST_DOC = 'How many items to return (0 to 100; default 20).';
export const AFTER_DOC = 'Return the items after this cursor (an `endCursor` or edge `cursor`).';

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
      edges: t.field({ type: [edge], resolve: (p) => p.edges, description: 'The items of this page.' }),
      nodes: t.field({
        type: [ref],
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
