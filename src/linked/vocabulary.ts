// The JSON-LD context of the graph, served at {base}/ns/context.jsonld and committed as
// schema/context.jsonld (for the default base). It maps the model to well-known vocabularies:
// schema.org for people, organizations, events, places and documents (sameAs to external ids); RiC-O
// for relationships as nodes (rico:Relation with source, target, certainty, evidencing record); the
// W3C Web Annotation model for each evidence passage. What no vocabulary says (the kind of a
// relationship, the reasoning behind an inference) lives in the graph's own namespace {base}/ns#.
import type { EntityType, RelationshipType } from '../model.ts';

export const NS = {
  schema: 'https://schema.org/',
  rico: 'https://www.ica.org/standards/RiC/ontology#',
  oa: 'http://www.w3.org/ns/oa#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
} as const;

/** Classes of each entity type: a schema.org class, and RiC-O's where it has one. */
export const ENTITY_CLASSES: Record<EntityType, string[]> = {
  Person: ['schema:Person', 'rico:Person'],
  Institution: ['schema:Organization', 'rico:CorporateBody'],
  Document: ['schema:CreativeWork', 'rico:Record'],
  Meeting: ['schema:Event', 'rico:Event'],
  Event: ['schema:Event', 'rico:Event'],
  Place: ['schema:Place', 'rico:Place'],
  Statement: ['cwg:Statement'],
};

/** Our relationship types as classes of rico:Relation in the graph's namespace: ATTENDED → cwg:Attended. */
export function relationClass(type: RelationshipType): string {
  return `cwg:${type
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}`;
}

/** The context document for a base URI (the graph's namespace is {base}/ns#). */
export function contextDocument(base: string) {
  const id = { '@type': '@id' };
  return {
    '@context': {
      '@version': 1.1,
      ...NS,
      cwg: `${base}/ns#`,
      id: '@id',
      type: '@type',
      name: 'schema:name',
      alternateName: 'schema:alternateName',
      description: 'schema:description',
      note: 'skos:note',
      sameAs: { '@id': 'schema:sameAs', ...id },
      startDate: 'schema:startDate',
      endDate: 'schema:endDate',
      dateCreated: 'schema:dateCreated',
      inLanguage: 'schema:inLanguage',
      text: { '@id': 'schema:text', ...id },
      dateInterval: 'cwg:dateInterval',
      datePrecision: 'cwg:datePrecision',
      dateCertainty: 'cwg:dateCertainty',
      dateReasoning: 'cwg:dateReasoning',
      relations: { '@reverse': 'rico:relationHasSource', '@container': '@set' },
      incomingRelations: { '@reverse': 'rico:relationHasTarget', '@container': '@set' },
      source: { '@id': 'rico:relationHasSource', ...id },
      target: { '@id': 'rico:relationHasTarget', ...id },
      context: { '@id': 'rico:relationHasContext', ...id },
      certainty: 'rico:relationCertainty',
      evidencedBy: { '@id': 'rico:isEvidencedBy', ...id },
      role: 'cwg:role',
      title: 'cwg:title',
      reference: 'cwg:reference',
      attestedDate: 'cwg:attestedDate',
      evidence: { '@reverse': 'oa:hasBody', '@container': '@set' },
      Annotation: 'oa:Annotation',
      SpecificResource: 'oa:SpecificResource',
      TextQuoteSelector: 'oa:TextQuoteSelector',
      TextPositionSelector: 'oa:TextPositionSelector',
      body: { '@id': 'oa:hasBody', ...id },
      motivation: { '@id': 'oa:motivatedBy', '@type': '@vocab' },
      describing: 'oa:describing',
      onTarget: { '@id': 'oa:hasTarget' },
      hasSource: { '@id': 'oa:hasSource', ...id },
      selector: { '@id': 'oa:hasSelector', '@container': '@set' },
      exact: 'oa:exact',
      prefix: 'oa:prefix',
      suffix: 'oa:suffix',
      start: { '@id': 'oa:start', '@type': 'xsd:nonNegativeInteger' },
      end: { '@id': 'oa:end', '@type': 'xsd:nonNegativeInteger' },
      passageCertainty: 'cwg:certainty',
      reasoning: 'cwg:reasoning',
    },
  };
}
