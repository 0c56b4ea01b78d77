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

/** Representations one `_entities` call of the federation subgraph (/subgraph) may resolve. */
export const MAX_REPRESENTATIONS = 1000;

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

// Exports (src/export; README, "Exports")
/** Rows (nodes or relationships) one statement reads; one page of the export at a time. */
export const EXPORT_BATCH = 1000;
/** Pages read ahead of the one being written (so the database works while the writer does). */
export const EXPORT_READ_AHEAD = 2;
/**
 * A page the database does not read in time is read again in half the rows (down to one); while the
 * database is unreachable, a page is tried again after each of these waits before the export fails.
 */
export const EXPORT_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];
/** Most entities a selection (a neighbourhood, a document's claims) may hold; larger ones are refused. */
export const EXPORT_MAX_SELECTION_ENTITIES = 10_000;
/** Most relationships a document's claims may count; a document stating more is refused. */
export const EXPORT_MAX_SELECTION_RELATIONSHIPS = 50_000;
/** `--depth` / `depth=` of a neighbourhood: 1 by default, at most the API's neighbourhood depth. */
export const DEFAULT_EXPORT_DEPTH = 1;
export const MAX_EXPORT_DEPTH = MAX_NEIGHBORHOOD_DEPTH;
/** HTTP exports running at once in one process; another is answered 503 with Retry-After. */
export const MAX_CONCURRENT_EXPORTS = 2;
/** An HTTP export whose client reads nothing for this long is ended (and its slot freed). */
export const EXPORT_IDLE_MS = 60_000;
/** The documents whose texts an export keeps to convert offsets and cut quote context (LRU). */
export const EXPORT_TEXT_CACHE_ENTRIES = 256;
/** …and at most this many UTF-16 units of text among them. */
export const EXPORT_TEXT_CACHE_UNITS = 32 * 1024 * 1024;
/** Code points of document text before and after a quote (Web Annotation's TextQuoteSelector). */
export const QUOTE_CONTEXT = 32;

// Writes (src/writer.ts; README, "Editing the graph")
/** Characters of a mutation's `message` (why the change was made; required, never empty). */
export const MAX_MESSAGE_LENGTH = 2000;
/** Characters of a name, an alias and a description an editor sets. */
export const MAX_NAME_LENGTH = 300;
export const MAX_DESCRIPTION_LENGTH = 5000;
/** Aliases and external identifiers one entity may hold after an edit. */
export const MAX_ENTITY_ALIASES = 200;
export const MAX_EXTERNAL_IDS = 50;
/** Wrong API keys a process remembers (by SHA-256), so that retrying one costs no scrypt (src/auth/store.ts). */
export const MAX_REFUSED_KEYS_REMEMBERED = 1000;

// Imports of document bundles (src/import; README, "Growing the archive: importing documents")
/**
 * Rows (entities and relationships) one bundle may hold: a bundle is written in one transaction, all
 * or nothing, and a larger one is refused with this number. A row takes 8 to 10 KB of the database's
 * transaction memory, which Neo4j bounds to 70% of its heap: 50,000 rows fit the local Neo4j's 768 MB
 * (measured: 49,280 fit, 64,518 did not).
 */
export const MAX_IMPORT_ROWS = 50_000;
/** How long an import's transaction may run on the server (the client waits 10 s more). */
export const IMPORT_TIMEOUT_MS = 15 * 60_000;
/** Rows one UNWIND statement of an import writes. */
export const IMPORT_BATCH = 10_000;
/** Names looked up in one query of the exact-name index (Lucene takes at most 1024 clauses). */
export const IMPORT_NAME_LOOKUP_BATCH = 1000;
/**
 * Names of one type are looked up in the index while the bundle brings fewer than a tenth as many as
 * the graph holds of that type; with more, the graph's entities of that type are read once instead.
 */
export const IMPORT_SCAN_RATIO = 10;
/**
 * New entities an import searches near matches for (candidates for an editor), and the time it
 * spends on them after its transaction; the entities left unsearched are counted in a warning.
 */
export const IMPORT_CANDIDATE_SEARCHES = 100;
export const IMPORT_CANDIDATE_BUDGET_MS = 5_000;
/** Candidates listed for one new entity, and the name score (0–100, search/match.ts) they need. */
export const IMPORT_CANDIDATES_PER_ENTITY = 5;
export const IMPORT_CANDIDATE_MIN_SCORE = 60;
/** Problems a rejected bundle lists in its error (the count says how many there were). */
export const IMPORT_MAX_PROBLEMS = 100;
/** Attempts of an import whose transaction failed transiently (a deadlock with a concurrent import). */
export const IMPORT_ATTEMPTS = 4;
