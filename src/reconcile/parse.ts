// Reading what a client sends: the body (bounded), a reconciliation query batch and a data extension
// query, checked against the W3C Reconciliation Service API v0.2 schemas and this service's bounds.
// Every refusal is a coded error naming the query and the field, e.g.
//   q3.limit: must be a positive integer
import { type DateInterval, parseDateArgument } from '../dates.ts';
import { BadRequestError, CodedError, QueryLimitError } from '../errors.ts';
import {
  RECONCILE_DEFAULT_CANDIDATES,
  RECONCILE_MAX_BODY_BYTES,
  RECONCILE_MAX_CANDIDATES,
  RECONCILE_MAX_EXTEND_IDS,
  RECONCILE_MAX_EXTEND_PROPERTIES,
  RECONCILE_MAX_KEY,
  RECONCILE_MAX_PROPERTIES,
  RECONCILE_MAX_QUERIES,
  RECONCILE_MAX_TEXT,
  RECONCILE_MAX_VALUE,
  RECONCILE_MAX_VALUES,
  RECONCILE_MAX_WORDS,
} from '../limits.ts';
import type { EntityType } from '../model.ts';
import type { Uris } from '../uris.ts';
import {
  propertyById,
  SERVICE_PROPERTIES,
  SERVICE_TYPES,
  type ServiceProperty,
  typeNamed,
} from './vocabulary.ts';

/** A property value as a query gives it: text, a number, a boolean, or an entity already reconciled. */
export type PropertyValue = string | number | boolean | { id: string; name?: string };

export interface PropertyConstraint {
  pid: string;
  property: ServiceProperty;
  values: PropertyValue[];
  /** For dateActive: the intervals the values stand for. */
  dates: DateInterval[];
}

export type TypeStrict = 'any' | 'should' | 'all';

export interface ReconQuery {
  key: string;
  /** The name to match; absent for a query by properties alone. */
  text?: string;
  /** The types asked for (none: every type). */
  types: EntityType[];
  typeStrict: TypeStrict;
  /** Candidates to return, already bounded. */
  limit: number;
  properties: PropertyConstraint[];
}

const refuse = (message: string): never => {
  throw new BadRequestError(message);
};
const tooLarge = (message: string): never => {
  throw new QueryLimitError(message, 'QUERY_TOO_LARGE');
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const quoted = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** Reads a request body as text, refusing (413) past RECONCILE_MAX_BODY_BYTES without reading further. */
export async function readBody(request: Request, max = RECONCILE_MAX_BODY_BYTES): Promise<string> {
  const tooBig = () =>
    new CodedError(
      `The request body is larger than ${max} bytes; send smaller batches.`,
      'REQUEST_ENTITY_TOO_LARGE',
      {},
      413,
    );
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooBig();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** The form fields of a POST (application/x-www-form-urlencoded, as OpenRefine sends them). */
export async function formFields(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (type && !/^application\/x-www-form-urlencoded\b/i.test(type)) {
    refuse(
      `Send the batch as application/x-www-form-urlencoded with a form field "queries" (or "extend"), not ${quoted(type.split(';')[0] ?? type)}.`,
    );
  }
  return new URLSearchParams(await readBody(request));
}

function parseJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse(`The "${field}" field is not valid JSON.`);
  }
}

function types(at: string, given: unknown, uris: Uris): EntityType[] {
  if (given === undefined || given === null) return [];
  const list = typeof given === 'string' ? [given] : given;
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string'))
    return refuse(`${at}.type: must be a type id or a list of type ids`);
  const out = new Set<EntityType>();
  for (const t of list as string[]) {
    const type = typeNamed(t, uris);
    if (!type) refuse(`${at}.type: unknown type ${quoted(t)}; the types are ${SERVICE_TYPES.join(', ')}`);
    out.add(type as EntityType);
  }
  return [...out];
}

function propertyValue(at: string, v: unknown): PropertyValue {
  if (typeof v === 'string') {
    if (v.length > RECONCILE_MAX_VALUE) tooLarge(`${at}: at most ${RECONCILE_MAX_VALUE} characters`);
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (isObject(v) && typeof v.id === 'string' && v.id.length <= RECONCILE_MAX_VALUE) {
    return typeof v.name === 'string' ? { id: v.id, name: v.name } : { id: v.id };
  }
  return refuse(`${at}: a value is a string, a number, a boolean or an entity {"id": …}`);
}

/** A date value: YYYY, YYYY-MM, YYYY-MM-DD, or an ISO date-time such as OpenRefine sends (its day). */
export function dateOf(v: PropertyValue): DateInterval | undefined {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  if (text === undefined) return undefined;
  const day = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text)?.[1];
  return parseDateArgument(day ?? text);
}

