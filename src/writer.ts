// The per-request writer (`ctx.edit`): the one way from a mutation to the database. Each edit runs in
// one write transaction that also records its Change (who, when, why, what), so an edit and its
// audit record are written together or not at all. The rules of the graph live here (versions,
// what may be merged); the schema checks the form of arguments first, and all Cypher is in src/data.
// `writeWithChange` is the building block for every writer, the document importer included.
import { randomUUID } from 'node:crypto';
import { type Principal, type Role, requireRole } from './auth/roles.ts';
import { type ChangeAction, type ChangeRow, recordChange } from './data/changes.ts';
import {
  finishMerge,
  type IdentifierProps,
  identifierHolders,
  type LockResult,
  linksBetween,
  lockEntities,
  moveRelationships,
  replaceIdentifiers,
  updateEntity,
} from './data/edit.ts';
import { deleteDocumentRelationships, lockDocument, releaseEntities } from './data/retract.ts';
import type { EntityRow } from './data/types.ts';
import type { Db, TxRunner } from './db/driver.ts';
import { ConflictError, InvalidArgumentError, NotFoundError } from './errors.ts';
import type { BundleInput, ImportReport } from './import/index.ts';
import { changeSource, editedAliases, importBundle, mergedAliases, releaseFrom } from './import/index.ts';
import type { GraphReader } from './reader.ts';
import { fold, searchKeys } from './search/fold.ts';

/** What an edit did, for its Change: the ids it touched (the one it is about first) and a summary. */
export interface Done<T> {
  value: T;
  entityIds: readonly string[];
  summary: Record<string, unknown>;
}

/**
 * Runs `work` in one write transaction and records its Change in the same transaction: both are
 * written, or neither. The change id is made before the transaction, so a retried transaction
 * records the same one. For every writer: the mutations below and the document importer.
 */
export async function writeWithChange<T>(
  db: Db,
  principal: Principal,
  action: ChangeAction,
  message: string,
  work: (tx: TxRunner, changeId: string) => Promise<Done<T>>,
): Promise<{ value: T; change: ChangeRow }> {
  const changeId = randomUUID();
  return db.writeTransaction(async (tx) => {
    const done = await work(tx, changeId);
    const change = await recordChange(tx, {
      id: changeId,
      keyId: principal.keyId,
      action,
      message,
      entityIds: done.entityIds,
      summary: done.summary,
    });
    return { value: done.value, change };
  });
}

export interface UpdateEntityInput {
  id: string;
  version: number;
  name?: string | undefined;
  aliases?: readonly string[] | undefined;
  description?: string | undefined;
  externalIds?: readonly IdentifierProps[] | undefined;
  message: string;
}

export interface MergeInput {
  keep: string;
  remove: string;
  message: string;
}

export interface RetractResult {
  documentId: string;
  removedEntities: string[];
  keptEntities: string[];
  removedRelationships: number;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
const union = (...lists: readonly unknown[][]) => [
  ...new Set(lists.flat().filter((x) => typeof x === 'string')),
];

/**
 * The folded keys search matches after names change: the old keys and those of the new names, less
 * the keys only the dropped names gave (keys from other documents' spellings are kept).
 */
export function nextSearchKeys(old: readonly string[], before: readonly string[], after: readonly string[]) {
  const kept = new Set(searchKeys(after));
  const dropped = new Set(searchKeys(before.filter((n) => !after.includes(n))).filter((k) => !kept.has(k)));
  return [...new Set([...old, ...kept])].filter((k) => !dropped.has(k));
}

/** Properties of `remove` that `keep` lacks and that a merge carries over (dates, kind, note). */
const NOT_CARRIED = new Set([
  'id',
  'name',
  'sortName',
  'title',
  'aliases',
  'aliasText',
  'searchKeys',
  'searchKeyList',
  'sources',
  'version',
  'externalIds',
  'externalIdSources',
]);

export class GraphWriter {
  constructor(
    private readonly db: Db,
    private readonly principal: Principal | null,
    private readonly graph: GraphReader,
  ) {}

