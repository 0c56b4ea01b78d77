// Routes beside GraphQL (linked data, reconciliation, exports): each answers the paths it knows
// with a Response, or passes (undefined) to the next route and finally to GraphQL. Their answers
// are public and read-only, so they carry `Access-Control-Allow-Origin: *` without credentials, as
// the linked-data and reconciliation specifications expect; preflights are answered here too.
import type { Plugin } from 'graphql-yoga';

export interface Route {
  /** What the route serves, for the log. */
  name: string;
  /** Whether this route owns the path (then it must answer). */
  owns(url: URL): boolean;
  handle(request: Request, url: URL): Promise<Response>;
}

const OPEN_CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'accept, content-type',
  'access-control-expose-headers':
    'link, vary, x-request-id, content-disposition, x-export-nodes, x-export-edges',
};

export function routesPlugin(routes: readonly Route[]): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const route = routes.find((r) => r.owns(url));
      if (!route) return;
      if (request.method === 'OPTIONS') {
        endResponse(
          new Response(null, { status: 204, headers: { ...OPEN_CORS, 'access-control-max-age': '600' } }),
        );
        return;
      }
      const response = await route.handle(request, url);
      for (const [k, v] of Object.entries(OPEN_CORS)) response.headers.set(k, v);
      endResponse(response);
    },
  };
}

/** A small JSON answer with a code, the shape every route uses for its errors. */
export function jsonError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
