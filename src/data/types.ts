// Plain shapes that leave the data layer; no driver types past this point.
import type { Certainty, EntityType, Precision, RelationshipType } from '../model.ts';

export interface HistoricalDate {
  value: string;
  precision: Precision;
  earliest: string;
  latest: string;
  certainty: Certainty;
  reasoning: string | null;
}

export interface ExternalId {
  scheme: string;
  value: string;
  verifiedBy: string;
}

export interface EntityRow {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  note: string | null;
  externalIds: ExternalId[];
  kind: string | null;
  date: HistoricalDate | null;
  // documents only
  title: string | null;
  text: string | null;
  summary: string | null;
  citation: string | null;
  body: string | null;
  archiveReference: string | null;
  language: string | null;
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
}