  private async write<T>(
    role: Role,
    action: ChangeAction,
    message: string,
    work: (tx: TxRunner, changeId: string) => Promise<Done<T>>,
  ) {
    const principal = requireRole(this.principal, role);
    const out = await writeWithChange(this.db, principal, action, message, work);
    // what this request read before the write is stale now
    this.graph.forget();
    return out;
  }

  /** Changes fields of an entity at the version the client read (CONFLICT if it moved on since). */
  async updateEntity(input: UpdateEntityInput): Promise<{ entity: EntityRow; change: ChangeRow }> {
    const { value, change } = await this.write('editor', 'update', input.message, async (tx, changeId) => {
      let [found] = await lockEntities(tx, [input.id]);
      // an id merged away edits the entity it leads to, as reading it answers with that one
      if (!found?.entity && found?.redirectsTo) [found] = await lockEntities(tx, [found.redirectsTo]);
      const locked = found?.entity;
      if (!locked) throw new NotFoundError(input.id);
      if (locked.version !== input.version)
        throw new ConflictError(locked.row.id, input.version, locked.version);
      const { row } = locked;
      const props: Record<string, unknown> = {};
      const fields: Record<string, { before: unknown; after: unknown }> = {};
      const name = input.name ?? row.name;
      const aliases = [...new Set(input.aliases ?? row.aliases)].filter((a) => a !== name);
      if (name !== row.name) {
        Object.assign(props, { name, sortName: fold(name) }, row.type === 'Document' ? { title: name } : {});
        props.nameSource = changeSource(changeId); // the editor's: imports keep it (src/import)
        fields.name = { before: row.name, after: name };
      }
      if (!sameList(aliases, row.aliases)) {
        props.aliases = aliases;
        Object.assign(props, editedAliases(locked.props, aliases, changeId)); // with their sources
        fields.aliases = { before: row.aliases, after: aliases };
      }
      if (props.name || props.aliases)
        props.searchKeyList = nextSearchKeys(
          strings(locked.props.searchKeyList),
          [row.name, ...row.aliases],
          [name, ...aliases],
        );
      if (input.description !== undefined && input.description !== row.description) {
        props.description = input.description;
        props.descriptionSource = changeSource(changeId);
        fields.description = { before: row.description, after: input.description };
      }
      const ids = input.externalIds;
      const before = locked.identifiers.map((i) => i.key).sort();
      const identifiersChange = ids !== undefined && !sameIdentifiers(locked.identifiers, ids);
      if (identifiersChange) {
        const held = await identifierHolders(
          tx,
          row.id,
          ids.map((i) => i.key),
        );
        if (held[0])
          throw new InvalidArgumentError(
            'externalIds',
            `${held[0].key} already identifies "${held[0].holder}"; merge the two entities instead`,
          );
        fields.externalIds = { before, after: ids.map((i) => i.key).sort() };
      }
      if (!Object.keys(fields).length)
        throw new InvalidArgumentError('id', 'nothing to change: every value given is the current one');
      if (identifiersChange) await replaceIdentifiers(tx, row.id, ids);
      const entity = await updateEntity(tx, row.id, props);
      return {
        value: entity,
        entityIds: [row.id],
        summary: { id: row.id, version: { before: locked.version, after: entity.version }, fields },
      };
    });
    return { entity: value, change };
  }

