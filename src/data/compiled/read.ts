// The compiled root reads: an entity by id and a root list, each one statement that returns the
// entity (or the page) with every compiled child field in it (cypher.ts). The list reads a keyset
// page: only the filters given are in the text, the page is read with LIMIT in the order of an
// index, and the total is counted only when it is asked for.
import neo4j from 'neo4j-driver';
import type { Db } from '../../db/driver.ts';
import type { EntityType } from '../../model.ts';
import { assertLabel } from '../checks.ts';
import { read, type Statement, statement } from '../statement.ts';
import type { EntityRow } from '../types.ts';
import { CypherBuilder } from './cypher.ts';
import type { NodePlan } from './plan.ts';
import { compiledNode, type RawCompiledNode } from './rows.ts';

/** One entity by id (an id merged away gives the survivor), with its compiled fields. */
export function entityByIdStatement(id: string, plan: NodePlan): Statement {
  const b = new CypherBuilder();
  const projection = b.node('n', plan);
  return statement(
    'compiled:entityById',
    `OPTIONAL MATCH (found:Entity {id: $id})
     OPTIONAL MATCH (:Redirect {id: $id})-[:REDIRECTS_TO]->(moved:Entity)
     WITH coalesce(found, moved) AS n
     WHERE n IS NOT NULL
     RETURN ${projection} AS node`,
    { ...b.params, id },
  );
}

export async function entityById(db: Db, id: string, plan: NodePlan): Promise<EntityRow | null> {
  const [row] = await read<{ node: RawCompiledNode }>(db, entityByIdStatement(id, plan));
  return row ? compiledNode(row.node, plan) : null;
}

export const ORDERS = ['NAME_ASC', 'NAME_DESC', 'DATE_ASC', 'DATE_DESC'] as const;
export type Order = (typeof ORDERS)[number];

/** A position in a list: the sort key and the id of the row a cursor stands for. */
export type ListKey =
  | { by: 'name'; sortName: string; id: string }
  | { by: 'date'; earliest: string | null; latest: string | null; id: string };

export const keyKind = (order: Order): ListKey['by'] => (order.startsWith('NAME') ? 'name' : 'date');

export interface ListQuery {
  label: EntityType;
  /** Folded text that the name or an alias must contain. */
  nameContains?: string | undefined;
  /** ISO days; the entity's date interval must overlap [startDay, endDay]. */
  startDay?: string | undefined;
  endDay?: string | undefined;
  order: Order;
  /** Rows wanted (one more is read to tell whether more follow). */
  limit: number;
  /** Only rows after this position (`after`) and before this one (`before`). */
  after?: ListKey | undefined;
  before?: ListKey | undefined;
  /** The last `limit` rows of those (`last`): read backwards from the end. */
  backwards: boolean;
  /** Whether to count every match (totalCount selected). */
  count: boolean;
  /** What each row returns; every property when not given. */
  node?: NodePlan | undefined;
}

interface SortKey {
  expr: string;
  /** The key's value at a position. */
  at: (k: ListKey) => unknown;
  descending: boolean;
}

const nameKeys = (descending: boolean): SortKey[] => [
  { expr: 'n.sortName', at: (k) => (k.by === 'name' ? k.sortName : null), descending },
  { expr: 'n.id', at: (k) => k.id, descending },
];
// undated entities come last either way: the first key says whether one is undated
const dateKeys = (descending: boolean): SortKey[] => {
  const earliest = {
    expr: "coalesce(n.dateEarliest, '')",
    at: (k: ListKey) => (k.by === 'date' ? (k.earliest ?? '') : ''),
    descending,
  };
  const latest = {
    expr: "coalesce(n.dateLatest, '')",
    at: (k: ListKey) => (k.by === 'date' ? (k.latest ?? '') : ''),
    descending,
  };
  return [
    { expr: 'n.dateEarliest IS NULL', at: (k) => k.by === 'date' && k.earliest === null, descending: false },
    ...(descending ? [latest, earliest] : [earliest, latest]),
    { expr: 'n.id', at: (k) => k.id, descending },
  ];
};

function sortKeys(order: Order, dated: boolean): SortKey[] {
  const descending = order.endsWith('DESC');
  const keys = order.startsWith('NAME') ? nameKeys(descending) : dateKeys(descending);
  // with a date filter every row is dated: plain dates, so that the date index gives the order
  if (!dated || order.startsWith('NAME')) return keys;
  return keys.slice(1).map((k) => ({ ...k, expr: k.expr.replace(/coalesce\((n\.\w+), ''\)/, '$1') }));
}

/** `ORDER BY` of the keys, forwards or backwards. */
const orderBy = (keys: SortKey[], backwards: boolean) =>
  keys.map((k) => `${k.expr} ${k.descending !== backwards ? 'DESC' : 'ASC'}`).join(', ');

