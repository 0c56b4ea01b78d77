// The Cypher of a compiled read, built from its plan (plan.ts): one map projection per entity with
// only the properties its fields read, and a pattern subquery (COLLECT, COUNT) per child field, so
// a whole selection is one statement. Pure: names, labels and relationship types come from the
// closed lists (checks.ts), property names from the planner's table; every value is a parameter.
import neo4j from 'neo4j-driver';
import { assertRelationshipType } from '../checks.ts';
import type { Direction } from '../relationship.ts';
import { coAttendanceRelPlan, type FieldPlan, type NodePlan, type RelPlan, type Window } from './plan.ts';

/** The order of a node's relationships (as the loaders give them): the other end's date, name, then id. */
export const byOtherEnd = (m: string, r: string) =>
  `${m}.dateEarliest IS NULL, ${m}.dateEarliest, ${m}.sortName, ${r}.id`;

const PROPERTY = /^[a-z][A-Za-z]{0,40}$/;

function assertProperty(name: string): string {
  if (!PROPERTY.test(name)) throw new Error(`not a property name: ${name}`);
  return name;
}

/** `id` and the given stored properties, each once, in the order a projection lists them. */
export const projectedKeys = (props: readonly string[]): string[] => [...new Set(['id', ...props])];

/** `v {.id, .a, .b}`: a map projection of `id` and the given stored properties (each checked). */
export function projection(v: string, props: readonly string[]): string {
  return `${v} {${projectedKeys(props)
    .map((p) => `.${assertProperty(p)}`)
    .join(', ')}}`;
}

/**
 * `[v.id, v.a, v.b]`: the values of `id` and the given properties, in projectedKeys order. The
 * compiled rows are lists, not maps: neo4j-driver decodes a map key by key (each a string and a
 * defineProperty), a list as plain values; and no response key (alias) appears in the text.
 */
function values(v: string, props: readonly string[]): string {
  return `[${projectedKeys(props)
    .map((p) => `${v}.${assertProperty(p)}`)
    .join(', ')}]`;
}

/** The stored properties a relationship row of the plan returns after its `id` (projectedKeys). */
export const relPropKeys = (plan: RelPlan): readonly string[] => [
  ...plan.props,
  ...(plan.evidence?.props ?? []),
];

/** Builds one statement: fresh variable names and the parameters it collects. */
export class CypherBuilder {
  readonly params: Record<string, unknown> = {};
  private vars = 0;
  private paramCount = 0;

  variable(prefix: string): string {
    this.vars += 1;
    return `${prefix}${this.vars}`;
  }

  param(value: unknown): string {
    const name = `p${this.paramCount}`;
    this.paramCount += 1;
    this.params[name] = value;
    return `$${name}`;
  }

  /**
   * `[labels, props, fetched]` of the entity bound to `n` (rows.ts RawCompiledNode): props a map
   * when every property is read, else the values in projectedKeys order; fetched the values of the
   * compiled child fields in the plan's order.
   */
  node(n: string, plan: NodePlan): string {
    const props = plan.props === 'all' ? `properties(${n})` : values(n, plan.props);
    const fetched = Object.values(plan.fields).map((f) => this.field(n, f));
    return `[labels(${n}), ${props}, [${fetched.join(', ')}]]`;
  }

  private pattern(n: string, r: string, type: string, direction: Direction, m: string): string {
    assertRelationshipType(type);
    return direction === 'out'
      ? `(${n})-[${r}:${type}]->(${m}:Entity)`
      : `(${n})<-[${r}:${type}]-(${m}:Entity)`;
  }

