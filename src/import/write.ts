// The work of an import's one write transaction: lock the document, resolve its entities
// (resolve.ts) and rewrite the bundle's ids to the graph's, write entities type by type and then
// relationships type by type in UNWIND batches, claim the external identifiers, take out what a
// re-imported document no longer states (relationships, and the document as a source of the
// entities it dropped, with the aliases and fields it gave: provenance.ts), and record the Change
// when a principal imports. Returns the report and the entities created (for the near-match search).
import { type ChangeRow, recordChange } from '../data/changes.ts';
import { claimIdentifiers } from '../data/identifiers.ts';
import { lockImportDocument } from '../data/import.ts';
import {
  type ExistingEntity,
  pruneRelationships,
  releasedEntities,
  removeUnsupported,
  updateEntities,
  upsertEntities,
  writeRelationships,
} from '../data/import-write.ts';
import type { TxRunner } from '../db/driver.ts';
import { ENTITY_TYPES, type EntityType, identifierKey, RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { ExtractionError, type ValidatedDocument } from '../seed/validate.ts';
import { batches, pipelined } from './batches.ts';
import type { NewEntity } from './candidates.ts';
import { passagesDiff } from './passages.ts';
import { type Incoming, nextState } from './provenance.ts';
import { releaseSource } from './release.ts';
import { type CreatedEntity, type ImportReport, noPhases, type Phases } from './report.ts';
import { type Resolution, resolve, resolved } from './resolve.ts';
import { identifierClaims, incomingEntities, relationshipRows } from './rows.ts';

export interface WriteOptions {
  principal?: { keyId: string } | null | undefined;
  message?: string | undefined;
  dryRun?: boolean | undefined;
  batch: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** The rows of a bundle: the document, its entities and its relationships. */
export const bundleRows = (v: ValidatedDocument) => 1 + v.extraction.entities.length + v.relationships.length;

export async function write(
  tx: TxRunner,
  source: ValidatedDocument,
  options: WriteOptions,
  changeId: string,
): Promise<{ report: ImportReport; created: NewEntity[] }> {
  const size = options.batch;
  const total = bundleRows(source);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const phases = noPhases();
  let mark = performance.now();
  /** Adds the time since the last lap to `phase`. */
  const lap = (phase: keyof Phases) => {
    const now = performance.now();
    phases[phase] += (now - mark) / 1000;
    mark = now;
  };
  const docId = source.extraction.document.id;
  const doc = await lockImportDocument(tx, docId);
  const resolution: Resolution = await resolve(tx, source);
  const v = resolved(source, resolution.matches);
  const warnings = [...resolution.warnings];
  const [document, ...entities] = incomingEntities(v) as [Incoming, ...Incoming[]];
  const claims = identifierClaims(v);
  const claimed = new Map<string, string[]>();
  for (const c of claims) {
    const keys = claimed.get(c.entity) ?? [];
    claimed.set(c.entity, keys);
    keys.push(identifierKey(c.authority, c.value));
  }

  lap('resolve');

  const updated = new Set<string>();
  const docNext = nextState(doc.fresh ? null : doc.props, document, docId);
  warnings.push(...docNext.warnings);
  if (doc.fresh || Object.keys(docNext.props).length) {
    await updateEntities(tx, [
      { id: docId, props: docNext.props, bump: !doc.fresh && docNext.changed ? 1 : 0 },
    ]);
    if (!doc.fresh && docNext.changed) updated.add(docId);
  }
  progress(1);

  // entities, type by type, each batch in id order (concurrent imports lock in the same order)
  const byType = new Map<EntityType, Incoming[]>();
  for (const e of entities) {
    const list = byType.get(e.type) ?? [];
    byType.set(e.type, list);
    list.push(e);
  }
  const existing = new Set<string>();
  const matchedBy = new Map([...resolution.matches.values()].map((m) => [m.existingId, m.how]));
  const entityBatches = ENTITY_TYPES.flatMap((type) =>
    batches(
      [...(byType.get(type) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)),
      size,
    ).map((batch) => ({ type, batch })),
  );
  await pipelined(
    entityBatches,
    ({ type, batch }) =>
      upsertEntities(
        tx,
        type,
        batch.map((e) => ({ id: e.id, props: nextState(null, e, docId).props })),
      ),
    async (found: ExistingEntity[], { batch }) => {
      const incoming = new Map(batch.map((e) => [e.id, e]));
      const changes = found.flatMap((x) => {
        existing.add(x.id);
        const how = matchedBy.get(x.id);
        const mode = how && how !== 'id' && how !== 'redirect' ? 'fill' : 'replace';
        const next = nextState(x.props, incoming.get(x.id) ?? null, docId, mode);
        warnings.push(...next.warnings);
        const newIds = (claimed.get(x.id) ?? []).some((k) => !x.identifiers.includes(k));
        if (next.changed || newIds) updated.add(x.id);
        const bump = next.changed || newIds ? 1 : 0;
        return Object.keys(next.props).length || bump ? [{ id: x.id, props: next.props, bump }] : [];
      });
      await updateEntities(tx, changes);
      progress(batch.length);
    },
  );

  lap('entities');
  const conflicts = await claimIdentifiers(tx, claims);
  if (conflicts.length)
    throw new ExtractionError(
      source.file,
      conflicts.map((c) => `${c.entity}: ${c.key} is already the identifier of ${c.claimedBy.join(', ')}`),
    );

  lap('identifiers');

  const rel = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const passages = { added: 0, removed: 0 };
  const relationshipsByType = relationshipRows(v);
  const relationshipBatches = RELATIONSHIP_TYPE_NAMES.flatMap((type) =>
    // in the order of their start, so concurrent imports tend to lock shared ends in one order
    batches(
      [...(relationshipsByType.get(type) ?? [])].sort((a, b) =>
        a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
      ),
      size,
    ).map((batch) => ({ type, batch })),
  );
  await pipelined(
    relationshipBatches,
    ({ type, batch }) => writeRelationships(tx, type, batch, doc.fresh),
    (w, { batch }) => {
      rel.added += w.added;
      rel.updated += w.changed.length;
      rel.unchanged += w.written - w.added - w.changed.length;
      passages.added += w.addedPassages;
      for (const c of w.changed) {
        const d = passagesDiff(c.before, c.after);
        passages.added += d.added;
        passages.removed += d.removed;
      }
      progress(batch.length);
    },
  );

  lap('relationships');

  const released: string[] = [];
  let removed: string[] = [];
  if (!doc.fresh) {
    const pruned = await pruneRelationships(
      tx,
      docId,
      v.relationships.map((r) => r.id),
    );
    rel.removed += pruned.removed;
    passages.removed += pruned.passages;
    const declared = [docId, ...entities.map((e) => e.id)];
    const gone = await releasedEntities(tx, docId, declared);
    for (const x of gone) released.push(x.id);
    for (const id of await releaseSource(tx, docId, gone, size)) updated.add(id);
    removed = await removeUnsupported(tx, released);
  }
  lap('prune');

  const createdRows: CreatedEntity[] = entities
    .filter((e) => !existing.has(e.id))
    .map((e) => ({ id: e.id, type: e.type, name: String(e.fields.name?.name ?? '') }));
  const matched = [...resolution.matches.values()];
  const known = new Set(matched.map((m) => m.existingId));
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const id of existing) {
    const e = byId.get(id);
    // found by the write although resolution did not see it: a concurrent import committed it
    if (e && !known.has(id))
      matched.push({
        id,
        existingId: id,
        type: e.type,
        name: String(e.fields.name?.name),
        how: 'id',
        key: null,
      });
  }
  const report: ImportReport = {
    file: source.file,
    documentId: docId,
    dryRun: options.dryRun ?? false,
    newDocument: doc.fresh,
    created: createdRows,
    matched,
    updated: [...updated],
    released,
    removed,
    relationships: rel,
    passages,
    candidates: [],
    warnings,
    change: null,
    rows: total,
    seconds: 0,
    candidateSeconds: 0,
    phases,
  };
  if (options.principal && !options.dryRun)
    report.change = await record(tx, changeId, options.principal.keyId, options.message ?? '', report);
  lap('change');
  const created: NewEntity[] = createdRows
    .map((c) => ({
      ...c,
      aliases: byId.get(c.id)?.aliases ?? [],
      exact: (resolution.ambiguous.get(c.id) ?? []).map((x) => ({ id: x.id, name: x.name })),
    }))
    .sort((a, b) => b.exact.length - a.exact.length);
  return { report, created };
}

/** The import's Change: linked to the document and every entity it created, matched, changed or released. */
function record(
  tx: TxRunner,
  id: string,
  keyId: string,
  message: string,
  r: ImportReport,
): Promise<ChangeRow> {
  return recordChange(tx, {
    id,
    keyId,
    action: 'import',
    message,
    entityIds: [
      r.documentId,
      ...r.created.map((c) => c.id),
      ...r.matched.map((m) => m.existingId),
      ...r.released,
      ...r.removed,
    ],
    summary: {
      document: r.documentId,
      file: r.file,
      newDocument: r.newDocument,
      created: r.created.length,
      matched: r.matched
        .slice(0, 100)
        .map((m) => ({ id: m.id, existingId: m.existingId, how: m.how, key: m.key })),
      matchedCount: r.matched.length,
      updated: r.updated.slice(0, 100),
      released: r.released,
      removed: r.removed,
      relationships: r.relationships,
      passages: r.passages,
    },
  });
}
