// GET /export?format=graphml|gexf|csv|jsonld|nquads|turtle[&table=nodes|edges][&around=ID[&depth=N]|&document=ID]: the
// exports over HTTP, streamed a page at a time as the client reads (nothing is read ahead of the
// client but the next page). What is asked is checked, and a selection resolved and bounded, before
// the answer starts, so that bad parameters get 400, unknown ids 404, a selection over the limits
// 400 (QUERY_TOO_LARGE), all as JSON with a code. At most MAX_CONCURRENT_EXPORTS run at once (503
// with Retry-After beyond); one whose client stops reading for EXPORT_IDLE_MS is ended. A failure
// once the body has started (the database gone) aborts the body, so a client never takes a cut
// export for a whole one.
import type { Db } from '../db/driver.ts';
import { CodedError } from '../errors.ts';
import { jsonError, type Route } from '../http/routes.ts';
import { EXPORT_BATCH, EXPORT_IDLE_MS, MAX_CONCURRENT_EXPORTS } from '../limits.ts';
import type { Uris } from '../uris.ts';
import { exportText } from './exporter.ts';
import { type ExportPlan, planExport, SELECTION_LIMITS, type SelectionLimits } from './plan.ts';
import { EXPORT_PARAMS, type ExportParams, parseExportRequest, selectionStem } from './request.ts';
import type { ExportPart, Selection } from './writer.ts';

export interface ExportRouteOptions {
  db: Db;
  uris: Uris;
  /** Bounds of a selection (default EXPORT_MAX_SELECTION_ENTITIES, EXPORT_MAX_SELECTION_RELATIONSHIPS). */
  limits?: SelectionLimits;
  /** Rows per statement (default EXPORT_BATCH). */
  batch?: number;
  /** Exports at once (default MAX_CONCURRENT_EXPORTS). */
  maxConcurrent?: number;
  /** How long a client may read nothing before its export is ended (default EXPORT_IDLE_MS). */
  idleMs?: number;
}

/** The coded JSON answer for a refusal; anything unexpected is masked as a 500. */
function refusal(err: unknown): Response {
  if (err instanceof CodedError) {
    const ext = err.extensions as { code: string; http?: { status?: number } };
    const status = ext.http?.status ?? (ext.code === 'NOT_FOUND' ? 404 : 400);
    return jsonError(status, ext.code, err.message);
  }
  logFailure(err);
  return jsonError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
}

function logFailure(err: unknown) {
  const what = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'export failed', error: what })}\n`);
}

/** The query's parameters, each at most once and each one an export knows. */
function params(url: URL): ExportParams | Response {
  const out: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (!(EXPORT_PARAMS as readonly string[]).includes(name))
      return jsonError(
        400,
        'INVALID_ARGUMENT',
        `Unknown parameter "${name.slice(0, 40)}": an export takes ${EXPORT_PARAMS.join(', ')}.`,
      );
    if (name in out) return jsonError(400, 'INVALID_ARGUMENT', `The parameter "${name}" is given twice.`);
    out[name] = value;
  }
  return out;
}

/** The download's file name: `coldwar-graph.graphml`, `around-person-x-depth-2-edges.csv`, … */
export function downloadName(part: ExportPart, selection: Selection): string {
  const stem = selectionStem(selection);
  const dot = part.file.indexOf('.');
  const base = part.file.slice(0, dot);
  return base === 'coldwar-graph' ? `${stem}${part.file.slice(dot)}` : `${stem}-${part.file}`;
}

/**
 * The export's text as a byte stream, read as the client pulls. `release` runs once when it ends,
 * fails, is cancelled, or idles out.
 */
function body(
  chunks: AsyncGenerator<string[]>,
  release: () => void,
  idleMs: number,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    release();
  };
  const idle = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.error(new Error(`the client read nothing for ${idleMs} ms`));
      finish();
      void chunks.return(undefined).catch(() => undefined);
    }, idleMs);
    timer.unref();
  };
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) => idle(controller),
      async pull(controller) {
        clearTimeout(timer);
        try {
          for (;;) {
            const next = await chunks.next();
            if (finished) return;
            if (next.done) {
              controller.close();
              finish();
              return;
            }
            const text = next.value[0];
            if (text) {
              controller.enqueue(encoder.encode(text));
              idle(controller);
              return;
            }
          }
        } catch (err) {
          logFailure(err);
          controller.error(err);
          finish();
        }
      },
      async cancel() {
        finish();
        await chunks.return(undefined).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

export function exportRoute(options: ExportRouteOptions): Route {
  const { db, uris } = options;
  const limits = options.limits ?? SELECTION_LIMITS;
  const maxConcurrent = options.maxConcurrent ?? MAX_CONCURRENT_EXPORTS;
  const idleMs = options.idleMs ?? EXPORT_IDLE_MS;
  let running = 0;

  return {
    name: 'export',
    owns: (url) => url.pathname === '/export' || url.pathname.startsWith('/export/'),
    async handle(request, url) {
      if (url.pathname !== '/export')
        return jsonError(
          404,
          'NOT_FOUND',
          'Nothing is here: exports are at /export?format=graphml|gexf|csv|jsonld|nquads|turtle.',
        );
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return jsonError(405, 'BAD_REQUEST', 'Exports answer GET and HEAD only.', { allow: 'GET, HEAD' });
      const p = params(url);
      if (p instanceof Response) return p;
      let asked: ReturnType<typeof parseExportRequest>;
      try {
        asked = parseExportRequest(p, { oneFile: true });
      } catch (err) {
        return refusal(err);
      }
      if (running >= maxConcurrent)
        return jsonError(
          503,
          'EXPORT_BUSY',
          `${maxConcurrent} exports are running already; try again shortly.`,
          { 'retry-after': '10' },
        );
      running += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        running -= 1;
      };
      let plan: ExportPlan;
      try {
        plan = await planExport(db, asked.selection, limits);
      } catch (err) {
        release();
        return refusal(err);
      }
      const part = asked.parts[0] as ExportPart;
      const headers = {
        'content-type': part.mediaType,
        'content-disposition': `attachment; filename="${downloadName(part, plan.selection)}"`,
        'x-export-nodes': String(plan.totals.nodes),
        'x-export-edges': String(plan.totals.edges),
      };
      if (request.method === 'HEAD') {
        release();
        return new Response(null, { status: 200, headers });
      }
      const chunks = exportText(db, uris, plan, [part.writer()], part.needs, {
        batch: options.batch ?? EXPORT_BATCH,
      });
      return new Response(body(chunks, release, idleMs), { status: 200, headers });
    },
  };
}
