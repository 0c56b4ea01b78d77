// Relationships: the generic Relationship type (one edge, its direction, attributes and evidence),
// and the fields every relationship-backed type shares (its two ends and its evidence), declared once.
import type { InterfaceRef, ObjectRef } from '@pothos/core';
import { type BuilderTypes, builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Direction } from '../data/relationship.ts';
import type { EntityRow, RelationshipRow } from '../data/types.ts';
import {
  EVIDENCE_LAYERS,
  type EvidenceLayer,
  RELATIONSHIP_TYPE_NAMES,
  type RelationshipType,
} from '../model.ts';
import type { GraphReader } from '../reader.ts';
import { CertaintyEnum, EvidenceLayerEnum, EvidenceRef, HistoricalDateRef, supportedBy } from './evidence.ts';
import { EntityRef } from './refs.ts';
import { compiles, orFetched } from './selection.ts';

const RELATIONSHIP_TYPE_DOCS: Record<RelationshipType, string> = {
  ATTENDED: 'Person → Meeting: was present, in a role.',
  PARTICIPATED_IN: 'Person → Event: took part.',
  REPRESENTED: 'Person → Institution: acted for it, at a meeting.',
  MENTIONS: 'Document → any entity: names it.',
  RECORDS: 'Document → Meeting or Event: is the record of it.',
  AUTHORED: 'Person → Document: wrote it.',
  TRANSLATED: 'Person → Document: translated it.',
  OBTAINED: 'Person → Document: obtained it from the archive.',
  HELD_BY: 'Document → Institution: is held (or published) there, with a reference.',
  HELD_POSITION: 'Person → Institution: held a post there.',
  PART_OF: 'Institution → Institution: is part of it.',
  TOOK_PLACE_IN: 'Meeting or Event → Place or state: happened there.',
  TRANSLATION_OF: 'Document → Document: is a translation of it.',
  SAID: 'Person → Statement: said it (in a recorded conversation).',
  ADDRESSED_TO: 'Statement → Person or Institution: was said to them.',
  ABOUT: 'Statement → any entity: speaks of it.',
  MADE_AT: 'Statement → Meeting: was said in that conversation.',
  HELPED:
    'Person or Institution → Person or Institution: gave help, as a statement asserts (see `statement`).',
  EXPECTED_TO_MEET: 'Person → Person: expected to meet again, as a statement says (see `statement`).',
};

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description: 'The kinds of relationships between entities, each supported by evidence from a document.',
  values: Object.fromEntries(
    RELATIONSHIP_TYPE_NAMES.map((t) => [t, { value: t, description: RELATIONSHIP_TYPE_DOCS[t] }]),
  ) as Record<string, { value: RelationshipType }>,
});

type EndRef = ObjectRef<BuilderTypes, EntityRow> | InterfaceRef<BuilderTypes, EntityRow>;
/** One end of a relationship as a field: its name, its type and what it is. */
type End = [name: string, type: EndRef, description: string];

/**
 * Declares the fields every relationship-backed type has: the entity at each end (`from`, `to`
 * under the names the type gives them) and the evidence.
 */
export function relationshipFields(
  ref: ObjectRef<BuilderTypes, RelationshipRow>,
  ends: { from: End; to: End; evidence: string },
): void {
  builder.objectFields(ref, (t) => ({
    [ends.from[0]]: t.field({
      type: ends.from[1],
      description: ends.from[2],
      extensions: compiles({ end: 'from' }),
      resolve: orFetched((r: RelationshipRow, _a, ctx: Context) => ctx.graph.ref(r.from)),
    }),
    [ends.to[0]]: t.field({
      type: ends.to[1],
      description: ends.to[2],
      extensions: compiles({ end: 'to' }),
      resolve: orFetched((r: RelationshipRow, _a, ctx: Context) => ctx.graph.ref(r.to)),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: ends.evidence,
      extensions: compiles({ evidence: true }),
      resolve: (r) => r.evidence,
    }),
    layers: t.field({
      type: [EvidenceLayerEnum],
      description:
        'The layers of the document its passages come from, each once (BODY first): a claim resting on ARCHIVAL alone is about the document, not the past.',
      resolve: (r) => EVIDENCE_LAYERS.filter((l) => r.evidence.some((e) => e.layer === l)),
    }),
  }));
}

/** The date fields of a relationship with a term (a post, any relationship on Relationship). */
export function termFields(
  ref: ObjectRef<BuilderTypes, RelationshipRow>,
  docs: { start: string; end: string; attested: string },
): void {
  builder.objectFields(ref, (t) => ({
    startDate: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: docs.start,
      resolve: (r) => r.startDate,
    }),
    endDate: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: docs.end,
      resolve: (r) => r.endDate,
    }),
    attestedDate: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: docs.attested,
      resolve: (r) => r.attestedDate,
    }),
  }));
}

