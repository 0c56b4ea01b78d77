// Serves a composed supergraph with the Hive Gateway runtime (GraphiQL at /graphql in a browser,
// /health), over node:http with the same bounds on slow clients as the API's server. Each subgraph
// call goes to the URL composition recorded; the runtime batches `_entities` lookups per subgraph.
import { createServer, type Server } from 'node:http';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { type MaskError, maskError as yogaMaskError } from 'graphql-yoga';
import { StartupError } from '../errors.ts';

const DEFAULT_QUERY = /* GraphQL */ `# Across both graphs: the attendees of the 6 November 1959 conversation (coldwar-graph), the
# institutions they represented (coldwar-graph), and the synthetic catalogue's entries about them.
query AttendeesAndCatalogue {
  meeting(id: "meeting/chervonenko-deng-1959-11-06") {
    name
    attendees {
      person { name }
      representing {
        name
        catalogueEntries { reference title level synthetic }
      }
    }
  }
}
`;

/** The codes the gateway gives a subgraph call that failed: no answer, or an answer that is not GraphQL. */
const FAILED_CALLS = new Set([
  'SUBREQUEST_HTTP_ERROR',
  'RESPONSE_VALIDATION_FAILED',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/**
 * A subgraph call that failed becomes one coded error per field that subgraph serves, naming it
 * (SUBGRAPH_UNAVAILABLE), without the gateway's request body, the subgraph's address or its answer;
 * a reference nothing resolves says which field it left empty (NULL_FOR_NON_NULL_FIELD); every other
 * unexpected error stays masked as yoga masks it.
 */
const maskError: MaskError = (error, message, isDev) => {
  const e = error instanceof GraphQLError ? error : undefined;
  const subgraph = e?.extensions.serviceName;
  if (e && typeof subgraph === 'string' && FAILED_CALLS.has(String(e.extensions.code))) {
    const status = (e.extensions.response as { status?: unknown } | undefined)?.status;
    const what =
      typeof status === 'number' ? `answered HTTP ${status} without a GraphQL result` : 'did not answer';
    return new GraphQLError(`The ${subgraph} subgraph ${what}; the fields it serves are null.`, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      path: e.path,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph },
    });
  }
  // an entity another subgraph names but none resolves (e.g. a Wikidata item no entity here carries):
  // graphql-js's own message says which field is left without a value, and the object is null
  if (e && /^Cannot return null for non-nullable field \w+\.\w+\.$/.test(e.message)) {
    return new GraphQLError(e.message, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      path: e.path,
      extensions: { code: 'NULL_FOR_NON_NULL_FIELD' },
    });
  }
  return yogaMaskError(error, message, isDev);
};

export interface GatewayOptions {
  /** The Hive logger's level, or false for none (default "warn"). */
  logging?: false | 'error' | 'warn' | 'info' | 'debug';
  graphiql?: boolean;
}

export function createGateway(supergraphSdl: string, options: GatewayOptions = {}): GatewayRuntime {
  return createGatewayRuntime({
    supergraph: supergraphSdl,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql:
      options.graphiql === false ? false : { title: 'coldwar-graph gateway', defaultQuery: DEFAULT_QUERY },
    logging: options.logging ?? 'warn',
    maskedErrors: { maskError },
  });
}

export interface RunningGateway {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0: a free port) and hands back the URL of its /graphql. */
export function listenGateway(gateway: GatewayRuntime, port: number, host: string): Promise<RunningGateway> {
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, gateway);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use; set GATEWAY_PORT to another port`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      let closing: Promise<void> | undefined;
      resolve({
        server,
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}/graphql`,
        close: () => {
          closing ??= (async () => {
            await new Promise<void>((done) => {
              server.close(() => done());
              server.closeIdleConnections();
            });
            await gateway.dispose();
          })();
          return closing;
        },
      });
    });
  });
}
