// The extraction format (coldwar-graph/extraction@1): one JSON file per source document, beside its
// stored text (seed/extractions/ and seed/texts/ for the seed; any bundle an editor imports, see
// src/import). Every entity and relationship a document supports is listed with the verbatim passage
// (and its character offsets in the stored text) that supports it.
import { z } from 'zod';
import {
  AUTHORITIES,
  CERTAINTIES,
  ENTITY_TYPES,
  EVIDENCE_LAYERS,
  ID_PATTERN,
  INSTITUTION_KINDS,
  identifierProblem,
  PRECISIONS,
  RELATIONSHIP_TYPE_NAMES,
  SCRIPTS,
  SPEECH_MODES,
  STATEMENT_KINDS,
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
    /**
     * The last day the date can stand for, when the source bounds it more closely than its precision
     * (an event spoken of in the past tense ends before the conversation): YYYY-MM-DD within the interval.
     */
    notAfter: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
      .optional(),
  })
  .strict();

export const evidenceInput = z
  .object({
    quote: z.string().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    certainty: z.enum(CERTAINTIES),
    reasoning: z.string().min(1).optional(),
    /**
     * The layer of the document the passage comes from (body, editorial insertion, archival
     * description). Checked against the document's sections and brackets; derived when left out.
     */
    layer: z.enum(EVIDENCE_LAYERS).optional(),
    /** The date at which this passage shows the relationship holding (an attestation of a post). */
    attests: historicalDateInput.optional(),
  })
  .strict();

/**
 * Where an alias comes from: the source that gives it (in words: "the memorandum's signature",
 * "the archive's summary", "Britannica"), its script (ISO 15924), and whether the source gets the
 * name wrong (`erroneous`: an inverted or truncated form, kept as an attested variant).
 */
export const aliasDetailInput = z
  .object({
    alias: z.string().min(1),
    source: z.string().min(1),
    script: z.enum(SCRIPTS),
    erroneous: z.boolean().default(false),
    note: z.string().min(1).optional(),
  })
  .strict();

/** What a statement in a recorded conversation is: its kind, and whether it is quoted or reported. */
export const statementInput = z
  .object({
    kind: z.enum(STATEMENT_KINDS),
    speech: z.enum(SPEECH_MODES),
    /** Topics in our own words (lowercase), e.g. "solidarity", "vigilance". */
    topics: z.array(z.string().regex(/^[a-z][a-z -]*$/)).default([]),
  })
  .strict();

/** A structured archival reference, as the citation gives it. */
export const archivalReferenceInput = z
  .object({
    /** The archive, as the citation names it ("RGANI"). */
    archive: z.string().min(1),
    /** A former name, as the citation gives it ("Center for Preservation of Contemporary Documentation [TsKhSD]"). */
    formerName: z.string().min(1).optional(),
    /** When the archive changed its name, where the source gives it. */
    renamed: historicalDateInput.optional(),
    fond: z.string().min(1),
    opis: z.string().min(1).optional(),
    delo: z.string().min(1).optional(),
    /** Folios (listy), e.g. "107-110". */
    folios: z.string().min(1).optional(),
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
    type: z.enum(ENTITY_TYPES),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    /** Provenance of aliases: one entry per alias at most (every alias listed must be in `aliases`). */
    aliasDetails: z.array(aliasDetailInput).default([]),
    description: z.string().min(1),
    /**
     * Where the description comes from: "editorial" when it is ours, otherwise the source it
     * paraphrases ("the memorandum's body", "the archive's summary").
     */
    descriptionFrom: z.string().min(1).optional(),
    kind: z.enum(INSTITUTION_KINDS).optional(),
    /** For a document other than the bundle's own (an original, a translation): its language. */
    language: z.string().min(2).optional(),
    /** For a Statement: its kind, speech and topics. */
    statement: statementInput.optional(),
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
    /** For HELD_BY: the archival reference, structured. */
    archivalReference: archivalReferenceInput.optional(),
    /** The statement in a conversation that asserts this relationship (HELPED, EXPECTED_TO_MEET). */
    statement: id.optional(),
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
    aliasDetails: z.array(aliasDetailInput).default([]),
    description: z.string().min(1),
    descriptionFrom: z.string().min(1).optional(),
    /**
     * The file holding the stored text that all offsets index (UTF-16 units): under seed/texts/ for the
     * seed; for an import, beside the extraction or in a texts/ folder beside it or its folder.
     */
    textFile: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.txt$/),
    sections: z.object({ summary: span.optional(), citation: span, body: span }).strict(),
    /** The date of this document; left out when no source gives it. */
    date: historicalDateInput.optional(),
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
export type AliasDetailInput = z.infer<typeof aliasDetailInput>;
export type ExternalIdInput = z.infer<typeof externalIdInput>;
export type EntityInput = z.infer<typeof entityInput>;
export type RelationshipInput = z.infer<typeof relationshipInput>;
export type ExtractionFile = z.infer<typeof extractionFile>;
