// The audit trail: Change (who, when, what, why), the `changes` query that pages through every
// change since a time or of one entity, and `Entity.history`. Readable by whoever may read the graph.
import { builder } from '../builder.ts';
import { CHANGE_ACTIONS, type ChangeAction, type ChangeRow } from '../data/changes.ts';
import { CodedError } from '../errors.ts';
import { checkId } from '../model.ts';
import { connectionType, pageArgs, pagedComplexity, pageFromWindow, pageWindow } from './connection.ts';
import { EntityRef } from './refs.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time with a zone, normalised to UTC; anything else is INVALID_ARGUMENT. */
export function parseDateTime(value: unknown): string {
  const ms = typeof value === 'string' && DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms))
    throw new CodedError(
      `${JSON.stringify(String(value).slice(0, 60))} is not a date and time such as "2026-05-01T12:00:00Z" (ISO 8601, with Z or an offset).`,
      'INVALID_ARGUMENT',
    );
  return new Date(ms).toISOString();
}

builder.scalarType('DateTime', {
  description: 'A date and time in ISO 8601 with a zone, e.g. "2026-05-01T12:00:00Z"; answers are in UTC.',
  serialize: (v) => String(v),
  parseValue: parseDateTime,
});

const ACTION_DOCS: Record<ChangeAction, string> = {
  update: 'updateEntity: fields of an entity changed.',
  merge: 'mergeEntities: one entity merged into another.',
  retract: 'retractDocument: a document withdrawn with what rested on it alone.',
  import: 'A document imported.',
};

const ChangeActionEnum = builder.enumType('ChangeAction', {
  description: 'What a change did.',
  values: Object.fromEntries(
    CHANGE_ACTIONS.map((a) => [a.toUpperCase(), { value: a, description: ACTION_DOCS[a] }]),
  ) as Record<string, { value: ChangeAction }>,
});

export const ChangeRef = builder.objectRef<ChangeRow>('Change').implement({
  description: 'One recorded write: who made it (the key id, never the key), when, what it did and why.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The change id.' }),
    at: t.field({
      type: 'DateTime',
      description: 'When the change was written (UTC).',
      resolve: (c) => c.at,
    }),
    keyId: t.exposeString('keyId', { description: 'The id of the API key that made the change.' }),
    action: t.field({
      type: ChangeActionEnum,
      description: 'What the change did.',
      resolve: (c) => c.action,
    }),
    message: t.exposeString('message', { description: 'Why: the message the editor gave.' }),
    entityIds: t.exposeIDList('entityIds', {
      description:
        'Ids of the entities it touched, the one it is about first (ids merged away or retracted stay listed).',
    }),
    summary: t.exposeString('summary', {
      description:
        'What changed, as JSON: for an update the fields before and after; for a merge the removed entity and the relationships moved; for a retraction the relationships deleted and the entities removed and kept.',
    }),
  }),
});

const ChangeConnection = connectionType('Change', ChangeRef, 'A page of recorded changes.');

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeConnection,
    description:
      'The audit trail: every recorded change, oldest first (so pages stay put as changes are added), optionally since a time or of one entity.',
    complexity: pagedComplexity,
    args: {
      ...pageArgs,
      since: t.arg({ type: 'DateTime', description: 'Only changes at or after this time.' }),
      entity: t.arg.id({
        description: 'Only changes that touched this id (also an id since merged away or retracted).',
      }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.entity != null) checkId(String(args.entity), 'entity');
      const window = pageWindow(args);
      const { total, rows } = await ctx.graph.changes({
        since: args.since ?? undefined,
        entity: args.entity == null ? undefined : String(args.entity),
        ...window,
      });
      return pageFromWindow(rows, total, window.offset);
    },
  }),
);

builder.interfaceFields(EntityRef, (t) => ({
  history: t.field({
    type: ChangeConnection,
    description:
      "This entity's recorded changes, newest first (a merged entity's include those of the entity merged into it).",
    args: pageArgs,
    complexity: pagedComplexity,
    resolve: async (e, args, ctx) => {
      const window = pageWindow(args);
      const { total, rows } = await ctx.graph.history(e.id, window);
      return pageFromWindow(rows, total, window.offset);
    },
  }),
}));
