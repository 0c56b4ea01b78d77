// Types shared by every domain module: the Node and Entity interfaces, dates, evidence, enums.
import { builder } from '../builder.ts';
import type { EntityRow, Evidence, ExternalId, HistoricalDate } from '../data/types.ts';
import { CERTAINTIES, ENTITY_TYPES, PRECISIONS, RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { DocumentRef } from './refs.ts';

const ENTITY_TYPE_DOCS: Record<(typeof ENTITY_TYPES)[number], string> = {
  Person: 'A person named in the sources.',
  Institution: 'A state, party or organ, ministry or division, embassy, archive or collection.',
  Document: 'A source document.',
  Meeting: 'A meeting or conversation a document records.',
  Event: 'An event the sources speak of.',
  Place: 'A place the sources name.',
};

const RELATIONSHIP_TYPE_DOCS: Record<(typeof RELATIONSHIP_TYPE_NAMES)[number], string> = {
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
};

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The kinds of things the graph holds.',
  values: Object.fromEntries(
    ENTITY_TYPES.map((t) => [t.toUpperCase(), { value: t, description: ENTITY_TYPE_DOCS[t] }]),
  ) as Record<string, { value: (typeof ENTITY_TYPES)[number] }>,
});

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description: 'The kinds of relationships between entities, each supported by evidence from a document.',
  values: Object.fromEntries(
    RELATIONSHIP_TYPE_NAMES.map((t) => [t, { value: t, description: RELATIONSHIP_TYPE_DOCS[t] }]),
  ) as Record<string, { value: (typeof RELATIONSHIP_TYPE_NAMES)[number] }>,
});

export const PrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a date is known.',
  values: {
    DAY: { value: PRECISIONS[0], description: 'Known to the day.' },
    MONTH: { value: PRECISIONS[1], description: 'Known to the month only.' },
    YEAR: { value: PRECISIONS[2], description: 'Known to the year only.' },
  },
});

export const CertaintyEnum = builder.enumType('Certainty', {
  description: 'Whether the source says a thing outright or it is our reading of the source.',
  values: {
    STATED: { value: CERTAINTIES[0], description: 'The quoted passage says it.' },
    INFERRED: { value: CERTAINTIES[1], description: 'Inferred from the passage; see `reasoning`.' },
  },
});

export const HistoricalDateRef = builder.objectRef<HistoricalDate>('HistoricalDate').implement({
  description:
    'A date as precisely as the sources allow. `value` is ISO 8601 at its precision (1959, 1959-11 or 1959-11-06); `earliest` and `latest` bound the interval it stands for.',
  fields: (t) => ({
    value: t.exposeString('value', {
      description: 'The date at its precision: YYYY, YYYY-MM or YYYY-MM-DD.',
    }),
    precision: t.expose('precision', {
      type: PrecisionEnum,
      description: 'How precisely the date is known.',
    }),
    earliest: t.exposeString('earliest', { description: 'First day the date can stand for (YYYY-MM-DD).' }),
    latest: t.exposeString('latest', { description: 'Last day the date can stand for (YYYY-MM-DD).' }),
    certainty: t.expose('certainty', {
      type: CertaintyEnum,
      description: 'Whether a source states the date.',
    }),
    reasoning: t.exposeString('reasoning', {
      nullable: true,
      description: 'For an inferred date, how it was worked out.',
    }),
  }),
});

export const ExternalIdRef = builder.objectRef<ExternalId>('ExternalId').implement({
  description: 'An identifier of the same entity in another authority file, checked before it was recorded.',
  fields: (t) => ({
    scheme: t.exposeString('scheme', { description: 'The authority: "wikidata" or "viaf".' }),
    value: t.exposeString('value', { description: 'The identifier in that authority, e.g. Q15180.' }),
    uri: t.string({
      description: 'The identifier as a URI, for sameAs links.',
      resolve: (x) =>
        x.scheme === 'wikidata'
          ? `http://www.wikidata.org/entity/${x.value}`
          : `http://viaf.org/viaf/${x.value}`,
    }),
    verifiedBy: t.exposeString('verifiedBy', { description: 'How and where the identifier was checked.' }),
  }),
});

export const NodeRef = builder.interfaceRef<EntityRow>('Node').implement({
  description: 'Anything with a global id. Ids are readable and stable, e.g. "person/deng-xiaoping".',
  resolveType: (row) => row.type,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Global, stable id: a type, a slash and a readable name.' }),
  }),
});

export const EntityRef = builder.interfaceRef<EntityRow>('Entity').implement({
  description: 'A person, institution, document, meeting, event or place in the graph.',
  interfaces: [NodeRef],
  resolveType: (row) => row.type,
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'The name under which the entity is best known (a document: its title).',
    }),
    aliases: t.exposeStringList('aliases', {
      description:
        'Other names: spellings found in the sources, transliterations (pinyin, Wade–Giles, Cyrillic), fuller forms.',
    }),
    description: t.exposeString('description', {
      description: 'A short description drawn from the sources.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Notes for historians: discrepancies between sources, how names were checked.',
    }),
    externalIds: t.field({
      type: [ExternalIdRef],
      description: 'Verified identifiers in other authorities (Wikidata, VIAF). Never guessed; often empty.',
      resolve: (row) => row.externalIds,
    }),
  }),
});

export const EvidenceRef = builder.objectRef<Evidence>('Evidence').implement({
  description:
    "The passage of a document that supports a relationship: a verbatim quote and its character offsets in the document's stored `text`.",
  fields: (t) => ({
    document: t.field({
      type: DocumentRef,
      description: 'The document quoted.',
      resolve: (e, _args, ctx) => ctx.loaders.existing(e.documentId),
    }),
    quote: t.exposeString('quote', { description: 'The passage, verbatim.' }),
    start: t.exposeInt('start', {
      description: 'Offset of the first character of the quote in the document text.',
    }),
    end: t.exposeInt('end', { description: 'Offset just past the last character of the quote.' }),
    certainty: t.expose('certainty', {
      type: CertaintyEnum,
      description: 'STATED when the passage says it; INFERRED when it is our reading.',
    }),
    reasoning: t.exposeString('reasoning', {
      nullable: true,
      description: 'Why an inferred relationship is read from the passage.',
    }),
  }),
});
