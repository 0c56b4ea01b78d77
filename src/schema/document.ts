// Document: its text and citation, who wrote, translated and obtained it, where it is held,
// which meetings it records and what it mentions.
import { builder } from '../builder.ts';
import { typeOfId } from '../model.ts';
import { connectionType, pageArgs, pagedComplexity, pageFromList } from './connection.ts';
import { EntityTypeEnum, entityType } from './entity.ts';
import { HistoricalDateRef } from './evidence.ts';
import {
  DocumentRef,
  EntityRef,
  HoldingRef,
  InstitutionRef,
  MeetingRef,
  MentionRef,
  PersonRef,
} from './refs.ts';
import { linkedEntityFields, relationshipFields, relationshipListFields } from './relationship.ts';

entityType({
  ref: DocumentRef,
  label: 'Document',
  description:
    'A source document: its stored text (all evidence offsets index `text`), its citation, and what it supports.',
  one: ['document', 'A document by id, e.g. "document/memcon-chervonenko-deng-1959-11-06".'],
  many: ['documents', 'Documents, filtered and ordered (earliest first unless told otherwise).', 'DATE_ASC'],
});

const MentionConnection = connectionType(
  'Mention',
  MentionRef,
  'Entities a document mentions, with the passages.',
);

builder.objectFields(DocumentRef, (t) => ({
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
  citation: t.exposeString('citation', { nullable: true, description: 'The citation block, as published.' }),
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
    resolve: (d, _a, ctx) => ctx.graph.originalHolder(d.id),
  }),
  mentions: t.field({
    type: MentionConnection,
    description: 'Entities the document mentions, each with the passage, optionally only of some types.',
    complexity: pagedComplexity,
    args: {
      ...pageArgs,
      types: t.arg({ type: [EntityTypeEnum], description: 'Only mentions of these kinds of entity.' }),
    },
    resolve: async (d, args, ctx) => {
      const all = await ctx.graph.relationships(d.id, 'MENTIONS', 'out');
      const types = args.types?.length ? new Set(args.types) : undefined;
      return pageFromList(types ? all.filter((r) => types.has(typeOfId(r.to) as never)) : all, args);
    },
  }),
}));

relationshipListFields(DocumentRef, {
  holdings: [
    HoldingRef,
    'HELD_BY',
    'out',
    'Archives and collections that hold the document or publish it, with references.',
  ],
});
linkedEntityFields(DocumentRef, {
  authors: [PersonRef, 'AUTHORED', 'in', 'Who wrote the document.'],
  translators: [PersonRef, 'TRANSLATED', 'in', 'Who translated it.'],
  obtainedBy: [PersonRef, 'OBTAINED', 'in', 'Who obtained it from the archive.'],
  records: [MeetingRef, 'RECORDS', 'out', 'Meetings the document records.'],
});

MentionRef.implement({ description: 'A document naming an entity, with the passage.', fields: () => ({}) });
relationshipFields(MentionRef, {
  from: ['document', DocumentRef, 'The document.'],
  to: ['target', EntityRef, 'The entity mentioned.'],
  evidence: 'Where the document names it.',
});

HoldingRef.implement({
  description: 'An archive or collection holding a document, with the archival reference.',
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: '"original" or "published translation".' }),
    reference: t.exposeString('reference', {
      nullable: true,
      description: 'The archival reference (fond, opis, delo, listy).',
    }),
  }),
});
relationshipFields(HoldingRef, {
  from: ['document', DocumentRef, 'The document.'],
  to: ['institution', InstitutionRef, 'The holder.'],
  evidence: 'The citation passage.',
});
