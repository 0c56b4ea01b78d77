// Growing the archive: the importDocument mutation (role editor) and its ImportReport. It takes a
// bundle (the extraction's JSON text, format coldwar-graph/extraction@1, and the document's stored
// text), checks the form of its arguments here, and makes one call on `ctx.edit`, which validates
// the bundle as the seed does, resolves its entities, writes it in one transaction with its Change
// and reports (src/import). A bad bundle is BAD_BUNDLE with every problem in `extensions.problems`.
import { builder } from '../builder.ts';
import type { Candidate, Candidates, CreatedEntity, ImportReport, Match, MatchHow } from '../import/index.ts';
import { MATCH_HOWS } from '../import/index.ts';
import { MAX_NAME_LENGTH } from '../limits.ts';
import { ChangeRef } from './changes.ts';
import { message, text } from './edit.ts';
import { EntityTypeEnum } from './entity.ts';

const HOW_DOCS: Record<MatchHow, string> = {
  id: 'The bundle uses the id the graph has.',
  redirect: 'The bundle uses an id merged away (mergeEntities); it was rewritten to the survivor.',
  identifier: 'A verified external identifier of the bundle names the entity.',
  name: 'Its name, folded (case, diacritics, punctuation), is the entity’s name, and no other entity’s of the type.',
  alias:
    'Its name or an alias, folded, is the entity’s name or an alias (and no other entity’s of the type).',
};

const MatchHowEnum = builder.enumType('ImportMatchHow', {
  description: 'How an entity of a bundle was matched to one of the graph.',
  values: Object.fromEntries(
    MATCH_HOWS.map((h) => [h.toUpperCase(), { value: h, description: HOW_DOCS[h] }]),
  ) as Record<string, { value: MatchHow }>,
});

const CreatedRef = builder.objectRef<CreatedEntity>('ImportedEntity').implement({
  description: 'An entity the import created.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Its id (the bundle’s).' }),
    type: t.field({ type: EntityTypeEnum, description: 'Its type.', resolve: (e) => e.type }),
    name: t.exposeString('name', { description: 'Its name.' }),
  }),
});

const MatchRef = builder.objectRef<Match>('ImportMatch').implement({
  description: 'An entity of the bundle found in the graph: the bundle’s id was rewritten to the graph’s.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id in the bundle.' }),
    existingId: t.exposeID('existingId', { description: 'The id in the graph it was matched to.' }),
    type: t.field({ type: EntityTypeEnum, description: 'Its type.', resolve: (m) => m.type }),
    name: t.exposeString('name', { description: 'The name in the graph.' }),
    how: t.field({ type: MatchHowEnum, description: 'How it was matched.', resolve: (m) => m.how }),
    key: t.exposeString('key', {
      nullable: true,
      description: 'The identifier ("wikidata:Q…") or folded name that matched, if any.',
    }),
  }),
});

const CandidateRef = builder.objectRef<Candidate>('ImportCandidate').implement({
  description: 'An entity of the graph whose name comes close: perhaps the same actor.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Its id.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    score: t.exposeInt('score', {
      description: 'How close the names are, 0–100 (the matcher search and reconciliation use).',
    }),
  }),
});

const CandidatesRef = builder.objectRef<Candidates>('ImportCandidates').implement({
  description:
    'A new entity and the entities of the graph whose names come close (a typo, initials, another transliteration). Never merged by the import: an editor decides.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The entity the import created (a dry run: would create).' }),
    type: t.field({ type: EntityTypeEnum, description: 'Its type.', resolve: (c) => c.type }),
    name: t.exposeString('name', { description: 'Its name.' }),
    candidates: t.field({
      type: [CandidateRef],
      description: 'Best first.',
      resolve: (c) => c.candidates,
    }),
    hint: t.exposeString('hint', { description: 'What to do if one is the same: the mergeEntities call.' }),
  }),
});

const RelationshipCountsRef = builder
  .objectRef<ImportReport['relationships']>('ImportRelationshipCounts')
  .implement({
    description: 'What happened to the relationships the document states.',
    fields: (t) => ({
      added: t.exposeInt('added', { description: 'New relationships, with their passages.' }),
      updated: t.exposeInt('updated', { description: 'Relationships whose attributes or passages changed.' }),
      unchanged: t.exposeInt('unchanged', { description: 'Relationships already there as stated.' }),
      removed: t.exposeInt('removed', {
        description: 'Relationships of this document that it no longer states (imported again).',
      }),
    }),
  });

