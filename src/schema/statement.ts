// Statements: what each participant said in a recorded conversation, as first-class nodes. A
// Statement has a speaker (SAID), addressees (ADDRESSED_TO), the entities it is about (ABOUT), the
// meeting it was made at (MADE_AT), a kind, direct or reported speech, topics and its passage (the
// SAID relationship's evidence, in the body of the record). Root field `statements`, `Person.said`,
// `Entity.spokenOf`; relationships a statement asserts name it (`Relationship.statement`).
import { builder } from '../builder.ts';
import type { StatementQuery } from '../data/statements.ts';
import type { EntityRow } from '../data/types.ts';
import { checkId, SPEECH_MODES, STATEMENT_KINDS } from '../model.ts';
import { connectionType, pageArgs, pagedComplexity, pageFromWindow, pageWindow } from './connection.ts';
import { entityType } from './entity.ts';
import { EvidenceRef } from './evidence.ts';
import { EntityRef, MeetingRef, PersonRef, StatementRef } from './refs.ts';
import { RelationshipRef } from './relationship.ts';

const KIND_DOCS: Record<(typeof STATEMENT_KINDS)[number], string> = {
  greeting: 'A greeting.',
  information: 'Telling the other something (news, a fact about oneself).',
  question: 'Asking something.',
  answer: 'Answering a question or replying to a point.',
  assertion: 'Stating a view.',
  agreement: "Agreeing with the other's point.",
  qualification: "Accepting the other's point in part and adding to or limiting it.",
  assurance: 'Promising or assuring (e.g. that they will meet again).',
  request: 'Asking for something, or hoping for it from the other.',
  hope: 'Expressing a hope.',
  thanks: 'Thanking.',
  criticism: 'Criticising someone or something.',
  'self-criticism': "Admitting one's own (or one's side's) shortcomings.",
  warning: 'Warning, urging vigilance.',
};

export const StatementKindEnum = builder.enumType('StatementKind', {
  description: 'What a statement does in the conversation (its speech act), as the record presents it.',
  values: Object.fromEntries(
    STATEMENT_KINDS.map((k) => [k.toUpperCase().replace('-', '_'), { value: k, description: KIND_DOCS[k] }]),
  ) as Record<string, { value: (typeof STATEMENT_KINDS)[number] }>,
});

export const SpeechEnum = builder.enumType('Speech', {
  description: 'Whether the record quotes the speaker or reports what was said.',
  values: {
    DIRECT: { value: SPEECH_MODES[0], description: 'Quoted: the record gives the words in quotation marks.' },
    REPORTED: { value: SPEECH_MODES[1], description: 'Reported: "he said that…", "I noted that…".' },
  },
});

entityType({
  ref: StatementRef,
  label: 'Statement',
  description:
    'Something a participant said in a recorded conversation: who said it to whom, about what, of what kind, and the passage of the record.',
  one: ['statement', 'A statement by id, e.g. "statement/chervonenko-deng-1959-11-06-15".'],
});

builder.objectFields(StatementRef, (t) => ({
  kind: t.field({
    type: StatementKindEnum,
    description: 'What the statement does: a question, an answer, an assurance, a request…',
    resolve: (s) => (s.statement?.kind ?? 'assertion') as (typeof STATEMENT_KINDS)[number],
  }),
  speech: t.field({
    type: SpeechEnum,
    description: 'Quoted (DIRECT) or reported (REPORTED).',
    resolve: (s) => (s.statement?.speech ?? 'reported') as (typeof SPEECH_MODES)[number],
  }),
  topics: t.stringList({
    description: 'Topics, in our own words (lowercase), e.g. "solidarity", "soviet help".',
    resolve: (s) => s.statement?.topics ?? [],
  }),
  speakers: t.field({
    type: [PersonRef],
    description: 'Who said it (SAID).',
    resolve: (s, _a, ctx) => ctx.graph.linked(s.id, 'SAID', 'in'),
  }),
  addressees: t.field({
    type: [EntityRef],
    description: 'To whom it was said (ADDRESSED_TO).',
    resolve: (s, _a, ctx) => ctx.graph.linked(s.id, 'ADDRESSED_TO', 'out'),
  }),
  about: t.field({
    type: [EntityRef],
    description: 'The entities it speaks of (ABOUT), each with its own evidence on the relationship.',
    resolve: (s, _a, ctx) => ctx.graph.linked(s.id, 'ABOUT', 'out'),
  }),
  meeting: t.field({
    type: [MeetingRef],
    description: 'The conversation it was made in (MADE_AT).',
    resolve: (s, _a, ctx) => ctx.graph.linked(s.id, 'MADE_AT', 'out'),
  }),
  passage: t.field({
    type: EvidenceRef,
    nullable: true,
    description: 'The passage of the record that gives the statement (the evidence of who said it).',
    resolve: async (s, _a, ctx) =>
      (await ctx.graph.relationships(s.id, 'SAID', 'in'))[0]?.evidence[0] ?? null,
  }),
}));

