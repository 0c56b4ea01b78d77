// `npm run import` as a user runs it (a Node process of its own, against the tests' Neo4j): --check
// reports and writes nothing; a bad file exits 1 printing the file, the entry and the problem, and
// nothing of any file is written; good files are imported, one transaction each, with their Change;
// the text is found in texts/ beside the extraction. The file ends by putting the database back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { ImportReport } from '../src/import/index.ts';
import { type BundleDoc, graphSnapshot, restoreSeed, writeBundleFiles } from '../test-support/bundles.ts';
import { runNode } from '../test-support/run-node.ts';
import { seedEntries, synthetic } from './editing.ts';
import { describe, expect, it } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'coldwar-graph-import-cli-'));

const doc = (n: number): BundleDoc => {
  const id = `document/synthetic-test-cli-${n}`;
  return {
    id,
    title: `Synthetic CLI test document ${n}`,
    text: `SYNTHETIC TEST DOCUMENT ${n} for the import CLI tests, not a historical source.
Cli Synthetic ${n} is named beside Deng Xiaoping.`,
    entities: [
      synthetic(`person/synthetic-test-cli-${n}`, 'Person', `Cli Synthetic ${n}`),
      ...seedEntries(['person/deng-xiaoping']),
    ],
    relationships: [
      { type: 'MENTIONS', from: id, to: `person/synthetic-test-cli-${n}`, quote: `Cli Synthetic ${n}` },
      { type: 'MENTIONS', from: id, to: 'person/deng-xiaoping', quote: 'Deng Xiaoping' },
    ],
  };
};

function cli(...args: string[]) {
  const target = inject('neo4j');
  return runNode(['--import', 'tsx', 'scripts/import.ts', ...args], {
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  });
}

describe('npm run import', () => {
  it.afterAll(async ({ api }) => {
    rmSync(dir, { recursive: true, force: true });
    await restoreSeed(api.db);
  });

  it('--check validates, resolves and reports, and writes nothing', async ({ api }) => {
    const before = await graphSnapshot(api.db);
    const r = await cli('--check', '--json', writeBundleFiles(dir, doc(1)));
    expect(r.code, r.err).toBe(0);
    const [report] = JSON.parse(r.out) as ImportReport[];
    expect(report?.dryRun).toBe(true);
    expect(report?.created.map((c) => c.id)).toEqual(['person/synthetic-test-cli-1']);
    expect(report?.matched.map((m) => [m.id, m.how])).toEqual([['person/deng-xiaoping', 'id']]);
    expect(r.err).toContain('nothing written (--check)');
    expect(r.err).toMatch(
      /import: 1 of 1 file\(s\) checked, nothing written: 5 rows, 2 relationships in [\d.]+ s/,
    );
    expect(await graphSnapshot(api.db)).toEqual(before);
  });

  it('a bad file: exit 1, each problem printed with file and entry, nothing of any file written', async ({
    api,
  }) => {
    const before = await graphSnapshot(api.db);
    const good = writeBundleFiles(dir, doc(2));
    const bad = writeBundleFiles(join(dir, 'bad'), doc(3), (x) => {
      x.relationships[0].evidence[0].end += 2;
      x.relationships[1].to = 'person/synthetic-test-nobody';
    });
    const r = await cli(good, bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('import: synthetic-test-cli-3.json: rejected, 2 problem(s):');
    expect(r.err).toMatch(
      / {2}- relationships\[0\] MENTIONS document\/synthetic-test-cli-3 -> person\/synthetic-test-cli-3 evidence\[0\]: quote "Cli Synthetic 3" is not in the text at \d+-\d+ \(it occurs at \d+-\d+\)/,
    );
    expect(r.err).toContain(
      '  - relationships[1] MENTIONS document/synthetic-test-cli-3 -> person/synthetic-test-nobody: dangling id',
    );
    expect(r.err).toContain('import: 1 of 2 file(s) rejected; nothing written');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await graphSnapshot(api.db)).toEqual(before);
  });

  it('imports each file in its own transaction, finding the text in texts/, and records a Change each', async ({
    api,
  }) => {
    const files = [writeBundleFiles(dir, doc(4)), writeBundleFiles(dir, doc(5))];
    const r = await cli('--json', '--message', 'Synthetic CLI test', ...files);
    expect(r.code, r.err).toBe(0);
    const reports = JSON.parse(r.out) as ImportReport[];
    expect(reports.map((x) => [x.documentId, x.newDocument, x.relationships.added])).toEqual([
      ['document/synthetic-test-cli-4', true, 2],
      ['document/synthetic-test-cli-5', true, 2],
    ]);
    expect(r.err).toMatch(
      /import: 2 of 2 file\(s\) imported: 10 rows, 4 relationships in [\d.]+ s \([\d,]+ rows\/s, [\d,]+ relationships\/s\), peak RSS [\d.]+ MB/,
    );
    const changes = await api.db.read<{ keyId: string; message: string; action: string }>(
      "/* testCliChanges */ MATCH (c:Change) WHERE c.message = 'Synthetic CLI test' RETURN c.keyId AS keyId, c.message AS message, c.action AS action",
    );
    expect(changes).toHaveLength(2);
    expect(changes[0]?.keyId).toMatch(/^cli:/);
    expect(changes[0]?.action).toBe('import');
    // again: nothing changes
    const again = await cli('--json', ...files);
    expect((JSON.parse(again.out) as ImportReport[]).map((x) => x.relationships.unchanged)).toEqual([2, 2]);
  });
});
