// The read compiler's first half: a request's selection under a root field turned into a plan
// (src/data/compiled/plan.ts) that the data layer writes as one statement. Pure: it reads the
// operation (fields, fragments, arguments and variables) and the `compile` extension each field
// declares where it is declared, and asks nothing of the database. What it does not know it does
// not guess: an entity with a field it cannot read gets every property and its children use the
// loaders; a selection it cannot follow (directives, a type condition it cannot decide) is not
// compiled at all.
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import {
  DATE_PROPS,
  DATE_SUFFIXES,
  dateProps,
  EVIDENCE_PROPS,
  type FieldPlan,
  type Merged,
  type NodePlan,
  type RelPlan,
  type SubgraphPlan,
  WHOLE_NODE,
} from '../data/compiled/plan.ts';
import { pageWindow } from './connection.ts';
import { type Compile, collect, compileOf, objectTypeOf, selections, Unsupported } from './selection.ts';

/** What each entity field reads from its row; a field not listed here nor compiled reads every property. */
const ENTITY_FIELD_PROPS: Readonly<Record<string, readonly string[]>> = {
  id: [],
  uri: [],
  name: ['name'],
  aliases: ['aliases'],
  description: ['description'],
  note: ['note'],
  version: ['version'],
  kind: ['kind'],
  date: DATE_PROPS,
  title: ['title', 'name'],
  text: ['text'],
  summary: ['summary'],
  citation: ['citation'],
  body: ['body'],
  language: ['language'],
  archiveReference: ['archiveReference'],
  // fields that ask the loaders with the row's id
  externalIds: [],
  mentionedIn: [],
  history: [],
  members: [],
  heldBy: [],
  mentions: [],
  positionsAt: [],
};

/**
 * Relationship fields that read only the relationship's scalar properties (or ask the loaders), and
 * which of them; every row also reads its `id`. Dates: DATE_FIELDS. A field not listed reads every
 * property.
 */
const RELATIONSHIP_FIELD_PROPS: Readonly<Record<string, readonly string[]>> = {
  id: [],
  uri: [],
  type: [],
  // a property's value, of a date its value only
  properties: ['role', 'title', 'context', 'reference', 'startValue', 'endValue', 'attestedValue'],
  certainty: ['certainty'],
  role: ['role'],
  title: ['title'],
  reference: ['reference'],
  // Attendance.representation finds the REPRESENTED row by the attendance's ends; Representation.meeting reads context
  representation: [],
  meeting: ['context'],
};

/** What each HistoricalDate field reads besides `…Value` (stored as `${prefix}${suffix}`). */
const DATE_FIELD_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  value: [],
  precision: ['Precision'],
  earliest: ['Earliest'],
  latest: ['Latest'],
  certainty: ['Certainty'],
  reasoning: ['Reasoning'],
};
const DATE_FIELDS = new Set(['date', 'startDate', 'endDate', 'attestedDate']);

/**
 * The stored properties a historical date field (`date`, `startDate`…) reads under its selection:
 * the value (a date without one is null) and what the selected fields need; all six for a field
 * not known here.
 */
function dateFieldProps(
  info: GraphQLResolveInfo,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  into: Set<string>,
): void {
  const prefix = def.name === 'date' ? 'date' : def.name.replace(/Date$/, '');
  const type = objectTypeOf(def);
  into.add(`${prefix}Value`);
  const suffixes = type
    ? [...collect(info, type, selections(nodes)).values()].flatMap(
        (f) => DATE_FIELD_SUFFIXES[(f[0] as FieldNode).name.value] ?? DATE_SUFFIXES,
      )
    : DATE_SUFFIXES;
  for (const suffix of suffixes) into.add(`${prefix}${suffix}`);
}

/**
 * Adds what a relationship's own field reads (a property of it, a date); false for a field not
 * known here (it reads every property).
 */
function relationshipFieldProps(
  info: GraphQLResolveInfo,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  into: Set<string>,
): boolean {
  if (DATE_FIELDS.has(def.name)) {
    dateFieldProps(info, def, nodes, into);
    return true;
  }
  const read = RELATIONSHIP_FIELD_PROPS[def.name];
  for (const p of read ?? []) into.add(p);
  return read !== undefined;
}

/**
 * What each Evidence field reads of its relationship's evidence arrays; every passage reads `quotes`
 * (one per passage). A field not listed reads every evidence property.
 */
