// Safe defaults for a public API, each switchable (README, "Configuration"): CORS from an allowlist
// (none by default), CSRF prevention for requests a browser sends without a preflight (GET and
// form posts need the `x-graphql-yoga-csrf` header), introspection, GraphiQL and "did you mean"
// suggestions on outside production only, and security headers on every response (a CSP on pages).
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

/** GraphiQL loads its scripts and styles from unpkg (until it is served from the installed packages). */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data: https://raw.githubusercontent.com",
  "font-src 'self' data: https://unpkg.com",
  "worker-src 'self' blob: https://unpkg.com",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Pages made to be shown inside another site's frame: OpenRefine shows a reconciliation preview so. */
const FRAMEABLE = /^\/reconcile\/preview$/;

const securityHeaders: Plugin = {
  onResponse({ request, response }) {
    const frameable = FRAMEABLE.test(new URL(request.url).pathname);
    response.headers.set('x-content-type-options', 'nosniff');
    response.headers.set('referrer-policy', 'no-referrer');
    if (!frameable) response.headers.set('x-frame-options', 'DENY');
    response.headers.set('cross-origin-opener-policy', 'same-origin');
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      const csp = frameable ? PAGE_CSP.replace("frame-ancestors 'none'", 'frame-ancestors *') : PAGE_CSP;
      response.headers.set('content-security-policy', csp);
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
