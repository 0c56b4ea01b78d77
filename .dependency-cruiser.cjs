// The rules of the house (ARCHITECTURE.md): imports run one way, down the layers
//   scripts → server → app → schema → reader (per request) → data → db
// with errors, model, config, dates, limits and search/ as low leaves anyone may import. `npm run
// check` runs `depcruise` with this file and fails on a cycle or an import that climbs a layer.
const leaves = '^src/(errors|model|config|dates|limits|uris)\\.ts$|^src/search/';

/** A rule forbidding `from` to import `to`, with a sentence saying why. */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle means two rooms lean on each other; move the shared part down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    forbid(
      'leaves-stay-low',
      'errors, model, config, dates, limits and search/ are leaves: they import only each other.',
      leaves,
      '^src/(?!(errors|model|config|dates|limits|uris)\\.ts$|search/)',
    ),
    forbid(
      'db-below-everything',
      'src/db knows nothing of the data layer, the reader, the schema, the app or the runtime.',
      '^src/db/',
      '^src/(data|schema|seed|runtime)/|^src/(reader|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'data-below-reader',
      'The data layer runs statements; it never reaches up to the reader, the schema or the app.',
      '^src/data/',
      '^src/(schema|seed|runtime)/|^src/(reader|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'reader-below-schema',
      'The per-request reader serves the schema; it never imports it, the builder or the app.',
      '^src/(reader|context)\\.ts$',
      '^src/(schema|seed|runtime)/|^src/(builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'schema-not-to-db',
      'Resolvers reach the database only through ctx.graph (src/reader.ts), never the driver itself.',
      '^src/(schema/|builder\\.ts$)',
      '^src/db/|^src/(seed|runtime)/|^src/(app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'writer-below-schema',
      'The per-request writer serves the mutations as the reader serves the queries; it never imports the schema, the builder or the app.',
      '^src/writer\\.ts$',
      '^src/(schema|seed|runtime|http|linked|reconcile|export)/|^src/(builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'auth-stands-alone',
      'Keys and roles (src/auth) know requests, configuration and errors, not the graph or the database.',
      '^src/auth/',
      '^src/(schema|data|db|seed|runtime|linked|reconcile|export)/|^src/(reader|writer|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'http-guards-stand-alone',
      'The HTTP guards (src/http) know requests, documents and errors, not the graph or the database.',
      '^src/http/',
      '^src/(schema|data|db|seed|runtime)/|^src/(reader|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'services-beside-graphql',
      'Linked data, reconciliation and exports read through the reader and the data layer, never through the GraphQL schema or the app.',
      '^src/(linked|reconcile|export)/',
      '^src/(schema|seed|runtime)/|^src/(builder|context|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'reader-below-services',
      'The reader, the writer and the data layer serve the routes; they never import them (the writer checks roles with auth/roles.ts, a leaf).',
      '^src/(reader\\.ts$|writer\\.ts$|data/|db/)',
      '^src/(linked|reconcile|export|http)/|^src/auth/(?!roles\\.ts$)',
    ),
    forbid(
      'app-below-server',
      'The app (yoga) is apart from the listener and the launcher.',
      '^src/(app|operation-limits)\\.ts$',
      '^src/(server\\.ts$|runtime/|seed/)',
    ),
    forbid(
      'seed-is-a-writer',
      'The seed is the import (src/import) of seed/ without a principal, and the extraction format and its checks, which every import shares; it does not use the data layer, the read path or the schema itself.',
      '^src/seed/',
      '^src/(schema|runtime)/|^src/data/|^src/(reader|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'import-is-a-writer',
      'The importer (src/import) writes through the data layer and the db in its own transaction; it never imports the schema, the reader, the writer, the app or the routes (the writer and the CLI call it).',
      '^src/import/',
      '^src/(schema|runtime|http|linked|reconcile|export|auth)/|^src/(reader|writer|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'runtime-apart',
      'The launcher and supervisor start processes; they know nothing of the API above the db.',
      '^src/runtime/',
      '^src/(schema|data|seed)/|^src/(reader|context|builder|app|server|operation-limits)\\.ts$',
    ),
    forbid(
      'gateway-apart',
      'The gateway composes subgraphs over HTTP: it knows nothing of this API but the config and errors leaves.',
      '^src/gateway/',
      '^src/(?!gateway/|config\\.ts$|errors\\.ts$)',
    ),
    forbid(
      'src-stands-alone',
      'The product never imports scripts, tests, benchmarks or test support.',
      '^src/',
      '^(scripts|test|bench|test-support)/',
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