const EVIDENCE_FIELD_PROPS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  quote: [],
  uri: [],
  start: ['starts'],
  end: ['ends'],
  certainty: ['certainties'],
  reasoning: ['reasonings'],
  layer: ['layers'],
  attests: dateProps('attests'),
  document: ['source'],
  textUri: ['source'],
};

/** The evidence properties read under Evidence selections (plain fields; anything else: all of them). */
function evidenceProps(
  info: GraphQLResolveInfo,
  evidence: GraphQLObjectType | undefined,
  nodes: readonly FieldNode[],
  into: Set<string>,
): void {
  into.add('quotes');
  if (!evidence) {
    for (const p of EVIDENCE_PROPS) into.add(p);
    return;
  }
  for (const [, fieldNodes] of collect(info, evidence, selections(nodes))) {
    const props = EVIDENCE_FIELD_PROPS[(fieldNodes[0] as FieldNode).name.value];
    for (const p of props ?? EVIDENCE_PROPS) into.add(p);
  }
}

/** Whether a list field is asked with `supportedBy` (its layers filter is not compiled). */
function filtered(
  info: GraphQLResolveInfo,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
) {
  if (!def.args.some((a) => a.name === 'supportedBy')) return false;
  try {
    return getArgumentValues(def, nodes[0] as FieldNode, info.variableValues).supportedBy != null;
  } catch {
    return true;
  }
}

/** The plan of an entity of `type` under the given field nodes. */
function nodePlan(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType | undefined,
  nodes: readonly FieldNode[],
): NodePlan {
  if (!type) return WHOLE_NODE; // an interface: its children use the loaders
  const props = new Set<string>();
  let whole = false;
  const fields: Record<string, FieldPlan> = {};
  for (const [key, fieldNodes] of collect(info, type, selections(nodes))) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    if (name === '__typename') continue;
    const def = type.getFields()[name];
    if (!def) throw new Unsupported(`no field ${name}`);
    const compile = compileOf(def);
    const plan = compile && childPlan(info, def, compile, fieldNodes);
    if (plan) fields[key] = plan;
    else if (DATE_FIELDS.has(name) && !compile) dateFieldProps(info, def, fieldNodes, props);
    else if (ENTITY_FIELD_PROPS[name] && !compile) for (const p of ENTITY_FIELD_PROPS[name]) props.add(p);
    else if (!compile) whole = true;
  }
  return { props: whole ? 'all' : [...props], fields };
}

/** A compiled child field of an entity, or undefined to leave it to its resolver. */
function childPlan(
  info: GraphQLResolveInfo,
  def: GraphQLField<unknown, unknown>,
  compile: Compile,
  nodes: readonly FieldNode[],
): FieldPlan | undefined {
  if ('metWith' in compile) return coAttendancePlan(info, objectTypeOf(def), nodes);
  if (!('along' in compile)) return undefined;
  if (filtered(info, def, nodes)) return undefined; // a filter on evidence layers: the loaders filter
  const { type, direction, kind } = compile.along;
  if (kind === 'linked') return { kind, type, direction, node: nodePlan(info, objectTypeOf(def), nodes) };
  if (kind === 'first')
    return { kind: 'linked', type, direction, node: nodePlan(info, objectTypeOf(def), nodes), first: true };
  if (kind === 'relationships')
    return { kind, type, direction, rel: relPlan(info, objectTypeOf(def), selections(nodes)) };
  // a page: an argument it refuses is refused by its resolver, after the parent loads, as before
  const node = nodes[0] as FieldNode;
  let window: { offset: number; limit: number };
  try {
    window = pageWindow(getArgumentValues(def, node, info.variableValues));
  } catch {
    return undefined;
  }
  const connection = objectTypeOf(def);
  if (!connection) return undefined;
  const parts = collect(info, connection, selections(nodes));
  const items: (SelectionSetNode | undefined)[] = [];
  let count = false;
  let itemType: GraphQLObjectType | undefined;
  for (const [, fieldNodes] of parts) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    if (name === 'totalCount' || name === 'pageInfo') count = true;
    if (name === 'nodes') {
      itemType = objectTypeOf(connection.getFields().nodes as GraphQLField<unknown, unknown>);
      items.push(...selections(fieldNodes));
    }
    if (name === 'edges') {
      const edge = objectTypeOf(connection.getFields().edges as GraphQLField<unknown, unknown>);
      if (!edge) return undefined;
      for (const [, edgeNodes] of collect(info, edge, selections(fieldNodes)))
        if ((edgeNodes[0] as FieldNode).name.value === 'node') {
          itemType = objectTypeOf(edge.getFields().node as GraphQLField<unknown, unknown>);
          items.push(...selections(edgeNodes));
        }
    }
  }
  return {
    kind: 'relationships',
    type,
    direction,
    rel: relPlan(info, itemType, items),
    window: { ...window, count },
  };
}

