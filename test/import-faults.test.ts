// Faults during an import, against the real Neo4j: a database error forced at every stage of the
// transaction (the Nth statement made to fail with a real error from the database, batches of two
// rows so that there are many) leaves the graph exactly as it was, and the same import then
// succeeds; a transient failure (a deadlock) is retried and imports once; two imports interleaved so
// that the second decides to create an actor the first has created but not committed make one node.
import neo4j from 'neo4j-driver';
import type { TxRunner } from '../src/db/driver.ts';
import { importValidated } from '../src/import/index.ts';
import { validateDocument } from '../src/seed/validate.ts';
import { type BundleDoc, bundleOf, graphSnapshot, restoreSeed } from '../test-support/bundles.ts';
import { seedEntries, synthetic } from './editing.ts';
import { describe, expect, it } from './fixtures.ts';

const DOC = 'document/synthetic-test-faults';
const MEETING = 'meeting/synthetic-test-faults';
const people = [1, 2, 3, 4, 5, 6].map((n) => `person/synthetic-test-faults-${n}`);
const faults: BundleDoc = {
  id: DOC,
  title: 'Synthetic test document for the fault tests',
  text: `SYNTHETIC TEST DOCUMENT for the fault tests, not a historical source.
${people.map((_, i) => `Faulty Synthetic ${i + 1} attended the synthetic meeting.`).join('\n')}
The Soviet Union is named.`,
  entities: [
    ...seedEntries(['institution/ussr']),
    synthetic(MEETING, 'Meeting', 'Synthetic fault meeting', {
      date: { value: '2000-01-01', precision: 'day' },
    }),
    ...people.map((id, i) =>
      synthetic(id, 'Person', `Faulty Synthetic ${i + 1}`, { aliases: [`FS ${i + 1}`] }),
    ),
  ],
  relationships: [
    ...people.map((id, i) => ({
      type: 'ATTENDED',
      from: id,
      to: MEETING,
      quote: `Faulty Synthetic ${i + 1} attended the synthetic meeting.`,
    })),
    ...people.map((id, i) => ({ type: 'MENTIONS', from: DOC, to: id, quote: `Faulty Synthetic ${i + 1}` })),
    { type: 'MENTIONS', from: DOC, to: 'institution/ussr', quote: 'The Soviet Union' },
  ],
};

const validated = (doc: BundleDoc = faults) => {
  const b = bundleOf(doc);
  return validateDocument('faults.json', b.extraction, b.text);
};

/** A runner whose `n`th statement is replaced by one the database refuses (division by zero). */
function failingAt(n: number, seen: { count: number }) {
  return (tx: TxRunner): TxRunner => {
    const next = async <T>(call: () => Promise<T>): Promise<T> => {
      seen.count += 1;
      if (seen.count === n) await tx.query('/* testForcedFailure */ RETURN 1 / 0 AS boom');
      return call();
    };
    return {
      run: (cypher, params) => next(() => tx.run(cypher, params)),
      query: <T>(cypher: string, params?: Record<string, unknown>) => next(() => tx.query<T>(cypher, params)),
    };
  };
}

const options = {
  batch: 2,
  candidates: false,
  principal: { keyId: 'test-faults' },
  message: 'Synthetic fault test',
};

