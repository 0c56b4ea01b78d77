// npm run example:catalogue — serves the synthetic catalogue subgraph at
// http://$CATALOGUE_HOST:$CATALOGUE_PORT/graphql (default 127.0.0.1:4002). Ctrl-C stops it.
import { createServer } from 'node:http';
import { createCatalogueApp } from './app.ts';

const port = Number(process.env.CATALOGUE_PORT || 4002);
const host = process.env.CATALOGUE_HOST || '127.0.0.1';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(
    `catalogue: CATALOGUE_PORT must be a port number, got ${process.env.CATALOGUE_PORT}\n`,
  );
  process.exit(1);
}

const app = createCatalogueApp({ graphiql: true });
const server = createServer(app);
server.once('error', (err) => {
  process.stderr.write(`catalogue: cannot listen on ${host}:${port}: ${err.message}\n`);
  process.exit(1);
});
server.listen(port, host, () => {
  process.stderr.write(
    `catalogue: synthetic catalogue subgraph at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql\n`,
  );
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
