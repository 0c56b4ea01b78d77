// The explorer page (explorer/, built by Vite into dist/explorer) at / and its hashed assets at
// /assets/…, read from the build folder. Only files the build wrote are served: a name is checked
// against a strict pattern and looked up in the folder, never joined from the URL as given. Before a
// build exists, / says how to make one (npm start and npm test build it themselves).
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './routes.ts';

export const EXPLORER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'explorer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const ASSET = /^\/assets\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[a-z0-9]+)$/;

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Explorer not built</title>
<main><h1>The explorer page is not built yet</h1>
<p>Run <code>npm run build:explorer</code> (or <code>npm start</code>, which builds it when its sources are newer). GraphQL is at <a href="/graphql">/graphql</a>.</p></main></html>`;

async function file(path: string, type: string, cache: string, method: string): Promise<Response> {
  const body = await readFile(path);
  return new Response(method === 'HEAD' ? null : body, {
    headers: { 'content-type': type, 'cache-control': cache, 'content-length': String(body.length) },
  });
}

export function explorerRoute(dir: string = EXPLORER_DIR): Route {
  return {
    name: 'explorer',
    owns: (url) =>
      url.pathname === '/' || url.pathname === '/index.html' || url.pathname.startsWith('/assets/'),
    async handle(request, url) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return new Response('Only GET and HEAD.\n', { status: 405, headers: { allow: 'GET, HEAD' } });
      if (!url.pathname.startsWith('/assets/')) {
        try {
          return await file(join(dir, 'index.html'), TYPES['.html'] as string, 'no-cache', request.method);
        } catch {
          return new Response(NOT_BUILT, {
            status: 503,
            headers: { 'content-type': 'text/html; charset=utf-8' },
          });
        }
      }
      const name = ASSET.exec(url.pathname)?.[1];
      const type = name ? TYPES[extname(name)] : undefined;
      const built = name ? await readdir(join(dir, 'assets')).catch(() => [] as string[]) : [];
      if (!name || !type || !built.includes(name))
        return new Response('Not found.\n', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      // the build names assets by their content hash: a name never changes what it serves
      return file(join(dir, 'assets', name), type, 'public, max-age=31536000, immutable', request.method);
    },
  };
}
