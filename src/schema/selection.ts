// The selection sets of a request as the read compiler (plan.ts) walks them: the fields under a type
// by response key (fragments on the type or its interfaces merged, as GraphQL collects them), and
// what each field declares to the compiler (`extensions: compiles(…)`, where the field is declared).
// Anything it cannot follow exactly (a directive, one key for two fields) throws Unsupported, and
// the planner compiles nothing there. Also `orFetched`, the resolvers' side of it.
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isObjectType,
  Kind,
  print,
  type SelectionSetNode,
} from 'graphql';
import { fetchedValue } from '../data/compiled/plan.ts';
import type { Direction } from '../data/relationship.ts';
import type { RelationshipType } from '../model.ts';

/** What a field tells the compiler (its `extensions.compile`). */
export type Compile =
  | {
      along: {
        type: RelationshipType;
        direction: Direction;
        /** A list of relationships, of the entities at their other end, the first of those, or a page. */
        kind: 'relationships' | 'linked' | 'first' | 'page';
      };
    }
  | { end: 'from' | 'to' }
  | { representing: true }
  | { evidence: true }
  | { evidenceDocument: true }
  | { metWith: true };

/** The `extensions` that declare a field to the compiler. */
export const compiles = (compile: Compile) => ({ compile });

/** A selection the compiler does not follow. */
export class Unsupported extends Error {}

/** The fields of selection sets on `type`, by response key, as GraphQL collects them. */
export function collect(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  sets: readonly (SelectionSetNode | undefined)[],
): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.directives?.length) throw new Unsupported('a directive');
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const list = out.get(key) ?? [];
        const first = list[0];
        if (first && (first.name.value !== s.name.value || argsOf(first) !== argsOf(s)))
          throw new Unsupported('one response key for two fields');
        out.set(key, [...list, s]);
        continue;
      }
      const fragment = s.kind === Kind.FRAGMENT_SPREAD ? info.fragments[s.name.value] : s;
      if (!fragment) throw new Unsupported('an unknown fragment');
      const on = fragment.typeCondition?.name.value;
      if (on !== undefined && on !== type.name) {
        const abstract = info.schema.getType(on);
        if (!abstract || isObjectType(abstract)) continue; // another object type: never applies
        if (!type.getInterfaces().some((i) => i.name === on)) throw new Unsupported('a type condition');
      }
      visit(fragment.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return out;
}

const argsOf = (f: FieldNode) => (f.arguments ?? []).map((a) => print(a)).join(',');

export function compileOf(field: GraphQLField<unknown, unknown>): Compile | undefined {
  return (field.extensions as { compile?: Compile } | undefined)?.compile;
}

export function objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType | undefined {
  const t = getNamedType(field.type);
  return isObjectType(t) ? t : undefined;
}

export const selections = (nodes: readonly FieldNode[]) => nodes.map((n) => n.selectionSet);

/**
 * A child field's resolver that takes what the parent's compiled statement fetched for it, by
 * response key, and otherwise resolves as before (the loaders). `shape` turns a fetched value into
 * the field's (a page window into a page).
 */
export function orFetched<P, A, C, R>(
  resolve: (parent: P, args: A, ctx: C, info: GraphQLResolveInfo) => R | Promise<R>,
  shape: (value: never) => R = (v) => v as R,
) {
  return (parent: P, args: A, ctx: C, info: GraphQLResolveInfo): R | Promise<R> => {
    const hit = fetchedValue(parent, String(info.path.key));
    return hit ? shape(hit.value as never) : resolve(parent, args, ctx, info);
  };
}