  private field(n: string, f: FieldPlan): string {
    if (f.kind === 'coAttendance') return this.coAttendance(n, f);
    const r = this.variable('r');
    const m = this.variable('m');
    const match = `MATCH ${this.pattern(n, r, f.type, f.direction, m)} WITH ${r}, ${m} ORDER BY ${byOtherEnd(m, r)}`;
    if (f.kind === 'linked' && f.first)
      return `COLLECT { ${match} LIMIT 1 RETURN ${this.node(m, f.node)} }[0]`;
    if (f.kind === 'linked') return `COLLECT { ${match} RETURN ${this.node(m, f.node)} }`;
    const [from, to] = f.direction === 'out' ? [n, m] : [m, n];
    const page = f.window ? ` ${this.window(f.window)}` : '';
    const rows = `COLLECT { ${match}${page} RETURN ${this.relationship(r, from, to, f.rel)} }`;
    if (!f.window) return rows;
    // an empty variable leaves `[:TYPE]` and `(:Entity)`
    const total = f.window.count ? `COUNT { ${this.pattern(n, '', f.type, f.direction, '')} }` : 'null';
    return `{rows: ${rows}, total: ${total}}`;
  }

  private window(w: Window): string {
    return `SKIP ${this.param(neo4j.int(w.offset))} LIMIT ${this.param(neo4j.int(w.limit))}`;
  }

  /**
   * `[from, to, props, fetched]` of the relationship bound to `r` between `from` and `to` (rows.ts
   * RawCompiledRelationship): props as for a node (relPropKeys), fetched the ends, the institutions
   * represented and the evidence's document, in that order.
   */
  relationship(r: string, from: string, to: string, plan: RelPlan): string {
    const props = plan.all ? `properties(${r})` : values(r, relPropKeys(plan));
    const fetched: string[] = [];
    for (const { end, node } of Object.values(plan.ends))
      fetched.push(this.node(end === 'from' ? from : to, node));
    for (const node of Object.values(plan.representing)) fetched.push(this.representing(from, to, node));
    const document = plan.evidence?.document;
    if (document) {
      const d = this.variable('d');
      fetched.push(
        `COLLECT { MATCH (${d}:Entity {id: ${r}.source}) RETURN ${this.node(d, document.node)} }[0]`,
      );
    }
    return `[${from}.id, ${to}.id, ${props}, [${fetched.join(', ')}]]`;
  }

  /** The institution the person at `from` represented at the meeting at `to` (the first, as the loaders order them). */
  private representing(from: string, to: string, node: NodePlan): string {
    const r = this.variable('r');
    const i = this.variable('i');
    return `COLLECT { MATCH (${from})-[${r}:REPRESENTED]->(${i}:Entity) WHERE ${r}.context = ${to}.id WITH ${r}, ${i} ORDER BY ${byOtherEnd(i, r)} LIMIT 1 RETURN ${this.node(i, node)} }[0]`;
  }

  /**
   * Everyone at a meeting the person at `n` attended, with the attendances on both sides: one row per
   * pair of attendances, meeting by meeting as the loaders order them (rows.ts groups them by person).
   */
  private coAttendance(n: string, f: Extract<FieldPlan, { kind: 'coAttendance' }>): string {
    const [mine, theirs, m, p] = [
      this.variable('r'),
      this.variable('r'),
      this.variable('m'),
      this.variable('p'),
    ];
    const rel = coAttendanceRelPlan(f.evidence);
    const meeting = f.meetings ? `, meeting: ${this.node(m, f.meetings.node)}` : '';
    const person = f.person ? `, person: ${this.node(p, f.person)}` : '';
    return `COLLECT { MATCH (${n})-[${mine}:ATTENDED]->(${m}:Entity)<-[${theirs}:ATTENDED]-(${p}:Entity) WHERE ${p} <> ${n} WITH ${mine}, ${theirs}, ${m}, ${p} ORDER BY ${byOtherEnd(m, mine)}, ${byOtherEnd(p, theirs)} RETURN {id: ${p}.id, name: ${p}.name, own: ${this.relationship(mine, n, m, rel)}, theirs: ${this.relationship(theirs, p, m, rel)}${meeting}${person}} }`;
  }
}