/** The plan of a relationship row of `type` under the given selection sets. */
function relPlan(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType | undefined,
  sets: readonly (SelectionSetNode | undefined)[],
): RelPlan {
  const props = new Set<string>();
  const evidence = new Set<string>();
  let reads = null as { document: Merged | null } | null;
  let all = false;
  const ends: Record<string, { end: 'from' | 'to'; node: NodePlan }> = {};
  const representing: Record<string, NodePlan> = {};
  if (!type) return { all: true, props: [], evidence: null, ends, representing };
  for (const [key, fieldNodes] of collect(info, type, sets)) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    if (name === '__typename') continue;
    const def = type.getFields()[name];
    if (!def) throw new Unsupported(`no field ${name}`);
    const compile = compileOf(def);
    if (compile && 'end' in compile)
      ends[key] = { end: compile.end, node: nodePlan(info, objectTypeOf(def), fieldNodes) };
    else if (compile && 'representing' in compile)
      representing[key] = nodePlan(info, objectTypeOf(def), fieldNodes);
    else if (compile && 'evidence' in compile) {
      evidenceProps(info, objectTypeOf(def), fieldNodes, evidence);
      reads = { document: mergeDocuments(info, objectTypeOf(def), fieldNodes, reads?.document ?? null) };
    } else if (!relationshipFieldProps(info, def, fieldNodes, props)) all = true;
  }
  return {
    all,
    props: [...props],
    evidence: reads && { props: [...evidence], document: reads.document },
    ends,
    representing,
  };
}

/** The documents of evidence passages, selected under any number of keys, as one plan. */
function mergeDocuments(
  info: GraphQLResolveInfo,
  evidence: GraphQLObjectType | undefined,
  nodes: readonly FieldNode[],
  before: Merged | null,
): Merged | null {
  if (!evidence) return before;
  const keys = [...(before?.keys ?? [])];
  const documentNodes: FieldNode[] = [];
  let documentType: GraphQLObjectType | undefined;
  for (const [key, fieldNodes] of collect(info, evidence, selections(nodes))) {
    const def = evidence.getFields()[(fieldNodes[0] as FieldNode).name.value];
    const compile = def && compileOf(def);
    if (!def || !compile || !('evidenceDocument' in compile)) continue;
    keys.push(key);
    documentNodes.push(...fieldNodes);
    documentType = objectTypeOf(def);
  }
  if (!documentNodes.length) return before;
  // both selections read the same document row: one plan for both
  const node = merge(before?.node, nodePlan(info, documentType, documentNodes));
  return { keys, node };
}

function merge(a: NodePlan | undefined, b: NodePlan): NodePlan {
  if (!a) return b;
  if (Object.keys(a.fields).length || Object.keys(b.fields).length) throw new Unsupported('nested merge');
  return {
    props: a.props === 'all' || b.props === 'all' ? 'all' : [...new Set([...a.props, ...b.props])],
    fields: {},
  };
}

function coAttendancePlan(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType | undefined,
  nodes: readonly FieldNode[],
): FieldPlan | undefined {
  if (!type) return undefined;
  const personNodes: FieldNode[] = [];
  const meetingNodes: FieldNode[] = [];
  const meetingKeys: string[] = [];
  let evidence = false;
  for (const [key, fieldNodes] of collect(info, type, selections(nodes))) {
    const name = (fieldNodes[0] as FieldNode).name.value;
    if (name === 'person') personNodes.push(...fieldNodes);
    else if (name === 'meetings') {
      meetingKeys.push(key);
      meetingNodes.push(...fieldNodes);
    } else if (name === 'evidence') evidence = true;
  }
  const field = (name: string) => type.getFields()[name] as GraphQLField<unknown, unknown>;
  const person = personNodes.length ? nodePlan(info, objectTypeOf(field('person')), personNodes) : null;
  const meetings = meetingNodes.length
    ? { keys: meetingKeys, node: nodePlan(info, objectTypeOf(field('meetings')), meetingNodes) }
    : null;
  // the people's rows are one object per person, whichever key selects them: one plan for all keys
  return { kind: 'coAttendance', person, meetings, evidence };
}

