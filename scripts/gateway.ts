// npm run gateway — asks each subgraph in gateway.config.json for its SDL, composes the supergraph
// (The Guild's federation-composition) and serves it with the Hive Gateway runtime at
// http://$GATEWAY_HOST:$GATEWAY_PORT/graphql (default 127.0.0.1:4000, GraphiQL in a browser).
// A subgraph without an SDL or any composition error: every problem on its own line, exit code 1.

import { composeOrRefuse, fetchSdls } from '../src/gateway/compose.ts';
import { loadGatewayConfig } from '../src/gateway/config.ts';
import { createGateway, listenGateway } from '../src/gateway/serve.ts';
import { fail } from '../src/runtime/cli.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

try {
  const c = loadGatewayConfig();
  log(`gateway: composing ${c.subgraphs.map((s) => `${s.name} (${s.url})`).join(', ')} from ${c.file}`);
  const supergraph = composeOrRefuse(await fetchSdls(c.subgraphs, { waitMs: c.waitMs, log }));
  const running = await listenGateway(createGateway(supergraph), c.port, c.host);
  log(`gateway: supergraph of ${c.subgraphs.length} subgraphs at ${running.url} (GraphiQL in a browser)`);
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`gateway: ${why}, shutting down…`);
    await running.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  fail(err);
}