type EntityObjectRef = ObjectRef<BuilderTypes, EntityRow>;
type RelationshipObjectRef = ObjectRef<BuilderTypes, RelationshipRow>;
/** A list field along one relationship type and direction: its item type and what it lists. */
type Along<R> = [type: R, relationship: RelationshipType, direction: Direction, description: string];

/** Declares list fields along relationships, each loaded by `load` (relationships or far ends). */
function fieldsAlong<R extends EndRef | RelationshipObjectRef>(
  ref: EntityObjectRef,
  fields: Record<string, Along<R>>,
  kind: 'relationships' | 'linked',
  load: (
    graph: GraphReader,
    id: string,
    relationship: RelationshipType,
    direction: Direction,
  ) => Promise<unknown>,
): void {
  builder.objectFields(ref, (t) =>
    Object.fromEntries(
      Object.entries(fields).map(([name, [type, relationship, direction, description]]) => [
        name,
        t.field({
          type: [type as EndRef],
          description,
          ...(kind === 'relationships'
            ? {
                args: {
                  supportedBy: t.arg({
                    type: [EvidenceLayerEnum],
                    required: false,
                    description:
                      "Only relationships with at least one passage in these layers, e.g. [BODY] for what the historical document itself supports (not the archive's description alone).",
                  }),
                },
              }
            : {}),
          extensions: compiles({ along: { type: relationship, direction, kind } }),
          resolve: orFetched(
            async (e: EntityRow, args: { supportedBy?: readonly EvidenceLayer[] | null }, ctx: Context) => {
              const rows = await load(ctx.graph, e.id, relationship, direction);
              return (
                kind === 'relationships' ? supportedBy(rows as RelationshipRow[], args.supportedBy) : rows
              ) as EntityRow[];
            },
          ),
        }),
      ]),
    ),
  );
}

/** Declares fields that list a node's relationships of one type and direction, with their evidence. */
export function relationshipListFields(
  ref: EntityObjectRef,
  fields: Record<string, Along<RelationshipObjectRef>>,
) {
  fieldsAlong(ref, fields, 'relationships', (graph, ...along) => graph.relationships(...along));
}

/** Declares fields that list the entities at the other end of a node's relationships of one type. */
export function linkedEntityFields(ref: EntityObjectRef, fields: Record<string, Along<EndRef>>) {
  fieldsAlong(ref, fields, 'linked', (graph, ...along) => graph.linked(...along));
}

interface Property {
  key: string;
  value: string;
}

const RelationshipPropertyRef = builder.objectRef<Property>('RelationshipProperty').implement({
  description:
    'One attribute of a relationship as the extraction recorded it, e.g. role "present" or title "Counselor".',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Which attribute: role, title, context (the id of the meeting it happened at), reference, startDate, endDate or attestedDate.',
    }),
    value: t.exposeString('value', {
      description: 'Its value as text; dates are ISO 8601 at their precision (1959, 1959-11, 1959-11-06).',
    }),
  }),
});

/** The attributes recorded on a relationship, only those present, in a fixed order. */
function propertiesOf(r: RelationshipRow): Property[] {
  const entries: [string, string | null | undefined][] = [
    ['role', r.role],
    ['title', r.title],
    ['context', r.context],
    ['reference', r.reference],
    ['startDate', r.startDate?.value],
    ['endDate', r.endDate?.value],
    ['attestedDate', r.attestedDate?.value],
  ];
  return entries.filter((e): e is [string, string] => !!e[1]).map(([key, value]) => ({ key, value }));
}

export const RelationshipRef = builder.objectRef<RelationshipRow>('Relationship').implement({
  description:
    'A relationship between two entities as a document supports it, e.g. a person ATTENDED a meeting. It keeps its own direction (`from` → `to`), whichever way a path walks along it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id of the relationship, as the extraction gives it.' }),
    uri: t.string({
      description:
        'The stable HTTP URI of this claim (the relationship as its document supports it), in the formats of `Entity.uri`.',
      resolve: (r, _a, ctx) => ctx.uris.relationship(r.id),
    }),
    type: t.expose('type', {
      type: RelationshipTypeEnum,
      description: 'What kind of relationship it is.',
    }),
    properties: t.field({
      type: [RelationshipPropertyRef],
      description: 'The attributes recorded on the relationship (role, title, dates…); only those present.',
      resolve: (r) => propertiesOf(r),
    }),
    certainty: t.expose('certainty', {
      type: CertaintyEnum,
      description:
        'STATED when at least one passage says it outright; INFERRED when all of it is our reading.',
    }),
  }),
});

relationshipFields(RelationshipRef, {
  from: [
    'from',
    EntityRef,
    'The entity the relationship starts from (the person who attended, the document that mentions).',
  ],
  to: [
    'to',
    EntityRef,
    'The entity the relationship points to (the meeting attended, the person mentioned).',
  ],
  evidence: 'The passages of the source document that support the relationship.',
});
termFields(RelationshipRef, {
  start: 'When it began (a post taken up), if a source says.',
  end: 'When it ended (a post left), if a source says.',
  attested: 'A date at which a source shows it holding, when its beginning and end are not known.',
});
