// The rows of a compiled statement (cypher.ts) made into the data layer's shapes (data/rows.ts),
// walking the same plan: each entity and relationship gets the values of its compiled child fields
// under FETCHED, by response key. A value the graph should hold but the row lacks (an end, a
// document) is left out, so that field falls back to the loaders and fails as it always did.
import { entityFrom, relationshipFrom } from '../rows.ts';
import type { CoAttendance, EntityRow, RelationshipRow } from '../types.ts';
import { projectedKeys, relPropKeys } from './cypher.ts';
import {
  coAttendanceRelPlan,
  FETCHED,
  type Fetched,
  type FieldPlan,
  type NodePlan,
  type RelPlan,
} from './plan.ts';

type Raw = Record<string, unknown>;

/**
 * An entity as a compiled statement returns it (cypher.ts node): its labels, its properties (a map
 * when all are read, else the values in projectedKeys order) and its compiled fields' values.
 */
export type RawCompiledNode = [labels: string[], props: Raw | unknown[], fetched: unknown[]];
/** A relationship as a compiled statement returns it (cypher.ts relationship). */
export type RawCompiledRelationship = [from: string, to: string, props: Raw | unknown[], fetched: unknown[]];

/** The property map of values listed in projectedKeys order (or the map itself, all properties). */
function propsOf(props: Raw | unknown[], keys: readonly string[]): Raw {
  if (!Array.isArray(props)) return props;
  const out: Raw = {};
  const names = projectedKeys(keys);
  for (let i = 0; i < names.length; i++) out[names[i] as string] = props[i];
  return out;
}

function withFetched<T extends object>(row: T, values: Record<string, unknown>): T {
  if (Object.keys(values).length) (row as Fetched)[FETCHED] = values;
  return row;
}

export function compiledNode(raw: RawCompiledNode, plan: NodePlan): EntityRow {
  const [labels, props, fetched] = raw;
  const row = entityFrom(labels, propsOf(props, plan.props === 'all' ? [] : plan.props));
  const values: Record<string, unknown> = {};
  Object.entries(plan.fields).forEach(([key, field], i) => {
    const value = fetched[i];
    if (value === null && field.kind === 'linked' && field.first) values[key] = null;
    else if (value !== undefined && value !== null) values[key] = compiledField(value, field);
  });
  return withFetched(row, values);
}

function compiledField(value: unknown, f: FieldPlan): unknown {
  switch (f.kind) {
    case 'linked':
      if (f.first) return compiledNode(value as RawCompiledNode, f.node);
      return (value as RawCompiledNode[]).map((n) => compiledNode(n, f.node));
    case 'relationships': {
      if (!f.window)
        return (value as RawCompiledRelationship[]).map((r) => compiledRelationship(r, f.type, f.rel));
      const { rows, total } = value as { rows: RawCompiledRelationship[]; total: number | null };
      const parsed = rows.map((r) => compiledRelationship(r, f.type, f.rel));
      return { rows: parsed, offset: f.window.offset, total: total ?? f.window.offset + parsed.length };
    }
    case 'coAttendance':
      return coAttendance(value as RawPair[], f);
  }
}

export function compiledRelationship(
  raw: RawCompiledRelationship,
  type: string,
  plan: RelPlan,
): RelationshipRow {
  const [from, to, props, fetched] = raw;
  const row = relationshipFrom(
    type,
    String(from),
    String(to),
    propsOf(props, plan.all ? [] : relPropKeys(plan)),
  );
  const values: Record<string, unknown> = {};
  let i = 0;
  for (const [key, { node }] of Object.entries(plan.ends)) {
    const end = fetched[i++] as RawCompiledNode | null | undefined;
    if (end) values[key] = compiledNode(end, node);
  }
  for (const [key, node] of Object.entries(plan.representing)) {
    const institution = fetched[i++] as RawCompiledNode | null | undefined;
    values[key] = institution ? compiledNode(institution, node) : null;
  }
  const document = plan.evidence?.document;
  const rawDocument = document ? (fetched[i++] as RawCompiledNode | null | undefined) : null;
  if (document && rawDocument) {
    const doc = compiledNode(rawDocument, document.node);
    for (const e of row.evidence) withFetched(e, Object.fromEntries(document.keys.map((k) => [k, doc])));
  }
  return withFetched(row, values);
}

/** Most shared meetings first, then by name, then by id (as Person.metWith promises). */
export function byCoAttendance(a: CoAttendance, b: CoAttendance): number {
  return (
    b.theirs.length - a.theirs.length ||
    a.person.name.localeCompare(b.person.name) ||
    a.person.id.localeCompare(b.person.id)
  );
}

interface RawPair {
  id: string;
  name: string;
  own: RawCompiledRelationship;
  theirs: RawCompiledRelationship;
  meeting?: RawCompiledNode;
  person?: RawCompiledNode;
}

/** The pairs of attendances (one row each, in the loaders' order) grouped by the other person, in order. */
function coAttendance(raw: RawPair[], f: Extract<FieldPlan, { kind: 'coAttendance' }>): CoAttendance[] {
  const rel = coAttendanceRelPlan(f.evidence);
  const byPerson = new Map<string, { first: RawPair; pairs: RawPair[] }>();
  for (const pair of raw) {
    const entry = byPerson.get(pair.id) ?? { first: pair, pairs: [] };
    byPerson.set(pair.id, entry);
    entry.pairs.push(pair);
  }
  return [...byPerson.values()]
    .map(({ first, pairs }) => {
      const person =
        f.person && first.person
          ? compiledNode(first.person, f.person)
          : entityFrom(['Person'], { id: first.id, name: first.name });
      // the sort reads the name, whether or not it was selected
      person.name = String(first.name);
      const entry: CoAttendance = {
        person,
        theirs: pairs.map((s) => compiledRelationship(s.theirs, 'ATTENDED', rel)),
        own: pairs.map((s) => compiledRelationship(s.own, 'ATTENDED', rel)),
      };
      const meetings = f.meetings;
      if (!meetings) return entry;
      const rows = pairs.map((s) => compiledNode(s.meeting as RawCompiledNode, meetings.node));
      return withFetched(entry, Object.fromEntries(meetings.keys.map((k) => [k, rows])));
    })
    .sort(byCoAttendance);
}
