// Ranked full-text search over every kind of entity: names, aliases (with transliterations) and
// document text, forgiving case, diacritics, punctuation and one typo.
import { builder } from '../builder.ts';
import type { SearchQuery } from '../data/search.ts';
import { InvalidArgumentError } from '../errors.ts';
import { EXPENSIVE, MAX_SEARCH_RESULTS, MAX_SEARCH_TEXT, MAX_SEARCH_WORDS } from '../limits.ts';
import { ENTITY_TYPES, type EntityType } from '../model.ts';
import type { ScoredEntity } from '../reader.ts';
import { searchKeys } from '../search/fold.ts';
import { matchQuery } from '../search/match.ts';
import { luceneQuery } from '../search/query.ts';
import {
  type Page,
  PageInfoRef,
  pageArgs,
  pagedComplexity,
  pageFromWindow,
  pageWindow,
} from './connection.ts';
import { EntityTypeEnum } from './entity.ts';
import { EntityRef } from './refs.ts';

interface SearchEdge {
  cursor: string;
  node: ScoredEntity;
}

const SearchEdgeRef = builder.objectRef<SearchEdge>('SearchEdge').implement({
  description: 'One search result: the entity and how well it matched.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque position of this result; pass it as `after`.' }),
    score: t.float({
      description: 'Relevance; higher is better. Comparable within one search only.',
      resolve: (e) => e.node.score,
    }),
    node: t.field({ type: EntityRef, description: 'The entity found.', resolve: (e) => e.node.entity }),
  }),
});

const SearchConnectionRef = builder.objectRef<Page<ScoredEntity>>('SearchConnection').implement({
  description: 'Search results, best first.',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', {
      description: `How many results were found (at most ${MAX_SEARCH_RESULTS}).`,
    }),
    edges: t.field({
      type: [SearchEdgeRef],
      complexity: { field: 0, multiplier: 1 },
      resolve: (p) => p.edges,
      description: 'The results of this page.',
    }),
    pageInfo: t.field({ type: PageInfoRef, resolve: (p) => p.pageInfo, description: 'Paging information.' }),
  }),
});

/** Checks the search text (no database call) and builds the full-text query from it. */
export function searchQuery(text: string, types: readonly EntityType[] | null | undefined): SearchQuery {
  if (text.length > MAX_SEARCH_TEXT || text.trim().split(/\s+/).length > MAX_SEARCH_WORDS) {
    throw new InvalidArgumentError(
      'text',
      `at most ${MAX_SEARCH_TEXT} characters and ${MAX_SEARCH_WORDS} words`,
    );
  }
  const lucene = luceneQuery(text);
  if (!lucene) throw new InvalidArgumentError('text', 'needs at least one letter or digit');
  return {
    lucene,
    exactKeys: searchKeys([text]),
    types: types?.length ? types : ENTITY_TYPES,
    limit: MAX_SEARCH_RESULTS,
  };
}

/**
 * The query search runs: searchQuery's, its full-text part widened by the matcher that search and
 * reconciliation share (search/match.ts): syllables written apart also ask for their joined form,
 * a long word run together also for its halves.
 */
export function matchingQuery(text: string, types: readonly EntityType[] | null | undefined): SearchQuery {
  const q = searchQuery(text, types);
  return { ...q, lucene: matchQuery(text) ?? q.lucene };
}

builder.queryFields((t) => ({
  search: t.field({
    type: SearchConnectionRef,
    extensions: EXPENSIVE,
    complexity: pagedComplexity,
    description:
      'Full-text search over names, aliases (with transliterations) and document text, ranked. Case, diacritics and punctuation are ignored; a word of four letters or more also matches within one typo.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'What to look for, e.g. "Teng Hsiao-ping" or "Khrushchev".',
      }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only these kinds of entity (default: all).' }),
      ...pageArgs,
    },
    resolve: async (_r, args, ctx) => {
      const window = pageWindow(args);
      const { rows, total } = await ctx.graph.search(matchingQuery(args.text, args.types), args.text, window);
      return pageFromWindow(rows, total, window.offset);
    },
  }),
}));
