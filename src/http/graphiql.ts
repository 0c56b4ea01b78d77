// GraphiQL, served from the installed @graphql-yoga/render-graphiql (scripts, styles and editor
// workers inline in one page: it works without internet). It opens on the attendance query of the
// memorandum, with every example operation of examples/ in a tab of its own, one click away.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The page, rendered by @graphql-yoga/render-graphiql, which is loaded at the first request for it:
 * its inlined editor bundle costs much memory, which a process that never serves the page
 * should not hold (README, "Performance").
 */
export async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL: render } = await import('@graphql-yoga/render-graphiql');
  return render(options);
}

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
export const DEFAULT_EXAMPLE = 'who-attended.graphql';

export function graphiqlOptions(dir: string = EXAMPLES): GraphiQLOptions {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => Number(b === DEFAULT_EXAMPLE) - Number(a === DEFAULT_EXAMPLE) || a.localeCompare(b));
  const queries = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  return {
    title: 'coldwar-graph',
    defaultQuery: queries[0],
    defaultTabs: queries.map((query) => ({ query })),
  };
}
