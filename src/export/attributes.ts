// The attributes every tabular and graph format gives a node and an edge, declared once: GraphML
// keys, GEXF attributes and the columns of nodes.csv come from these lists. `label` is the name
// (of an entity) or the relationship type (of an edge), because Gephi shows `label`; an edge's type
// is `relationship`, because Gephi's edge table keeps `type` for directed/undirected.
import type { HistoricalDate } from '../data/types.ts';
import { identifierKey } from '../model.ts';
import type { ExportEdge, ExportNode } from './writer.ts';

export type AttributeType = 'string' | 'int';
export type AttributeValue = string | number | null;

export interface Attribute<Row> {
  name: string;
  type: AttributeType;
  value(row: Row): AttributeValue;
}

/** Several values in one cell: aliases, external ids. */
export const LIST_SEPARATOR = ' | ';

const list = (values: readonly string[]) => (values.length ? values.join(LIST_SEPARATOR) : null);
const text = (value: string | null | undefined) => (value ? value : null);
const date = (d: HistoricalDate | null) => d?.value ?? null;

export const NODE_ATTRIBUTES: readonly Attribute<ExportNode>[] = [
  { name: 'label', type: 'string', value: (n) => n.entity.name },
  { name: 'type', type: 'string', value: (n) => n.entity.type },
  { name: 'uri', type: 'string', value: (n) => n.uri },
  { name: 'description', type: 'string', value: (n) => text(n.entity.description) },
  { name: 'date', type: 'string', value: (n) => date(n.entity.date) },
  { name: 'kind', type: 'string', value: (n) => text(n.entity.kind) },
  { name: 'aliases', type: 'string', value: (n) => list(n.entity.aliases) },
  {
    name: 'external_ids',
    type: 'string',
    value: (n) => list(n.identifiers.map((x) => identifierKey(x.authority, x.value))),
  },
  { name: 'archive_reference', type: 'string', value: (n) => text(n.entity.archiveReference) },
  { name: 'language', type: 'string', value: (n) => text(n.entity.language) },
  { name: 'relationships', type: 'int', value: (n) => n.relationships },
  { name: 'evidence', type: 'int', value: (n) => n.evidence },
  { name: 'documents', type: 'int', value: (n) => n.documents },
];

export const EDGE_ATTRIBUTES: readonly Attribute<ExportEdge>[] = [
  { name: 'label', type: 'string', value: (e) => e.relationship.type },
  { name: 'relationship', type: 'string', value: (e) => e.relationship.type },
  { name: 'uri', type: 'string', value: (e) => e.uri },
  { name: 'certainty', type: 'string', value: (e) => e.relationship.certainty },
  { name: 'evidence', type: 'int', value: (e) => e.passages.length },
  {
    name: 'stated',
    type: 'int',
    value: (e) => e.passages.filter((p) => p.evidence.certainty === 'stated').length,
  },
  {
    name: 'document',
    type: 'string',
    value: (e) => e.document?.id ?? e.relationship.evidence[0]?.documentId ?? null,
  },
  { name: 'archive_reference', type: 'string', value: (e) => text(e.document?.archiveReference) },
  { name: 'role', type: 'string', value: (e) => text(e.relationship.role) },
  { name: 'title', type: 'string', value: (e) => text(e.relationship.title) },
  { name: 'context', type: 'string', value: (e) => text(e.relationship.context) },
  { name: 'start', type: 'string', value: (e) => date(e.relationship.startDate) },
  { name: 'end', type: 'string', value: (e) => date(e.relationship.endDate) },
  { name: 'attested', type: 'string', value: (e) => date(e.relationship.attestedDate) },
];