  /** Merges `remove` into `keep`: relationships, identifiers, names and history move; a redirect stays. */
  async mergeEntities(input: MergeInput): Promise<{ entity: EntityRow; change: ChangeRow; moved: number }> {
    const { value, change } = await this.write('editor', 'merge', input.message, async (tx, changeId) => {
      const [keep, remove] = (await lockEntities(tx, [input.keep, input.remove])).map((r, i) =>
        live(r, i === 0 ? 'keep' : 'remove'),
      ) as [NonNullable<LockResult['entity']>, NonNullable<LockResult['entity']>];
      if (await linksBetween(tx, keep.row.id, remove.row.id))
        throw new InvalidArgumentError(
          'remove',
          `relationships join "${keep.row.id}" and "${remove.row.id}": the sources treat them as two`,
        );
      const { moved, contexts } = await moveRelationships(tx, keep.row.id, remove.row.id);
      const k = keep.props;
      const x = remove.props;
      const props: Record<string, unknown> = {
        aliases: union(strings(k.aliases), [x.name], strings(x.aliases)).filter((a) => a !== k.name),
        searchKeyList: union(strings(k.searchKeyList), strings(x.searchKeyList)),
        sources: union(strings(k.sources), strings(x.sources)),
      };
      for (const [key, v] of Object.entries(x)) if (!NOT_CARRIED.has(key) && k[key] == null) props[key] = v;
      Object.assign(props, mergedAliases(k, x, changeId)); // each alias with its source (src/import)
      const entity = await finishMerge(tx, keep.row.id, remove.row.id, props, changeId);
      const count = Object.values(moved).reduce((a, b) => a + b, 0);
      const removed = Object.fromEntries(
        Object.entries(x).filter(
          ([key]) => !['aliasText', 'searchKeys', 'searchKeyList', 'sortName'].includes(key),
        ),
      );
      return {
        value: { entity, moved: count },
        entityIds: [keep.row.id, remove.row.id],
        summary: {
          keep: keep.row.id,
          removed,
          moved,
          contexts,
          identifiers: remove.identifiers.map((i) => i.key),
          version: { before: keep.version, after: entity.version },
        },
      };
    });
    return { entity: value.entity, moved: value.moved, change };
  }

  /** Imports a document bundle with its Change in one transaction (src/import); a dry run writes nothing. */
  async importDocument(bundle: BundleInput, message: string, dryRun: boolean): Promise<ImportReport> {
    const principal = requireRole(this.principal, 'editor');
    const report = await importBundle(this.db, bundle, { principal, message, dryRun });
    if (!dryRun) this.graph.forget();
    return report;
  }

  /** Withdraws a document: its text, its relationships and passages, and entities resting on it alone. */
  async retractDocument(id: string, message: string): Promise<RetractResult & { change: ChangeRow }> {
    const { value, change } = await this.write('admin', 'retract', message, async (tx) => {
      const doc = await lockDocument(tx, id);
      if (!doc) throw new NotFoundError(id);
      const deleted = await deleteDocumentRelationships(tx, id);
      const { gone, kept } = await releaseEntities(tx, id);
      await releaseFrom(tx, id, kept); // those that stay lose the aliases and fields it gave
      const removedRelationships = Object.values(deleted).reduce((a, b) => a + b, 0);
      return {
        value: {
          documentId: id,
          removedEntities: gone.map((g) => g.id),
          keptEntities: kept,
          removedRelationships,
        },
        entityIds: [id, ...gone.map((g) => g.id), ...kept],
        summary: { document: doc, relationships: deleted, removed: gone, kept },
      };
    });
    return { ...value, change };
  }
}

/** A locked entity, or the client's error: NOT_FOUND, or an id already merged into another. */
function live(r: LockResult, argument: string) {
  if (r.entity) return r.entity;
  if (r.redirectsTo)
    throw new InvalidArgumentError(argument, `"${r.key}" was merged into "${r.redirectsTo}"; use that id`);
  throw new NotFoundError(r.key);
}

function sameIdentifiers(a: readonly IdentifierProps[], b: readonly IdentifierProps[]): boolean {
  const text = (l: readonly IdentifierProps[]) =>
    JSON.stringify(
      [...l]
        .map((i) => [i.key, i.verifiedBy, i.method, i.verifiedOn, i.source])
        .sort((p, q) => String(p[0]).localeCompare(String(q[0]))),
    );
  return text(a) === text(b);
}
