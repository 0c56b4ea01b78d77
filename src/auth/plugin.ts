// Authentication of every request: `Authorization: Bearer <key>` is checked before anything else runs
// (GraphQL and the routes beside it). A wrong or malformed key ends the request with 401
// UNAUTHENTICATED; no key is fine for reads unless READS_REQUIRE_KEY (then 401 too, except for
// /health, /ready and the GraphiQL page). What a key may do is decided per field (the `role` scope,
// src/builder.ts). The key itself is never logged, echoed or kept: only the principal's id and role.
import type { Plugin } from 'graphql-yoga';
import type { Principal } from './roles.ts';
import type { KeyStore } from './store.ts';

export interface AuthOptions {
  keys: KeyStore;
  /** Refuse requests without a key (reads too). */
  readsRequireKey: boolean;
}

const principals = new WeakMap<Request, Principal>();

/** The principal a request authenticated as, or null (no key given). */
export function principalOf(request: Request): Principal | null {
  return principals.get(request) ?? null;
}

const OPEN_PATHS = new Set(['/health', '/ready']);

/** The GraphiQL page itself (a browser cannot send a header to load it); its queries still need the key. */
function isGraphiqlPage(request: Request, url: URL): boolean {
  return (
    request.method === 'GET' &&
    url.pathname === '/graphql' &&
    !url.searchParams.has('query') &&
    (request.headers.get('accept') ?? '').includes('text/html')
  );
}

function refusal(message: string, error?: 'invalid_token'): Response {
  const challenge = `Bearer realm="coldwar-graph"${error ? `, error="${error}"` : ''}`;
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }), {
    status: 401,
    headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': challenge },
  });
}

export function authPlugin(options: AuthOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const header = request.headers.get('authorization');
      if (header === null) {
        if (options.readsRequireKey && !OPEN_PATHS.has(url.pathname) && !isGraphiqlPage(request, url))
          endResponse(refusal('This server requires an API key: send `Authorization: Bearer <key>`.'));
        return;
      }
      const m = /^Bearer ([^\s]+)$/i.exec(header.trim());
      const principal = m?.[1] ? await options.keys.authenticate(m[1]) : null;
      if (!principal) {
        // the same answer for a malformed, unknown and wrong key; the key is not repeated
        endResponse(
          refusal('The API key is not valid. Send `Authorization: Bearer <key>`.', 'invalid_token'),
        );
        return;
      }
      principals.set(request, principal);
    },
  };
}
