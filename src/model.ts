// The vocabulary of the graph, shared by the seed format, the data layer and the schema: the
// entity and relationship types, and the form of a public id ("person/deng-xiaoping").
import { InvalidIdError, WrongIdTypeError } from './errors.ts';

/** Node labels; every node also carries the label `Entity`. */
export const ENTITY_TYPES = [
  'Person',
  'Institution',
  'Document',
  'Meeting',
  'Event',
  'Place',
  'Statement',
] as const;
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
  TRANSLATION_OF: { from: ['Document'], to: ['Document'] },
  SAID: { from: ['Person'], to: ['Statement'] },
  ADDRESSED_TO: { from: ['Statement'], to: ['Person', 'Institution'] },
  ABOUT: { from: ['Statement'], to: ['Person', 'Institution', 'Meeting', 'Event', 'Place', 'Document'] },
  MADE_AT: { from: ['Statement'], to: ['Meeting'] },
  HELPED: { from: ['Person', 'Institution'], to: ['Person', 'Institution'] },
  EXPECTED_TO_MEET: { from: ['Person'], to: ['Person'] },
} as const satisfies Record<string, { from: readonly EntityType[]; to: readonly EntityType[] }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/**
 * The layer of a document a passage comes from: the body of the historical document (here the
 * translated 1959 text), an editorial insertion in it (bracketed text), or the archive's own
 * description of the document (its summary and citation). A claim about the past rests on the body;
 * the archival layer speaks about the document (its citation, translator, holder).
 */
export const EVIDENCE_LAYERS = ['body', 'editorial', 'archival'] as const;
export type EvidenceLayer = (typeof EVIDENCE_LAYERS)[number];

/** What a statement in a conversation does (a speech act), as the record presents it. */
export const STATEMENT_KINDS = [
  'greeting',
  'information',
  'question',
  'answer',
  'assertion',
  'agreement',
  'qualification',
  'assurance',
  'request',
  'hope',
  'thanks',
  'criticism',
  'self-criticism',
  'warning',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Whether the record quotes the speaker (direct) or reports what was said (reported). */
export const SPEECH_MODES = ['direct', 'reported'] as const;
export type SpeechMode = (typeof SPEECH_MODES)[number];

/** The writing system of an alias (ISO 15924). */
export const SCRIPTS = ['Latn', 'Cyrl', 'Hans', 'Hant'] as const;

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

// ---------------------------------------------------------------------------------------------
// External identifiers: the same entity in an authority file. Stored as
// `(e:Entity)-[:SAME_AS]->(:Identifier {key: 'wikidata:Q…', authority, value, …})`; the key is
// unique, so no two entities can claim one identifier.

/** The authority files an identifier may come from. */
export const AUTHORITIES = ['wikidata', 'viaf', 'snac', 'gnd', 'lc'] as const;
export type Authority = (typeof AUTHORITIES)[number];

/** The entity types that may carry external identifiers (documents and meetings do not). */
export const IDENTIFIED_TYPES = [
  'Person',
  'Institution',
  'Event',
  'Place',
] as const satisfies readonly EntityType[];

export interface AuthorityRule {
  /** The authority's name, for messages and documentation. */
  name: string;
  /** The form of a value (the authority's own format; Wikidata's format constraints where it has them). */
  pattern: RegExp;
  /** A well-formed example, for messages. */
  example: string;
  /** The identifier as a URI (for sameAs links). */
  uri: (value: string) => string;
}

export const AUTHORITY_RULES: Readonly<Record<Authority, AuthorityRule>> = {
  wikidata: {
    name: 'Wikidata',
    pattern: /^Q[1-9]\d*$/,
    example: 'Q15180',
    uri: (v) => `http://www.wikidata.org/entity/${v}`,
  },
  // 2 to 9 digits, or 19 to 22 (Wikidata P214)
  viaf: {
    name: 'VIAF',
    pattern: /^[1-9]\d(?:\d{0,7}|\d{17,20})$/,
    example: '113230702',
    uri: (v) => `http://viaf.org/viaf/${v}`,
  },
  // the whole ARK under SNAC's name assigning authority 99166: "w6" and noid's betanumeric letters
  snac: {
    name: 'SNAC',
    pattern: /^ark:\/99166\/w6[0-9bcdfghjkmnpqrstvwxz]{6,8}$/,
    example: 'ark:/99166/w6fj33d4',
    uri: (v) => `https://snaccooperative.org/${v}`,
  },
  // Wikidata P227: record numbers with their check digit, and the older hyphenated forms
  gnd: {
    name: 'GND',
    pattern: /^(?:1[0123]?\d{7}[0-9X]|[47]\d{6}-\d|[1-9]\d{0,7}-[0-9X]|3\d{7}[0-9X])$/,
    example: '118540238',
    uri: (v) => `https://d-nb.info/gnd/${v}`,
  },
  // the Name Authority File only (n, nb, nr, no, ns), as a normalized LCCN: a 2- or 4-digit year, 6 digits
  lc: {
    name: 'Library of Congress Name Authority File',
    pattern: /^n[bors]?(?:[4-9]\d|00|20[0-2]\d)\d{6}$/,
    example: 'n79022935',
    uri: (v) => `http://id.loc.gov/authorities/names/${v}`,
  },
};

/** What is wrong with a value for an authority, or null when it is well formed. */
export function identifierProblem(authority: Authority, value: string): string | null {
  const rule = AUTHORITY_RULES[authority];
  return rule.pattern.test(value)
    ? null
    : `"${value.slice(0, 60)}" is not a ${rule.name} identifier (expected the form of ${rule.example})`;
}

/** The stored key of an identifier: authority, colon, value ("wikidata:Q15180"). */
export const identifierKey = (authority: Authority, value: string): string => `${authority}:${value}`;