/** The plan of the entity a root field returns, or null when its selection is not compiled. */
export function entityPlan(info: GraphQLResolveInfo): NodePlan | null {
  try {
    const type = getNamedType(info.returnType);
    return isObjectType(type) ? nodePlan(info, type, info.fieldNodes) : null;
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

/** The plan of each item of a root list (a connection), and whether its total is asked; null: not compiled. */
export function listPlan(info: GraphQLResolveInfo): { node: NodePlan | null; count: boolean } {
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return { node: null, count: true };
  try {
    const parts = collect(info, connection, selections(info.fieldNodes));
    const count = [...parts.values()].some((f) => (f[0] as FieldNode).name.value === 'totalCount');
    const items: FieldNode[] = [];
    let itemType: GraphQLObjectType | undefined;
    for (const [, fieldNodes] of parts) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      if (name === 'nodes') {
        itemType = objectTypeOf(connection.getFields().nodes as GraphQLField<unknown, unknown>);
        items.push(...fieldNodes);
      }
      if (name === 'edges') {
        const edge = objectTypeOf(connection.getFields().edges as GraphQLField<unknown, unknown>);
        if (!edge) return { node: null, count };
        for (const [, edgeNodes] of collect(info, edge, selections(fieldNodes)))
          if ((edgeNodes[0] as FieldNode).name.value === 'node') {
            itemType = objectTypeOf(edge.getFields().node as GraphQLField<unknown, unknown>);
            items.push(...edgeNodes);
          }
      }
    }
    return { node: items.length ? nodePlan(info, itemType, items) : { props: [], fields: {} }, count };
  } catch (err) {
    if (err instanceof Unsupported) return { node: null, count: true };
    throw err;
  }
}

/**
 * The entity properties read under an interface-typed selection (Entity): its own fields only (no
 * fragments, no directives), each one that reads known properties; false when anything else is
 * selected (a field with children of its own, a type condition), so that every property is read.
 */
function interfaceProps(nodes: readonly FieldNode[], into: Set<string>): boolean {
  for (const set of selections(nodes)) {
    for (const s of set?.selections ?? []) {
      if (s.kind !== Kind.FIELD || s.directives?.length) return false;
      const name = s.name.value;
      if (name === '__typename') continue;
      const props = ENTITY_FIELD_PROPS[name];
      if (!props) return false;
      for (const p of props) into.add(p);
    }
  }
  return true;
}

/**
 * The plan of a neighbourhood (Subgraph): the entity properties its nodes, center and edge ends read,
 * the relationship and evidence properties its edges read, and the response keys of the edges'
 * `from` and `to`, which take their entity from the nodes. Null when the selection reads more than
 * that: then every property is read, as before.
 */
export function subgraphPlan(info: GraphQLResolveInfo): SubgraphPlan | null {
  const subgraph = getNamedType(info.returnType);
  if (!isObjectType(subgraph)) return null;
  const node = new Set<string>();
  const rel = new Set<string>();
  const ends = { from: [] as string[], to: [] as string[] };
  try {
    for (const [, fieldNodes] of collect(info, subgraph, selections(info.fieldNodes))) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      if (name === 'center' || name === 'nodes') {
        if (!interfaceProps(fieldNodes, node)) return null;
        continue;
      }
      if (name !== 'edges') continue;
      const edge = objectTypeOf(subgraph.getFields().edges as GraphQLField<unknown, unknown>);
      if (!edge) return null;
      for (const [key, edgeNodes] of collect(info, edge, selections(fieldNodes))) {
        const field = (edgeNodes[0] as FieldNode).name.value;
        if (field === '__typename') continue;
        const def = edge.getFields()[field];
        if (!def) return null;
        const compile = compileOf(def);
        if (compile && 'end' in compile) {
          if (!interfaceProps(edgeNodes, node)) return null;
          ends[compile.end].push(key);
        } else if (compile && 'evidence' in compile) evidenceProps(info, objectTypeOf(def), edgeNodes, rel);
        else if (!relationshipFieldProps(info, def, edgeNodes, rel)) return null;
      }
    }
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  return { node: [...node], rel: [...rel], ends };
}
