// What the browser tests share: the app over the run's Neo4j (test/global-setup.ts) listening on
// 127.0.0.1 at a free port, and Debian's chromium (installed by .ci/run; never a downloaded build)
// driven by playwright-core, headless. Every page records requests that would leave the machine
// (they are refused) and the console's errors. Screenshots go to reports/screenshots/.
//
//   import { describe, expect, it } from './harness.ts';
//   it('…', async ({ site, page }) => { await page.goto(site.url('/')); … });
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { test as base } from 'vitest';
import { appOptions, createApp } from '../../src/app.ts';
import { listen } from '../../src/server.ts';
import { type Api, openApi } from '../fixtures.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'reports', 'screenshots');

export interface Site {
  origin: string;
  url(path: string): string;
  api: Api;
}

export interface Watched {
  /** Requests for anything not on this server (refused). */
  outside: string[];
  /** Console errors and uncaught exceptions, CSP refusals included. */
  errors: string[];
}

/** A new page (1280×800 unless told) that refuses and records every request leaving the origin. */
export async function openPage(
  browser: Browser,
  origin: string,
  watched: Watched = { outside: [], errors: [] },
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    watched.outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  return page;
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export const test = base.extend<{ page: Page; watched: Watched; site: Site; browser: Browser }>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const api = await openApi();
      const app = createApp(api.db, { ...appOptions(), graphiql: true, introspection: true });
      const running = await listen(app, api.db, 0, '127.0.0.1');
      const origin = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
      await use({ origin, url: (path) => `${origin}${path}`, api });
      await new Promise<void>((done) => {
        running.server.close(() => done());
        running.server.closeAllConnections();
      });
      await app.dispose();
      await api.close();
    },
    { scope: 'file' },
  ],
  browser: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        // WebGL without a GPU: SwiftShader, which headless chromium no longer picks by itself
        args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  watched: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads the fixture's dependencies from this pattern
    async ({}, use) => {
      await use({ outside: [], errors: [] });
    },
    { scope: 'test' },
  ],
  page: async ({ browser, site, watched }, use) => {
    const page = await openPage(browser, site.origin, watched);
    await use(page);
    await page.context().close();
  },
});
export const it = test;
export { afterAll, beforeAll, describe, expect } from 'vitest';
