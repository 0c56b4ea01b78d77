// createCatalogueApp(): the catalogue subgraph as a graphql-yoga app at /graphql, for the example
// server (server.ts) and for tests, which call it through fetch or serve it on a loopback port.
import { createYoga } from 'graphql-yoga';
import { type Catalogue, loadCatalogue } from './catalogue.ts';
import { catalogueSchema } from './schema.ts';

export interface CatalogueAppOptions {
  catalogue?: Catalogue;
  graphiql?: boolean;
}

export function createCatalogueApp(options: CatalogueAppOptions = {}) {
  return createYoga({
    schema: catalogueSchema(options.catalogue ?? loadCatalogue()),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: options.graphiql ? { title: 'synthetic catalogue subgraph' } : false,
    maskedErrors: { isDev: false },
    logging: 'error',
  });
}

export type CatalogueApp = ReturnType<typeof createCatalogueApp>;
