import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so graphql-yoga, loads the
// CommonJS one; make vite resolve our imports to the same file, or `instanceof GraphQLError` fails.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      {
        // Pure logic and the text of every statement: no database, runs in seconds (npm run test:unit).
        extends: true,
        // the files share no mutable state: one module graph for all of them (the schema is built once)
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        // Everything through the real Neo4j that test/global-setup.ts starts once for the run.
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', 'test/browser/**'],
          globalSetup: ['test/global-setup.ts'],
          // failed requests are many on purpose (bad input, fuzz): log only unexpected ones
          env: { LOG_LEVEL: 'error', NEO4J_QUERY_DEADLINE_MS: '5000' },
          // One Neo4j (Community has one user database) shared by every file: run files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The explorer page and GraphiQL in Debian's chromium (playwright-core), over their own real
        // Neo4j; the page is built first when its sources are newer (test/browser/build-setup.ts).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/browser/build-setup.ts'],
          env: { LOG_LEVEL: 'error', NEO4J_QUERY_DEADLINE_MS: '5000' },
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
