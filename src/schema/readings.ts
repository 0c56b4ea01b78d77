// What the sources give, with their sources: where each alias and description comes from, the
// original and its translation as two linked documents, archival references structured, and posts
// over time (one post with several attestations, and how a post is known to hold at a date).
import { builder } from '../builder.ts';
import type { ArchivalReference, RelationshipRow } from '../data/types.ts';
import { dateArgument, termBasis } from '../dates.ts';
import { CertaintyEnum, HistoricalDateRef } from './evidence.ts';
import { DocumentRef, EntityRef, HoldingRef, PersonRef, PositionRef } from './refs.ts';
import { linkedEntityFields } from './relationship.ts';

const AliasDetailRef = builder
  .objectRef<{ alias: string; source: string; script: string; erroneous: boolean; note: string | null }>(
    'AliasDetail',
  )
  .implement({
    description:
      'Where a name comes from: the source that gives it, its script, and whether that source gets the name wrong (an attested variant kept, flagged).',
    fields: (t) => ({
      alias: t.exposeString('alias', {
        description: 'The name, as the source writes it (or as we normalise it).',
      }),
      source: t.exposeString('source', {
        description:
          'The source, in words: "the memorandum\'s body", "the archive\'s summary", "editorial" (ours, e.g. a surname alone for search), or a reference work.',
      }),
      script: t.exposeString('script', { description: 'Its script (ISO 15924): Latn, Cyrl, Hans, Hant.' }),
      erroneous: t.exposeBoolean('erroneous', {
        description:
          'True when the source gets the name wrong (initials inverted, a given name taken for a surname): an attested variant, not a correct form.',
      }),
      note: t.exposeString('note', { nullable: true, description: 'Why, or where exactly.' }),
    }),
  });

builder.interfaceFields(EntityRef, (t) => ({
  aliasDetails: t.field({
    type: [AliasDetailRef],
    description:
      'The sources of its name and aliases, those recorded: source, script, and a flag for a variant a source gets wrong.',
    resolve: (e) => e.aliasDetails,
  }),
  descriptionFrom: t.exposeString('descriptionFrom', {
    nullable: true,
    description:
      'Where `description` comes from: "editorial" when it is ours, otherwise the source it paraphrases; null when not recorded.',
  }),
}));

linkedEntityFields(DocumentRef, {
  translationOf: [DocumentRef, 'TRANSLATION_OF', 'out', 'The document this one translates (its original).'],
  translations: [DocumentRef, 'TRANSLATION_OF', 'in', 'Translations of this document.'],
});

const ArchivalReferenceRef = builder.objectRef<ArchivalReference>('ArchivalReference').implement({
  description:
    'An archival reference as the citation gives it: archive, former name, fond, opis, delo, folios.',
  fields: (t) => ({
    archive: t.exposeString('archive', { description: 'The archive, as the citation names it ("RGANI").' }),
    formerName: t.exposeString('formerName', {
      nullable: true,
      description: 'A former name of the archive, as the citation gives it.',
    }),
    renamed: t.field({
      type: HistoricalDateRef,
      nullable: true,
      description: 'When it changed its name, where the source gives it (null: not given).',
      resolve: (r) => r.renamed,
    }),
    fond: t.exposeString('fond', { description: 'Fond (f.).' }),
    opis: t.exposeString('opis', { nullable: true, description: 'Opis (op.), the inventory.' }),
    delo: t.exposeString('delo', { nullable: true, description: 'Delo (d.), the file.' }),
    folios: t.exposeString('folios', { nullable: true, description: 'Folios (listy, ll.).' }),
  }),
});

builder.objectFields(HoldingRef, (t) => ({
  archivalReference: t.field({
    type: ArchivalReferenceRef,
    nullable: true,
    description: 'The archival reference, structured (null where the holder gives none).',
    resolve: (r) => r.archivalReference,
  }),
}));

builder.objectFields(PositionRef, (t) => ({
  attestations: t.field({
    type: [HistoricalDateRef],
    description:
      'Every date at which a source shows the person in the post, earliest first (each passage in `evidence` says which it attests).',
    resolve: (r) => r.attestations,
  }),
}));

const BasisEnum = builder.enumType('PositionBasis', {
  description: 'How a post is known to be held at a date.',
  values: {
    TERM: { value: 'term', description: 'Its recorded term (start or end) covers the date.' },
    ATTESTED: { value: 'attested', description: 'A source shows the person in the post at the date.' },
    BETWEEN_ATTESTATIONS: {
      value: 'between-attestations',
      description:
        'The date lies between two attestations of the same post, and the post is read as held throughout (an inference).',
    },
  },
});

interface Held {
  position: RelationshipRow;
  basis: 'term' | 'attested' | 'between-attestations';
  day: { earliest: string; latest: string };
}

const PositionAtDateRef = builder.objectRef<Held>('PositionAtDate').implement({
  description: 'A post held at a date, and how that is known.',
  fields: (t) => ({
    position: t.field({ type: PositionRef, description: 'The post.', resolve: (h) => h.position }),
    basis: t.expose('basis', {
      type: BasisEnum,
      description: 'How the post is known to be held at the date.',
    }),
    certainty: t.field({
      type: CertaintyEnum,
      description:
        'STATED when a stated attestation or term covers the date; INFERRED between attestations or when the attestation covering it is itself inferred.',
      resolve: (h) => certaintyOf(h),
    }),
    reasoning: t.string({
      description: 'How the answer was reached, in words.',
      resolve: (h) =>
        h.basis === 'between-attestations'
          ? `Between ${h.position.attestations.map((a) => a.value).join(' and ')}, attestations of the same post; held in between is our inference (no source gives a term).`
          : h.basis === 'attested'
            ? 'A source shows the person in the post at this date (see the passages and what each attests).'
            : 'The recorded term of the post covers the date.',
    }),
  }),
});

/** Inferred between attestations; for an attestation, stated only if one covering the date is stated. */
function certaintyOf(h: Held): 'stated' | 'inferred' {
  if (h.basis === 'between-attestations') return 'inferred';
  if (h.basis === 'term') return h.position.certainty;
  const covering = [
    ...(h.position.attestedDate ? [h.position.attestedDate] : []),
    ...h.position.attestations,
  ].filter((a) => a.earliest <= h.day.latest && a.latest >= h.day.earliest);
  return covering.some((a) => a.certainty === 'stated') ? 'stated' : 'inferred';
}

builder.objectFields(PersonRef, (t) => ({
  positionsHeldAt: t.field({
    type: [PositionAtDateRef],
    description:
      'Posts the person held at a date (YYYY, YYYY-MM or YYYY-MM-DD), each with how it is known: by its term, by an attestation at that date, or because the date lies between two attestations of the same post (inferred).',
    args: { date: t.arg.string({ required: true, description: 'The date: YYYY, YYYY-MM or YYYY-MM-DD.' }) },
    resolve: async (p, args, ctx) => {
      const day = dateArgument('date', args.date);
      return (await ctx.graph.positionsAt(p.id, day)).map((position) => ({
        position,
        basis: termBasis(position, day) ?? 'term',
        day,
      }));
    },
  }),
}));
