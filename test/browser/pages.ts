// Steps the explorer tests share: open a view and wait until it is drawn and laid out, read the
// automation handle the page offers (window.coldwarExplorer), click what sigma draws.
import type { Page } from 'playwright-core';

export interface Automation {
  position(id: string): { x: number; y: number } | null;
  edgeMidpoint(id: string): { x: number; y: number } | null;
  edges(): string[];
  nodes(): string[];
  shown(): string[];
  layout(id: string): { x: number; y: number };
}

declare global {
  interface Window {
    coldwarExplorer: Automation;
  }
}

export const DENG = 'person/deng-xiaoping';
export const CHERVONENKO = 'person/stepan-chervonenko';
export const MEETING = 'meeting/chervonenko-deng-1959-11-06';

/** Waits for the drawing and for ForceAtlas2 to stop. */
export async function settled(page: Page) {
  await page.waitForSelector('#graph[data-drawn="true"][data-layout="settled"]', { timeout: 30_000 });
}

export async function openView(page: Page, url: string) {
  await page.goto(url);
  await settled(page);
}

export const nodesInView = (page: Page) => page.evaluate(() => window.coldwarExplorer.nodes().sort());

/** Clicks an entity where sigma draws it. */
export async function clickNode(page: Page, id: string) {
  const at = await page.evaluate((node) => window.coldwarExplorer.position(node), id);
  if (!at) throw new Error(`${id} is not drawn`);
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('no #graph');
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

/**
 * The relationship whose middle lies farthest from every entity and from the other relationships'
 * middles: where a click can only mean it.
 */
export async function clearestEdge(page: Page): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate(() => {
    const x = window.coldwarExplorer;
    const points = x.nodes().flatMap((n) => {
      const p = x.position(n);
      return p ? [p] : [];
    });
    const mids = x.edges().flatMap((id) => {
      const m = x.edgeMidpoint(id);
      return m ? [{ id, ...m }] : [];
    });
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.hypot(a.x - b.x, a.y - b.y);
    const scored = mids.map((m) => ({
      m,
      room: Math.min(
        ...points.map((p) => distance(p, m)),
        ...mids.filter((o) => o.id !== m.id).map((o) => distance(o, m)),
      ),
    }));
    scored.sort((a, b) => b.room - a.room);
    const best = scored[0];
    if (!best) throw new Error('no relationship drawn');
    return best.m;
  });
}
