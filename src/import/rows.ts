// The rows an import writes, from a validated bundle whose ids are already resolved (resolve.ts):
// what the document states about each entity (its fields, aliases and, for the document itself, its
// text and sections: provenance.ts turns these into properties), the external identifiers to claim,
// and the relationships per type with their evidence as parallel lists (quotes, starts, ends,
// certainties, reasonings). Pure.
import type { IdentifierClaim } from '../data/identifiers.ts';
import type { EntityType, RelationshipType } from '../model.ts';
import type { AliasDetailInput, HistoricalDateInput } from '../seed/format.ts';
import { intervalOf, type ValidatedDocument } from '../seed/validate.ts';
import type { FieldGroup, Incoming, Props } from './provenance.ts';

const intervals = new Map<string, { earliest: string; latest: string }>();

/** The interval of a date (validated), remembered: a bundle's dates repeat. */
function interval(date: HistoricalDateInput): { earliest: string; latest: string } {
  const key = `${date.precision} ${date.value} ${date.notAfter ?? ''}`;
  let found = intervals.get(key);
  if (!found) {
    found = intervalOf(date);
    if (intervals.size > 10_000) intervals.clear();
    intervals.set(key, found);
  }
  return found;
}

/** A historical date as the stored properties `<prefix>Value`, `…Precision`, `…Earliest`, … */
export function dateProps(prefix: string, date: HistoricalDateInput | undefined): Props {
  if (!date) return {};
  const { earliest, latest } = interval(date);
  return {
    [`${prefix}Value`]: date.value,
    [`${prefix}Precision`]: date.precision,
    [`${prefix}Earliest`]: earliest,
    [`${prefix}Latest`]: latest,
    [`${prefix}Certainty`]: date.certainty,
    [`${prefix}Reasoning`]: date.reasoning ?? null,
  };
}

/** Sets the stored properties of a date on `props`, leaving out what is null. */
function putDate(props: Props, prefix: string, date: HistoricalDateInput | undefined): void {
  if (!date) return;
  const { earliest, latest } = interval(date);
  props[`${prefix}Value`] = date.value;
  props[`${prefix}Precision`] = date.precision;
  props[`${prefix}Earliest`] = earliest;
  props[`${prefix}Latest`] = latest;
  props[`${prefix}Certainty`] = date.certainty;
  if (date.reasoning) props[`${prefix}Reasoning`] = date.reasoning;
}

/** The stored lists of alias details (see provenance.ts FIELD_GROUPS.aliasDetails). */
export function aliasDetailProps(details: readonly AliasDetailInput[]): Props {
  return {
    aliasDetailAlias: details.map((d) => d.alias),
    aliasDetailSource: details.map((d) => d.source),
    aliasDetailScript: details.map((d) => d.script),
    aliasDetailErroneous: details.map((d) => d.erroneous),
    aliasDetailNote: details.map((d) => d.note ?? ''),
  };
}

/** What the document states about itself and about each entity it declares, in the bundle's order. */
export function incomingEntities(v: ValidatedDocument): Incoming[] {
  const x = v.extraction;
  const d = x.document;
  const section = (name: keyof typeof d.sections) => {
    const s = d.sections[name];
    return s ? { text: v.text.slice(s.start, s.end), start: s.start } : null;
  };
  const document: Incoming = {
    id: d.id,
    type: 'Document',
    fields: {
      name: { name: d.title, title: d.title },
      description: { description: d.description, descriptionFrom: d.descriptionFrom ?? null },
      ...(d.date ? { date: dateProps('date', d.date) } : {}),
      ...(d.note ? { note: { note: d.note } } : {}),
      ...(d.aliasDetails.length ? { aliasDetails: aliasDetailProps(d.aliasDetails) } : {}),
    },
    aliases: d.aliases,
    own: {
      text: v.text,
      textFile: d.textFile,
      summary: section('summary')?.text ?? null,
      summaryStart: section('summary')?.start ?? null,
      citation: section('citation')?.text ?? null,
      citationStart: section('citation')?.start ?? null,
      body: section('body')?.text ?? null,
      bodyStart: d.sections.body.start,
      archiveReference: d.archiveReference ?? null,
      language: d.language,
    },
  };
  return [
    document,
    ...x.entities.map((e) => {
      const fields: Partial<Record<FieldGroup, Props>> = {
        name: { name: e.name },
        description: { description: e.description, descriptionFrom: e.descriptionFrom ?? null },
      };
      if (e.note) fields.note = { note: e.note };
      if (e.kind) fields.kind = { kind: e.kind };
      if (e.date) fields.date = dateProps('date', e.date);
      if (e.language) fields.language = { language: e.language };
      if (e.statement)
        fields.statement = {
          statementKind: e.statement.kind,
          speech: e.statement.speech,
          topics: e.statement.topics,
        };
      if (e.aliasDetails.length) fields.aliasDetails = aliasDetailProps(e.aliasDetails);
      return { id: e.id, type: e.type as EntityType, fields, aliases: e.aliases };
    }),
  ];
}

