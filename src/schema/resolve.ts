// Small helpers that keep resolvers to one line: relationships through the loaders, and their ends.
import type { Context } from '../context.ts';
import type { Direction } from '../data/graph.ts';
import type { EntityRow, RelationshipRow } from '../data/types.ts';
import type { EntityType, RelationshipType } from '../model.ts';
import { checkId, notFound } from './errors.ts';

export function rels(
  ctx: Context,
  id: string,
  type: RelationshipType,
  direction: Direction,
): Promise<RelationshipRow[]> {
  return ctx.loaders.relationships(type, direction).load(id);
}

/** The entities at the far end of each relationship, in the same order. */
export function ends(ctx: Context, list: RelationshipRow[], end: 'from' | 'to'): Promise<EntityRow[]> {
  return Promise.all(list.map((r) => ctx.loaders.existing(r[end])));
}

/** Relationships of a type at a node, then the entities at their other end. */
export async function neighbours(
  ctx: Context,
  id: string,
  type: RelationshipType,
  direction: Direction,
): Promise<EntityRow[]> {
  return ends(ctx, await rels(ctx, id, type, direction), direction === 'out' ? 'to' : 'from');
}

/** Loads an entity for a root field: checks the id's form and type first, then NOT_FOUND. */
export async function entityById(ctx: Context, id: string, expected?: EntityType): Promise<EntityRow> {
  checkId(id, 'id', expected);
  const row = await ctx.loaders.entity.load(id);
  if (!row) throw notFound(id);
  return row;
}
