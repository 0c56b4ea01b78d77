// Checks an extraction against its stored text before anything is written. Every problem is reported
// with the file, the entry and what is wrong; one bad entry rejects the file. The same checks serve
// the seed (files under seed/) and every import (src/import: files, or the JSON and text a mutation
// receives): `validateDocument` works on values in memory, `validateExtraction` reads the files.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type DateInterval, dateInterval } from '../dates.ts';
import {
  type EntityType,
  type EvidenceLayer,
  IDENTIFIED_TYPES,
  identifierKey,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../model.ts';
import {
  type EntityInput,
  type EvidenceInput,
  type ExternalIdInput,
  type ExtractionFile,
  extractionFile,
  type HistoricalDateInput,
  type RelationshipInput,
} from './format.ts';

export class ExtractionError extends Error {
  override name = 'ExtractionError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: rejected, ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface ValidatedDocument {
  file: string;
  text: string;
  extraction: ExtractionFile;
  /** Every relationship with its stable id. */
  relationships: (RelationshipInput & { id: string })[];
  /** The type of each id the file declares (the document included). */
  types: Map<string, EntityType>;
}

/** A relationship's stable id: the document, the type, both ends and the optional key. */
export function relationshipId(documentId: string, r: RelationshipInput): string {
  return `${documentId}#${r.type}:${r.from}->${r.to}${r.key ? `:${r.key}` : ''}`;
}

export function checkDate(date: HistoricalDateInput | undefined, where: string, problems: string[]): void {
  if (!date) return;
  const r = dateInterval(date.value, date.precision);
  if (typeof r === 'string') problems.push(`${where}: malformed date: ${r}`);
  else if (date.notAfter && (date.notAfter < r.earliest || date.notAfter > r.latest))
    problems.push(`${where}: notAfter ${date.notAfter} lies outside ${date.value}`);
  if (date.certainty === 'inferred' && !date.reasoning)
    problems.push(`${where}: an inferred date needs its reasoning`);
}

/** The interval a date stands for: its value at its precision, ending at `notAfter` when given. */
export function intervalOf(date: HistoricalDateInput): DateInterval {
  const r = dateInterval(date.value, date.precision);
  if (typeof r === 'string') throw new Error(r);
  return date.notAfter && date.notAfter < r.latest ? { ...r, latest: date.notAfter } : r;
}

/**
 * An entity's identifiers: only on the types that carry them, a real day of verification not after
 * today, and each identifier claimed by one entity of the file only (`claimed`: key → entity id).
 */
function checkIdentifiers(
  e: EntityInput,
  where: string,
  claimed: Map<string, string>,
  problems: string[],
): void {
  if (e.externalIds.length && !(IDENTIFIED_TYPES as readonly string[]).includes(e.type))
    problems.push(`${where}: only persons, institutions, events and places carry external identifiers`);
  const today = new Date().toISOString().slice(0, 10);
  e.externalIds.forEach((x: ExternalIdInput, j) => {
    const at = `${where} externalIds[${j}]`;
    const key = identifierKey(x.authority, x.value);
    const holder = claimed.get(key);
    if (holder)
      problems.push(`${at}: ${key} is already given to ${holder === e.id ? 'this entity' : holder}`);
    else claimed.set(key, e.id);
    const day = dateInterval(x.verifiedOn, 'day');
    if (typeof day === 'string') problems.push(`${at}: verifiedOn ${day}`);
    else if (x.verifiedOn > today) problems.push(`${at}: verifiedOn ${x.verifiedOn} is after today`);
  });
}

type Sections = ExtractionFile['document']['sections'];

/**
 * The layer a passage at [start, end) comes from: the archive's summary or citation (archival), a
 * bracketed insertion in the body (editorial: the passage lies within one pair of brackets), or the
 * body. Null when it lies in no one section.
 */
export function layerOf(text: string, sections: Sections, start: number, end: number): EvidenceLayer | null {
  const within = (s: { start: number; end: number } | undefined) => !!s && start >= s.start && end <= s.end;
  if (within(sections.summary) || within(sections.citation)) return 'archival';
  if (!within(sections.body)) return null;
  const open = text.lastIndexOf('[', start);
  if (open >= sections.body.start && text.lastIndexOf(']', start - 1) < open) {
    const close = text.indexOf(']', open);
    if (close >= end - 1) return 'editorial';
  }
  return 'body';
}

/**
 * Relationship types that speak about a document as the archive describes it (who translated or
 * obtained it, who holds it, what it translates): these may rest on the archival layer alone.
 * Every other relationship is a claim about the past and needs a passage of the body.
 */
export const ARCHIVAL_TYPES: readonly RelationshipType[] = [
  'TRANSLATED',
  'OBTAINED',
  'HELD_BY',
  'TRANSLATION_OF',
];

function checkEvidence(
  ev: EvidenceInput,
  text: string,
  sections: Sections,
  where: string,
  problems: string[],
): EvidenceLayer | null {
  if (ev.end <= ev.start || ev.end > text.length) {
    problems.push(`${where}: offsets ${ev.start}-${ev.end} are outside the text (length ${text.length})`);
    return null;
  }
  const found = text.slice(ev.start, ev.end);
  if (found !== ev.quote) {
    const at = text.indexOf(ev.quote);
    problems.push(
      `${where}: quote ${JSON.stringify(ev.quote.slice(0, 60))} is not in the text at ${ev.start}-${ev.end}` +
        (at >= 0
          ? ` (it occurs at ${at}-${at + ev.quote.length})`
          : ' (it does not occur in the text at all)'),
    );
  }
  if (ev.certainty === 'inferred' && !ev.reasoning)
    problems.push(`${where}: inferred evidence needs its reasoning`);
  checkDate(ev.attests, `${where} attests`, problems);
  const layer = layerOf(text, sections, ev.start, ev.end);
  if (!layer) problems.push(`${where}: the passage lies in no one section of the document`);
  else if (ev.layer && ev.layer !== layer)
    problems.push(`${where}: layer "${ev.layer}" given, but the passage is ${layer}`);
  return layer;
}

/** Parses the JSON text of an extraction; a syntax error rejects the file. */
export function parseJson(file: string, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new ExtractionError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
}

/**
 * Checks an extraction (parsed JSON) against its stored text. `text` is the text itself, or finds it
 * by the extraction's `textFile` (null: not found). `file` names the extraction in every problem.
 */
export function validateDocument(
  file: string,
  raw: unknown,
  text: string | ((textFile: string) => string | null),
): ValidatedDocument {
  const parsed = extractionFile.safeParse(raw);
  if (!parsed.success) {
    throw new ExtractionError(
      file,
      parsed.error.issues.map((i) => `${describePath(raw, i.path)}: ${i.message}`),
    );
  }
  const x = parsed.data;
  const found = typeof text === 'string' ? text : text(x.document.textFile);
  if (found === null)
    throw new ExtractionError(file, [`document.textFile: ${x.document.textFile} not found`]);
  return check(file, x, found);
}

/** Parses and checks one extraction file; `textDir` holds the stored texts. */
export function validateExtraction(path: string, textDir: string): ValidatedDocument {
  const file = basename(path);
  const raw = parseJson(file, readFileSync(path, 'utf8'));
  return validateDocument(file, raw, (name) => {
    const at = join(textDir, name);
    return existsSync(at) ? readFileSync(at, 'utf8') : null;
  });
}

function check(file: string, x: ExtractionFile, text: string): ValidatedDocument {
  const problems: string[] = [];
  for (const [name, s] of Object.entries(x.document.sections)) {
    if (s && (s.end <= s.start || s.end > text.length)) {
      problems.push(
        `document.sections.${name}: ${s.start}-${s.end} is outside the text (length ${text.length})`,
      );
    }
  }
  checkDate(x.document.date, 'document.date', problems);
  checkAliasDetails({ name: x.document.title, ...x.document }, 'document', problems);

  const types = new Map<string, EntityType>([[x.document.id, 'Document']]);
  const claimed = new Map<string, string>();
  x.entities.forEach((e: EntityInput, i) => {
    const where = `entities[${i}] ${e.id}`;
    if (types.has(e.id)) problems.push(`${where}: duplicate id`);
    types.set(e.id, e.type);
    if (!e.id.startsWith(`${e.type.toLowerCase()}/`))
      problems.push(`${where}: id prefix does not match type ${e.type}`);
    if (e.kind && e.type !== 'Institution') problems.push(`${where}: only institutions have a kind`);
    if (e.date && e.type !== 'Meeting' && e.type !== 'Event' && e.type !== 'Document')
      problems.push(`${where}: only meetings, events and documents have a date`);
    if (e.language && e.type !== 'Document') problems.push(`${where}: only documents have a language`);
    if (e.type === 'Statement' && !e.statement)
      problems.push(`${where}: a statement needs its kind and speech ("statement")`);
    if (e.statement && e.type !== 'Statement') problems.push(`${where}: only statements have "statement"`);
    checkAliasDetails(e, where, problems);
    checkDate(e.date, `${where} date`, problems);
    checkIdentifiers(e, where, claimed, problems);
  });

  const seen = new Set<string>();
  const relationships = x.relationships.map((r, i) => {
    const rid = r.id ?? relationshipId(x.document.id, r);
    const where = `relationships[${i}] ${r.type} ${r.from} -> ${r.to}`;
    if (r.id !== undefined && !r.id.startsWith(`${x.document.id}#`))
      problems.push(`${where}: id ${r.id} must start with "${x.document.id}#"`);
    if (seen.has(rid)) problems.push(`${where}: duplicate relationship (give each a distinct "key")`);
    seen.add(rid);
    const rule = RELATIONSHIP_TYPES[r.type as RelationshipType];
    const fromType = types.get(r.from);
    const toType = types.get(r.to);
    if (!fromType) problems.push(`${where}: dangling id ${r.from} (not declared in this file)`);
    if (!toType) problems.push(`${where}: dangling id ${r.to} (not declared in this file)`);
    if (fromType && !(rule.from as readonly string[]).includes(fromType))
      problems.push(`${where}: ${r.type} cannot start at a ${fromType}`);
    if (toType && !(rule.to as readonly string[]).includes(toType))
      problems.push(`${where}: ${r.type} cannot end at a ${toType}`);
    if (r.context && types.get(r.context) !== 'Meeting')
      problems.push(`${where}: context ${r.context} must be a meeting declared in this file`);
    if (r.statement && types.get(r.statement) !== 'Statement')
      problems.push(`${where}: statement ${r.statement} must be a statement declared in this file`);
    if (r.archivalReference && r.type !== 'HELD_BY')
      problems.push(`${where}: only HELD_BY carries an archival reference`);
    checkDate(r.archivalReference?.renamed, `${where} archivalReference.renamed`, problems);
    checkDate(r.startDate, `${where} startDate`, problems);
    checkDate(r.endDate, `${where} endDate`, problems);
    checkDate(r.attestedDate, `${where} attestedDate`, problems);
    const evidence = r.evidence.map((ev, j) => {
      const layer = checkEvidence(ev, text, x.document.sections, `${where} evidence[${j}]`, problems);
      return { ...ev, layer: layer ?? ev.layer ?? 'body' };
    });
    if (
      !ARCHIVAL_TYPES.includes(r.type as RelationshipType) &&
      evidence.length &&
      evidence.every((ev) => ev.layer === 'archival')
    )
      problems.push(
        `${where}: rests on the archive's description alone; a claim about the past needs a passage of the body`,
      );
    // the derived layers stay with the extraction too (resolution rebuilds relationships from it)
    r.evidence = evidence;
    return { ...r, evidence, id: rid };
  });

  if (problems.length) throw new ExtractionError(file, problems);
  return { file, text, extraction: x, relationships, types };
}

/** Alias details name aliases the entry lists (or its name), each at most once. */
function checkAliasDetails(
  e: { name: string; aliases: string[]; aliasDetails: { alias: string }[] },
  where: string,
  problems: string[],
): void {
  const seen = new Set<string>();
  for (const d of e.aliasDetails) {
    if (d.alias !== e.name && !e.aliases.includes(d.alias))
      problems.push(`${where}: aliasDetails names "${d.alias}", which is not among its aliases`);
    if (seen.has(d.alias)) problems.push(`${where}: aliasDetails lists "${d.alias}" twice`);
    seen.add(d.alias);
  }
}

/** "relationships[3] (ATTENDED)" rather than "relationships.3.type". */
function describePath(raw: unknown, path: PropertyKey[]): string {
  let node: unknown = raw;
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number' && node && typeof node === 'object') {
      const n = node as { id?: unknown; type?: unknown };
      if (typeof n.id === 'string') out += ` ${n.id}`;
      else if (typeof n.type === 'string') out += ` (${n.type})`;
    }
  }
  return out || 'file';
}
