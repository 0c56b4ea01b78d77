// Planning an export: what is exported (the whole graph, or a selection's members) is resolved and
// checked before anything is written, so that an unknown entity is NOT_FOUND and a selection over
// the limits QUERY_TOO_LARGE (found by reading no more than the limit), and the totals are known.

import { type ExportScope, exportTotals } from '../data/export.ts';
import { aroundMembers, documentMembers, exportEdgeCount } from '../data/export-selection.ts';
import { DEFAULT_TRAVERSAL_TYPES } from '../data/paths.ts';
import type { Db } from '../db/driver.ts';
import { NotFoundError, QueryLimitError } from '../errors.ts';
import { EXPORT_MAX_SELECTION_ENTITIES, EXPORT_MAX_SELECTION_RELATIONSHIPS } from '../limits.ts';
import { describeSelection } from './request.ts';
import type { Selection } from './writer.ts';

export interface SelectionLimits {
  /** Most entities a selection may hold (EXPORT_MAX_SELECTION_ENTITIES). */
  entities: number;
  /** Most relationships a document's claims may count (EXPORT_MAX_SELECTION_RELATIONSHIPS). */
  relationships: number;
}

export const SELECTION_LIMITS: SelectionLimits = {
  entities: EXPORT_MAX_SELECTION_ENTITIES,
  relationships: EXPORT_MAX_SELECTION_RELATIONSHIPS,
};

/** What an export will read, resolved and checked before anything is written. */
export interface ExportPlan {
  selection: Selection;
  scope: ExportScope;
  title: string;
  totals: { nodes: number; edges: number };
}

/** QUERY_TOO_LARGE: `what` (a sentence's start) holds more than `limit` of `unit`. */
function tooLarge(argument: string, what: string, limit: number, unit: string, advice: string) {
  return new QueryLimitError(
    `${what} more than ${limit.toLocaleString('en')} ${unit}, the most one export of a selection may hold; ${advice}`,
    'QUERY_TOO_LARGE',
    { argument, limit },
  );
}

/**
 * Resolves a selection: NOT_FOUND when its entity is not in the graph, QUERY_TOO_LARGE when it
 * holds more than the limits allow (which costs no more than reading up to the limit).
 */
export async function planExport(
  db: Db,
  selection: Selection,
  limits: SelectionLimits = SELECTION_LIMITS,
): Promise<ExportPlan> {
  const title = describeSelection(selection);
  if (selection.kind === 'graph') return { selection, scope: {}, title, totals: await exportTotals(db) };
  if (selection.kind === 'around') {
    const found = await aroundMembers(
      db,
      selection.id,
      selection.depth,
      DEFAULT_TRAVERSAL_TYPES,
      limits.entities,
    );
    if (!found.found) throw new NotFoundError(selection.id);
    if (found.truncated)
      throw tooLarge(
        'around',
        `The neighbourhood of ${selection.id} at depth ${selection.depth} holds`,
        limits.entities,
        'entities',
        selection.depth > 1 ? 'choose a lower depth, or export the whole graph.' : 'export the whole graph.',
      );
    const scope = { members: found.members, types: DEFAULT_TRAVERSAL_TYPES };
    return {
      selection,
      scope,
      title,
      totals: { nodes: found.members.length, edges: await exportEdgeCount(db, scope) },
    };
  }
  const found = await documentMembers(db, selection.id, limits.entities, limits.relationships);
  if (!found.found) throw new NotFoundError(selection.id);
  if (found.tooManyClaims)
    throw tooLarge(
      'document',
      `The document ${selection.id} states`,
      limits.relationships,
      'relationships',
      'export the whole graph.',
    );
  if (found.truncated)
    throw tooLarge(
      'document',
      `The claims of ${selection.id} name`,
      limits.entities,
      'entities',
      'export the whole graph.',
    );
  const scope = { members: found.members, document: selection.id };
  return {
    selection,
    scope,
    title,
    totals: { nodes: found.members.length, edges: await exportEdgeCount(db, scope) },
  };
}
