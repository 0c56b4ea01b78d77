// Validation rules that bound what one operation may ask for, before anything runs: how deep it
// nests (meeting → attendees → person → attended → meeting → …), how many fields it selects in all,
// and how many of the expensive root fields (paths, networks, search, timeline) it calls.
// Fragments are measured once each, so a document built of repeated fragments costs linear time.
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_FIELDS = 2000;
export const MAX_EXPENSIVE_FIELDS = 10;
export const EXPENSIVE_FIELDS = new Set([
  'shortestPath',
  'allShortestPaths',
  'neighborhood',
  'search',
  'timeline',
]);

interface Measure {
  depth: number;
  /** Fields selected, fragments expanded. */
  fields: number;
  /** Expensive root-level fields called (meaningful at the top level only). */
  expensive: number;
}

export function operationLimits(
  limits = { depth: MAX_QUERY_DEPTH, fields: MAX_QUERY_FIELDS, expensive: MAX_EXPENSIVE_FIELDS },
) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const memo = new Map<string, Measure>();
    const visiting = new Set<string>();

    const measure = (set: SelectionSetNode): Measure => {
      const m: Measure = { depth: 0, fields: 0, expensive: 0 };
      const add = (inner: Measure, extraDepth: number) => {
        m.depth = Math.max(m.depth, inner.depth + extraDepth);
        m.fields += inner.fields;
        m.expensive += inner.expensive;
      };
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const inner = selection.selectionSet
            ? measure(selection.selectionSet)
            : { depth: 0, fields: 0, expensive: 0 };
          add(
            {
              depth: inner.depth,
              fields: inner.fields + 1,
              expensive: EXPENSIVE_FIELDS.has(selection.name.value) ? 1 : 0,
            },
            1,
          );
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          add(measure(selection.selectionSet), 0);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other rules report it
          let known = memo.get(name);
          if (!known) {
            visiting.add(name);
            known = measure(fragment.selectionSet);
            visiting.delete(name);
            memo.set(name, known);
          }
          add(known, 0);
        }
      }
      return m;
    };

    const refuse = (message: string, code: string, extensions: Record<string, number>) =>
      context.reportError(new GraphQLError(message, { extensions: { code, ...extensions } }));

    return {
      OperationDefinition(node) {
        const m = measure(node.selectionSet);
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
            `The operation calls paths, networks, search or timeline ${m.expensive} times; the limit is ${limits.expensive}.`,
            'QUERY_TOO_LARGE',
            { expensive: m.expensive, limit: limits.expensive },
          );
        }
      },
    };
  };
}
