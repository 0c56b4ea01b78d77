// Accessibility: axe-core scans the explorer (landing, a network with an entity's panel, a
// relationship's panel with its passage) and must find no serious or critical violation. What it
// finds of lesser impact is printed.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from './harness.ts';
import { DENG, MEETING, openView } from './pages.ts';

async function scan(page: Page, what: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const lines = result.violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  process.stdout.write(
    `[axe] ${what}: ${result.passes.length} rules passed, ${result.violations.length} violated${lines.length ? `\n  ${lines.join('\n  ')}` : ''}\n`,
  );
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('accessibility (axe-core)', () => {
  it('the landing page has no serious violation', async ({ site, page }) => {
    await page.goto(site.url('/'));
    await page.getByRole('combobox', { name: 'Search the graph' }).waitFor();
    expect(await scan(page, 'landing')).toEqual([]);
  });

  it('a network with an entity panel has no serious violation', async ({ site, page }) => {
    await openView(page, site.url(`/?id=${DENG}&depth=2&node=${DENG}`));
    await page.locator('#panel .aliases').waitFor();
    await page.locator('#in-view summary').click();
    expect(await scan(page, 'network and entity panel')).toEqual([]);
  });

  it('a relationship panel with its highlighted passage has no serious violation', async ({ site, page }) => {
    await openView(page, site.url(`/?id=${MEETING}`));
    const edge = await page.evaluate(() => window.coldwarExplorer.edges()[0]);
    await page.goto(site.url(`/?id=${MEETING}&edge=${encodeURIComponent(edge ?? '')}`));
    await page.locator('#panel .document-text mark').first().waitFor();
    expect(await scan(page, 'relationship panel')).toEqual([]);
  });
});
