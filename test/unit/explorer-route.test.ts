// The route that serves the built explorer page (src/http/explorer.ts) and GraphiQL's options
// (src/http/graphiql.ts): only files the build wrote, hashed assets cached for good, the page never;
// a clear page before any build; GraphiQL opening on the attendance query with every example a tab.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explorerRoute } from '../../src/http/explorer.ts';
import { DEFAULT_EXAMPLE, graphiqlOptions } from '../../src/http/graphiql.ts';

function built() {
  const dir = mkdtempSync(join(tmpdir(), 'explorer-route-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  return dir;
}

const ask = (dir: string, path: string, method = 'GET') => {
  const url = new URL(`http://x${path}`);
  return explorerRoute(dir).handle(new Request(url, { method }), url);
};

describe('the explorer route', () => {
  it('owns / and /assets/ only', () => {
    const route = explorerRoute(built());
    expect(['/', '/index.html', '/assets/a.js'].map((p) => route.owns(new URL(`http://x${p}`)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['/graphql', '/id/person/x', '/assetsx'].map((p) => route.owns(new URL(`http://x${p}`)))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('serves the page uncached and a hashed asset cached for good', async () => {
    const dir = built();
    const page = await ask(dir, '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>explorer</title>');
    const js = await ask(dir, '/assets/index-AbC123.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect(await (await ask(dir, '/assets/index-AbC123.js', 'HEAD')).text()).toBe('');
  });

  it('serves nothing but what the build put in assets/', async () => {
    const dir = built();
    for (const path of ['/assets/missing.js', '/assets/..%2Fsecret.txt', '/assets/x/y.js'])
      expect((await ask(dir, path)).status, path).toBe(404);
    expect((await ask(dir, '/', 'POST')).status).toBe(405);
    // a dot-dot the URL parser resolves leaves /assets/ altogether: not the route's
    expect(explorerRoute(dir).owns(new URL('http://x/assets/%2e%2e/secret.txt'))).toBe(false);
  });

  it('before a build, / says how to build the page', async () => {
    const res = await ask(join(tmpdir(), 'no-such-explorer-build'), '/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:explorer');
  });
});

describe('GraphiQL options', () => {
  it('open on the attendance query, with every example operation one tab away', () => {
    const examples = join(import.meta.dirname, '..', '..', 'examples');
    const files = readdirSync(examples).filter((f) => f.endsWith('.graphql'));
    const o = graphiqlOptions(examples);
    expect(o.defaultQuery).toContain('query WhoAttended');
    expect(o.defaultTabs?.length).toBe(files.length);
    expect(o.defaultTabs?.[0]?.query).toBe(o.defaultQuery);
    expect(files).toContain(DEFAULT_EXAMPLE);
  });
});
