// Document: its text and citation, who wrote, translated and obtained it, where it is held,
// which meetings it records and what it mentions.
import { builder } from '../builder.ts';
import { EntityRef, EntityTypeEnum, EvidenceRef, HistoricalDateRef, NodeRef } from './common.ts';
import { AFTER_DOC, connectionType, FIRST_DOC, pageOf } from './connection.ts';
import { typeOfId } from './errors.ts';
import { entityRootFields } from './lists.ts';
import { DocumentRef, HoldingRef, InstitutionRef, MeetingRef, MentionRef, PersonRef } from './refs.ts';
import { neighbours, rels } from './resolve.ts';

export const MentionConnection = connectionType(
  'Mention',
  MentionRef,
  'Entities a document mentions, with the passages.',
);
export const DocumentMentionConnection = connectionType(
  'DocumentMention',
  MentionRef,
  'Documents that mention an entity, with the passages.',
);

DocumentRef.implement({
  description:
    'A source document: its stored text (all evidence offsets index `text`), its citation, and what it supports.',
  interfaces: [NodeRef, EntityRef],
  isTypeOf: (row) => (row as { type?: string }).type === 'Document',
  fields: (t) => ({
    title: t.string({ description: 'The title as catalogued.', resolve: (d) => d.title ?? d.name }),
    date: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'The date of the document itself (not of the meeting it records).',
      resolve: (d) => d.date,
    }),
    text: t.string({
      description:
        'The stored text: summary, citation and body, without web-page chrome. Evidence offsets index this string.',
      resolve: (d) => d.text ?? '',
    }),
    summary: t.exposeString('summary', {
      nullable: true,
      description: "The archive's summary of the document.",
    }),
    citation: t.exposeString('citation', {
      nullable: true,
      description: 'The citation block, as published.',
    }),
    body: t.exposeString('body', {
      nullable: true,
      description: 'The body of the document (the translation), as published.',
    }),
    language: t.exposeString('language', {
      nullable: true,
      description: 'Language of the stored text (ISO 639-1).',
    }),
    archiveReference: t.exposeString('archiveReference', {
      nullable: true,
      description: 'Where the original is held: archive, fond (f.), opis (op.), delo (d.), listy (ll.).',
    }),
    heldBy: t.field({
      type: InstitutionRef,
      nullable: true,
      description: 'The archive holding the original (see `holdings` for every holder and reference).',
      resolve: async (d, _a, ctx) => {
        const list = await rels(ctx, d.id, 'HELD_BY', 'out');
        const original = list.find((r) => r.role === 'original') ?? list[0];
        return original ? ctx.loaders.existing(original.to) : null;
      },
    }),
    holdings: t.field({
      type: [HoldingRef],
      description: 'Archives and collections that hold the document or publish it, with references.',
      resolve: (d, _a, ctx) => rels(ctx, d.id, 'HELD_BY', 'out'),
    }),
    authors: t.field({
      type: [PersonRef],
      description: 'Who wrote the document.',
      resolve: (d, _a, ctx) => neighbours(ctx, d.id, 'AUTHORED', 'in'),
    }),
    translators: t.field({
      type: [PersonRef],
      description: 'Who translated it.',
      resolve: (d, _a, ctx) => neighbours(ctx, d.id, 'TRANSLATED', 'in'),
    }),
    obtainedBy: t.field({
      type: [PersonRef],
      description: 'Who obtained it from the archive.',
      resolve: (d, _a, ctx) => neighbours(ctx, d.id, 'OBTAINED', 'in'),
    }),
    records: t.field({
      type: [MeetingRef],
      description: 'Meetings the document records.',
      resolve: (d, _a, ctx) => neighbours(ctx, d.id, 'RECORDS', 'out'),
    }),
    mentions: t.field({
      type: MentionConnection,
      description: 'Entities the document mentions, each with the passage, optionally only of some types.',
      args: {
        first: t.arg.int({ description: FIRST_DOC }),
        after: t.arg.string({ description: AFTER_DOC }),
        types: t.arg({ type: [EntityTypeEnum], description: 'Only mentions of these kinds of entity.' }),
      },
      resolve: async (d, args, ctx) => {
        const list = await rels(ctx, d.id, 'MENTIONS', 'out');
        const types = args.types;
        const kept = types?.length ? list.filter((r) => types.includes(typeOfId(r.to))) : list;
        return pageOf(kept, args);
      },
    }),
  }),
});

MentionRef.implement({
  description: 'A document naming an entity, with the passage.',
  fields: (t) => ({
    document: t.field({
      type: DocumentRef,
      description: 'The document.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    target: t.field({
      type: EntityRef,
      description: 'The entity mentioned.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Where the document names it.',
      resolve: (r) => r.evidence,
    }),
  }),
});

HoldingRef.implement({
  description: 'An archive or collection holding a document, with the archival reference.',
  fields: (t) => ({
    document: t.field({
      type: DocumentRef,
      description: 'The document.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.from),
    }),
    institution: t.field({
      type: InstitutionRef,
      description: 'The holder.',
      resolve: (r, _a, ctx) => ctx.loaders.existing(r.to),
    }),
    role: t.exposeString('role', { nullable: true, description: '"original" or "published translation".' }),
    reference: t.exposeString('reference', {
      nullable: true,
      description: 'The archival reference (fond, opis, delo, listy).',
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The citation passage.',
      resolve: (r) => r.evidence,
    }),
  }),
});

builder.interfaceField(EntityRef, 'mentionedIn', (t) =>
  t.field({
    type: DocumentMentionConnection,
    description: 'Documents that mention this entity, with the passages, earliest document first.',
    args: { first: t.arg.int({ description: FIRST_DOC }), after: t.arg.string({ description: AFTER_DOC }) },
    resolve: async (e, args, ctx) => pageOf(await rels(ctx, e.id, 'MENTIONS', 'in'), args),
  }),
);

entityRootFields({
  label: 'Document',
  ref: DocumentRef,
  one: ['document', 'A document by id, e.g. "document/memcon-chervonenko-deng-1959-11-06".'],
  many: ['documents', 'Documents, filtered and ordered (earliest first unless told otherwise).', 'DATE_ASC'],
});
