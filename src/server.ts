// Only listens and shuts down: stop accepting, let in-flight requests finish, dispose yoga,
// close the driver.
import { createServer, type Server } from 'node:http';
import type { App } from './app.ts';
import type { Db } from './db/driver.ts';
import { StartupError } from './errors.ts';

export interface Running {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function listen(app: App, db: Db, port: number, host: string): Promise<Running> {
  const server = createServer(app);
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
