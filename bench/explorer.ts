// npm run bench:explorer — the explorer page at scale: on a generated graph of 10,000 persons
// (BENCH_PERSONS), the time from navigation to the first drawn graph for the depth-2 neighbourhood
// (limit 500) of the best-connected generated person and institution, in Debian's chromium (headless, SwiftShader
// WebGL, no GPU); then whether it stays interactive while ForceAtlas2 runs (the longest gap between
// two animation frames, and how long a click on an entity takes to open its panel); and the size of
// the page's bundle, raw and gzip. Uses NEO4J_URI when set, otherwise a local Neo4j on a free port.

import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildExplorer } from '../scripts/build-explorer.ts';
import { appOptions, createApp } from '../src/app.ts';
import { EXPLORER_DIR } from '../src/http/explorer.ts';
import { seed } from '../src/seed/index.ts';
import { listen } from '../src/server.ts';
import { generateGraph, removeSynthetic } from '../test-support/synthetic-graph.ts';
import { benchDatabase } from './database.ts';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const say = (line: string) => process.stdout.write(`${line}\n`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function bundle() {
  const assets = join(EXPLORER_DIR, 'assets');
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(assets).filter((f) => /\.(js|css)$/.test(f))) {
    const bytes = readFileSync(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const html = readFileSync(join(EXPLORER_DIR, 'index.html'));
  return { raw: raw + html.length, gzip: gzip + gzipSync(html, { level: 9 }).length };
}

await buildExplorer({ ifStale: true, log: say });
const size = bundle();
say(`bundle (index.html, JS and CSS): ${kb(size.raw)} raw, ${kb(size.gzip)} gzip`);

const { db, stop, via } = await benchDatabase({ log: say });
try {
  say(`Neo4j: ${via}`);
  await seed(db);
  let t = Date.now();
  const g = await generateGraph(db, { persons: PERSONS });
  say(
    `generated ${g.persons.length} persons, ${g.institutions.length} institutions, ${g.meetings.length} meetings in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  const degree = new Map<string, number>();
  for (const e of g.edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const best = (ids: string[]) => ids.reduce((a, b) => ((degree.get(b) ?? 0) > (degree.get(a) ?? 0) ? b : a));
  // the best-connected person, and the best-connected institution (whose neighbourhood is cut at 500)
  const hubs = [best(g.persons), best(g.institutions)];
  say(`well-connected actors: ${hubs.map((h) => `${h} (${degree.get(h)} relationships)`).join(', ')}`);

  const app = createApp(db, { ...appOptions(), graphiql: false });
  const running = await listen(app, db, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    for (const hub of hubs) {
      const first: number[] = [];
      const settled: number[] = [];
      const gaps: number[] = [];
      const clicks: number[] = [];
      let drawn = { nodes: 0, edges: 0, truncated: '' };
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        // tsx names functions with a helper (__name) that the page does not have: give it one
        await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        t = Date.now();
        await page.goto(`${origin}/?id=${hub}&depth=2&limit=500`);
        await page.waitForSelector('#graph[data-drawn="true"]', { timeout: 120_000 });
        // while ForceAtlas2 runs: the longest time between two frames over one second
        const gap = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let last = performance.now();
              let longest = 0;
              const end = last + 1000;
              const frame = (now: number) => {
                longest = Math.max(longest, now - last);
                last = now;
                if (now < end) requestAnimationFrame(frame);
                else resolve(longest);
              };
              requestAnimationFrame(frame);
            }),
        );
        const click = await page.evaluate(async () => {
          const summary = document.querySelector<HTMLElement>('#in-view summary');
          summary?.click();
          const button = document.querySelectorAll<HTMLButtonElement>('#in-view-body li button')[5];
          const started = performance.now();
          button?.click();
          for (;;) {
            if (document.querySelector('#panel')?.getAttribute('data-node'))
              return performance.now() - started;
            await new Promise((r) => setTimeout(r, 5));
          }
        });
        await page.waitForSelector('#graph[data-layout="settled"]', { timeout: 120_000 });
        const marks = await page.evaluate(() => ({
          first: performance.getEntriesByName('explorer:first-graph')[0]?.startTime ?? NaN,
          settled: performance.getEntriesByName('explorer:layout-settled').at(-1)?.startTime ?? NaN,
          nodes: window.coldwarExplorer.nodes().length,
          edges: window.coldwarExplorer.edges().length,
          truncated: document.querySelector('#graph')?.getAttribute('data-truncated') ?? '',
        }));
        first.push(marks.first);
        settled.push(marks.settled);
        gaps.push(gap);
        clicks.push(click);
        drawn = { nodes: marks.nodes, edges: marks.edges, truncated: marks.truncated };
        say(
          `run ${run + 1}: first graph ${marks.first.toFixed(0)} ms after navigation, layout settled at ${marks.settled.toFixed(0)} ms, longest frame gap during layout ${gap.toFixed(0)} ms, click → panel ${click.toFixed(0)} ms (${((Date.now() - t) / 1000).toFixed(1)} s in all)`,
        );
        await page.close();
      }
      say(
        `depth-2 neighbourhood of ${hub} at ${PERSONS} persons: ${drawn.nodes} entities, ${drawn.edges} relationships drawn (truncated: ${drawn.truncated})`,
      );
      say(
        `median over ${RUNS} loads: first drawn graph ${median(first).toFixed(0)} ms; layout settled ${median(settled).toFixed(0)} ms; longest frame gap while laying out ${median(gaps).toFixed(0)} ms; click → panel ${median(clicks).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    // the server only: the connection is closed with the Neo4j below, after the clean-up
    running.server.close();
    running.server.closeAllConnections();
    await app.dispose();
  }
} finally {
  await removeSynthetic(db).catch(() => undefined);
  await stop();
}
