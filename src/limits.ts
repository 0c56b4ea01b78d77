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

// Reconciliation (src/reconcile; README, "Reconcile a spreadsheet"): every request is refused with a
// coded 4xx before it can ask for an unbounded read; a batch's scoring stays well under a second.
/** Queries in one batch (announced as `batchSize` in the manifest); more is a 400. */
export const RECONCILE_MAX_QUERIES = 20;
/** A query's `query` string, as for search: characters and words; more is a 400. */
export const RECONCILE_MAX_TEXT = MAX_SEARCH_TEXT;
export const RECONCILE_MAX_WORDS = MAX_SEARCH_WORDS;
/** A query key (q0, q1, …). */
export const RECONCILE_MAX_KEY = 100;
/** Candidates returned per query: `limit` defaults to this… */
export const RECONCILE_DEFAULT_CANDIDATES = 10;
/** …and a larger `limit` is lowered to this. */
export const RECONCILE_MAX_CANDIDATES = 25;
/** Full-text hits scored per query (the best by the index; the candidates are chosen among them). */
export const RECONCILE_RETRIEVED = 50;
/** Property constraints per query, values per property, characters per value. */
export const RECONCILE_MAX_PROPERTIES = 10;
export const RECONCILE_MAX_VALUES = 10;
export const RECONCILE_MAX_VALUE = 200;
/** Data extension: entities and properties per request. */
export const RECONCILE_MAX_EXTEND_IDS = 100;
export const RECONCILE_MAX_EXTEND_PROPERTIES = 20;
/** A request body (form-encoded batch or extension query); more is a 413. */
export const RECONCILE_MAX_BODY_BYTES = 1024 * 1024;
/** Suggest: results per page, and how far `cursor` may page (hits ranked per prefix). */
export const RECONCILE_SUGGEST_PAGE = 10;
export const RECONCILE_SUGGEST_RETRIEVED = 100;
