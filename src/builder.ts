// Creates the Pothos SchemaBuilder; defines no types (they live one per module under schema/).
import SchemaBuilder from '@pothos/core';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: { ID: { Input: string; Output: string } };
}>({
  defaultFieldNullability: false,
});

builder.queryType({
  description:
    'Questions you can ask of the graph: look up an actor, institution, meeting or document by id, browse them in pages, or search by name.',
});

/** The builder's type map, for helpers that take refs (ObjectRef<BuilderTypes, Shape>). */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
