// Relay's node/nodes lookups, and ranked full-text search over every kind of entity.
import { builder } from '../builder.ts';
import { searchEntities } from '../data/graph.ts';
import type { EntityRow } from '../data/types.ts';
import { ENTITY_TYPES } from '../model.ts';
import { searchKeys } from '../search/fold.ts';
import { luceneQuery } from '../search/query.ts';
import { rerank } from '../search/rank.ts';
import { EntityRef, EntityTypeEnum, NodeRef } from './common.ts';
import { AFTER_DOC, FIRST_DOC, makePage, type Page, PageInfoRef } from './connection.ts';
import { checkId, invalidArgument, pageWindow } from './errors.ts';
import { entityById } from './resolve.ts';

interface SearchEdge {
  cursor: string;
  node: EntityRow;
  score: number;
}

const SearchEdgeRef = builder.objectRef<SearchEdge>('SearchEdge').implement({
  description: 'One search result: the entity and how well it matched.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque position of this result; pass it as `after`.' }),
    score: t.exposeFloat('score', {
      description: 'Relevance; higher is better. Comparable within one search only.',
    }),
    node: t.field({ type: EntityRef, description: 'The entity found.', resolve: (e) => e.node }),
  }),
});

const SearchConnectionRef = builder.objectRef<Page<EntityRow, SearchEdge>>('SearchConnection').implement({
  description: 'Search results, best first.',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'How many results were found (at most 500).' }),
    edges: t.field({
      type: [SearchEdgeRef],
      resolve: (p) => p.edges,
      description: 'The results of this page.',
    }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (p) => p.pageInfo, description: 'Paging information.' }),
  }),
});

const MAX_SEARCH_RESULTS = 500;
const MAX_SEARCH_TEXT = 200;
const MAX_SEARCH_WORDS = 16;

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    description: 'Anything by its global id, e.g. "person/deng-xiaoping".',
    args: { id: t.arg.id({ required: true, description: 'A global id.' }) },
    resolve: (_r, args, ctx) => entityById(ctx, String(args.id)),
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description:
      'Several entities by id, in the order asked; null (with an error) for an id that names nothing.',
    args: { ids: t.arg.idList({ required: true, description: 'Up to 100 global ids.' }) },
    resolve: async (_r, args, ctx) => {
      if (args.ids.length > 100) throw invalidArgument('ids', `at most 100 ids, got ${args.ids.length}`);
      args.ids.forEach((id) => {
        checkId(String(id), 'ids');
      });
      return args.ids.map((id) => entityById(ctx, String(id)));
    },
  }),
  search: t.field({
    type: SearchConnectionRef,
    description:
      'Full-text search over names, aliases (with transliterations) and document text, ranked. Case, diacritics and punctuation are ignored; a word of four letters or more also matches within one typo.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'What to look for, e.g. "Teng Hsiao-ping" or "Khrushchev".',
      }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only these kinds of entity (default: all).' }),
      first: t.arg.int({ description: FIRST_DOC }),
      after: t.arg.string({ description: AFTER_DOC }),
    },
    resolve: async (_r, args, ctx) => {
      const { offset, limit } = pageWindow(args);
      if (args.text.length > MAX_SEARCH_TEXT || args.text.trim().split(/\s+/).length > MAX_SEARCH_WORDS) {
        throw invalidArgument('text', `at most ${MAX_SEARCH_TEXT} characters and ${MAX_SEARCH_WORDS} words`);
      }
      const query = luceneQuery(args.text);
      if (!query) throw invalidArgument('text', 'needs at least one letter or digit');
      const types = args.types?.length ? args.types : [...ENTITY_TYPES];
      const hits = rerank(
        await searchEntities(ctx.db, query, searchKeys([args.text]), types, MAX_SEARCH_RESULTS),
        args.text,
      );
      const window = hits.slice(offset, offset + limit);
      const rows = await Promise.all(window.map((h) => ctx.loaders.existing(h.id)));
      const page = makePage(rows, hits.length, offset);
      return { ...page, edges: page.edges.map((e, i) => ({ ...e, score: window[i]?.score ?? 0 })) };
    },
  }),
}));
