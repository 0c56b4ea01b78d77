// One benchmark server, run as its own process so that its RSS is its own:
//   node --import tsx bench/peer/serve.ts api|library|raw
// with PEER_NEO4J='{"uri","username","password","database"}'. Listens on 127.0.0.1 on a free port
// and writes "listening on <port>" to stderr. api: this project's createApp(db); library:
// @neo4j/graphql over bench/peer/typedefs.ts, served by graphql-yoga; raw: POST /op/<operation>
// with the variables as JSON body, answered by raw.ts. Each also answers /__bench/* (capture.ts).
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { benchRoute, Capture, countingDriver } from './capture.ts';

const kind = process.argv[2];
// as npm start does (scripts/start.ts): plain stacks, not mapped through tsx's source maps
process.setSourceMapsEnabled(false);
const target = JSON.parse(process.env.PEER_NEO4J ?? '{}') as {
  uri: string;
  username: string;
  password: string;
  database: string;
};
const capture = new Capture();

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  req.setEncoding('utf8');
  for await (const chunk of req) text += chunk;
  return text;
}

// each server imports only what it runs (dynamic imports), so that its RSS is its own
async function apiServer(): Promise<{ listener: RequestListener; driver: Driver }> {
  const { connect } = await import('../../src/db/driver.ts');
  const { createApp } = await import('../../src/app.ts');
  const db = await connect(target);
  for (const method of ['read', 'write'] as const) {
    const run = db[method].bind(db);
    db[method] = ((cypher: string, params: Record<string, unknown> = {}) => {
      capture.note(cypher, params);
      return run(cypher, params);
    }) as typeof db.read;
  }
  return { listener: createApp(db) as unknown as RequestListener, driver: db.driver };
}

async function libraryServer(): Promise<{ listener: RequestListener; driver: Driver }> {
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const { createYoga } = await import('graphql-yoga');
  const { libraryTypeDefs } = await import('./typedefs.ts');
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
  await driver.verifyConnectivity({ database: target.database });
  const library = new Neo4jGraphQL({
    typeDefs: libraryTypeDefs,
    driver: countingDriver(driver, capture),
    // string comparison filters (off by default) for the date range
    features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
  });
  const yoga = createYoga({
    schema: await library.getSchema(),
    context: () => ({ sessionConfig: { database: target.database } }),
    logging: false,
  });
  return { listener: yoga as unknown as RequestListener, driver };
}

async function rawServer(): Promise<{ listener: RequestListener; driver: Driver }> {
  const { answer, RAW_OPERATIONS } = await import('./raw.ts');
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    disableLosslessIntegers: true,
  });
  await driver.verifyConnectivity({ database: target.database });
  const run = async (cypher: string, params: Record<string, unknown>) => {
    capture.note(cypher, params);
    const result = await driver.executeQuery(cypher, params, {
      database: target.database,
      routing: neo4j.routing.READ,
    });
    return result.records.map((r) => r.toObject());
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const op = req.url?.slice('/op/'.length) as (typeof RAW_OPERATIONS)[number];
    if (req.method !== 'POST' || !req.url?.startsWith('/op/') || !RAW_OPERATIONS.includes(op)) {
      res.writeHead(404).end();
      return;
    }
    body(req)
      .then((text) => answer(op, JSON.parse(text), run))
      .then(
        (value) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: err.message }));
        },
      );
  };
  return { listener, driver };
}

const make = { api: apiServer, library: libraryServer, raw: rawServer }[kind ?? ''];
if (!make) throw new Error('usage: serve.ts api|library|raw');
const { listener, driver } = await make();
const server = createServer((req, res) => {
  if (!benchRoute(req, res, capture, driver, target.database)) listener(req, res);
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stderr.write(`listening on ${typeof address === 'object' && address ? address.port : 0}\n`);
});
const stop = () => server.close(() => driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
