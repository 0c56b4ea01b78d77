// Guards for the few things a statement writes into its text rather than pass as a parameter:
// labels and relationship types (from the closed lists in model.ts) and hop bounds (checked
// integers, since Cypher takes no parameter there). A failure here is a bug, never client input.
import { ENTITY_TYPES, type EntityType, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model.ts';

export function assertLabel(label: string): asserts label is EntityType {
  if (!ENTITY_TYPES.includes(label as EntityType)) throw new Error(`unknown label ${label}`);
}

export function assertRelationshipType(type: string): asserts type is RelationshipType {
  if (!RELATIONSHIP_TYPE_NAMES.includes(type as RelationshipType))
    throw new Error(`unknown relationship ${type}`);
}

/** `A|B|C` for a pattern, from the closed list only. */
export function typeAlternation(types: readonly RelationshipType[]): string {
  if (!types.length) throw new Error('at least one relationship type is needed');
  for (const t of types) assertRelationshipType(t);
  return [...new Set(types)].join('|');
}

export function boundedInt(n: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${what} must be an integer in ${min}..${max}`);
  return n;
}
