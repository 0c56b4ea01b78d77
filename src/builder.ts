// Creates the Pothos SchemaBuilder; defines no types (they live one per module under schema/).
// The complexity plugin holds every operation to a cost budget before its first resolver runs:
// each field costs 1, a list multiplies what it selects by 3, a paged field by its `first`
// (see `pagedComplexity` in schema/connection.ts), and a refusal is QUERY_TOO_COSTLY (HTTP 400).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import type { Context } from './context.ts';
import { QueryLimitError } from './errors.ts';
import { LIST_COST_MULTIPLIER, MAX_COMPLEXITY } from './limits.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { ID: { Input: string; Output: string } };
}>({
  plugins: [ComplexityPlugin],
  defaultFieldNullability: false,
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: LIST_COST_MULTIPLIER,
    limit: { complexity: MAX_COMPLEXITY },
    complexityError: (_kind, { complexity, maxComplexity }) =>
      new QueryLimitError(
        `The operation would cost ${complexity} (each field 1, lists and pages multiplied by their size); the budget is ${maxComplexity}. Ask for smaller pages or fewer fields.`,
        'QUERY_TOO_COSTLY',
        { cost: complexity, limit: maxComplexity ?? MAX_COMPLEXITY },
        400,
      ),
  },
});

builder.queryType({
  description:
    'Questions you can ask of the graph: look up an actor, institution, meeting or document by id, browse them in pages, or search by name.',
});

/** The builder's type map, for helpers that take refs (ObjectRef<BuilderTypes, Shape>). */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
