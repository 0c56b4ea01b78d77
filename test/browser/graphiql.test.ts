// GraphiQL works without internet: served from the installed package, it renders, runs the
// default query (the memorandum's attendance) and shows the answer, offers every example of
// examples/ as a tab, and no request leaves the machine. Its CSP names no other origin.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, screenshot } from './harness.ts';

const examples = readdirSync(join(import.meta.dirname, '..', '..', 'examples')).filter((f) =>
  f.endsWith('.graphql'),
);

describe('GraphiQL offline', () => {
  it('renders, runs the default query and shows the answer, with nothing fetched from outside', async ({
    site,
    page,
    watched,
  }) => {
    const res = await page.goto(site.url('/graphql'));
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    const text = async (selector: string) =>
      ((await page.locator(selector).first().textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(await text('.graphiql-query-editor')).toContain('query WhoAttended');
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => text('.graphiql-response').then((t) => t.replace(/\s+/g, ' ')), { timeout: 20_000 })
      .toContain('Conversation between S. V. Chervonenko and Deng Xiaoping');
    await screenshot(page, 'graphiql');
    expect(await page.locator('.graphiql-tab').count()).toBe(examples.length);
    // the tab's own button (GraphiQL's tabs are reorderable by drag; with five tabs a pointer click
    // from playwright at the tab's centre left the first tab active), its click handler switching tabs
    await page.locator('.graphiql-tab button[title="Search"]').dispatchEvent('click');
    await expect.poll(() => text('.graphiql-query-editor')).toContain('search(text:');
    expect(watched.outside).toEqual([]);
  });

  it("the explorer page's CSP allows only this origin, and blobs for the layout worker", async ({
    site,
    page,
  }) => {
    const res = await page.goto(site.url('/'));
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});
