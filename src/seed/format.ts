// The extraction format (coldwar-graph/extraction@1): one JSON file per source document, beside its
// stored text (seed/extractions/ and seed/texts/ for the seed; any bundle an editor imports, see
// src/import). Every entity and relationship a document supports is listed with the verbatim passage
// (and its character offsets in the stored text) that supports it.
import { z } from 'zod';
import {
  AUTHORITIES,
  CERTAINTIES,
  ENTITY_TYPES,
  ID_PATTERN,
  INSTITUTION_KINDS,
  identifierProblem,
  PRECISIONS,
  RELATIONSHIP_TYPE_NAMES,
} from '../model.ts';

const id = z
  .string()
  .regex(ID_PATTERN, 'must look like "person/deng-xiaoping" (type prefix, lowercase words)');

/** A date as precise as the source allows; earliest/latest are derived from value and precision. */
export const historicalDateInput = z
  .object({
    value: z.string(),
    precision: z.enum(PRECISIONS),
    certainty: z.enum(CERTAINTIES).default('stated'),
    reasoning: z.string().min(1).optional(),
  })
  .strict();

export const evidenceInput = z
  .object({
    quote: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    certainty: z.enum(CERTAINTIES),
    reasoning: z.string().min(1).optional(),
  })
  .strict();

/**
 * An identifier of the entity in an authority file, recorded only once someone checked it: who, how
 * and when, and the record consulted. Only persons, institutions, events and places carry them.
 */
export const externalIdInput = z
  .object({
    authority: z.enum(AUTHORITIES),
    /** The identifier in the authority's own form (Wikidata Q15180, SNAC ark:/99166/w6…). */
    value: z.string().min(1),
    /** Who checked it. */
    verifiedBy: z.string().min(1),
    /** How, e.g. "compared name, dates and offices on the authority record". */
    method: z.string().min(1),
    /** The day it was checked (YYYY-MM-DD). */
    verifiedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'),
    /** The URL of the authority record consulted. */
    source: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict()
  .superRefine((x, ctx) => {
    const problem = identifierProblem(x.authority, x.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

export const entityInput = z
  .object({
    id,
    type: z.enum(
      ENTITY_TYPES.filter((t) => t !== 'Document') as ['Person', 'Institution', 'Meeting', 'Event', 'Place'],
    ),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().min(1),
    kind: z.enum(INSTITUTION_KINDS).optional(),
    date: historicalDateInput.optional(),
    externalIds: z.array(externalIdInput).default([]),
    /** Notes for historians: discrepancies between sources, why a variant is listed. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const relationshipInput = z
  .object({
    type: z.enum(RELATIONSHIP_TYPE_NAMES as [string, ...string[]]),
    from: id,
    to: id,
    /**
     * The relationship's id in the graph, when it is not the one derived from the document, type,
     * ends and key (an export writes it for a relationship whose end a merge moved). It starts with
     * the document's id and "#".
     */
    id: z.string().min(3).max(500).optional(),
    /** Distinguishes two relationships of one type between the same pair in one document. */
    key: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    role: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    /** For REPRESENTED: the meeting in whose context the person represented the institution. */
    context: id.optional(),
    /** For HELD_BY: the archival reference (fond, opis, delo, listy). */
    reference: z.string().min(1).optional(),
    startDate: historicalDateInput.optional(),
    endDate: historicalDateInput.optional(),
    /** The date at which the source attests the relationship (for positions without known terms). */
    attestedDate: historicalDateInput.optional(),
    evidence: z.array(evidenceInput).min(1, 'needs at least one evidence passage'),
  })
  .strict();

const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).strict();

export const documentInput = z
  .object({
    id,
    title: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().min(1),
    /**
     * The file holding the stored text that all offsets index (UTF-16 units): under seed/texts/ for the
     * seed; for an import, beside the extraction or in a texts/ folder beside it or its folder.
     */
    textFile: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.txt$/),
    sections: z.object({ summary: span.optional(), citation: span, body: span }).strict(),
    date: historicalDateInput,
    archiveReference: z.string().min(1).optional(),
    language: z.string().min(2),
    note: z.string().min(1).optional(),
  })
  .strict();

export const extractionFile = z
  .object({
    format: z.literal('coldwar-graph/extraction@1'),
    document: documentInput,
    entities: z.array(entityInput),
    relationships: z.array(relationshipInput),
  })
  .strict();

export type HistoricalDateInput = z.infer<typeof historicalDateInput>;
export type EvidenceInput = z.infer<typeof evidenceInput>;
export type ExternalIdInput = z.infer<typeof externalIdInput>;
export type EntityInput = z.infer<typeof entityInput>;
export type RelationshipInput = z.infer<typeof relationshipInput>;
export type ExtractionFile = z.infer<typeof extractionFile>;
