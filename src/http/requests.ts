// HTTP hygiene for every request: a request id that the response carries (`x-request-id`), one
// structured log line per failed request, request parsing errors turned into coded 400s (malformed JSON or variables never become a 500), and every
// error cleaned of parser, driver and stack text before it is sent.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { BadRequestError } from '../errors.ts';

export interface LogLine {
  level: 'warn' | 'error';
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  codes: string[];
}

export type RequestLog = (line: LogLine) => void;

/** Writes one JSON line to stderr for each failed request at or above a level. */
export function stderrLog(level: 'warn' | 'error' | 'silent' = 'warn'): RequestLog {
  return (line) => {
    if (level === 'silent' || (level === 'error' && line.level === 'warn')) return;
    process.stderr.write(`${JSON.stringify(line)}\n`);
  };
}

const CLEAN_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'CSRF_HEADER_REQUIRED',
  405: 'BAD_REQUEST',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  415: 'BAD_REQUEST',
};

/** A request-level error as clients see it: its message (not the parser's), a code, its status. */
function cleanRequestError(err: unknown): GraphQLError {
  if (err instanceof BadRequestError) return err;
  const status = Number((err as GraphQLError)?.extensions?.http?.status ?? 400);
  if (err instanceof GraphQLError && !err.originalError) {
    return new GraphQLError(err.message, {
      extensions: { ...err.extensions, code: err.extensions.code ?? CLEAN_CODES[status] ?? 'BAD_REQUEST' },
    });
  }
  // a JSON parser's message says where it choked and echoes the input: say what was wrong instead
  return new BadRequestError(
    'The request could not be read: its body, query string or `variables` is not valid JSON.',
  );
}

/** Codes of the errors in a result (for the log line). */
function codesOf(result: unknown): string[] {
  const errors = (result as { errors?: readonly GraphQLError[] } | undefined)?.errors ?? [];
  return [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
}

/** Strips what no client should see: stack, originalError, a driver's or parser's text. */
function publicError(e: GraphQLError, refused: boolean): GraphQLError {
  const { originalError: _o, stacktrace: _s, exception: _x, ...extensions } = e.extensions ?? {};
  const status = Number((extensions.http as { status?: number } | undefined)?.status ?? 0);
  extensions.code ??= CLEAN_CODES[status] ?? 'BAD_REQUEST';
  if (refused) extensions.http = { status: Math.max(status, 400) };
  return new GraphQLError(e.message, { nodes: e.nodes, path: e.path, extensions });
}

export function requestsPlugin(options: { log?: RequestLog } = {}): Plugin {
  const log = options.log ?? stderrLog();
  const seen = new WeakMap<Request, { id: string; started: number; codes: string[] }>();
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      const id = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
      seen.set(request, { id, started: performance.now(), codes: [] });
    },
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (err) {
          throw cleanRequestError(err);
        }
      });
    },
    onResultProcess({ request, result, setResult }) {
      const entry = seen.get(request);
      if (Array.isArray(result) || !result || Symbol.asyncIterator in (result as object)) return;
      const single = result as { errors?: readonly GraphQLError[] };
      if (!single.errors?.length) return;
      if (entry) entry.codes = codesOf(single);
      // a request refused before execution (no `data`) is a 4xx in every media type
      const refused = !('data' in single);
      setResult({ ...single, errors: single.errors.map((e) => publicError(e, refused)) } as typeof result);
    },
    onResponse({ request, response }) {
      const entry = seen.get(request);
      if (!entry) return;
      response.headers.set('x-request-id', entry.id);
      if (response.status >= 400 || entry.codes.length) {
        const url = new URL(request.url);
        log({
          level: response.status >= 500 ? 'error' : 'warn',
          msg: 'request failed',
          requestId: entry.id,
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: Math.round(performance.now() - entry.started),
          codes: entry.codes,
        });
      }
    },
  };
}
