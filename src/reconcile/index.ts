// The W3C Reconciliation Service API (v0.2) at /reconcile, as OpenRefine speaks it:
//
//   GET  /reconcile                          the manifest
//   POST /reconcile  queries=<JSON batch>    candidates per query (also GET ?queries=)
//   POST /reconcile  extend=<JSON query>     data extension (also GET ?extend=)
//   GET  /reconcile/preview?id=…             an HTML preview of an entity
//   GET  /reconcile/suggest/entity?prefix=…  (also …/type, …/property; `cursor` pages)
//   GET  /reconcile/properties?type=…        the properties data extension proposes for a type
//
// Every answer is JSON (the preview HTML) with open CORS (http/routes.ts). A malformed request is a
// 400 with the reason, an oversized one a 400 (QUERY_TOO_LARGE) or 413; bounds in ./limits.ts.
import type { Db } from '../db/driver.ts';
import { BadRequestError, CodedError, InvalidIdError, NotFoundError } from '../errors.ts';
import { jsonError, type Route } from '../http/routes.ts';
import { ENTITY_TYPES, type EntityType, ID_PATTERN } from '../model.ts';
import { GraphReader } from '../reader.ts';
import type { Uris } from '../uris.ts';
import { extend } from './extend.ts';
import { formFields, parseBatch, parseExtend } from './parse.ts';
import { previewPage } from './preview.ts';
import { reconcile } from './query.ts';
import { proposeProperties, suggestEntities, suggestProperties, suggestTypes } from './suggest.ts';
import { entityIdGiven, manifest, SERVICE_TYPES, typeNamed } from './vocabulary.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

const MAX_PARAM = 500;

/** A query string parameter, bounded; undefined when absent. */
function param(url: URL, name: string): string | undefined {
  const v = url.searchParams.get(name);
  if (v !== null && v.length > MAX_PARAM)
    throw new BadRequestError(`"${name}" has at most ${MAX_PARAM} characters.`);
  return v ?? undefined;
}

function cursorOf(url: URL): number {
  const given = param(url, 'cursor');
  if (given === undefined || given === '') return 0;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 0 || n > 1000)
    throw new BadRequestError('"cursor" is a whole number from 0 to 1000.');
  return n;
}

function typesOf(url: URL, uris: Uris): readonly EntityType[] {
  const given = url.searchParams.getAll('type').filter(Boolean);
  if (!given.length) return ENTITY_TYPES;
  return given.map((t) => {
    const type = typeNamed(t, uris);
    if (!type)
      throw new BadRequestError(
        `Unknown type "${t.slice(0, 60)}"; the types are ${SERVICE_TYPES.join(', ')}.`,
      );
    return type;
  });
}

/** The service endpoint: manifest, query batches and data extension. */
async function endpoint(request: Request, url: URL, db: Db, uris: Uris): Promise<Response> {
  const fields = request.method === 'POST' ? await formFields(request) : url.searchParams;
  const queries = fields.get('queries');
  const extension = fields.get('extend');
  if (queries !== null && extension !== null)
    throw new BadRequestError('Send either "queries" or "extend", not both.');
  if (queries !== null) return json(await reconcile(new GraphReader(db), uris, parseBatch(queries, uris)));
  if (extension !== null) return json(await extend(new GraphReader(db), uris, parseExtend(extension)));
  if (request.method === 'POST')
    throw new BadRequestError(
      'Expected a form field "queries" (a reconciliation batch) or "extend" (a data extension query).',
    );
  return json(manifest(uris));
}

async function preview(url: URL, db: Db, uris: Uris): Promise<Response> {
  const given = param(url, 'id');
  if (!given)
    throw new BadRequestError('Give the entity as "id", e.g. /reconcile/preview?id=person/deng-xiaoping.');
  const id = entityIdGiven(given, uris);
  if (!ID_PATTERN.test(id)) throw new InvalidIdError(id, 'id');
  const graph = new GraphReader(db);
  const entity = await graph.find(id);
  if (!entity) throw new NotFoundError(id);
  return new Response(await previewPage(graph, uris, entity), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

async function route(request: Request, url: URL, db: Db, uris: Uris): Promise<Response> {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/reconcile') {
    if (request.method !== 'GET' && request.method !== 'POST') return notAllowed('GET, POST');
    return endpoint(request, url, db, uris);
  }
  if (request.method !== 'GET') return notAllowed('GET');
  switch (path) {
    case '/reconcile/preview':
      return preview(url, db, uris);
    case '/reconcile/suggest/entity': {
      const prefix = param(url, 'prefix');
      if (prefix === undefined) throw new BadRequestError('Give what was typed as "prefix".');
      const result = await suggestEntities(
        new GraphReader(db),
        uris,
        prefix,
        typesOf(url, uris),
        cursorOf(url),
      );
      return json({ result });
    }
    case '/reconcile/suggest/type':
      return json({ result: suggestTypes(param(url, 'prefix') ?? '', cursorOf(url)) });
    case '/reconcile/suggest/property':
      return json({ result: suggestProperties(param(url, 'prefix') ?? '', cursorOf(url)) });
    case '/reconcile/properties': {
      const given = param(url, 'type');
      const type = given ? typeNamed(given, uris) : undefined;
      if (!type) throw new BadRequestError(`Give a "type": one of ${SERVICE_TYPES.join(', ')}.`);
      const limit = param(url, 'limit');
      const n = limit === undefined || limit === '' ? undefined : Number(limit);
      if (n !== undefined && (!Number.isInteger(n) || n < 0))
        throw new BadRequestError('"limit" is a whole number.');
      return json(proposeProperties(type, n));
    }
    default:
      return jsonError(404, 'NOT_FOUND', `Nothing at ${path.slice(0, 200)}; the service is at /reconcile.`);
  }
}

const notAllowed = (allow: string) =>
  jsonError(405, 'BAD_REQUEST', `Use ${allow} here.`, { allow: `${allow}, OPTIONS` });

/** A refusal or failure as the JSON error every route answers with. */
function failure(err: unknown): Response {
  if (err instanceof CodedError) {
    const given = Number((err.extensions.http as { status?: number } | undefined)?.status);
    const status = given || (err.code === 'NOT_FOUND' ? 404 : 400);
    return jsonError(status, err.code, err.message);
  }
  const what = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'reconciliation failed', error: what })}\n`);
  return jsonError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
}

export function reconcileRoute({ db, uris }: { db: Db; uris: Uris }): Route {
  return {
    name: 'reconcile',
    owns: (url) => url.pathname === '/reconcile' || url.pathname.startsWith('/reconcile/'),
    handle: async (request, url) => {
      try {
        return await route(request, url, db, uris);
      } catch (err) {
        return failure(err);
      }
    },
  };
}