describe('faults during an import', () => {
  it.afterAll(async ({ api }) => {
    await restoreSeed(api.db);
  });

  it('a database failure at any statement leaves the graph as it was; the import then succeeds', async ({
    api,
  }) => {
    const before = await graphSnapshot(api.db);
    // the statements of the whole import: a dry run's, and the Change's record after them
    const counted = { count: 0 };
    await importValidated(api.db, validated(), { ...options, dryRun: true, wrap: failingAt(0, counted) });
    const total = counted.count + 1;
    expect(total).toBeGreaterThan(12);
    for (const n of [1, 2, 3, 5, Math.floor(total / 2), total - 2, total - 1, total]) {
      const seen = { count: 0 };
      await expect(
        importValidated(api.db, validated(), { ...options, wrap: failingAt(n, seen) }),
      ).rejects.toThrow(/by zero/);
      // the failure came at statement n; with two statements in flight, the next one was sent too
      expect(seen.count, `failed at statement ${n}`).toBeGreaterThanOrEqual(n);
      expect(seen.count, `failed at statement ${n}`).toBeLessThanOrEqual(n + 1);
      expect(await graphSnapshot(api.db), `after a failure at statement ${n} of ${total}`).toEqual(before);
    }
    const report = await importValidated(api.db, validated(), options);
    expect(report.created).toHaveLength(7);
    expect(report.relationships.added).toBe(13);
    expect(report.change?.keyId).toBe('test-faults');
  });

  it('retries a transient failure (a deadlock) and imports once', async ({ api }) => {
    const doc: BundleDoc = { ...faults, id: 'document/synthetic-test-faults-retry' };
    doc.relationships = faults.relationships.map((r) => (r.from === DOC ? { ...r, from: doc.id } : r));
    let attempts = 0;
    const report = await importValidated(api.db, validated(doc), {
      ...options,
      wrap: (tx) => {
        attempts += 1;
        let n = 0;
        const next = async <T>(call: () => Promise<T>) => {
          n += 1;
          if (attempts === 1 && n === 4)
            throw new neo4j.Neo4jError(
              'synthetic deadlock',
              'Neo.TransientError.Transaction.DeadlockDetected',
              '50N42',
              '',
            );
          return call();
        };
        return {
          run: (cypher, params) => next(() => tx.run(cypher, params)),
          query: <T>(cypher: string, params?: Record<string, unknown>) =>
            next(() => tx.query<T>(cypher, params)),
        };
      },
    });
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(report.newDocument).toBe(true);
    const [row] = await api.db.read<{ changes: number; mentions: number }>(
      `/* testRetried */
       CALL { MATCH (c:Change) WHERE c.summary CONTAINS $doc RETURN count(c) AS changes }
       CALL { MATCH (:Entity {id: $doc})-[r:MENTIONS]->() RETURN count(r) AS mentions }
       RETURN changes, mentions`,
      { doc: doc.id },
    );
    expect(row).toEqual({ changes: 1, mentions: 7 });
  });

  it('two interleaved imports creating the same actor make one node', async ({ api }) => {
    const RACER = 'person/synthetic-test-interleaved';
    const racer = (n: number): BundleDoc => {
      const id = `document/synthetic-test-interleaved-${n}`;
      return {
        id,
        title: `Synthetic interleaving document ${n}`,
        text: `SYNTHETIC TEST DOCUMENT ${n} for the interleaving test, not a historical source.\nInterleaved Synthetic appears.`,
        entities: [synthetic(RACER, 'Person', 'Interleaved Synthetic', { aliases: [`Interleaved ${n}`] })],
        relationships: [{ type: 'MENTIONS', from: id, to: RACER, quote: 'Interleaved Synthetic' }],
      };
    };
    // the first import writes the actor, then waits (uncommitted) until the second has resolved it as new
    let wrote: () => void = () => undefined;
    const firstWrote = new Promise<void>((r) => {
      wrote = r;
    });
    let resolvedSecond: () => void = () => undefined;
    const secondResolved = new Promise<void>((r) => {
      resolvedSecond = r;
    });
    const first = importValidated(api.db, validated(racer(1)), {
      ...options,
      wrap: (tx) => ({
        run: (cypher, params) => tx.run(cypher, params),
        query: async <T>(cypher: string, params?: Record<string, unknown>) => {
          const rows = await tx.query<T>(cypher, params);
          if (cypher.includes('upsertEntities:Person')) {
            wrote();
            await secondResolved;
            await new Promise((r) => setTimeout(r, 300));
          }
          return rows;
        },
      }),
    });
    await firstWrote;
    const second = importValidated(api.db, validated(racer(2)), {
      ...options,
      wrap: (tx) => ({
        run: (cypher, params) => tx.run(cypher, params),
        query: async <T>(cypher: string, params?: Record<string, unknown>) => {
          if (cypher.includes('upsertEntities:Person')) resolvedSecond();
          return tx.query<T>(cypher, params);
        },
      }),
    });
    const [a, b] = await Promise.all([first, second]);
    expect(a.created.map((c) => c.id)).toEqual([RACER]);
    // the second saw no such actor when it resolved, and found it when it wrote
    expect(b.created).toEqual([]);
    expect(b.matched).toEqual([expect.objectContaining({ id: RACER, existingId: RACER, how: 'id' })]);
    const rows = await api.db.read<{ sources: string[]; aliases: string[] }>(
      '/* testInterleaved */ MATCH (n:Entity {id: $id}) RETURN n.sources AS sources, n.aliases AS aliases',
      { id: RACER },
    );
    expect(rows).toEqual([
      {
        sources: ['document/synthetic-test-interleaved-1', 'document/synthetic-test-interleaved-2'],
        aliases: ['Interleaved 1', 'Interleaved 2'],
      },
    ]);
  });
});
