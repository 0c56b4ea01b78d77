// Before the browser tests: the explorer page built from the current sources (only when they are
// newer than the last build, as npm start does).
import { buildExplorer } from '../../scripts/build-explorer.ts';

export default async function setup() {
  const result = await buildExplorer({
    ifStale: true,
    log: (line) => process.stdout.write(`[browser tests] ${line}\n`),
  });
  if (result === 'no sources') throw new Error('explorer/ is missing: nothing to test in a browser');
}
