// The one place where database rows become the data layer's shapes (src/data/types.ts): raw node
// and relationship property maps in, typed rows out. No driver type travels past the data layer.
import type { Authority, EntityType, RelationshipType } from '../model.ts';
import { AUTHORITIES, ENTITY_TYPES } from '../model.ts';
import type {
  AliasDetail,
  ArchivalReference,
  EntityRow,
  Evidence,
  ExternalId,
  HistoricalDate,
  RelationshipRow,
} from './types.ts';

type Raw = Record<string, unknown>;

/** A node as statements return it: `{labels: labels(n), props: properties(n)}`. */
export interface RawNode {
  labels: string[];
  props: Raw;
}

/** A relationship as statements return it, with the ids of its two ends. */
export interface RawRel {
  type: string;
  from: string;
  to: string;
  props: Raw;
}

/** The Cypher projections that produce RawNode and RawRel values, so every statement says it alike. */
export const rawNode = (n: string) => `{labels: labels(${n}), props: properties(${n})}`;
export const rawRel = (r: string) =>
  `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, props: properties(${r})}`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export function dateFrom(props: Raw, prefix: string): HistoricalDate | null {
  const value = str(props[`${prefix}Value`]);
  if (!value) return null;
  return {
    value,
    precision: props[`${prefix}Precision`] as HistoricalDate['precision'],
    earliest: String(props[`${prefix}Earliest`]),
    latest: String(props[`${prefix}Latest`]),
    certainty: (str(props[`${prefix}Certainty`]) ?? 'stated') as HistoricalDate['certainty'],
    reasoning: str(props[`${prefix}Reasoning`]),
  };
}

export function entityFrom(labels: unknown, props: Raw): EntityRow {
  const type = strs(labels).find((l): l is EntityType => (ENTITY_TYPES as readonly string[]).includes(l));
  if (!type) throw new Error(`node ${String(props.id)} has no entity label`);
  return {
    id: String(props.id),
    type,
    name: String(props.name),
    aliases: strs(props.aliases),
    description: str(props.description) ?? '',
    note: str(props.note),
    kind: str(props.kind),
    version: typeof props.version === 'number' ? props.version : 1,
    date: dateFrom(props, 'date'),
    title: str(props.title),
    text: str(props.text),
    summary: str(props.summary),
    citation: str(props.citation),
    body: str(props.body),
    archiveReference: str(props.archiveReference),
    language: str(props.language),
    descriptionFrom: str(props.descriptionFrom),
    aliasDetails: aliasDetailsFrom(props),
    statement: str(props.statementKind)
      ? { kind: String(props.statementKind), speech: String(props.speech), topics: strs(props.topics) }
      : null,
  };
}

function aliasDetailsFrom(props: Raw): AliasDetail[] {
  const source = strs(props.aliasDetailSource);
  const script = strs(props.aliasDetailScript);
  const erroneous = Array.isArray(props.aliasDetailErroneous) ? props.aliasDetailErroneous : [];
  const note = strs(props.aliasDetailNote);
  return strs(props.aliasDetailAlias).map((alias, i) => ({
    alias,
    source: source[i] ?? '',
    script: script[i] ?? '',
    erroneous: erroneous[i] === true,
    note: note[i] ? (note[i] as string) : null,
  }));
}

/** The date of evidence passage `i` from the parallel `attests…` lists, or null. */
function attestsFrom(props: Raw, i: number): HistoricalDate | null {
  const at = (k: string) => strs(props[`attests${k}`])[i] ?? '';
  if (!at('Value')) return null;
  return {
    value: at('Value'),
    precision: at('Precision') as HistoricalDate['precision'],
    earliest: at('Earliest'),
    latest: at('Latest'),
    certainty: (at('Certainty') || 'stated') as HistoricalDate['certainty'],
    reasoning: at('Reasoning') || null,
  };
}

function archivalReferenceFrom(props: Raw): ArchivalReference | null {
  const archive = str(props.refArchive);
  if (!archive) return null;
  return {
    archive,
    formerName: str(props.refFormerName),
    renamed: dateFrom(props, 'refRenamed'),
    fond: String(props.refFond ?? ''),
    opis: str(props.refOpis),
    delo: str(props.refDelo),
    folios: str(props.refFolios),
  };
}

/** An :Identifier node's properties (see data/identifiers.ts); null when its authority is unknown. */
export function identifierFrom(props: Raw): ExternalId | null {
  const authority = str(props.authority);
  if (!authority || !(AUTHORITIES as readonly string[]).includes(authority)) return null;
  return {
    authority: authority as Authority,
    value: String(props.value),
    verifiedBy: str(props.verifiedBy) ?? '',
    method: str(props.method) ?? '',
    verifiedOn: str(props.verifiedOn) ?? '',
    source: str(props.source),
  };
}

export function relationshipFrom(type: string, from: string, to: string, props: Raw): RelationshipRow {
  const quotes = strs(props.quotes);
  const starts = (props.starts as number[] | undefined) ?? [];
  const ends = (props.ends as number[] | undefined) ?? [];
  const certainties = strs(props.certainties);
  const reasonings = strs(props.reasonings);
  const layers = strs(props.layers);
  const documentId = String(props.source);
  const relationshipId = String(props.id);
  const evidence: Evidence[] = quotes.map((quote, i) => ({
    relationshipId,
    index: i + 1,
    documentId,
    quote,
    start: Number(starts[i]),
    end: Number(ends[i]),
    certainty: (certainties[i] ?? 'stated') as Evidence['certainty'],
    reasoning: reasonings[i] ? (reasonings[i] as string) : null,
    layer: (layers[i] ?? 'body') as Evidence['layer'],
    attests: attestsFrom(props, i),
  }));
  return {
    id: String(props.id),
    type: type as RelationshipType,
    from,
    to,
    role: str(props.role),
    title: str(props.title),
    context: str(props.context),
    reference: str(props.reference),
    startDate: dateFrom(props, 'start'),
    endDate: dateFrom(props, 'end'),
    attestedDate: dateFrom(props, 'attested'),
    certainty: (str(props.certainty) ?? 'stated') as RelationshipRow['certainty'],
    evidence,
    attestations: evidence
      .flatMap((e) => (e.attests ? [e.attests] : []))
      .sort((a, b) => (a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : 0)),
    statement: str(props.statement),
    archivalReference: archivalReferenceFrom(props),
  };
}

export const nodeRow = (n: RawNode): EntityRow => entityFrom(n.labels, n.props);
export const relRow = (r: RawRel): RelationshipRow => relationshipFrom(r.type, r.from, r.to, r.props);
