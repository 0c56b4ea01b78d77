// What every claim carries: its evidence (a verbatim passage of a document at its offsets, stated
// or inferred with reasoning), and historical dates as precisely as the sources allow.
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Evidence, HistoricalDate } from '../data/types.ts';
import { CERTAINTIES, EVIDENCE_LAYERS, type EvidenceLayer, PRECISIONS } from '../model.ts';
import { DocumentRef } from './refs.ts';
import { compiles, orFetched } from './selection.ts';

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

export const EvidenceLayerEnum = builder.enumType('EvidenceLayer', {
  description:
    "Which layer of a document a passage comes from. A claim about the past rests on the BODY; the ARCHIVAL layer (the archive's summary and citation) speaks about the document itself.",
  values: {
    BODY: { value: EVIDENCE_LAYERS[0], description: 'The text of the historical document (as translated).' },
    EDITORIAL: {
      value: EVIDENCE_LAYERS[1],
      description:
        "An editorial insertion in the body: bracketed text, the translator's or editor's, not the document's.",
    },
    ARCHIVAL: {
      value: EVIDENCE_LAYERS[2],
      description: "The archive's own description of the document: its summary and citation.",
    },
  },
});

/** Keeps the relationships with at least one passage in one of `layers` (all when none given). */
export function supportedBy<R extends { evidence: readonly { layer: EvidenceLayer }[] }>(
  list: readonly R[],
  layers: readonly EvidenceLayer[] | null | undefined,
): R[] {
  if (!layers?.length) return [...list];
  return list.filter((r) => r.evidence.some((e) => layers.includes(e.layer)));
}

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

export const DateRangeInput = builder.inputType('DateRange', {
  description:
    'An interval of dates, each YYYY, YYYY-MM or YYYY-MM-DD; an open end may be left out. A year or month stands for all its days.',
  fields: (t) => ({
    startDate: t.string({ required: false, description: 'Start of the interval (inclusive).' }),
    endDate: t.string({ required: false, description: 'End of the interval (inclusive).' }),
  }),
});

export const EvidenceRef = builder.objectRef<Evidence>('Evidence').implement({
  description:
    "The passage of a document that supports a relationship: a verbatim quote and its character offsets in the document's stored `text`.",
  fields: (t) => ({
    document: t.field({
      type: DocumentRef,
      description: 'The document quoted.',
      extensions: compiles({ evidenceDocument: true }),
      resolve: orFetched((e: Evidence, _a, ctx: Context) => ctx.graph.ref(e.documentId)),
    }),
    uri: t.string({
      description:
        'The stable HTTP URI of this passage: a W3C Web Annotation whose selectors point into the text at `textUri`.',
      resolve: (e, _a, ctx) => ctx.uris.evidence(e.relationshipId, e.index),
    }),
    textUri: t.string({
      description:
        "The URI of the document's stored text (text/plain, UTF-8), which `start` and `end` index.",
      resolve: (e, _a, ctx) => ctx.uris.documentText(e.documentId),
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
    layer: t.expose('layer', {
      type: EvidenceLayerEnum,
      description:
        "Which layer of the document the passage comes from: the body, an editorial (bracketed) insertion, or the archive's description.",
    }),
    attests: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description:
        'The date at which this passage shows the relationship holding (for a post: one attestation of it), if it attests one.',
      resolve: (e) => e.attests,
    }),
  }),
});
