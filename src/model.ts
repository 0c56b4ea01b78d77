// The vocabulary of the graph, shared by the seed format, the data layer and the schema: the
// entity and relationship types, and the form of a public id ("person/deng-xiaoping").
import { InvalidIdError, WrongIdTypeError } from './errors.ts';

/** Node labels; every node also carries the label `Entity`. */
export const ENTITY_TYPES = ['Person', 'Institution', 'Document', 'Meeting', 'Event', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The prefix of an id names its type: "person/…" is a Person. Derived from ENTITY_TYPES. */
export const ID_PREFIXES: Readonly<Record<string, EntityType>> = Object.freeze(
  Object.fromEntries(ENTITY_TYPES.map((t) => [t.toLowerCase(), t])),
);

/** A public id: a type prefix, a slash, lowercase words joined by hyphens. */
export const ID_PATTERN = new RegExp(`^(${Object.keys(ID_PREFIXES).join('|')})/[a-z0-9]+(?:-[a-z0-9]+)*$`);

/** The type an id names by its prefix, or undefined when the id is not of our form. */
export function typeOfId(id: string): EntityType | undefined {
  return ID_PATTERN.test(id) ? ID_PREFIXES[id.slice(0, id.indexOf('/'))] : undefined;
}

/**
 * Checks a client's id: its form (INVALID_ID) and, when `expected` is given, that it names that
 * type (WRONG_ID_TYPE). Returns the type it names.
 */
export function checkId(id: string, argument = 'id', expected?: EntityType): EntityType {
  const type = typeOfId(id);
  if (!type) throw new InvalidIdError(id, argument);
  if (expected && type !== expected) throw new WrongIdTypeError(id, argument, expected, type);
  return type;
}

/** Relationship types with the node types allowed at each end. */
export const RELATIONSHIP_TYPES = {
  ATTENDED: { from: ['Person'], to: ['Meeting'] },
  PARTICIPATED_IN: { from: ['Person'], to: ['Event'] },
  REPRESENTED: { from: ['Person'], to: ['Institution'] },
  MENTIONS: { from: ['Document'], to: ['Person', 'Institution', 'Document', 'Meeting', 'Event', 'Place'] },
  RECORDS: { from: ['Document'], to: ['Meeting', 'Event'] },
  AUTHORED: { from: ['Person'], to: ['Document'] },
  TRANSLATED: { from: ['Person'], to: ['Document'] },
  OBTAINED: { from: ['Person'], to: ['Document'] },
  HELD_BY: { from: ['Document'], to: ['Institution'] },
  HELD_POSITION: { from: ['Person'], to: ['Institution'] },
  PART_OF: { from: ['Institution'], to: ['Institution'] },
  TOOK_PLACE_IN: { from: ['Meeting', 'Event'], to: ['Place', 'Institution'] },
} as const satisfies Record<string, { from: readonly EntityType[]; to: readonly EntityType[] }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

export const PRECISIONS = ['day', 'month', 'year'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const CERTAINTIES = ['stated', 'inferred'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const INSTITUTION_KINDS = [
  'state',
  'party',
  'party-organ',
  'ministry',
  'ministry-division',
  'embassy',
  'archive',
  'collection',
] as const;