/** Rows strictly past `at` in the keys' order (or strictly before it, `backwards`): a lexicographic comparison. */
function pastKey(b: CypherBuilder, keys: SortKey[], at: ListKey, backwards: boolean): string {
  const values = keys.map((k) => b.param(k.at(at)));
  const terms = keys.map((k, i) => {
    const op = k.descending !== backwards ? '<' : '>';
    const equal = keys.slice(0, i).map((e, j) => `${e.expr} = ${values[j]}`);
    return [...equal, `${k.expr} ${op} ${values[i]}`].join(' AND ');
  });
  const first = keys[0] as SortKey;
  // by name: a range on sortName (which the index seeks, in order) less the rows up to the cursor's id
  // at its name; no OR, which the planner would split into a union of seeks and a sort
  if (first.expr === 'n.sortName') {
    const op = first.descending !== backwards ? '<' : '>';
    const back = op === '<' ? '>' : '<';
    return `n.sortName ${op}= ${values[0]} AND NOT (n.sortName = ${values[0]} AND n.id ${back}= ${values[1]})`;
  }
  return `(${terms.map((t) => `(${t})`).join(' OR ')})`;
}

/** The filters given, and only those. */
function filters(b: CypherBuilder, q: ListQuery): string[] {
  const where: string[] = [];
  if (q.nameContains !== undefined) where.push(`n.searchKeys CONTAINS ${b.param(q.nameContains)}`);
  if (q.startDay !== undefined) where.push(`n.dateLatest >= ${b.param(q.startDay)}`);
  if (q.endDay !== undefined) where.push(`n.dateEarliest <= ${b.param(q.endDay)}`);
  return where;
}

export function listStatement(q: ListQuery): Statement {
  assertLabel(q.label);
  const b = new CypherBuilder();
  const dated = q.startDay !== undefined || q.endDay !== undefined;
  const keys = sortKeys(q.order, dated);
  const backwards = q.backwards;
  const where = filters(b, q);
  // without a filter the count is the label's, from the count store (every entity has both labels)
  const counted = q.count
    ? `CALL () {
       MATCH (n:${where.length ? 'Entity:' : ''}${q.label})${where.length ? `\n       WHERE ${where.join(' AND ')}` : ''}
       RETURN count(n) AS total
     }
     `
    : '';
  // the name order reads the sortName index in order, which needs the key known to exist
  if (q.order.startsWith('NAME')) where.push('n.sortName IS NOT NULL');
  const position: string[] = [];
  if (q.after) position.push(pastKey(b, keys, q.after, false));
  if (q.before) position.push(pastKey(b, keys, q.before, true));
  const all = [...where, ...position];
  const projection = b.node('n', q.node ?? { props: 'all', fields: {} });
  const key = keys[0]?.expr === 'n.sortName' ? '[n.sortName, n.id]' : '[n.dateEarliest, n.dateLatest, n.id]';
  return statement(
    `compiled:list:${q.label}`,
    `${counted}CALL () {
       MATCH (n:Entity:${q.label})${all.length ? `\n       WHERE ${all.join('\n         AND ')}` : ''}
       WITH n ORDER BY ${orderBy(keys, backwards)}
       LIMIT ${b.param(neo4j.int(q.limit + 1))}
       RETURN collect({key: ${key}, node: ${projection}}) AS page
     }
     UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS item
     RETURN ${q.count ? 'total' : 'null AS total'}, item`,
    b.params,
  );
}

export interface ListPage {
  /** Every match (when counted). */
  total: number | null;
  rows: EntityRow[];
  /** Each row's position, for its cursor. */
  keys: ListKey[];
  /** Whether more rows lie beyond the page in the direction read. */
  more: boolean;
  /** Whether the page was read backwards (before/last); its rows are in list order all the same. */
  backwards: boolean;
}

/** One page of entities of a label, in list order. */
export async function listEntities(db: Db, q: ListQuery): Promise<ListPage> {
  const s = listStatement(q);
  const plan = q.node ?? { props: 'all', fields: {} };
  // one record per row (an empty page: one record with a null item): neo4j-driver decodes the
  // strings of a record that spans several Bolt chunks far more slowly than those of small records
  const records = await read<{
    total: number | null;
    item: { key: (string | null)[]; node: RawCompiledNode } | null;
  }>(db, s);
  const result = records[0];
  const rows = records.flatMap((r) => (r.item ? [r.item] : []));
  const page = rows.slice(0, q.limit);
  const backwards = q.backwards;
  if (backwards) page.reverse();
  const by = keyKind(q.order);
  return {
    total: result?.total ?? null,
    rows: page.map((r) => compiledNode(r.node, plan)),
    keys: page.map((r): ListKey => {
      const [a, bb, c] = r.key;
      return by === 'name'
        ? { by, sortName: String(a), id: String(bb) }
        : { by, earliest: a ?? null, latest: bb ?? null, id: String(c) };
    }),
    more: rows.length > q.limit,
    backwards,
  };
}
