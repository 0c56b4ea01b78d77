// A validation rule that bounds what one operation may ask for, before anything runs: how deep it
// nests (meeting → attendees → person → attended → meeting → …), how many fields it selects in all,
// and how many fields marked expensive (`extensions: EXPENSIVE` on the field, see limits.ts) it
// calls. Introspection counts too (`__schema` and `__type` as expensive), so it cannot be used to
// build an answer of megabytes. Fragments are measured once each, so a document built of repeated fragments costs linear
// time. The maximums live in limits.ts.
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValidationContext,
} from 'graphql';
import { QueryLimitError } from './errors.ts';
import { MAX_EXPENSIVE_FIELDS, MAX_QUERY_DEPTH, MAX_QUERY_FIELDS } from './limits.ts';

interface Measure {
  depth: number;
  /** Fields selected, fragments expanded. */
  fields: number;
  /** Calls of fields marked expensive. */
  expensive: number;
}

export interface Limits {
  depth: number;
  fields: number;
  expensive: number;
}

export const DEFAULT_LIMITS: Limits = {
  depth: MAX_QUERY_DEPTH,
  fields: MAX_QUERY_FIELDS,
  expensive: MAX_EXPENSIVE_FIELDS,
};

/** The coordinates (`Type.field`) of every field whose extensions mark it expensive. */
export function expensiveFields(schema: GraphQLSchema): Set<string> {
  const found = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if ((field.extensions as { expensive?: boolean }).expensive) found.add(`${type.name}.${field.name}`);
    }
  }
  return found;
}

/** Introspection counts like any other field; each of these answers a lot and counts as expensive. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

export function operationLimits(schema: GraphQLSchema, limits: Limits = DEFAULT_LIMITS) {
  const expensive = expensiveFields(schema);
  const fieldOf = (parent: GraphQLCompositeType | undefined, name: string) => {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
    if (name === '__typename') return TypeNameMetaFieldDef;
    return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
  };
  const typeOf = (name: string | undefined) => {
    const t = name ? schema.getType(name) : undefined;
    return t && (isObjectType(t) || isInterfaceType(t)) ? t : undefined;
  };
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const memo = new Map<string, Measure>();
    const visiting = new Set<string>();

    const measure = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): Measure => {
      const m: Measure = { depth: 0, fields: 0, expensive: 0 };
      const add = (inner: Measure, extraDepth: number) => {
        m.depth = Math.max(m.depth, inner.depth + extraDepth);
        m.fields += inner.fields;
        m.expensive += inner.expensive;
      };
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          const def = fieldOf(parent, name);
          const inner = selection.selectionSet
            ? measure(selection.selectionSet, typeOf(def && getNamedType(def.type).name))
            : { depth: 0, fields: 0, expensive: 0 };
          const costly =
            INTROSPECTION_ROOTS.has(name) || (parent && expensive.has(`${parent.name}.${name}`)) ? 1 : 0;
          // unwrapping a type reference (ofType { ofType { … } }) is not nesting: its answer ends soon
          const nests = name === 'ofType' ? 0 : 1;
          add({ depth: inner.depth, fields: inner.fields + 1, expensive: inner.expensive + costly }, nests);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(measure(selection.selectionSet, typeOf(selection.typeCondition?.name.value) ?? parent), 0);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other rules report it
          let known = memo.get(name);
          if (!known) {
            visiting.add(name);
            known = measure(fragment.selectionSet, typeOf(fragment.typeCondition.name.value));
            visiting.delete(name);
            memo.set(name, known);
          }
          add(known, 0);
        }
      }
      return m;
    };

    const refuse = (
      message: string,
      code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_LARGE',
      facts: Record<string, number>,
    ) => context.reportError(new QueryLimitError(message, code, facts));

    return {
      OperationDefinition(node) {
        const root =
          node.operation === 'query'
            ? schema.getQueryType()
            : node.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const m = measure(node.selectionSet, root ?? undefined);
        if (m.depth > limits.depth) {
          refuse(
            `The operation is nested ${m.depth} levels deep; the limit is ${limits.depth}. Split it into smaller queries.`,
            'QUERY_TOO_DEEP',
            { depth: m.depth, limit: limits.depth },
          );
        } else if (m.fields > limits.fields) {
          refuse(
            `The operation selects ${m.fields} fields (fragments expanded); the limit is ${limits.fields}.`,
            'QUERY_TOO_LARGE',
            { fields: m.fields, limit: limits.fields },
          );
        } else if (m.expensive > limits.expensive) {
          refuse(
            `The operation calls paths, networks, search, timeline or introspection (__schema, __type) ${m.expensive} times; the limit is ${limits.expensive}.`,
            'QUERY_TOO_LARGE',
            { expensive: m.expensive, limit: limits.expensive },
          );
        }
      },
    };
  };
}
