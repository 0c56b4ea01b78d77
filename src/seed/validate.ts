// Checks an extraction against its stored text before anything is written. Every problem is reported
// with the file, the entry and what is wrong; one bad entry rejects the file. The same checks serve
// the seed (files under seed/) and every import (src/import: files, or the JSON and text a mutation
// receives): `validateDocument` works on values in memory, `validateExtraction` reads the files.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type DateInterval, dateInterval } from '../dates.ts';
import {
  type EntityType,
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
  if (date.certainty === 'inferred' && !date.reasoning)
    problems.push(`${where}: an inferred date needs its reasoning`);
}

export function intervalOf(date: HistoricalDateInput): DateInterval {
  const r = dateInterval(date.value, date.precision);
  if (typeof r === 'string') throw new Error(r);
  return r;
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

function checkEvidence(ev: EvidenceInput, text: string, where: string, problems: string[]): void {
  if (ev.end <= ev.start || ev.end > text.length) {
    problems.push(`${where}: offsets ${ev.start}-${ev.end} are outside the text (length ${text.length})`);
    return;
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

  const types = new Map<string, EntityType>([[x.document.id, 'Document']]);
  const claimed = new Map<string, string>();
  x.entities.forEach((e: EntityInput, i) => {
    const where = `entities[${i}] ${e.id}`;
    if (types.has(e.id)) problems.push(`${where}: duplicate id`);
    types.set(e.id, e.type);
    if (!e.id.startsWith(`${e.type.toLowerCase()}/`))
      problems.push(`${where}: id prefix does not match type ${e.type}`);
    if (e.kind && e.type !== 'Institution') problems.push(`${where}: only institutions have a kind`);
    if (e.date && e.type !== 'Meeting' && e.type !== 'Event')
      problems.push(`${where}: only meetings and events have a date`);
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
    checkDate(r.startDate, `${where} startDate`, problems);
    checkDate(r.endDate, `${where} endDate`, problems);
    checkDate(r.attestedDate, `${where} attestedDate`, problems);
    r.evidence.forEach((ev, j) => {
      checkEvidence(ev, text, `${where} evidence[${j}]`, problems);
    });
    return { ...r, id: rid };
  });

  if (problems.length) throw new ExtractionError(file, problems);
  return { file, text, extraction: x, relationships, types };
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
