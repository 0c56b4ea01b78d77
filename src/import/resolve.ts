// Entity resolution you can audit: each entity a bundle declares is matched to one the graph holds
// by its id (or the redirect a merge left), else by a verified external identifier, else by an exact
// folded name or alias of the same type (fold(): case, diacritics and punctuation). A match rewrites
// the bundle's id to the graph's everywhere in the bundle (resolved()). Anything looser is never
// merged: several exact matches, or a near match (candidates.ts), are listed for an editor.
// Runs inside the import's transaction, after the identifiers it names are locked.

import {
  entitiesByNameKeysStatement,
  entitiesForIds,
  entitiesOfTypeStatement,
  entityCounts,
  type FoundEntity,
  foundEntities,
  lockIdentifiers,
} from '../data/import.ts';
import type { TxRunner } from '../db/driver.ts';
import { IMPORT_NAME_LOOKUP_BATCH, IMPORT_SCAN_RATIO } from '../limits.ts';
import { type EntityType, identifierKey } from '../model.ts';
import { fold } from '../search/fold.ts';
import type { EntityInput } from '../seed/format.ts';
import { ExtractionError, relationshipId, type ValidatedDocument } from '../seed/validate.ts';

export const MATCH_HOWS = ['id', 'redirect', 'identifier', 'name', 'alias'] as const;
export type MatchHow = (typeof MATCH_HOWS)[number];

/** An entity of the bundle matched to one of the graph. */
export interface Match {
  /** The id in the bundle. */
  id: string;
  /** The id in the graph, which the bundle's id was rewritten to. */
  existingId: string;
  type: EntityType;
  /** The name in the graph. */
  name: string;
  how: MatchHow;
  /** The identifier key or folded name that matched. */
  key: string | null;
}

export interface Resolution {
  matches: Map<string, Match>;
  warnings: string[];
  /** Entities whose exact name several entities of the graph share: created, and listed for an editor. */
  ambiguous: Map<string, FoundEntity[]>;
}

/** The folded names of an entity (name first), without empty ones. */
export const nameKeys = (names: readonly (string | null | undefined)[]) => [
  ...new Set(names.flatMap((n) => (typeof n === 'string' ? [fold(n)] : [])).filter(Boolean)),
];

/** Resolves every entity the bundle declares against the graph (the document by its id only). */
export async function resolve(tx: TxRunner, v: ValidatedDocument): Promise<Resolution> {
  const entities = v.extraction.entities;
  const where = (i: number) => `entities[${i}] ${entities[i]?.id}`;
  const matches = new Map<string, Match>();
  const problems: string[] = [];
  const warnings: string[] = [];
  const ambiguous = new Map<string, FoundEntity[]>();

  const holders = await lockIdentifiers(
    tx,
    entities.flatMap((e) =>
      e.externalIds.map((x) => ({ key: identifierKey(x.authority, x.value), authority: x.authority })),
    ),
  );
  const byId = await entitiesForIds(
    tx,
    entities.map((e) => e.id),
  );
  const pending: number[] = [];
  entities.forEach((e, i) => {
    const found = byId.get(e.id);
    const keys = e.externalIds.map((x) => identifierKey(x.authority, x.value));
    const held = new Map<string, FoundEntity>();
    for (const k of keys) for (const h of holders.get(k) ?? []) held.set(`${k} ${h.id}`, h);
    if (found) {
      const target = found.entity;
      matches.set(e.id, match(e, target, found.redirected ? 'redirect' : 'id', null));
      for (const [kh, h] of held)
        if (h.id !== target.id)
          problems.push(
            `${where(i)}: ${kh.split(' ')[0]} is already the identifier of ${h.id}; merge the two (mergeEntities) or correct the identifier`,
          );
      return;
    }
    const owners = [...new Map([...held.values()].map((h) => [h.id, h])).values()];
    if (owners.length > 1) {
      problems.push(
        `${where(i)}: its identifiers name different entities: ${owners.map((o) => o.id).join(', ')}`,
      );
    } else if (owners[0]) {
      const owner = owners[0];
      if (owner.type !== e.type)
        problems.push(
          `${where(i)}: its identifier names ${owner.id}, which is a ${owner.type}, not a ${e.type}`,
        );
      else {
        const key = [...held.keys()].find((kh) => kh.endsWith(` ${owner.id}`))?.split(' ')[0] ?? null;
        matches.set(e.id, match(e, owner, 'identifier', key));
      }
    } else pending.push(i);
  });

  // one entity of the graph for one entity of the bundle: a match by id or identifier taking an id
  // the bundle also declares (or that another entry took) would fold two entries into one
  const taken = new Map<string, string>();
  for (const m of matches.values()) {
    const other = taken.get(m.existingId);
    if (other)
      problems.push(
        `${m.id}: matched (${m.how}) to ${m.existingId}, which ${other} of this bundle also resolves to`,
      );
    taken.set(m.existingId, m.id);
  }
  for (const i of pending) {
    const e = entities[i] as EntityInput;
    if (taken.has(e.id))
      problems.push(`${where(i)}: ${taken.get(e.id)} of this bundle resolves to this id; declare it once`);
    taken.set(e.id, e.id);
  }
  if (problems.length) throw new ExtractionError(v.file, problems);

  const exact = await exactNames(
    tx,
    pending.map((i) => entities[i] as EntityInput),
  );
  for (const i of pending) {
    const e = entities[i] as EntityInput;
    const keys = nameKeys([e.name, ...e.aliases]);
    const hits = (exact.get(e.type) ?? []).filter((x) => x.keys.some((k) => keys.includes(k)));
    const free = hits.filter((h) => !taken.has(h.entity.id));
    if (hits.length > free.length)
      warnings.push(
        `${where(i)}: its name matches ${hits
          .filter((h) => taken.has(h.entity.id))
          .map((h) => h.entity.id)
          .join(', ')}, which this bundle declares or resolves to another entry; not matched`,
      );
    if (free.length === 1 && free[0]) {
      const hit = free[0].entity;
      const own = fold(e.name);
      const how: MatchHow = own === fold(hit.name) ? 'name' : 'alias';
      const key = how === 'name' ? own : (keys.find((k) => free[0]?.keys.includes(k)) ?? null);
      matches.set(e.id, match(e, hit, how, key));
      taken.set(hit.id, e.id);
    } else if (free.length > 1) {
      ambiguous.set(
        e.id,
        free.map((f) => f.entity),
      );
      warnings.push(
        `${where(i)}: its name or an alias is exactly that of ${free.length} entities (${free.map((f) => f.entity.id).join(', ')}); created as a new entity: merge it into the right one (mergeEntities)`,
      );
    }
  }
  return { matches, warnings, ambiguous };
}

