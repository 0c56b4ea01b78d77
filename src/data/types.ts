// Plain shapes that leave the data layer; no driver types past this point.
import type {
  Authority,
  Certainty,
  EntityType,
  EvidenceLayer,
  Precision,
  RelationshipType,
} from '../model.ts';

export interface HistoricalDate {
  value: string;
  precision: Precision;
  earliest: string;
  latest: string;
  certainty: Certainty;
  reasoning: string | null;
}

/** An identifier of the entity in an authority file, and how it was checked (an :Identifier node). */
export interface ExternalId {
  authority: Authority;
  value: string;
  /** Who checked it. */
  verifiedBy: string;
  /** How it was checked, e.g. "compared name, dates and offices on the authority record". */
  method: string;
  /** The day it was checked (ISO). */
  verifiedOn: string;
  /** The URL of the record consulted, if one was. */
  source: string | null;
}

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  note: string | null;
  kind: string | null;
  /** Counts edits, from 1 (optimistic concurrency: updateEntity takes the version it read). */
  version: number;
  date: HistoricalDate | null;
  // documents only
  title: string | null;
  text: string | null;
  summary: string | null;
  citation: string | null;
  body: string | null;
  archiveReference: string | null;
  language: string | null;
  /** Where the description comes from: "editorial", or the source it paraphrases; null: not recorded. */
  descriptionFrom: string | null;
  /** Where each alias comes from (those recorded). */
  aliasDetails: AliasDetail[];
  // statements only
  statement: { kind: string; speech: string; topics: string[] } | null;
}

export interface AliasDetail {
  alias: string;
  source: string;
  script: string;
  erroneous: boolean;
  note: string | null;
}

/** A structured archival reference, as a citation gives it. */
export interface ArchivalReference {
  archive: string;
  formerName: string | null;
  renamed: HistoricalDate | null;
  fond: string;
  opis: string | null;
  delo: string | null;
  folios: string | null;
}

export interface Evidence {
  /** The relationship this passage supports, and the passage's place (1-based) among its evidence. */
  relationshipId: string;
  index: number;
  documentId: string;
  quote: string;
  start: number;
  end: number;
  certainty: Certainty;
  reasoning: string | null;
  /** The layer of the document the passage comes from. */
  layer: EvidenceLayer;
  /** The date at which the passage shows the relationship holding, if it attests one. */
  attests: HistoricalDate | null;
}

export interface RelationshipRow {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  role: string | null;
  title: string | null;
  context: string | null;
  reference: string | null;
  startDate: HistoricalDate | null;
  endDate: HistoricalDate | null;
  attestedDate: HistoricalDate | null;
  certainty: Certainty;
  evidence: Evidence[];
  /** The dates its passages attest (a post's attestations), earliest first. */
  attestations: HistoricalDate[];
  /** The statement that asserts it (HELPED, EXPECTED_TO_MEET), by id. */
  statement: string | null;
  /** For HELD_BY: the archival reference, structured. */
  archivalReference: ArchivalReference | null;
}

/** Another person met at meetings: their attendances and this person's own, meeting by meeting. */
export interface CoAttendance {
  person: EntityRow;
  /** The other person's attendances at the meetings shared, earliest first. */
  theirs: RelationshipRow[];
  /** This person's own attendances at the same meetings. */
  own: RelationshipRow[];
}
