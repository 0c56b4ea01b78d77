// Every maximum and default the API enforces, in one place. A field declares itself expensive with
// `extensions: EXPENSIVE` (src/operation-limits.ts counts such calls); the numbers live here.

/** Paging: `first` on every list. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Whole operations, checked before anything runs (src/operation-limits.ts). */
export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_FIELDS = 2000;
/** Calls of fields marked expensive (paths, networks, search, timeline) in one operation. */
export const MAX_EXPENSIVE_FIELDS = 10;

/** `nodes(ids:)`. */
export const MAX_IDS = 100;

/** Paths and networks. */
export const MAX_HOPS = 10;
export const DEFAULT_MAX_HOPS = 6;
export const MAX_NEIGHBORHOOD_DEPTH = 3;
/** Most paths (allShortestPaths) or entities (neighborhood) one call returns. */
export const MAX_GRAPH_LIMIT = 500;
export const DEFAULT_PATHS = 10;
export const DEFAULT_NEIGHBORHOOD_LIMIT = 100;

/** Search. */
export const MAX_SEARCH_RESULTS = 500;
export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_WORDS = 16;

/** Rows one loader batch asks for in one statement. */
export const MAX_BATCH = 1000;

/** Field extensions that mark a field as expensive (paths, networks, search, timeline). */
export const EXPENSIVE = Object.freeze({ expensive: true });

/** Parsing: tokens one document may have (graphql-js stops counting past it). */
export const MAX_QUERY_TOKENS = 5000;
/** The cache of parsed, validated documents: at most this many, and about this many bytes of heap. */
export const MAX_CACHED_DOCUMENTS = 1000;
export const MAX_DOCUMENT_CACHE_BYTES = 32 * 1024 * 1024;
/** Aliases and directives in one operation (graphql-armor's rules). */
export const MAX_ALIASES = 100;
export const MAX_DIRECTIVES = 50;
/**
 * The cost budget of one operation (@pothos/plugin-complexity; README, "Limits"): every field costs
 * 1, a paged field multiplies what each item selects by its `first`, and any other list by
 * LIST_COST_MULTIPLIER (a node's relationships of one kind are few: a meeting's attendees, a
 * person's posts).
 */
export const MAX_COMPLEXITY = 20_000;
export const LIST_COST_MULTIPLIER = 3;
