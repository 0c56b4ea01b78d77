// Suggest services (auto-completion as a person types) for entities, types and properties, and the
// properties proposed for data extension. Entities are found through the same full-text query and
// matcher as reconciliation, ranked for prefixes: a name that begins with what was typed first, then
// one whose words begin with the words typed, then a name the matcher finds close.
import type { CandidateRow } from '../data/reconcile.ts';
import { RECONCILE_SUGGEST_PAGE, RECONCILE_SUGGEST_RETRIEVED } from '../limits.ts';
import type { EntityType } from '../model.ts';
import { ID_PATTERN } from '../model.ts';
import type { GraphReader } from '../reader.ts';
import { fold, searchKeys } from '../search/fold.ts';
import { matchQuery, nameScore } from '../search/match.ts';
import type { Uris } from '../uris.ts';
import { entityIdGiven, SERVICE_PROPERTIES, type ServiceProperty, serviceTypes } from './vocabulary.ts';

export interface EntitySuggestion {
  id: string;
  name: string;
  description?: string;
  notable: { id: EntityType; name: EntityType }[];
}

/** How well names answer a prefix: 3 a name begins with it, 2 each word typed begins a word, 1 close, 0 not. */
export function prefixRank(prefix: string, names: readonly string[]): number {
  const typed = fold(prefix);
  if (!typed) return 0;
  const keys = searchKeys(names);
  const joined = typed.replaceAll(' ', '');
  if (keys.some((k) => k.startsWith(typed) || k.replaceAll(' ', '').startsWith(joined))) return 3;
  const words = typed.split(' ');
  if (keys.some((k) => words.every((w) => k.split(' ').some((x) => x.startsWith(w))))) return 2;
  return nameScore(prefix, names).typed === 1 ? 1 : 0;
}

const suggestion = (r: CandidateRow): EntitySuggestion => ({
  id: r.id,
  name: r.name,
  ...(r.description ? { description: r.description } : {}),
  notable: [{ id: r.type, name: r.type }],
});

/** Entities for a prefix, one page from `cursor`. */
export async function suggestEntities(
  graph: GraphReader,
  uris: Uris,
  prefix: string,
  types: readonly EntityType[],
  cursor: number,
): Promise<EntitySuggestion[]> {
  const id = entityIdGiven(prefix, uris);
  if (ID_PATTERN.test(id)) {
    const e = await graph.find(id);
    return e && cursor === 0 && types.includes(e.type) ? [suggestion({ ...e, textScore: 0 })] : [];
  }
  const lucene = matchQuery(prefix);
  if (!lucene) return [];
  const hits =
    (await graph.reconcileCandidates([{ key: 's', lucene, types }], RECONCILE_SUGGEST_RETRIEVED)).get('s') ??
    [];
  return hits
    .map((row) => ({ row, rank: prefixRank(prefix, [row.name, ...row.aliases]) }))
    .filter((x) => x.rank > 0)
    .sort(
      (a, b) =>
        b.rank - a.rank ||
        b.row.textScore - a.row.textScore ||
        a.row.name.localeCompare(b.row.name) ||
        a.row.id.localeCompare(b.row.id),
    )
    .slice(cursor, cursor + RECONCILE_SUGGEST_PAGE)
    .map((x) => suggestion(x.row));
}

/** Whether a prefix begins the id or a word of the name of a type or property. */
const begins = (prefix: string, id: string, name: string) => {
  const p = fold(prefix);
  if (!p) return true;
  return fold(id).startsWith(p) || fold(name).startsWith(p) || ` ${fold(name)}`.includes(` ${p}`);
};

export function suggestTypes(prefix: string, cursor: number) {
  return serviceTypes()
    .filter((t) => begins(prefix, t.id, t.name))
    .slice(cursor, cursor + RECONCILE_SUGGEST_PAGE);
}

const propertyOut = (p: ServiceProperty) => ({ id: p.id, name: p.name, description: p.description });

export function suggestProperties(prefix: string, cursor: number) {
  return SERVICE_PROPERTIES.filter((p) => begins(prefix, p.id, p.name))
    .slice(cursor, cursor + RECONCILE_SUGGEST_PAGE)
    .map(propertyOut);
}

/** The properties data extension can fetch for entities of a type (property proposals). */
export function proposeProperties(type: EntityType, limit: number | undefined) {
  const all = SERVICE_PROPERTIES.filter((p) => p.extend && p.types.includes(type)).map((p) => ({
    id: p.id,
    name: p.name,
  }));
  return {
    type,
    properties: limit === undefined ? all : all.slice(0, limit),
    ...(limit === undefined ? {} : { limit }),
  };
}
