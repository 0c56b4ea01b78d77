// The W3C Reconciliation Service API (v0.2) at /reconcile. (Being built: see issue 10.)
import type { Db } from '../db/driver.ts';
import { jsonError, type Route } from '../http/routes.ts';
import type { Uris } from '../uris.ts';

export function reconcileRoute(_deps: { db: Db; uris: Uris }): Route {
  return {
    name: 'reconcile',
    owns: (url) => url.pathname === '/reconcile' || url.pathname.startsWith('/reconcile/'),
    handle: async () => jsonError(501, 'NOT_IMPLEMENTED', 'The reconciliation service is not built yet.'),
  };
}