function properties(at: string, given: unknown): PropertyConstraint[] {
  if (given === undefined) return [];
  if (!Array.isArray(given)) return refuse(`${at}.properties: must be a list of {"pid": …, "v": …}`);
  if (given.length > RECONCILE_MAX_PROPERTIES)
    tooLarge(`${at}.properties: at most ${RECONCILE_MAX_PROPERTIES}`);
  return given.map((p, i) => {
    const here = `${at}.properties[${i}]`;
    if (!isObject(p) || typeof p.pid !== 'string' || !('v' in p))
      return refuse(`${here}: must be {"pid": …, "v": …}`);
    const property = propertyById(p.pid);
    if (!property?.constraint) {
      const usable = SERVICE_PROPERTIES.filter((x) => x.constraint).map((x) => x.id);
      return refuse(
        `${here}.pid: ${quoted(p.pid)} is not a property queries can use; they are ${usable.join(', ')}`,
      );
    }
    const raw = Array.isArray(p.v) ? p.v : [p.v];
    if (!raw.length) refuse(`${here}.v: give at least one value`);
    if (raw.length > RECONCILE_MAX_VALUES) tooLarge(`${here}.v: at most ${RECONCILE_MAX_VALUES} values`);
    const values = raw.map((v, j) => propertyValue(`${here}.v${Array.isArray(p.v) ? `[${j}]` : ''}`, v));
    const dates: DateInterval[] = [];
    if (property.values === 'date') {
      for (const v of values) {
        const d = dateOf(v);
        if (!d)
          refuse(
            `${here}.v: ${quoted(String(JSON.stringify(v)))} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
          );
        dates.push(d as DateInterval);
      }
    }
    return { pid: property.id, property, values, dates };
  });
}

const QUERY_FIELDS = new Set(['query', 'type', 'limit', 'properties', 'type_strict']);

function query(key: string, q: unknown, uris: Uris): ReconQuery {
  if (key.length > RECONCILE_MAX_KEY) tooLarge(`a query key has at most ${RECONCILE_MAX_KEY} characters`);
  if (!isObject(q)) return refuse(`${key}: a query is an object such as {"query": "Deng Xiaoping"}`);
  for (const field of Object.keys(q))
    if (!QUERY_FIELDS.has(field))
      refuse(
        `${key}: unknown field ${quoted(field)}; a query has query, type, limit, properties, type_strict`,
      );
  let text: string | undefined;
  if (q.query !== undefined) {
    if (typeof q.query !== 'string' || !q.query.trim()) refuse(`${key}.query: must be a non-empty string`);
    text = q.query as string;
    if (text.length > RECONCILE_MAX_TEXT || text.trim().split(/\s+/).length > RECONCILE_MAX_WORDS)
      tooLarge(`${key}.query: at most ${RECONCILE_MAX_TEXT} characters and ${RECONCILE_MAX_WORDS} words`);
  }
  let limit = RECONCILE_DEFAULT_CANDIDATES;
  if (q.limit !== undefined) {
    if (typeof q.limit !== 'number' || !Number.isInteger(q.limit) || q.limit < 1)
      refuse(`${key}.limit: must be a positive integer`);
    limit = Math.min(q.limit as number, RECONCILE_MAX_CANDIDATES);
  }
  const strict = q.type_strict ?? 'should';
  if (strict !== 'any' && strict !== 'should' && strict !== 'all')
    refuse(`${key}.type_strict: must be "any", "should" or "all"`);
  const props = properties(key, q.properties);
  if (text === undefined && !props.length) refuse(`${key}: give a "query", or "properties" to match on`);
  return {
    key,
    ...(text === undefined ? {} : { text }),
    types: types(key, q.type, uris),
    typeStrict: strict as TypeStrict,
    limit,
    properties: props,
  };
}

/** A reconciliation query batch: a JSON object of queries by key, at most RECONCILE_MAX_QUERIES. */
export function parseBatch(json: string, uris: Uris): ReconQuery[] {
  const batch = parseJson('queries', json);
  if (!isObject(batch))
    return refuse(
      'The "queries" field must be a JSON object of queries by key, e.g. {"q0": {"query": "Deng Xiaoping"}}.',
    );
  const entries = Object.entries(batch);
  if (entries.length > RECONCILE_MAX_QUERIES)
    tooLarge(`A batch has at most ${RECONCILE_MAX_QUERIES} queries; this one has ${entries.length}.`);
  return entries.map(([key, q]) => query(key, q, uris));
}

export interface ExtendQuery {
  ids: string[];
  properties: { property: ServiceProperty; limit: number }[];
}

/** A data extension query: {"ids": […], "properties": [{"id": …, "settings": {"limit": n}}]}. */
export function parseExtend(json: string): ExtendQuery {
  const q = parseJson('extend', json);
  if (!isObject(q) || !Array.isArray(q.ids) || !Array.isArray(q.properties))
    return refuse('The "extend" field must be a JSON object {"ids": […], "properties": [{"id": …}]}.');
  if (!q.ids.every((id) => typeof id === 'string')) refuse('extend.ids: must be a list of entity ids');
  if (q.ids.length > RECONCILE_MAX_EXTEND_IDS)
    tooLarge(`extend.ids: at most ${RECONCILE_MAX_EXTEND_IDS} entities`);
  if (q.properties.length > RECONCILE_MAX_EXTEND_PROPERTIES)
    tooLarge(`extend.properties: at most ${RECONCILE_MAX_EXTEND_PROPERTIES} properties`);
  const props = q.properties.map((p, i) => {
    if (!isObject(p) || typeof p.id !== 'string') return refuse(`extend.properties[${i}]: must be {"id": …}`);
    const property = propertyById(p.id);
    if (!property?.extend)
      return refuse(`extend.properties[${i}].id: ${quoted(p.id)} is not a property this service can fetch`);
    let limit = 0;
    const setting = isObject(p.settings) ? p.settings.limit : undefined;
    if (setting !== undefined && setting !== '') {
      limit = Number(setting);
      if (!Number.isInteger(limit) || limit < 0)
        refuse(`extend.properties[${i}].settings.limit: must be a whole number (0: all values)`);
    }
    return { property, limit };
  });
  return { ids: q.ids as string[], properties: props };
}
