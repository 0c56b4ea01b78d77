// Data extension: property values for reconciled entities, as columns OpenRefine adds. Entities and
// their relationships come through the reader's loaders, so a request of many ids and properties
// costs a few batched statements, not one per cell.
import type { EntityRow, RelationshipRow } from '../data/types.ts';
import { identifierKey, type RelationshipType } from '../model.ts';
import type { GraphReader } from '../reader.ts';
import type { Uris } from '../uris.ts';
import type { ExtendQuery } from './parse.ts';
import type { ServiceProperty } from './vocabulary.ts';

type Value = { str: string } | { id: string; name: string };

/** Relationships followed (out of the entity) for the entity-valued properties. */
const FOLLOW: Readonly<Record<string, RelationshipType>> = {
  heldPositionAt: 'HELD_POSITION',
  represented: 'REPRESENTED',
  attended: 'ATTENDED',
  participatedIn: 'PARTICIPATED_IN',
  partOf: 'PART_OF',
  positions: 'HELD_POSITION',
};

const unique = <T>(values: T[], key: (v: T) => string): T[] => {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(key(v)) && !!seen.add(key(v)));
};

const valueKey = (v: Value) => ('str' in v ? `s:${v.str}` : `e:${v.id}`);

async function values(graph: GraphReader, uris: Uris, e: EntityRow, p: ServiceProperty): Promise<Value[]> {
  if (!p.types.includes(e.type)) return [];
  switch (p.id) {
    case 'aliases':
      return e.aliases.map((str) => ({ str }));
    case 'description':
      return e.description ? [{ str: e.description }] : [];
    case 'uri':
      return [{ str: uris.entity(e.id) }];
    case 'externalIds':
      return (await graph.identifiers(e.id)).map((x) => ({ str: identifierKey(x.authority, x.value) }));
    case 'wikidata':
      return (await graph.identifiers(e.id))
        .filter((x) => x.authority === 'wikidata')
        .map((x) => ({ str: x.value }));
    case 'date':
      return e.date ? [{ str: e.date.value }] : [];
  }
  const type = FOLLOW[p.id];
  if (!type) return [];
  const rels: RelationshipRow[] = await graph.relationships(e.id, type, 'out');
  const ends = await graph.refs(rels.map((r) => r.to));
  if (p.id === 'positions')
    return ends.map((end, i) => ({ str: `${rels[i]?.title ?? 'post'} @ ${end.name}` }));
  return ends.map((end) => ({ id: end.id, name: end.name }));
}

/** The data extension response: `meta` (the columns) and `rows` (values per id and property). */
export async function extend(graph: GraphReader, uris: Uris, q: ExtendQuery) {
  const entities = await Promise.all(q.ids.map((id) => graph.find(id)));
  const rows: Record<string, Record<string, Value[]>> = Object.create(null);
  await Promise.all(
    q.ids.map(async (id, i) => {
      const e = entities[i];
      const row: Record<string, Value[]> = Object.create(null);
      rows[id] = row;
      const lists = await Promise.all(
        q.properties.map(async ({ property, limit }) => {
          const all = e ? unique(await values(graph, uris, e, property), valueKey) : [];
          return limit > 0 ? all.slice(0, limit) : all;
        }),
      );
      q.properties.forEach(({ property }, j) => {
        row[property.id] = lists[j] ?? [];
      });
    }),
  );
  return {
    meta: q.properties.map(({ property }) => ({
      id: property.id,
      name: property.name,
      ...(property.values === 'text' || property.values === 'date'
        ? {}
        : { type: { id: property.values, name: property.values } }),
    })),
    rows,
  };
}
