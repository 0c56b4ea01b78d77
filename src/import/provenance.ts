// Which source gave each alias and field of an entity, and what an entity becomes when one source
// (a document being imported, or an editor's change) states it again, states it differently or no
// longer states it. Pure: the importer reads the stored properties, calls `nextState` and writes the
// difference; the editor's writer (src/writer.ts) can keep the same bookkeeping with `editedAliases`
// and `mergedAliases`.
//
// Stored per entity:
//   aliasGiven, aliasGivenBy   two lists of one length: alias i was given by source i (an alias two
//                              sources give appears twice); `aliases` is their distinct union (less
//                              the name), plus aliases that no source is recorded for (entities
//                              written before sources were kept)
//   nameSource, descriptionSource, noteSource, kindSource, dateSource, …   the source of each field's value
// A source is a document id, or `change/<id>` for an editor's change. An alias an editor removed from
// `aliases` loses its recorded sources at the next import (a document imported again that still gives
// it brings it back); one an editor added without a source is kept as it is.
import type { EntityType } from '../model.ts';
import { fold, searchKeys } from '../search/fold.ts';

export type Value = string | number | boolean | string[] | number[] | boolean[] | null;
export type Props = Record<string, Value>;

/** The fields that carry their source, each a group of properties stored together. */
export const FIELD_GROUPS = {
  name: ['name', 'title'],
  description: ['description', 'descriptionFrom'],
  note: ['note'],
  kind: ['kind'],
  date: ['dateValue', 'datePrecision', 'dateEarliest', 'dateLatest', 'dateCertainty', 'dateReasoning'],
  /** A document declared beside the bundle's own (an original): its language. */
  language: ['language'],
  /** A statement in a conversation: its kind, direct or reported speech, and topics. */
  statement: ['statementKind', 'speech', 'topics'],
  /** Where each alias comes from: parallel lists, one entry per alias described. */
  aliasDetails: [
    'aliasDetailAlias',
    'aliasDetailSource',
    'aliasDetailScript',
    'aliasDetailErroneous',
    'aliasDetailNote',
  ],
} as const;
export type FieldGroup = keyof typeof FIELD_GROUPS;
const GROUPS = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** The property naming the source of a field: `nameSource`, `descriptionSource`, … */
export const sourceProperty = (group: FieldGroup) => `${group}Source`;

/** The source an editor's change is recorded as. */
export const changeSource = (changeId: string) => `change/${changeId}`;
export const isChangeSource = (s: unknown): boolean => typeof s === 'string' && s.startsWith('change/');

/** What one source states about an entity. */
export interface Incoming {
  id: string;
  type: EntityType;
  /** The fields it gives, each with all the properties of its group (null: a part left empty). */
  fields: Partial<Record<FieldGroup, Props>>;
  aliases: readonly string[];
  /** Properties only this source sets (a document's own text and sections); null removes one. */
  own?: Props;
}

export interface Next {
  /** The properties to set (null removes one): everything for a new entity, the changes otherwise. */
  props: Props;
  /** Whether what a reader sees changed (name, aliases, description, note, kind, date): a new version. */
  changed: boolean;
  warnings: string[];
}

const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const distinct = (list: readonly string[]) => [...new Set(list)];

/** The text the full-text index reads, from the lists it is built from (as src/data/edit.ts writes it). */
export function searchText(aliases: readonly string[], keys: readonly string[]): Props {
  return {
    aliasText: aliases.map((a) => `${a} | `).join(''),
    searchKeys: keys.map((k) => `${k} | `).join(''),
  };
}

/** The derived properties of a name and its aliases: sort key, folded keys and search text. */
function derived(name: string, aliases: readonly string[]): Props {
  const keys = searchKeys([name, ...aliases]);
  return { sortName: fold(name), searchKeyList: keys, ...searchText(aliases, keys) };
}

interface Pairs {
  given: string[];
  by: string[];
}

/**
 * An entity after `source` states it (`incoming`), or stops stating it (`incoming` null), given its
 * stored properties (`stored` null: a new entity). A value given again unchanged keeps the source
 * that first gave it. In `fill` mode (an entity the bundle names by
 * another id, matched by identifier or name) a field another source gave keeps its value and a
 * differing name becomes an alias of the source. Otherwise: a field the source gives takes its value,
 * unless an editor set it (then the editor's value stays, with a warning, and a differing name is
 * kept as an alias the source gives); a field the source no longer gives goes if the source gave it
 * (a name or description, which every entity needs, stays); the source's aliases replace those it
 * gave before, and an alias goes once no source gives it; a name another source gave that this one
 * replaces stays as an alias of that source.
 */