const StatementConnection = connectionType('Statement', StatementRef, 'A page of statements.');

builder.queryFields((t) => ({
  statements: t.field({
    type: StatementConnection,
    description:
      'Statements made in recorded conversations, in the order of the record, optionally only those by a speaker, to an addressee, about an entity, on a topic or of a kind (all given conditions must hold). E.g. what Deng Xiaoping said about the USA: `statements(speaker: "person/deng-xiaoping", about: "institution/usa")`.',
    complexity: pagedComplexity,
    args: {
      ...pageArgs,
      speaker: t.arg.id({ description: 'Only statements this person said.' }),
      addressee: t.arg.id({ description: 'Only statements said to this person or institution.' }),
      about: t.arg.id({ description: 'Only statements about this entity.' }),
      topic: t.arg.string({ description: 'Only statements on this topic (exact, lowercase).' }),
      kind: t.arg({ type: StatementKindEnum, description: 'Only statements of this kind.' }),
    },
    resolve: async (_r, args, ctx) => {
      for (const name of ['speaker', 'addressee', 'about'] as const) {
        const id = args[name];
        if (id != null) checkId(String(id), name);
      }
      const filter = {
        speaker: args.speaker == null ? undefined : String(args.speaker),
        addressee: args.addressee == null ? undefined : String(args.addressee),
        about: args.about == null ? undefined : String(args.about),
        topic: args.topic ?? undefined,
        kind: args.kind ?? undefined,
      };
      return statementPage(ctx, filter, args);
    },
  }),
}));

/** A page of the statements matching `filter`, as the root field and the entity fields give them. */
async function statementPage(
  ctx: { graph: { statements: (q: StatementQuery) => Promise<{ rows: EntityRow[]; total: number }> } },
  filter: Omit<StatementQuery, 'offset' | 'limit'>,
  args: { first?: number | null; after?: string | null },
) {
  const window = pageWindow(args);
  const { rows, total } = await ctx.graph.statements({ ...filter, ...window });
  return pageFromWindow(rows, total, window.offset);
}

builder.objectFields(PersonRef, (t) => ({
  said: t.field({
    type: StatementConnection,
    description: 'What the person said in recorded conversations (SAID), in the order of the record.',
    args: pageArgs,
    complexity: pagedComplexity,
    resolve: (p, args, ctx) => statementPage(ctx, { speaker: p.id }, args),
  }),
}));

builder.interfaceFields(EntityRef, (t) => ({
  spokenOf: t.field({
    type: StatementConnection,
    description:
      'Statements in recorded conversations that speak of this entity (ABOUT), in the order of the record.',
    args: pageArgs,
    complexity: pagedComplexity,
    resolve: (e, args, ctx) => statementPage(ctx, { about: e.id }, args),
  }),
}));

builder.objectFields(RelationshipRef, (t) => ({
  statement: t.field({
    type: StatementRef,
    nullable: true,
    description:
      'The statement in a conversation that asserts this relationship (help given, a meeting expected), if one does: the relationship is what that speaker says.',
    resolve: (r, _a, ctx) => (r.statement ? ctx.graph.ref(r.statement) : null),
  }),
}));
