// Shared by the scripts: print one clean line for expected failures, never a stack trace.
import { ConfigError } from '../config.ts';
import { LauncherError } from './local-neo4j.ts';

export function fail(err: unknown): never {
  const known = err instanceof ConfigError || err instanceof LauncherError || err instanceof Error;
  const message = known ? (err as Error).message : String(err);
  process.stderr.write(`coldwar-graph: ${message}\n`);
  if (process.env.DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