export function nextState(
  stored: Record<string, unknown> | null,
  incoming: Incoming | null,
  source: string,
  mode: 'replace' | 'fill' = 'replace',
): Next {
  if (!stored && incoming) return created(incoming, source);
  const s = stored ?? {};
  const warnings: string[] = [];
  const next: Record<string, unknown> = { ...s };
  const given = strs(s.aliasGiven);
  const by = strs(s.aliasGivenBy);
  const listed = strs(s.aliases);
  const unattributed = listed.filter((a) => !given.includes(a));
  const pairs: Pairs = { given: [], by: [] };
  given.forEach((a, i) => {
    // an alias no longer among the aliases was taken out by an editor: its sources go with it
    if (by[i] !== source && (listed.includes(a) || a === s.name)) {
      pairs.given.push(a);
      pairs.by.push(by[i] ?? '');
    }
  });
  const give = (alias: string, from: string) => {
    pairs.given.push(alias);
    pairs.by.push(from);
  };

  for (const group of GROUPS) {
    const sp = sourceProperty(group);
    const value = incoming?.fields[group];
    const current = s[sp];
    if (value) {
      if (stored && mode === 'fill' && current !== source && s[FIELD_GROUPS[group][0]] != null) {
        // matched by identifier or name: the graph's value stays; a differing name becomes an alias
        if (group === 'name' && typeof value.name === 'string' && value.name !== s.name)
          give(value.name, source);
        continue;
      }
      const differs = stored !== null && FIELD_GROUPS[group].some((p) => p in value && !same(value[p], s[p]));
      if (stored && isChangeSource(current) && differs) {
        warnings.push(
          `${incoming?.id}: kept the ${group} an editor set (${JSON.stringify(s[FIELD_GROUPS[group][0]])}); ${source} gives ${JSON.stringify(value[FIELD_GROUPS[group][0]])}`,
        );
        if (group === 'name' && typeof value.name === 'string') give(value.name, source);
        continue;
      }
      if (group === 'name' && stored && typeof s.name === 'string' && value.name !== s.name) {
        // the name it replaces stays searchable, as an alias of the source that gave it
        if (typeof current === 'string' && current !== source) give(s.name, current);
        else if (current === undefined || current === null) unattributed.push(s.name);
      }
      for (const p of FIELD_GROUPS[group]) if (p in value) next[p] = value[p] ?? null;
      // the same value again: the source that first gave it keeps it
      if (!(stored && !differs && current)) next[sp] = source;
    } else if (current === source) {
      if (group === 'name' || group === 'description') next[sp] = null;
      else {
        for (const p of FIELD_GROUPS[group]) next[p] = null;
        next[sp] = null;
      }
    }
  }
  for (const a of incoming?.aliases ?? []) give(a, source);

  const name = String(next.name ?? '');
  const aliases = distinct([...unattributed, ...pairs.given]).filter((a) => a !== name);
  const sources = strs(s.sources);
  const nextSources = incoming
    ? sources.includes(source)
      ? sources
      : [...sources, source]
    : sources.filter((x) => x !== source);
  Object.assign(next, incoming?.own ?? {}, derived(name, aliases), {
    aliases,
    aliasGiven: pairs.given,
    aliasGivenBy: pairs.by,
    sources: nextSources,
  });

  const props: Props = {};
  for (const [k, v] of Object.entries(next)) {
    if (!stored) {
      if (v !== null && v !== undefined) props[k] = v as Value;
    } else if (!same(v, s[k])) props[k] = (v ?? null) as Value;
  }
  const visible = ['aliases', ...GROUPS.flatMap((g) => FIELD_GROUPS[g])];
  return { props, changed: !stored || visible.some((k) => k in props), warnings };
}

/** A new entity: what `nextState` gives for one nothing is stored of, without comparing anything. */
function created(incoming: Incoming, source: string): Next {
  const props: Props = {};
  for (const group of GROUPS) {
    const value = incoming.fields[group];
    if (!value) continue;
    for (const p of FIELD_GROUPS[group]) {
      const x = value[p];
      if (x !== undefined && x !== null) props[p] = x;
    }
    props[sourceProperty(group)] = source;
  }
  for (const [k, v] of Object.entries(incoming.own ?? {})) if (v !== null && v !== undefined) props[k] = v;
  const name = String(props.name ?? '');
  const aliases = distinct(incoming.aliases).filter((a) => a !== name);
  Object.assign(props, derived(name, aliases), {
    aliases,
    aliasGiven: [...incoming.aliases],
    aliasGivenBy: incoming.aliases.map(() => source),
    sources: [source],
  });
  return { props, changed: true, warnings: [] };
}

/**
 * An editor's new alias list as sources: aliases kept keep their sources; new ones are the change's;
 * removed ones lose every source (a document re-imported later that gives one brings it back).
 */
export function editedAliases(
  stored: Record<string, unknown>,
  aliases: readonly string[],
  changeId: string,
): { aliasGiven: string[]; aliasGivenBy: string[] } {
  const given = strs(stored.aliasGiven);
  const by = strs(stored.aliasGivenBy);
  const out = { aliasGiven: [] as string[], aliasGivenBy: [] as string[] };
  given.forEach((a, i) => {
    if (aliases.includes(a)) {
      out.aliasGiven.push(a);
      out.aliasGivenBy.push(by[i] ?? '');
    }
  });
  for (const a of aliases) {
    if (!out.aliasGiven.includes(a)) {
      out.aliasGiven.push(a);
      out.aliasGivenBy.push(changeSource(changeId));
    }
  }
  return out;
}

/**
 * The alias sources of `keep` after `remove` merges into it: both lists, and `remove`'s name given by
 * the source of that name (or the change). Aliases neither recorded a source for become the change's.
 */
export function mergedAliases(
  keep: Record<string, unknown>,
  remove: Record<string, unknown>,
  changeId: string,
): { aliasGiven: string[]; aliasGivenBy: string[] } {
  const out = { aliasGiven: [] as string[], aliasGivenBy: [] as string[] };
  for (const x of [keep, remove]) {
    const given = strs(x.aliasGiven);
    const by = strs(x.aliasGivenBy);
    given.forEach((a, i) => {
      out.aliasGiven.push(a);
      out.aliasGivenBy.push(by[i] ?? changeSource(changeId));
    });
    for (const a of strs(x.aliases))
      if (!given.includes(a)) {
        out.aliasGiven.push(a);
        out.aliasGivenBy.push(changeSource(changeId));
      }
  }
  if (typeof remove.name === 'string') {
    out.aliasGiven.push(remove.name);
    out.aliasGivenBy.push(typeof remove.nameSource === 'string' ? remove.nameSource : changeSource(changeId));
  }
  return out;
}
