// Builds the yoga instance: the schema, a fresh context per request, /health and /ready, GraphiQL
// opening on the memorandum's attendance query, and the guards every request passes: a body limit,
// bounded parsing and a byte-bounded document cache, operation limits (depth, fields, expensive
// calls, aliases, directives; a cost budget in builder.ts), CORS, CSRF prevention, security headers,
// masked unexpected errors, and one log line per failed request.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { createYoga, type Plugin, useReadinessCheck } from 'graphql-yoga';
import { type Config, config, devDefault, publicBaseUrl } from './config.ts';
import { createContext } from './context.ts';
import type { Db } from './db/driver.ts';
import { QueryLimitError } from './errors.ts';
import { exportRoute } from './export/index.ts';
import { documentsPlugin } from './http/documents.ts';
import { type RequestLog, requestsPlugin, stderrLog } from './http/requests.ts';
import { routesPlugin } from './http/routes.ts';
import { corsOption, type SecurityOptions, securityPlugins } from './http/security.ts';
import { MAX_ALIASES, MAX_DIRECTIVES } from './limits.ts';
import { linkedDataRoute } from './linked/index.ts';
import { operationLimits } from './operation-limits.ts';
import { reconcileRoute } from './reconcile/index.ts';
import { schema } from './schema/index.ts';
import { makeUris } from './uris.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const defaultQuery = readFileSync(join(examples, 'who-attended.graphql'), 'utf8');

export interface AppOptions extends SecurityOptions {
  maxBodyBytes: number;
  /** The base of every URI the graph mints (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** Where the line for each failed request goes (default: JSON on stderr). */
  log?: RequestLog;
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

const rules: ValidationRule[] = [
  operationLimits(schema),
  maxAliasesRule({ n: MAX_ALIASES, ...armor('Too many aliases.') }) as unknown as ValidationRule,
  maxDirectivesRule({ n: MAX_DIRECTIVES, ...armor('Too many directives.') }) as unknown as ValidationRule,
];
const limitsPlugin: Plugin = {
  onValidate({ addValidationRule }) {
    for (const rule of rules) addValidationRule(rule);
  },
};

export function createApp(db: Db, options: AppOptions = appOptions()) {
  const documents = documentsPlugin();
  const uris = makeUris(options.publicBaseUrl);
  const yoga = createYoga({
    schema,
    context: () => createContext(db, uris),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql ? { title: 'coldwar-graph', defaultQuery } : false,
    cors: corsOption(options.corsOrigins),
    // the documents plugin parses and caches instead, bounded by tokens and bytes
    parserAndValidationCache: false,
    multipart: false,
    maxRequestBodySize: options.maxBodyBytes,
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
      requestsPlugin({ log: options.log }),
      ...securityPlugins(options),
      routesPlugin([linkedDataRoute({ db, uris }), reconcileRoute({ db, uris }), exportRoute({ db, uris })]),
      documents,
      limitsPlugin,
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          if (!(await db.ping())) {
            return new Response(JSON.stringify({ ready: false, reason: 'Neo4j does not answer' }), {
              status: 503,
              headers: { 'content-type': 'application/json' },
            });
          }
          return true;
        },
      }),
    ],
  });
  return Object.assign(yoga, { documentCache: documents.stats });
}

export type App = ReturnType<typeof createApp>;
