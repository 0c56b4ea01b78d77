// Builds the yoga instance: schema, a fresh context per request, health and readiness endpoints,
// GraphiQL opening on the memorandum's attendance query, and masked unexpected errors.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createYoga, type Plugin, useReadinessCheck } from 'graphql-yoga';
import { createContext } from './context.ts';
import type { Db } from './db/driver.ts';
import { operationLimits } from './operation-limits.ts';
import { schema } from './schema/index.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const defaultQuery = readFileSync(join(examples, 'who-attended.graphql'), 'utf8');

const limitsRule = operationLimits(schema);
const limitsPlugin: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(limitsRule);
  },
};

export function createApp(db: Db) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'coldwar-graph', defaultQuery },
    // never in development mode: no original error or stack in a response, whatever NODE_ENV says
    maskedErrors: { isDev: false },
    plugins: [
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
}

export type App = ReturnType<typeof createApp>;
