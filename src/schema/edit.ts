// Edits: `version` on every entity, and the mutations updateEntity, mergeEntities and
// retractDocument. Each names the role it needs (checked by the scope-auth plugin before it runs),
// takes a required `message` saying why, checks the form of its arguments here, and makes one call
// on `ctx.edit` (src/writer.ts), which writes and records the change in one transaction.
import { builder } from '../builder.ts';
import type { ChangeRow } from '../data/changes.ts';
import type { IdentifierProps } from '../data/edit.ts';
import type { EntityRow } from '../data/types.ts';
import { InvalidArgumentError } from '../errors.ts';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_ENTITY_ALIASES,
  MAX_EXTERNAL_IDS,
  MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH,
} from '../limits.ts';
import {
  AUTHORITIES,
  type Authority,
  checkId,
  type EntityType,
  IDENTIFIED_TYPES,
  identifierKey,
  identifierProblem,
} from '../model.ts';
import type { RetractResult } from '../writer.ts';
import { ChangeRef } from './changes.ts';
import { AuthorityEnum } from './entity.ts';
import { EntityRef } from './refs.ts';

builder.interfaceFields(EntityRef, (t) => ({
  version: t.exposeInt('version', {
    description:
      'Counts the edits of this entity, from 1. Pass it to `updateEntity`: a stale one gets CONFLICT.',
  }),
}));

/** A required text, trimmed: not empty and not longer than `max` (INVALID_ARGUMENT). */
export function text(value: string, argument: string, max: number): string {
  const t = value.trim();
  if (!t) throw new InvalidArgumentError(argument, 'must not be empty');
  if (t.length > max) throw new InvalidArgumentError(argument, `at most ${max} characters, got ${t.length}`);
  return t;
}

export const message = (value: string) => text(value, 'message', MAX_MESSAGE_LENGTH);

export interface ExternalIdArg {
  authority: string;
  value: string;
  verifiedBy: string;
  method: string;
  verifiedOn: string;
  source?: string | null;
}

const isAuthority = (a: string): a is Authority => (AUTHORITIES as readonly string[]).includes(a);

/** Checks external identifiers (forms from model.ts) and gives them their stored shape. */
export function identifiers(type: EntityType, list: readonly ExternalIdArg[]): IdentifierProps[] {
  if (list.length && !(IDENTIFIED_TYPES as readonly string[]).includes(type))
    throw new InvalidArgumentError('externalIds', `a ${type} carries no external identifiers`);
  if (list.length > MAX_EXTERNAL_IDS)
    throw new InvalidArgumentError('externalIds', `at most ${MAX_EXTERNAL_IDS}, got ${list.length}`);
  const seen = new Set<string>();
  return list.map((x, i) => {
    const where = `externalIds[${i}]`;
    const { authority } = x;
    if (!isAuthority(authority))
      throw new InvalidArgumentError(`${where}.authority`, `must be one of ${AUTHORITIES.join(', ')}`);
    const value = x.value.trim();
    const problem = identifierProblem(authority, value);
    if (problem) throw new InvalidArgumentError(`${where}.value`, problem);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(x.verifiedOn) || Number.isNaN(Date.parse(x.verifiedOn)))
      throw new InvalidArgumentError(`${where}.verifiedOn`, 'must be a day such as 2026-05-01');
    const key = identifierKey(authority, value);
    if (seen.has(key)) throw new InvalidArgumentError(where, `${key} is listed twice`);
    seen.add(key);
    return {
      key,
      authority,
      value,
      verifiedBy: text(x.verifiedBy, `${where}.verifiedBy`, MAX_NAME_LENGTH),
      method: text(x.method, `${where}.method`, MAX_DESCRIPTION_LENGTH),
      verifiedOn: x.verifiedOn,
      source: x.source == null ? null : text(x.source, `${where}.source`, MAX_NAME_LENGTH),
    };
  });
}

const ExternalIdInput = builder.inputType('ExternalIdInput', {
  description: 'An identifier of the entity in an authority file, and how it was verified.',
  fields: (t) => ({
    authority: t.field({ type: AuthorityEnum, required: true, description: 'The authority file.' }),
    value: t.string({ required: true, description: 'The identifier in that authority, e.g. Q15180.' }),
    verifiedBy: t.string({ required: true, description: 'Who checked that it names this entity.' }),
    method: t.string({
      required: true,
      description: 'How it was checked, e.g. "compared name, dates and offices on the authority record".',
    }),
    verifiedOn: t.string({ required: true, description: 'The day it was checked, e.g. 2026-05-01.' }),
    source: t.string({ description: 'The URL of the record consulted, if one was.' }),
  }),
});

const UpdateEntityPayload = builder
  .objectRef<{ entity: EntityRow; change: ChangeRow }>('UpdateEntityPayload')
  .implement({
    description: 'The entity as it is now, and the change recorded.',
    fields: (t) => ({
      entity: t.field({
        type: EntityRef,
        description: 'The entity after the edit.',
        resolve: (p) => p.entity,
      }),
      change: t.field({ type: ChangeRef, description: 'The recorded change.', resolve: (p) => p.change }),
    }),
  });

const MergeEntitiesPayload = builder
  .objectRef<{ entity: EntityRow; moved: number; change: ChangeRow }>('MergeEntitiesPayload')
  .implement({
    description: 'The surviving entity, what moved onto it, and the change recorded.',
    fields: (t) => ({
      entity: t.field({ type: EntityRef, description: 'The entity kept.', resolve: (p) => p.entity }),
      movedRelationships: t.exposeInt('moved', {
        description: 'Relationships moved from the removed entity, with their evidence.',
      }),
      change: t.field({ type: ChangeRef, description: 'The recorded change.', resolve: (p) => p.change }),
    }),
  });