function match(e: EntityInput, target: FoundEntity, how: MatchHow, key: string | null): Match {
  return { id: e.id, existingId: target.id, type: e.type, name: target.name, how, key };
}

/**
 * The graph's entities whose folded name or alias equals one of these entities', by type. A type the
 * graph holds none of is not asked; one whose entities number fewer than IMPORT_SCAN_RATIO times the
 * names to look up is read whole; otherwise the keyword index is asked, IMPORT_NAME_LOOKUP_BATCH
 * names a query.
 */
async function exactNames(
  tx: TxRunner,
  entities: readonly EntityInput[],
): Promise<Map<EntityType, { entity: FoundEntity; keys: string[] }[]>> {
  const out = new Map<EntityType, { entity: FoundEntity; keys: string[] }[]>();
  if (!entities.length) return out;
  const counts = await entityCounts(tx);
  const byType = new Map<EntityType, Set<string>>();
  for (const e of entities) {
    const set = byType.get(e.type) ?? new Set<string>();
    byType.set(e.type, set);
    for (const k of nameKeys([e.name, ...e.aliases])) set.add(k);
  }
  for (const [type, set] of byType) {
    const keys = [...set];
    const existing = counts[type] ?? 0;
    if (!existing || !keys.length) continue;
    const unique = new Map<string, FoundEntity>();
    const add = (rows: FoundEntity[]) => {
      for (const f of rows) unique.set(f.id, f);
    };
    if (existing < keys.length * IMPORT_SCAN_RATIO)
      add(await foundEntities(tx, entitiesOfTypeStatement(type)));
    else
      for (let i = 0; i < keys.length; i += IMPORT_NAME_LOOKUP_BATCH)
        add(
          await foundEntities(
            tx,
            entitiesByNameKeysStatement(type, keys.slice(i, i + IMPORT_NAME_LOOKUP_BATCH)),
          ),
        );
    const list: { entity: FoundEntity; keys: string[] }[] = [];
    for (const f of unique.values()) {
      const own = nameKeys([f.name, ...f.aliases]).filter((k) => set.has(k));
      if (own.length) list.push({ entity: f, keys: own });
    }
    out.set(type, list);
  }
  return out;
}

/** The bundle with every matched id rewritten to the graph's (ends, meeting contexts, derived relationship ids). */
export function resolved(v: ValidatedDocument, matches: ReadonlyMap<string, Match>): ValidatedDocument {
  if (!matches.size) return v;
  const to = (id: string) => matches.get(id)?.existingId ?? id;
  const entities = v.extraction.entities.map((e) => ({ ...e, id: to(e.id) }));
  const relationships = v.extraction.relationships.map((r) => ({
    ...r,
    from: to(r.from),
    to: to(r.to),
    ...(r.context ? { context: to(r.context) } : {}),
    ...(r.statement ? { statement: to(r.statement) } : {}),
  }));
  const documentId = v.extraction.document.id;
  return {
    ...v,
    extraction: { ...v.extraction, entities, relationships },
    relationships: relationships.map((r) => ({ ...r, id: r.id ?? relationshipId(documentId, r) })),
    types: new Map([...v.types].map(([id, type]) => [to(id), type])),
  };
}
