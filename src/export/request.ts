// What an export is asked for, the same way from the command line and over HTTP: a format (and,
// over HTTP, which file of a format of several), and the whole graph or a selection: `around` an
// entity to a `depth`, or a `document`'s claims. Every refusal is a coded error (INVALID_ARGUMENT,
// INVALID_ID, WRONG_ID_TYPE) naming the argument.
import { InvalidArgumentError } from '../errors.ts';
import { DEFAULT_EXPORT_DEPTH, MAX_EXPORT_DEPTH } from '../limits.ts';
import { checkId } from '../model.ts';
import { FORMAT_NAMES, FORMATS } from './formats.ts';
import type { ExportFormat, ExportPart, Selection } from './writer.ts';

export interface ExportParams {
  format?: string | undefined;
  table?: string | undefined;
  around?: string | undefined;
  depth?: string | undefined;
  document?: string | undefined;
}

export const EXPORT_PARAMS = ['format', 'table', 'around', 'depth', 'document'] as const;

export interface ExportRequest {
  format: ExportFormat;
  /** The files to write: all of the format's, or the one `table` picks. */
  parts: ExportPart[];
  selection: Selection;
}

/**
 * Checks what an export is asked for. `oneFile`: the answer is one file (HTTP), so a format of
 * several files needs `table`; otherwise (the command line) every file of the format is written.
 */
export function parseExportRequest(p: ExportParams, { oneFile }: { oneFile: boolean }): ExportRequest {
  if (!p.format) throw new InvalidArgumentError('format', `give one of ${FORMAT_NAMES.join(', ')}.`);
  const format = FORMATS[p.format.toLowerCase()];
  if (!format || !Object.hasOwn(FORMATS, p.format.toLowerCase()))
    throw new InvalidArgumentError(
      'format',
      `"${p.format.slice(0, 40)}" is not a format; give one of ${FORMAT_NAMES.join(', ')}.`,
    );
  const tables = format.parts.flatMap((part) => (part.table ? [part.table] : []));
  let parts = [...format.parts];
  if (p.table !== undefined) {
    const part = format.parts.find((x) => x.table === p.table);
    if (!part)
      throw new InvalidArgumentError(
        'table',
        tables.length
          ? `give one of ${tables.join(', ')} for ${format.name}.`
          : `${format.name} is one file; leave table out.`,
      );
    parts = [part];
  } else if (oneFile && parts.length > 1) {
    throw new InvalidArgumentError(
      'table',
      `${format.name} has several files; name one with table=${tables.join(' or table=')}.`,
    );
  }
  return { format, parts, selection: parseSelection(p) };
}

export function parseSelection(p: ExportParams): Selection {
  if (p.around !== undefined && p.document !== undefined)
    throw new InvalidArgumentError('document', 'give either around or document, not both.');
  if (p.depth !== undefined && p.around === undefined)
    throw new InvalidArgumentError(
      'depth',
      'depth goes with around (the entity whose neighbourhood to export).',
    );
  if (p.around !== undefined) {
    checkId(p.around, 'around');
    return { kind: 'around', id: p.around, depth: parseDepth(p.depth) };
  }
  if (p.document !== undefined) {
    checkId(p.document, 'document', 'Document');
    return { kind: 'document', id: p.document };
  }
  return { kind: 'graph' };
}

function parseDepth(depth: string | undefined): number {
  if (depth === undefined) return DEFAULT_EXPORT_DEPTH;
  const n = /^\d{1,3}$/.test(depth) ? Number(depth) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EXPORT_DEPTH)
    throw new InvalidArgumentError('depth', `give a whole number from 1 to ${MAX_EXPORT_DEPTH}.`);
  return n;
}

/** A sentence naming what a selection exports. */
export function describeSelection(s: Selection): string {
  if (s.kind === 'around') return `coldwar-graph: the neighbourhood of ${s.id} (depth ${s.depth})`;
  if (s.kind === 'document') return `coldwar-graph: the claims of ${s.id}`;
  return 'coldwar-graph: the whole graph';
}

/** A file name stem for a selection: `coldwar-graph`, `around-person-x-depth-2`, `document-y`. */
export function selectionStem(s: Selection): string {
  const slug = (id: string) => id.replace('/', '-');
  if (s.kind === 'around') return `around-${slug(s.id)}-depth-${s.depth}`;
  if (s.kind === 'document') return slug(s.id);
  return 'coldwar-graph';
}
