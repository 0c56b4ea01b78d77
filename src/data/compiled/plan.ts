// What a compiled read asks of the graph (the plan src/schema/plan.ts makes from a request's
// selection), and how the values it fetched travel to the fields below: each row the compiled
// statement returns carries, under FETCHED, the values of its child fields by response key, so a
// child resolver takes them instead of asking a loader. Pure data; no database, no GraphQL.
import type { RelationshipType } from '../../model.ts';
import type { Direction } from '../relationship.ts';

/** An entity: the properties its selected fields read, and its child fields compiled with it. */
export interface NodePlan {
  /** Stored properties to return, or 'all' (a field the compiler does not know reads the row). */
  props: readonly string[] | 'all';
  /** Child fields by response key. */
  fields: Readonly<Record<string, FieldPlan>>;
}

/** A relationship row: whether its evidence is read, and its compiled child fields. */
export interface RelPlan {
  /** Every stored property ('all') when a field the compiler does not know is selected. */
  all: boolean;
  /** The stored properties its selected fields read, besides `id` (and the evidence's, when read). */
  props: readonly string[];
  /** The evidence arrays its Evidence fields read (quotes, offsets…), and each passage's document if selected. */
  evidence: null | { props: readonly string[]; document: Merged | null };
  /** `person`/`meeting`/`institution`…: the entity at an end, by response key. */
  ends: Readonly<Record<string, { end: 'from' | 'to'; node: NodePlan }>>;
  /** Attendance.representing: the institution represented at the meeting, by response key. */
  representing: Readonly<Record<string, NodePlan>>;
}

/** A field without arguments selected under one or more response keys: one plan for all of them. */
export interface Merged {
  keys: readonly string[];
  node: NodePlan;
}

/** A page of a list along a relationship (a connection field such as Person.attended). */
export interface Window {
  offset: number;
  limit: number;
  /** Whether the total is needed (totalCount or pageInfo selected). */
  count: boolean;
}

export type FieldPlan =
  /** The node's relationships of one type and direction (a list, or a page of it when `window`). */
  | { kind: 'relationships'; type: RelationshipType; direction: Direction; rel: RelPlan; window?: Window }
  /** The entities at the other end of those relationships (only the first, or null, when `first`). */
  | { kind: 'linked'; type: RelationshipType; direction: Direction; node: NodePlan; first?: true }
  /** Person.metWith: co-attendance, with the other person and the shared meetings. */
  | {
      kind: 'coAttendance';
      person: NodePlan | null;
      meetings: Merged | null;
      evidence: boolean;
    };

/** What a neighbourhood's selection reads (src/schema/plan.ts subgraphPlan; data/paths.ts neighborhood). */
export interface SubgraphPlan {
  /** The entity properties besides `id` that the nodes, the center and the edges' ends read. */
  node: readonly string[];
  /** The relationship properties besides `id` that the edges read, their evidence's included. */
  rel: readonly string[];
  /** The response keys of the edges' `from` and `to`: they take their entity from the nodes. */
  ends: { from: readonly string[]; to: readonly string[] };
}

/** The attendance rows of co-attendance (both sides): their ids, and every evidence array when evidence is read. */
export const coAttendanceRelPlan = (evidence: boolean): RelPlan => ({
  all: false,
  props: [],
  evidence: evidence ? { props: EVIDENCE_PROPS, document: null } : null,
  ends: {},
  representing: {},
});

/** A page fetched for a connection field: its rows, where it starts and the total (when asked). */
export interface FetchedWindow<T> {
  rows: T[];
  offset: number;
  total: number;
}

/** Where a compiled row keeps the values of its child fields, by response key. */
export const FETCHED: unique symbol = Symbol('fetched');
export type Fetched = { [FETCHED]?: Record<string, unknown> };

/** The value the compiled statement fetched for a child field of `parent`, if it did. */
export function fetchedValue(parent: unknown, key: string): { value: unknown } | undefined {
  const values = (parent as Fetched | null)?.[FETCHED];
  return values && key in values ? { value: values[key] } : undefined;
}

/** The row without the values fetched for its child fields (for a cache other selections read). */
export function withoutFetched<T extends object>(row: T): T {
  const { [FETCHED]: _fetched, ...plain } = row as T & Fetched;
  return plain as T;
}

/** The plan of an entity whose child fields all use the loaders: every property, nothing nested. */
export const WHOLE_NODE: NodePlan = Object.freeze({ props: 'all', fields: Object.freeze({}) });

/** A node plan asks for every property (and so its row may go into the request's entity cache). */
export const isWhole = (plan: NodePlan): boolean => plan.props === 'all';

/** The suffixes of a historical date's stored properties (`dateValue`, `startPrecision`…). */
export const DATE_SUFFIXES = ['Value', 'Precision', 'Earliest', 'Latest', 'Certainty', 'Reasoning'] as const;

/** The properties of a historical date stored under `prefix` (date, start, end, attested, attests). */
export const dateProps = (prefix: string): string[] => DATE_SUFFIXES.map((s) => `${prefix}${s}`);

/** The properties of an entity's date. */
export const DATE_PROPS = dateProps('date');

/** The evidence arrays of a relationship and its document (see data/rows.ts relationshipFrom). */
export const EVIDENCE_PROPS: readonly string[] = [
  'source',
  'quotes',
  'starts',
  'ends',
  'certainties',
  'reasonings',
  'layers',
  ...dateProps('attests'),
];