/** The external identifiers the document's entities carry (an import adds them, never drops one). */
export function identifierClaims(v: ValidatedDocument): IdentifierClaim[] {
  return v.extraction.entities.flatMap((e) =>
    e.externalIds.map((x) => ({
      entity: e.id,
      authority: x.authority,
      value: x.value,
      verifiedBy: x.verifiedBy,
      method: x.method,
      verifiedOn: x.verifiedOn,
      source: x.source ?? null,
    })),
  );
}

export interface RelationshipRowInput {
  from: string;
  to: string;
  props: Props;
}

/**
 * The dates the passages attest, as parallel lists beside the evidence (an empty string where a
 * passage attests no date): `attestsValue`, `…Precision`, `…Earliest`, `…Latest`, `…Certainty`,
 * `…Reasoning`.
 */
function attestationProps(dates: readonly (HistoricalDateInput | undefined)[]): Props {
  const parts = dates.map((d) => (d ? { ...d, ...interval(d) } : null));
  const list = (f: (d: NonNullable<(typeof parts)[number]>) => string | undefined) =>
    parts.map((d) => (d ? (f(d) ?? '') : ''));
  return {
    attestsValue: list((d) => d.value),
    attestsPrecision: list((d) => d.precision),
    attestsEarliest: list((d) => d.earliest),
    attestsLatest: list((d) => d.latest),
    attestsCertainty: list((d) => d.certainty),
    attestsReasoning: list((d) => d.reasoning),
  };
}

/** The relationships per type, each with its id, source document, attributes and evidence (no nulls). */
export function relationshipRows(v: ValidatedDocument): Map<RelationshipType, RelationshipRowInput[]> {
  const out = new Map<RelationshipType, RelationshipRowInput[]>();
  const source = v.extraction.document.id;
  for (const r of v.relationships) {
    const type = r.type as RelationshipType;
    let list = out.get(type);
    if (!list) {
      list = [];
      out.set(type, list);
    }
    const props: Props = { id: r.id, source };
    if (r.role) props.role = r.role;
    if (r.title) props.title = r.title;
    if (r.context) props.context = r.context;
    if (r.reference) props.reference = r.reference;
    if (r.statement) props.statement = r.statement;
    const ref = r.archivalReference;
    if (ref) {
      props.refArchive = ref.archive;
      if (ref.formerName) props.refFormerName = ref.formerName;
      putDate(props, 'refRenamed', ref.renamed);
      props.refFond = ref.fond;
      if (ref.opis) props.refOpis = ref.opis;
      if (ref.delo) props.refDelo = ref.delo;
      if (ref.folios) props.refFolios = ref.folios;
    }
    putDate(props, 'start', r.startDate);
    putDate(props, 'end', r.endDate);
    putDate(props, 'attested', r.attestedDate);
    const n = r.evidence.length;
    const quotes = new Array<string>(n);
    const starts = new Array<number>(n);
    const ends = new Array<number>(n);
    const certainties = new Array<string>(n);
    const reasonings = new Array<string>(n);
    const layers = new Array<string>(n);
    const attests = r.evidence.some((e) => e.attests);
    let stated = false;
    r.evidence.forEach((e, i) => {
      quotes[i] = e.quote;
      starts[i] = e.start;
      ends[i] = e.end;
      certainties[i] = e.certainty;
      reasonings[i] = e.reasoning ?? '';
      layers[i] = e.layer ?? 'body';
      if (e.certainty === 'stated') stated = true;
    });
    props.certainty = stated ? 'stated' : 'inferred';
    Object.assign(props, { quotes, starts, ends, certainties, reasonings, layers });
    if (attests) Object.assign(props, attestationProps(r.evidence.map((e) => e.attests)));
    list.push({ from: r.from, to: r.to, props });
  }
  return out;
}