const PassageCountsRef = builder.objectRef<ImportReport['passages']>('ImportPassageCounts').implement({
  description: 'Evidence passages (quotes at their offsets in the document’s text).',
  fields: (t) => ({
    added: t.exposeInt('added', { description: 'Passages added.' }),
    removed: t.exposeInt('removed', { description: 'Passages taken out.' }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('ImportReport').implement({
  description: 'What an import did (or, for a dry run, would do).',
  fields: (t) => ({
    file: t.exposeString('file', { description: 'The name given with the bundle (default "bundle").' }),
    documentId: t.exposeID('documentId', { description: 'The document imported.' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written.' }),
    newDocument: t.exposeBoolean('newDocument', {
      description:
        'True when the document was new; false when this imported it again (a corrected extraction).',
    }),
    created: t.field({ type: [CreatedRef], description: 'Entities created.', resolve: (r) => r.created }),
    matched: t.field({
      type: [MatchRef],
      description: 'Entities found in the graph, and how.',
      resolve: (r) => r.matched,
    }),
    updatedIds: t.exposeIDList('updated', {
      description: 'Entities whose name, aliases, fields or identifiers changed.',
    }),
    releasedIds: t.exposeIDList('released', {
      description: 'Entities the document declared before and no longer does (imported again).',
    }),
    removedIds: t.exposeIDList('removed', {
      description: 'Entities removed because no document and no relationship supports them any more.',
    }),
    relationships: t.field({
      type: RelationshipCountsRef,
      description: 'Relationships added, updated, unchanged and removed.',
      resolve: (r) => r.relationships,
    }),
    passages: t.field({
      type: PassageCountsRef,
      description: 'Evidence passages added and removed.',
      resolve: (r) => r.passages,
    }),
    candidates: t.field({
      type: [CandidatesRef],
      description:
        'New entities with near matches in the graph, for an editor to confirm (mergeEntities) or not.',
      resolve: (r) => r.candidates,
    }),
    warnings: t.exposeStringList('warnings', { description: 'What an editor should know.' }),
    change: t.field({
      type: ChangeRef,
      nullable: true,
      description: 'The change recorded (none for a dry run).',
      resolve: (r) => r.change,
    }),
    seconds: t.exposeFloat('seconds', { description: 'How long the import took.' }),
  }),
});

const BundleInput = builder.inputType('ImportBundleInput', {
  description:
    'A document bundle: the extraction (format coldwar-graph/extraction@1, as in seed/extractions/) and the stored text its offsets index.',
  fields: (t) => ({
    extraction: t.string({ required: true, description: 'The extraction file’s JSON text.' }),
    text: t.string({
      required: true,
      description: 'The document’s stored text (the file its `document.textFile` names), exactly.',
    }),
    file: t.string({
      description: 'A name for messages, e.g. the extraction’s file name (default "bundle").',
    }),
  }),
});

builder.mutationFields((t) => ({
  importDocument: t.field({
    type: ImportReportRef,
    description:
      'Role: editor. Imports a document bundle in one transaction (all or nothing): validated as the seed is (quotes at their offsets, types, dates, inferred evidence with reasoning, identifiers), each entity matched to the graph by id, verified external identifier or exact name or alias of its type (its id rewritten), near matches listed as candidates and never merged. Importing a corrected extraction again replaces what the document states. A bad bundle is BAD_BUNDLE, every problem in `extensions.problems`. `dryRun: true` reports and writes nothing.',
    authScopes: { role: 'editor' },
    args: {
      bundle: t.arg({ type: BundleInput, required: true, description: 'The extraction and its text.' }),
      message: t.arg.string({
        required: true,
        description: 'Why you import it (required); kept in the audit trail.',
      }),
      dryRun: t.arg.boolean({
        defaultValue: false,
        description: 'Validate, resolve and report without writing anything.',
      }),
    },
    resolve: (_r, args, ctx) => {
      const why = message(args.message);
      const file =
        args.bundle.file == null ? undefined : text(args.bundle.file, 'bundle.file', MAX_NAME_LENGTH);
      const bundle = { file, extraction: args.bundle.extraction, text: args.bundle.text };
      return ctx.edit.importDocument(bundle, why, args.dryRun ?? false);
    },
  }),
}));
