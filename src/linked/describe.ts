// Entities, claims and evidence passages as JSON-LD (terms of vocabulary.ts). Evidence becomes a W3C
// Web Annotation whose target is the document's stored text with two selectors: the quote with up to
// 32 characters before and after it, and its position. Web Annotation counts positions in Unicode
// code points where JavaScript counts UTF-16 units, so offsets are converted here, at the boundary
// (positions.ts).
import type { EntityRow, Evidence, ExternalId, HistoricalDate, RelationshipRow } from '../data/types.ts';
import { AUTHORITY_RULES } from '../model.ts';
import type { Uris } from '../uris.ts';
import { after, before, codePoints, indexText } from './positions.ts';
import { ENTITY_CLASSES, relationClass } from './vocabulary.ts';

type Json = Record<string, unknown>;

const xsdDate = (d: HistoricalDate) => ({
  '@value': d.value,
  '@type': d.precision === 'day' ? 'xsd:date' : d.precision === 'month' ? 'xsd:gYearMonth' : 'xsd:gYear',
});

function dateFields(date: HistoricalDate | null, term: 'startDate' | 'dateCreated'): Json {
  if (!date) return {};
  return {
    [term]: xsdDate(date),
    dateInterval: `${date.earliest}/${date.latest}`,
    datePrecision: date.precision,
    dateCertainty: date.certainty,
    ...(date.reasoning ? { dateReasoning: date.reasoning } : {}),
  };
}

/** An entity's own statements (no relationships); its identifiers become sameAs links. */
export function describeEntity(e: EntityRow, identifiers: readonly ExternalId[], uris: Uris): Json {
  return {
    id: uris.entity(e.id),
    type: ENTITY_CLASSES[e.type],
    name: e.name,
    ...(e.aliases.length ? { alternateName: e.aliases } : {}),
    ...(e.description ? { description: e.description } : {}),
    ...(e.note ? { note: e.note } : {}),
    ...(identifiers.length
      ? { sameAs: identifiers.map((x) => AUTHORITY_RULES[x.authority].uri(x.value)) }
      : {}),
    ...dateFields(e.date, e.type === 'Document' ? 'dateCreated' : 'startDate'),
    ...(e.type === 'Document'
      ? { text: uris.documentText(e.id), ...(e.language ? { inLanguage: e.language } : {}) }
      : {}),
  };
}

/** One evidence passage as a Web Annotation; `text` is the stored text of its document. */
export function describeEvidence(ev: Evidence, claimId: string, text: string, uris: Uris): Json {
  const indexed = indexText(text);
  return {
    id: uris.evidence(claimId, ev.index),
    type: 'Annotation',
    motivation: 'describing',
    body: uris.relationship(claimId),
    onTarget: {
      type: 'SpecificResource',
      hasSource: uris.documentText(ev.documentId),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: ev.quote,
          prefix: before(text, ev.start),
          suffix: after(text, ev.end),
        },
        {
          type: 'TextPositionSelector',
          start: codePoints(indexed, ev.start),
          end: codePoints(indexed, ev.end),
        },
      ],
    },
    passageCertainty: ev.certainty,
    ...(ev.reasoning ? { reasoning: ev.reasoning } : {}),
  };
}

/**
 * A relationship as a rico:Relation: its ends, certainty, context, the record that evidences it and
 * each passage. `texts` holds the stored text of every document its evidence quotes.
 */
export function describeClaim(r: RelationshipRow, texts: ReadonlyMap<string, string>, uris: Uris): Json {
  const documents = [...new Set(r.evidence.map((e) => e.documentId))];
  return {
    id: uris.relationship(r.id),
    type: ['rico:Relation', relationClass(r.type)],
    source: uris.entity(r.from),
    target: uris.entity(r.to),
    certainty: r.certainty,
    ...(r.context ? { context: uris.entity(r.context) } : {}),
    ...(r.role ? { role: r.role } : {}),
    ...(r.title ? { title: r.title } : {}),
    ...(r.reference ? { reference: r.reference } : {}),
    ...(r.startDate ? { startDate: xsdDate(r.startDate) } : {}),
    ...(r.endDate ? { endDate: xsdDate(r.endDate) } : {}),
    ...(r.attestedDate ? { attestedDate: xsdDate(r.attestedDate) } : {}),
    evidencedBy: documents.map((d) => uris.entity(d)),
    evidence: r.evidence.map((ev) => describeEvidence(ev, r.id, texts.get(ev.documentId) ?? '', uris)),
  };
}

/** An entity with every relationship at it (outgoing under `relations`, incoming under `incomingRelations`). */
export function describeEntityWithClaims(
  e: EntityRow,
  identifiers: readonly ExternalId[],
  claims: readonly RelationshipRow[],
  texts: ReadonlyMap<string, string>,
  uris: Uris,
): Json {
  const out = claims.filter((c) => c.from === e.id);
  const incoming = claims.filter((c) => c.to === e.id && c.from !== e.id);
  const strip = (c: Json, end: 'source' | 'target') => {
    const { [end]: _dropped, ...rest } = c;
    return rest;
  };
  return {
    ...describeEntity(e, identifiers, uris),
    relations: out.map((c) => strip(describeClaim(c, texts, uris), 'source')),
    incomingRelations: incoming.map((c) => strip(describeClaim(c, texts, uris), 'target')),
  };
}
