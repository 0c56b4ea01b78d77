// The vocabulary of the graph, shared by the seed format, the data layer and the schema.

/** Node labels; every node also carries the label `Entity`. */
export const ENTITY_TYPES = ['Person', 'Institution', 'Document', 'Meeting', 'Event', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

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
