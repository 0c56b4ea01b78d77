// Property constraints of reconciliation queries, checked against what the graph holds of each
// candidate (data/reconcile.ts, FactsRow). A value matches an entity when it is that entity (its id,
// its URI, or a reconciled {"id": …}) or when every word of it matches one of the entity's names,
// with the matcher's usual forgiveness.
import type { FactsRow, LinkedRow, StoredInterval } from '../data/reconcile.ts';
import { type DateInterval, OPEN_END, OPEN_START, termOverlaps } from '../dates.ts';
import { ID_PATTERN } from '../model.ts';
import { nameScore } from '../search/match.ts';
import type { Uris } from '../uris.ts';
import type { PropertyConstraint, PropertyValue } from './parse.ts';
import { entityIdGiven } from './vocabulary.ts';

/** Whether a value names an entity: by id, or by words that all match one of its names. */
export function valueNames(v: PropertyValue, e: LinkedRow, uris: Uris): boolean {
  if (typeof v === 'object') return entityIdGiven(v.id, uris) === e.id;
  if (typeof v !== 'string') return false;
  const id = entityIdGiven(v, uris);
  if (ID_PATTERN.test(id)) return id === e.id;
  return nameScore(v, [e.name, ...e.aliases]).typed === 1;
}

/** Whether some entity of a list (or an institution it is part of) is named by the value. */
const anyNamed = (v: PropertyValue, list: readonly (LinkedRow & { within?: LinkedRow[] })[], uris: Uris) =>
  list.some((e) => valueNames(v, e, uris) || (e.within ?? []).some((w) => valueNames(v, w, uris)));

const overlaps = (i: StoredInterval, d: DateInterval) =>
  (i.earliest ?? OPEN_START) <= d.latest &&
  (i.latest ?? OPEN_END) >= d.earliest &&
  !!(i.earliest || i.latest);

/** Whether the entity was active on a date: its own date, a dated term, or a dated meeting, event or document of its. */
export function activeOn(f: FactsRow, d: DateInterval): boolean {
  return (
    overlaps(f.own, d) ||
    f.linked.some((i) => overlaps(i, d)) ||
    f.terms.some((t) =>
      termOverlaps(
        {
          startDate: t.start ? { earliest: t.start } : null,
          endDate: t.end ? { latest: t.end } : null,
          attestedDate:
            t.attestedEarliest && t.attestedLatest
              ? { earliest: t.attestedEarliest, latest: t.attestedLatest }
              : null,
        },
        d,
      ),
    )
  );
}

const WIKIDATA = /^(?:https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/)?(Q\d+)$/i;

/** Whether an external id value matches: "scheme:value" (scheme in any case), a bare value, or a Wikidata URI. */
export function externalIdMatches(
  v: PropertyValue,
  stored: readonly string[],
  wikidataOnly: boolean,
): boolean {
  if (typeof v !== 'string' && typeof v !== 'number') return false;
  const text = String(v).trim();
  const q = WIKIDATA.exec(text)?.[1];
  return stored.some((x) => {
    const at = x.indexOf(':');
    const scheme = x.slice(0, at).toLowerCase();
    const value = x.slice(at + 1);
    if (wikidataOnly && scheme !== 'wikidata') return false;
    if (q && scheme === 'wikidata') return value.toUpperCase() === q.toUpperCase();
    if (wikidataOnly) return false;
    const colon = text.indexOf(':');
    if (colon > 0 && text.slice(0, colon).toLowerCase() === scheme) return text.slice(colon + 1) === value;
    return text === value;
  });
}

/** Whether a candidate meets one property constraint (any of its values). */
export function meets(c: PropertyConstraint, f: FactsRow | undefined, uris: Uris): boolean {
  if (!f) return false;
  const some = (test: (v: PropertyValue) => boolean) => c.values.some(test);
  switch (c.pid) {
    case 'heldPositionAt':
      return some((v) => anyNamed(v, f.positions, uris));
    case 'positions':
      return some((v) =>
        f.positions.some((p) =>
          typeof v === 'object'
            ? valueNames(v, p, uris)
            : typeof v === 'string' &&
              nameScore(v, [p.title ?? '', ...[p.name, ...p.aliases].map((n) => `${p.title ?? ''} ${n}`)])
                .typed === 1,
        ),
      );
    case 'represented':
      return some((v) => anyNamed(v, f.represented, uris));
    case 'attended':
      return some((v) => anyNamed(v, f.attended, uris));
    case 'participatedIn':
      return some((v) => anyNamed(v, f.participatedIn, uris));
    case 'partOf':
      return some((v) => anyNamed(v, f.partOf, uris));
    case 'dateActive':
      return c.dates.some((d) => activeOn(f, d));
    case 'externalIds':
      return some((v) => externalIdMatches(v, f.externalIds, false));
    case 'wikidata':
      return some((v) => externalIdMatches(v, f.externalIds, true));
    default:
      return false;
  }
}
