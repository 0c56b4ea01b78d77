// npm run build:explorer — builds the explorer page (explorer/) with Vite into dist/explorer, which
// the API serves at /. npm start and the browser tests call buildExplorer({ ifStale: true }): a
// build only when a source (explorer/**, package-lock.json) is newer than the last build, or none.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'explorer');
const BUILT = join(ROOT, 'dist', 'explorer', 'index.html');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Whether dist/explorer is missing or older than a source. */
export function explorerStale(): boolean {
  if (!existsSync(BUILT)) return true;
  return Math.max(newest(SOURCES), newest(join(ROOT, 'package-lock.json'))) > statSync(BUILT).mtimeMs;
}

/** Builds the page; says why, or says nothing when it is up to date (`ifStale`). */
export async function buildExplorer({
  ifStale = false,
  log = (line: string) => process.stderr.write(`${line}\n`),
} = {}): Promise<'built' | 'fresh' | 'no sources'> {
  if (!existsSync(SOURCES)) return 'no sources';
  if (ifStale && !explorerStale()) return 'fresh';
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(SOURCES, 'vite.config.ts'), logLevel: 'warn' });
  log(`explorer: built dist/explorer in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildExplorer({ ifStale: process.argv.includes('--if-stale') });
  } catch (err) {
    process.stderr.write(`explorer: the build failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
