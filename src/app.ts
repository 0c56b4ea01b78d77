// Builds the yoga instance (and the federation subgraph's behind /subgraph): the schema, a fresh
// context per request, /health and /ready, GraphiQL (from the installed package) opening on the
// memorandum's attendance query, the explorer page at / (src/http/explorer.ts),
// and the guards every request passes: a body limit, bounded parsing and a byte-bounded document
// cache, operation limits (depth, fields, expensive calls, aliases, directives; a cost budget in
// builder.ts), CORS, CSRF prevention, security headers, API keys (src/auth: a wrong key is a 401,
// roles are checked per field), masked unexpected errors, and one log line per failed request.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { authPlugin, principalOf } from './auth/plugin.ts';
import { KeyStore, keyStoreFromConfig } from './auth/store.ts';
import { type Config, config, devDefault, publicBaseUrl } from './config.ts';
import { createContext } from './context.ts';
import type { Db } from './db/driver.ts';
import { QueryLimitError } from './errors.ts';
import { exportRoute } from './export/index.ts';
import { bodyLimitPlugin } from './http/body-limit.ts';
import { documentsPlugin } from './http/documents.ts';
import { explorerRoute } from './http/explorer.ts';
import { graphiqlOptions, renderGraphiQL } from './http/graphiql.ts';
import { type RequestLog, requestsPlugin, stderrLog } from './http/requests.ts';
import { routesPlugin } from './http/routes.ts';
import { corsOption, type SecurityOptions, securityPlugins } from './http/security.ts';
import { MAX_ALIASES, MAX_DIRECTIVES } from './limits.ts';
import { linkedDataRoute } from './linked/index.ts';
import { operationLimits } from './operation-limits.ts';
import { reconcileRoute } from './reconcile/index.ts';
import { schema, subgraphSchema } from './schema/index.ts';
import { makeUris } from './uris.ts';

export interface AppOptions extends SecurityOptions {
  maxBodyBytes: number;
  /** The base of every URI the graph mints (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** Where the line for each failed request goes (default: JSON on stderr). */
  log?: RequestLog;
  /** The API keys (API_KEYS, API_KEYS_FILE); none: nobody can write. */
  keys?: KeyStore;
  /** Refuse requests without a key, reads too (READS_REQUIRE_KEY). */
  readsRequireKey?: boolean;
}

/** The app's options from the configuration (README, "Configuration"). */
export function appOptions(c: Config = config()): AppOptions {
  return {
    maxBodyBytes: c.MAX_BODY_BYTES,
    publicBaseUrl: publicBaseUrl(c),
    corsOrigins: c.CORS_ORIGINS ? c.CORS_ORIGINS.split(',').map((o) => o.trim()) : [],
    graphiql: devDefault(c, c.GRAPHIQL),
    introspection: devDefault(c, c.INTROSPECTION),
    fieldSuggestions: devDefault(c, c.FIELD_SUGGESTIONS),
    csrfPrevention: true,
    log: stderrLog(c.LOG_LEVEL),
    keys: keyStoreFromConfig(c),
    readsRequireKey: c.READS_REQUIRE_KEY,
  };
}

/** graphql-armor's rejections, reported as our coded refusals instead of bare syntax errors. */
const armor = (message: string) => ({
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, err: GraphQLError) =>
      ctx?.reportError(
        new QueryLimitError(`${message} ${err.message.replace(/^Syntax Error: /, '')}`, 'QUERY_TOO_LARGE'),
      ),
  ],
});

const limitsPlugin = (s: GraphQLSchema): Plugin => {
  const rules: ValidationRule[] = [
    operationLimits(s),
    maxAliasesRule({ n: MAX_ALIASES, ...armor('Too many aliases.') }) as unknown as ValidationRule,
    maxDirectivesRule({ n: MAX_DIRECTIVES, ...armor('Too many directives.') }) as unknown as ValidationRule,
  ];
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
};

/**
 * The GraphQL surfaces: the plain API at /graphql, and the same graph as an Apollo Federation v2
 * subgraph at /subgraph (schema/federation.ts). Each is a yoga of its own (its own schema, limits and
 * document cache) behind the same guards; the /graphql one hands /subgraph requests over whole.
 */
const SURFACES = {
  graphql: { endpoint: '/graphql', schema, limits: limitsPlugin(schema) },
  subgraph: { endpoint: '/subgraph', schema: subgraphSchema, limits: limitsPlugin(subgraphSchema) },
};

/** Hands requests for `path` to another app before any plugin of this one sees them. */
function forwardPlugin(path: string, to: ReturnType<typeof surfaceApp>): Plugin {
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname === path) endResponse(await to.handleRequest(request, serverContext));
    },
    onDispose: async () => {
      await to.dispose();
    },
  };
}

/**
 * GET /ready: 200 while Neo4j answers a ping, 503 with the reason while it does not. A path
 * comparison: yoga's useReadinessCheck matched a URLPattern against every request, which showed in
 * a CPU profile of the API under bench:peer load.
 */
function readinessPlugin(db: Db): Plugin {
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname !== '/ready') return;
      endResponse(
        (await db.ping())
          ? new Response(null, { status: 200 })
          : new Response(JSON.stringify({ ready: false, reason: 'Neo4j does not answer' }), {
              status: 503,
              headers: { 'content-type': 'application/json' },
            }),
      );
    },
  };
}

/** A yoga for one surface; `first` plugins run before the guards (the /graphql one forwards /subgraph). */
function surfaceApp(db: Db, options: AppOptions, surface: keyof typeof SURFACES, first: Plugin[] = []) {
  const documents = documentsPlugin();
  const uris = makeUris(options.publicBaseUrl);
  const api = SURFACES[surface];
  const yoga = createYoga({
    schema: api.schema,
    context: ({ request }) => createContext(db, uris, principalOf(request)),
    graphqlEndpoint: api.endpoint,
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql && surface === 'graphql' ? graphiqlOptions() : false,
    // GraphiQL from the installed package, not from a CDN: it works offline
    renderGraphiQL,
    cors: corsOption(options.corsOrigins),
    // the documents plugin parses and caches instead, bounded by tokens and bytes
    parserAndValidationCache: false,
    multipart: false,
    // the body limit is bodyLimitPlugin's (src/http/body-limit.ts), which counts only chunked bodies
    maxRequestBodySize: false,
    batching: false,
    // never in development mode: no original error or stack in a response, whatever NODE_ENV says
    maskedErrors: { isDev: false },
    // yoga's own lines would carry stacks; failed requests get one line each from requestsPlugin
    logging: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => {
        const first = args[0];
        const what =
          first instanceof Error ? `${first.name}: ${first.message.split('\n')[0]}` : String(first);
        process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'unexpected error', error: what })}\n`);
      },
    },
    plugins: [
      ...first,
      requestsPlugin({ log: options.log }),
      ...securityPlugins(options),
      authPlugin({ keys: options.keys ?? new KeyStore(), readsRequireKey: options.readsRequireKey ?? false }),
      routesPlugin([
        linkedDataRoute({ db, uris }),
        reconcileRoute({ db, uris }),
        exportRoute({ db, uris }),
        explorerRoute(),
      ]),
      documents,
      api.limits,
      bodyLimitPlugin(options.maxBodyBytes),
      readinessPlugin(db),
    ],
  });
  return Object.assign(yoga, { documentCache: documents.stats });
}

export function createApp(db: Db, options: AppOptions = appOptions()) {
  const subgraph = surfaceApp(db, options, 'subgraph');
  return surfaceApp(db, options, 'graphql', [forwardPlugin('/subgraph', subgraph)]);
}

export type App = ReturnType<typeof createApp>;