const RetractDocumentPayload = builder
  .objectRef<RetractResult & { change: ChangeRow }>('RetractDocumentPayload')
  .implement({
    description: 'What a retraction removed and what stayed, and the change recorded.',
    fields: (t) => ({
      documentId: t.exposeID('documentId', { description: 'The document withdrawn.' }),
      removedEntityIds: t.exposeIDList('removedEntities', {
        description: 'The document and the entities that rested on it alone, now gone.',
      }),
      keptEntityIds: t.exposeIDList('keptEntities', {
        description: 'Entities it declared that other documents also support: they stay, without it.',
      }),
      removedRelationships: t.exposeInt('removedRelationships', {
        description: 'Relationships it alone supported, deleted with their passages.',
      }),
      change: t.field({ type: ChangeRef, description: 'The recorded change.', resolve: (p) => p.change }),
    }),
  });

const MESSAGE_DOC = `Why you make the change (required, 1 to ${MAX_MESSAGE_LENGTH} characters); kept in the audit trail.`;

builder.mutationFields((t) => ({
  updateEntity: t.field({
    type: UpdateEntityPayload,
    description:
      'Role: editor. Changes the name, aliases, description or external identifiers of an entity. Pass the `version` you read: if someone changed it since, nothing is written and the answer is CONFLICT with the current version.',
    authScopes: { role: 'editor' },
    args: {
      id: t.arg.id({ required: true, description: 'The entity (an id merged away edits the survivor).' }),
      version: t.arg.int({ required: true, description: 'The `version` you read.' }),
      name: t.arg.string({ description: 'The new name (a document: its title).' }),
      aliases: t.arg.stringList({ description: 'All aliases: replaces the list.' }),
      description: t.arg.string({ description: 'The new description.' }),
      externalIds: t.arg({
        type: [ExternalIdInput],
        description: 'All external identifiers: replaces the list (an empty list removes them).',
      }),
      message: t.arg.string({ required: true, description: MESSAGE_DOC }),
    },
    resolve: (_r, args, ctx) => {
      const id = String(args.id);
      const type = checkId(id, 'id');
      const why = message(args.message);
      const name = args.name == null ? undefined : text(args.name, 'name', MAX_NAME_LENGTH);
      const aliases = args.aliases?.map((a, i) => text(a, `aliases[${i}]`, MAX_NAME_LENGTH));
      if (aliases && aliases.length > MAX_ENTITY_ALIASES)
        throw new InvalidArgumentError('aliases', `at most ${MAX_ENTITY_ALIASES}, got ${aliases.length}`);
      const description =
        args.description == null ? undefined : text(args.description, 'description', MAX_DESCRIPTION_LENGTH);
      const externalIds = args.externalIds ? identifiers(type, args.externalIds) : undefined;
      if (args.version < 1)
        throw new InvalidArgumentError('version', `versions start at 1, got ${args.version}`);
      if ([name, aliases, description, externalIds].every((x) => x === undefined))
        throw new InvalidArgumentError('id', 'give at least one of name, aliases, description, externalIds');
      return ctx.edit.updateEntity({
        id,
        version: args.version,
        name,
        aliases,
        description,
        externalIds,
        message: why,
      });
    },
  }),
  mergeEntities: t.field({
    type: MergeEntitiesPayload,
    description:
      'Role: editor. Merges `remove` into `keep` (two records of one actor): its relationships with their evidence, its external identifiers and its history move to `keep`, its name and aliases become aliases of `keep`, and its id leads to `keep` from then on (`node(id:)` answers with `keep`). Both must be of the same type; documents are not merged (retract one).',
    authScopes: { role: 'editor' },
    args: {
      keep: t.arg.id({ required: true, description: 'The entity that stays.' }),
      remove: t.arg.id({ required: true, description: 'The entity merged into it and removed.' }),
      message: t.arg.string({ required: true, description: MESSAGE_DOC }),
    },
    resolve: (_r, args, ctx) => {
      const [keep, remove] = [String(args.keep), String(args.remove)];
      const keepType = checkId(keep, 'keep');
      const removeType = checkId(remove, 'remove');
      const why = message(args.message);
      if (keep === remove) throw new InvalidArgumentError('remove', 'an entity cannot be merged into itself');
      if (keepType !== removeType)
        throw new InvalidArgumentError(
          'remove',
          `"${remove}" is a ${removeType}, "${keep}" a ${keepType}: only entities of one type merge`,
        );
      if (keepType === 'Document')
        throw new InvalidArgumentError(
          'keep',
          'documents are sources and are not merged; retract the duplicate instead',
        );
      return ctx.edit.mergeEntities({ keep, remove, message: why });
    },
  }),
  retractDocument: t.field({
    type: RetractDocumentPayload,
    description:
      'Role: admin. Withdraws a document in one transaction: its text, every relationship it supports with the passages, and every entity that rests on it alone. Entities other documents also support stay (without it among their sources), as do the relationships of other documents.',
    authScopes: { role: 'admin' },
    args: {
      id: t.arg.id({
        required: true,
        description: 'The document, e.g. "document/memcon-chervonenko-deng-1959-11-06".',
      }),
      message: t.arg.string({ required: true, description: MESSAGE_DOC }),
    },
    resolve: (_r, args, ctx) => {
      const id = String(args.id);
      checkId(id, 'id', 'Document');
      return ctx.edit.retractDocument(id, message(args.message));
    },
  }),
}));
