// Only listens and shuts down: stop accepting, let in-flight requests finish, dispose yoga,
// close the driver. Slow clients are bounded: headers within 10 s, the whole request within 30 s,
// idle keep-alive connections closed after 5 s, and at most HTTP_MAX_CONNECTIONS open at once.
import { createServer, type Server } from 'node:http';
import type { App } from './app.ts';
import { config } from './config.ts';
import type { Db } from './db/driver.ts';
import { StartupError } from './errors.ts';

export interface Running {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const httpLimits = (): HttpLimits => ({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: config().HTTP_MAX_CONNECTIONS,
});

export function listen(
  app: App,
  db: Db,
  port: number,
  host: string,
  limits: HttpLimits = httpLimits(),
): Promise<Running> {
  const server = createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs },
    app,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // a request Node's HTTP parser refuses (headers or URL too long, malformed) still gets a coded answer
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, reason, code] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'REQUEST_HEADER_TOO_LARGE']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'REQUEST_TIMEOUT']
          : [400, 'Bad Request', 'BAD_REQUEST'];
    const body = JSON.stringify({ errors: [{ message: `${reason}.`, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use; set PORT to another port`
            : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      );
    });
    server.listen(port, host, () => {
      let closing: Promise<void> | undefined;
      resolve({
        server,
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`,
        close: () => {
          closing ??= (async () => {
            await new Promise<void>((done) => {
              server.close(() => done());
              server.closeIdleConnections();
            });
            await app.dispose();
            await db.driver.close();
          })();
          return closing;
        },
      });
    });
  });
}
