// Bad input and faults in the explorer: an unknown id in the URL, the API out of reach (then back),
// and a neighbourhood larger than the limit, which shows what was cut instead of freezing.

import { type GeneratedGraph, generateGraph, removeSynthetic } from '../../test-support/synthetic-graph.ts';
import { TEST_GRAPH } from '../fixtures.ts';
import { describe, expect, it } from './harness.ts';
import { DENG, nodesInView, openView, settled } from './pages.ts';

describe('the explorer when things go wrong', () => {
  it('an unknown id in the URL says "not found" and offers the search box', async ({
    site,
    page,
    watched,
  }) => {
    await page.goto(site.url('/?id=person/nobody-of-that-name'));
    const notFound = page.locator('.not-found');
    await notFound.waitFor();
    expect(await notFound.textContent()).toContain('Not found');
    expect(await notFound.textContent()).toContain('person/nobody-of-that-name');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await nodesInView(page)).toEqual([]);
    expect(watched.errors.filter((e) => !/status of 200/.test(e))).toEqual([]);
  });

  it('a malformed id is "not found" too', async ({ site, page }) => {
    await page.goto(site.url('/?id=%3Cscript%3E'));
    await page.locator('.not-found').waitFor();
    expect(await page.locator('.not-found').textContent()).toContain('<script>');
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  it('when the API cannot be reached it says so, keeps trying, and draws the view once it answers', async ({
    site,
    page,
  }) => {
    let refused = 0;
    let down = true;
    await page.route('**/graphql', (route) => {
      if (!down) return route.continue();
      refused++;
      return route.abort('connectionrefused');
    });
    await page.goto(site.url(`/?id=${DENG}`));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Cannot reach the coldwar-graph API');
    await expect.poll(() => refused).toBeGreaterThanOrEqual(2); // it retried by itself
    down = false;
    await page.getByRole('button', { name: 'Retry now' }).click();
    await settled(page);
    expect(await alert.isHidden()).toBe(true);
    expect(await nodesInView(page)).toContain(DENG);
    expect(await page.locator('#status').textContent()).toMatch(/Connected to the API again|entities within/);
  });

  describe('over the limit', () => {
    let graph: GeneratedGraph;
    it.beforeAll(async ({ site }) => {
      graph = await generateGraph(site.api.db, TEST_GRAPH);
    });
    it.afterAll(async ({ site }) => {
      await removeSynthetic(site.api.db);
    });

    it('a neighbourhood larger than the limit shows what was cut, and stays usable', async ({
      site,
      page,
    }) => {
      const degree = new Map<string, number>();
      for (const e of graph.edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
      const hub = graph.persons.reduce((a, b) => ((degree.get(b) ?? 0) > (degree.get(a) ?? 0) ? b : a));
      await openView(page, site.url(`/?id=${hub}&depth=2&limit=50`));
      expect(await page.locator('#graph').getAttribute('data-truncated')).toBe('true');
      expect(await page.locator('#status').textContent()).toMatch(
        /^Truncated: showing the nearest 50 entities/,
      );
      expect((await nodesInView(page)).length).toBe(50);
      await page.locator('#in-view summary').click();
      await page.getByRole('list', { name: 'Entities in view' }).getByRole('button').nth(3).click();
      await expect.poll(() => page.locator('#panel').getAttribute('data-node')).toMatch(/synthetic/);
    });
  });
});
