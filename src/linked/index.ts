// Linked data: every entity, claim, evidence passage and document text at its URI, with content
// negotiation. (Being built: see issue 10.)
import type { Db } from '../db/driver.ts';
import { jsonError, type Route } from '../http/routes.ts';
import type { Uris } from '../uris.ts';

export function linkedDataRoute(_deps: { db: Db; uris: Uris }): Route {
  return {
    name: 'linked data',
    owns: (url) => url.pathname.startsWith('/id/') || url.pathname.startsWith('/ns/'),
    handle: async () => jsonError(501, 'NOT_IMPLEMENTED', 'Linked data is not built yet.'),
  };
}
