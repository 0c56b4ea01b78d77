// Safe defaults for a public API, each switchable (README, "Configuration"): CORS from an allowlist
// (none by default), CSRF prevention for requests a browser sends without a preflight (GET and
// form posts need the `x-graphql-yoga-csrf` header), introspection, GraphiQL and "did you mean"
// suggestions on outside production only, and security headers on every response (a CSP on pages:
// GraphiQL and the explorer page load nothing from another origin).
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

export interface SecurityOptions {
  /** `*`, or origins allowed to call the API from a browser; empty: no CORS headers at all. */
  corsOrigins: readonly string[];
  graphiql: boolean;
  introspection: boolean;
  fieldSuggestions: boolean;
  /** Require a non-simple header on GET and form requests. */
  csrfPrevention: boolean;
}

/** yoga's `cors` option: never credentials; only GET and POST. */
export function corsOption(origins: readonly string[]): YogaServerOptions<object, object>['cors'] {
  if (!origins.length) return false;
  return {
    origin: origins.includes('*') ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'accept', 'x-graphql-yoga-csrf', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  };
}

const csp = (...directives: string[]) =>
  [
    "default-src 'self'",
    ...directives,
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');

/** Every page: only this origin; no scripts of their own (linked-data pages, the reconciliation preview). */
const PAGE_CSP = csp("script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:");

/**
 * The explorer at / (src/http/explorer.ts): its built scripts and styles from this origin only;
 * ForceAtlas2 runs in a worker made from a blob, and a PNG export is a blob image.
 */
const EXPLORER_CSP = csp(
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
);

/**
 * GraphiQL (GET /graphql from a browser), served from the installed @graphql-yoga/render-graphiql:
 * one self-contained page whose script and styles are inline and whose editor workers are blobs.
 * Nothing is loaded from another origin.
 */
const GRAPHIQL_CSP = csp(
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
);

function pageCsp(pathname: string): string {
  if (pathname === '/' || pathname === '/index.html') return EXPLORER_CSP;
  if (pathname === '/graphql') return GRAPHIQL_CSP;
  return PAGE_CSP;
}

/** Pages made to be shown inside another site's frame: OpenRefine shows a reconciliation preview so. */
const FRAMEABLE = /^\/reconcile\/preview$/;

const securityHeaders: Plugin = {
  onResponse({ request, response }) {
    const { pathname } = new URL(request.url);
    const frameable = FRAMEABLE.test(pathname);
    response.headers.set('x-content-type-options', 'nosniff');
    response.headers.set('referrer-policy', 'no-referrer');
    if (!frameable) response.headers.set('x-frame-options', 'DENY');
    response.headers.set('cross-origin-opener-policy', 'same-origin');
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      const policy = pageCsp(pathname);
      response.headers.set(
        'content-security-policy',
        frameable ? policy.replace("frame-ancestors 'none'", 'frame-ancestors *') : policy,
      );
    }
  },
};

// biome-ignore lint/suspicious/noExplicitAny: plugins of yoga, envelop and armor type their contexts apart
export function securityPlugins(o: SecurityOptions): Plugin<any>[] {
  return [
    securityHeaders,
    ...(o.csrfPrevention ? [useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] })] : []),
    ...(o.introspection ? [] : [useDisableIntrospection()]),
    ...(o.fieldSuggestions ? [] : [blockFieldSuggestionsPlugin()]),
  ];
}
