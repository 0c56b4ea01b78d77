// What the reconciliation service speaks of: its types (the graph's entity types), its properties
// (usable as query constraints, as data extension columns, or both) and the manifest that announces
// them with the service's endpoints.

import { RECONCILE_MAX_QUERIES } from '../limits.ts';
import { ENTITY_TYPES, type EntityType } from '../model.ts';
import type { Uris } from '../uris.ts';

/** The types in the order the manifest offers them (people first: what a spreadsheet of names holds). */
export const SERVICE_TYPES: readonly EntityType[] = [
  'Person',
  'Institution',
  'Meeting',
  'Document',
  'Event',
  'Place',
];

const TYPE_DESCRIPTIONS: Record<EntityType, string> = {
  Person: 'A person named in the sources: diplomats, party officials, translators, archivists.',
  Institution: 'A state, party, party organ, ministry, division, embassy, archive or collection.',
  Meeting: 'A recorded conversation or meeting, with its date.',
  Document: 'A source document: a memorandum, a diary entry, a published translation.',
  Event: 'An event the sources speak of: a visit, a celebration, a revolution.',
  Place: 'A place the sources name.',
  Statement: 'Something a participant said in a recorded conversation.',
};

export interface ServiceType {
  id: EntityType;
  name: string;
  description: string;
}

export const serviceTypes = (): ServiceType[] =>
  SERVICE_TYPES.map((t) => ({ id: t, name: t, description: TYPE_DESCRIPTIONS[t] }));

/** The type a client names: "Person", "person" or the schema-space URI "{base}/ns#Person". */
export function typeNamed(given: string, uris: Uris): EntityType | undefined {
  const bare = given.startsWith(schemaSpace(uris)) ? given.slice(schemaSpace(uris).length) : given;
  return ENTITY_TYPES.find((t) => t.toLowerCase() === bare.trim().toLowerCase());
}

export const identifierSpace = (uris: Uris) => `${uris.base}/id/`;
export const schemaSpace = (uris: Uris) => `${uris.base}/ns#`;

/** The id of an entity a client gives: our id, or its URI under the identifier space. */
export function entityIdGiven(given: string, uris: Uris): string {
  const space = identifierSpace(uris);
  const trimmed = given.trim();
  return trimmed.startsWith(space) ? decodeURIComponent(trimmed.slice(space.length)) : trimmed;
}

/** What a property's values are: text, or entities of a type (reconciled in this service's space). */
export type ValueKind = 'text' | 'date' | EntityType;

export interface ServiceProperty {
  id: string;
  name: string;
  description: string;
  /** The types whose entities may have it. */
  types: readonly EntityType[];
  /** Usable in a reconciliation query's `properties` (a constraint on the candidates). */
  constraint: boolean;
  /** Fetchable by data extension. */
  extend: boolean;
  values: ValueKind;
}

const ALL = ENTITY_TYPES;

export const SERVICE_PROPERTIES: readonly ServiceProperty[] = [
  {
    id: 'heldPositionAt',
    name: 'Held a position at',
    description:
      'An institution where the person held a post, or one it is part of (up to three levels): an id such as "institution/ccp-cc", or a name ("CCP CC", "Soviet embassy").',
    types: ['Person'],
    constraint: true,
    extend: true,
    values: 'Institution',
  },
  {
    id: 'positions',
    name: 'Positions',
    description:
      'Posts held, as "title @ institution". As a constraint: words of the title and institution, e.g. "Ambassador" or "General Secretary".',
    types: ['Person'],
    constraint: true,
    extend: true,
    values: 'text',
  },
  {
    id: 'represented',
    name: 'Represented',
    description: 'An institution the person represented at a meeting, or one it is part of.',
    types: ['Person'],
    constraint: true,
    extend: true,
    values: 'Institution',
  },
  {
    id: 'attended',
    name: 'Attended',
    description:
      'A meeting the person attended: an id such as "meeting/chervonenko-deng-1959-11-06", or its name.',
    types: ['Person'],
    constraint: true,
    extend: true,
    values: 'Meeting',
  },
  {
    id: 'participatedIn',
    name: 'Took part in',
    description: 'An event the person took part in.',
    types: ['Person'],
    constraint: true,
    extend: true,
    values: 'Event',
  },
  {
    id: 'partOf',
    name: 'Part of',
    description: 'An institution this one is part of (as a constraint: up to three levels up).',
    types: ['Institution'],
    constraint: true,
    extend: true,
    values: 'Institution',
  },
  {
    id: 'dateActive',
    name: 'Active on',
    description:
      "A date (YYYY, YYYY-MM or YYYY-MM-DD) that overlaps a dated post, a meeting attended, an event taken part in, a document written, or the entity's own date.",
    types: ALL,
    constraint: true,
    extend: false,
    values: 'date',
  },
  {
    id: 'externalIds',
    name: 'External identifiers',
    description:
      'Identifiers in authority files as "authority:value" (wikidata, viaf, snac, gnd, lc), e.g. "wikidata:Q148"; a bare value also matches.',
    types: ALL,
    constraint: true,
    extend: true,
    values: 'text',
  },
  {
    id: 'wikidata',
    name: 'Wikidata item',
    description: 'The Wikidata item id (e.g. "Q148"); as a constraint also its URI.',
    types: ALL,
    constraint: true,
    extend: true,
    values: 'text',
  },
  {
    id: 'aliases',
    name: 'Aliases',
    description: 'Other names and spellings: transliterations, Cyrillic, Chinese characters, initials.',
    types: ALL,
    constraint: false,
    extend: true,
    values: 'text',
  },
  {
    id: 'description',
    name: 'Description',
    description: 'What the graph says the entity is.',
    types: ALL,
    constraint: false,
    extend: true,
    values: 'text',
  },
  {
    id: 'date',
    name: 'Date',
    description: 'The date of a meeting, event or document, at its precision (YYYY, YYYY-MM or YYYY-MM-DD).',
    types: ['Meeting', 'Event', 'Document'],
    constraint: false,
    extend: true,
    values: 'text',
  },
  {
    id: 'uri',
    name: 'URI',
    description: 'The stable URI of the entity, to cite it or fetch it as linked data.',
    types: ALL,
    constraint: false,
    extend: true,
    values: 'text',
  },
];

export const propertyById = (id: string): ServiceProperty | undefined =>
  SERVICE_PROPERTIES.find((p) => p.id === id);

/** The service manifest (W3C Reconciliation Service API v0.2, "Service Manifest"). */
export function manifest(uris: Uris) {
  const base = uris.base;
  return {
    versions: ['0.2'],
    name: 'coldwar-graph: Cold War actors and the documents that attest them',
    identifierSpace: identifierSpace(uris),
    schemaSpace: schemaSpace(uris),
    batchSize: RECONCILE_MAX_QUERIES,
    view: { url: `${base}/id/{{id}}` },
    defaultTypes: SERVICE_TYPES.map((t) => ({ id: t, name: t })),
    preview: { url: `${base}/reconcile/preview?id={{id}}`, width: 420, height: 260 },
    suggest: {
      entity: { service_url: base, service_path: '/reconcile/suggest/entity' },
      type: { service_url: base, service_path: '/reconcile/suggest/type' },
      property: { service_url: base, service_path: '/reconcile/suggest/property' },
    },
    extend: {
      propose_properties: { service_url: base, service_path: '/reconcile/properties' },
      property_settings: [
        {
          name: 'limit',
          label: 'Limit',
          type: 'number',
          default: 0,
          help_text: 'Most values to fetch per entity (0: all of them)',
        },
      ],
    },
  };
}
