// Deprecated: kept only while test/runtime.test.ts still imports `setupApp`. Use the `api` fixture
// of ./fixtures.ts (or `openApi()` for a hook) instead; delete this file when nothing imports it.
export { type GqlResult, openApi as setupApp } from './fixtures.ts';
