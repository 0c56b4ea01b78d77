// The GraphQL API over the seeded memorandum: every field with its evidence, paging, filters,
// ordering, and clear errors for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/driver.ts';
import { setupApp } from './helpers.ts';

let gql: Awaited<ReturnType<typeof setupApp>>['gql'];
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ gql, db, close } = await setupApp());
});
// registered before the file's other afterAll hooks, so it runs after them
afterAll(() => close());

const DOC = 'document/memcon-chervonenko-deng-1959-11-06';
const MEETING = 'meeting/chervonenko-deng-1959-11-06';

describe('node and nodes', () => {
  it('resolves any entity by its global id, with its concrete type', async () => {
    const r = await gql(/* GraphQL */ `
      {
        node(id: "person/deng-xiaoping") { __typename id ... on Entity { name aliases externalIds { scheme } } }
        nodes(ids: ["institution/ussr", "meeting/chervonenko-deng-1959-11-06", "${DOC}"]) { __typename id }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toMatchObject({
      __typename: 'Person',
      id: 'person/deng-xiaoping',
      name: 'Deng Xiaoping',
    });
    expect(r.data.node.aliases).toContain("Teng Hsiao-p'ing");
    expect(r.data.nodes.map((n: any) => n.__typename)).toEqual(['Institution', 'Meeting', 'Document']);
  });

  it('exposes verified external identifiers with their URIs', async () => {
    const r = await gql(
      /* GraphQL */ `{ institution(id: "institution/ussr") { externalIds { scheme value uri verifiedBy } } }`,
    );
    expect(r.data.institution.externalIds).toEqual([
      expect.objectContaining({
        scheme: 'wikidata',
        value: 'Q15180',
        uri: 'http://www.wikidata.org/entity/Q15180',
      }),
    ]);
  });

  it('gives null and an error per missing id in nodes, keeping the order', async () => {
    const r = await gql(/* GraphQL */ `{ nodes(ids: ["person/yu-zhan", "person/no-such-person"]) { id } }`);
    expect(r.data.nodes).toEqual([{ id: 'person/yu-zhan' }, null]);
    expect(r.errors?.[0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'NOT_FOUND' } });
  });
});

describe('documents', () => {
  it('carries its text, citation, date, people and holdings with evidence', async () => {
    const r = await gql(
      /* GraphQL */ `
      query ($id: ID!) {
        document(id: $id) {
          title name date { value precision } citation summary language archiveReference text
          authors { id } translators { id } obtainedBy { id }
          heldBy { id name }
          holdings { institution { id } role reference evidence { quote start end } }
          records { id date { value } }
        }
      }
    `,
      { id: DOC },
    );
    expect(r.errors).toBeUndefined();
    const d = r.data.document;
    expect(d.title).toBe(
      'Memorandum of Conversation with the General Secretary of the CCP CC, Deng Xiaoping',
    );
    expect(d.name).toBe(d.title);
    expect(d.date).toEqual({ value: '1959-12-08', precision: 'DAY' });
    expect(d.citation).toMatch(
      /^"Memorandum of Conversation .* Obtained by Paul Wingrove and translated by Benjamin Aldrich-Moodie\.$/,
    );
    expect(d.authors).toEqual([{ id: 'person/stepan-chervonenko' }]);
    expect(d.translators).toEqual([{ id: 'person/benjamin-aldrich-moodie' }]);
    expect(d.obtainedBy).toEqual([{ id: 'person/paul-wingrove' }]);
    expect(d.heldBy.id).toBe('institution/rgani');
    const original = d.holdings.find((h: any) => h.role === 'original');
    expect(original.reference).toBe('f. 5, op. 49, d. 235, ll. 107-110');
    expect(d.text.slice(original.evidence[0].start, original.evidence[0].end)).toBe(
      original.evidence[0].quote,
    );
    expect(d.records).toEqual([{ id: MEETING, date: { value: '1959-11-06' } }]);
  });

  it('pages its mentions and filters them by type', async () => {
    const all = await gql(
      /* GraphQL */ `query ($id: ID!) { document(id: $id) { mentions(first: 100) { totalCount edges { node { target { id } } } } } }`,
      { id: DOC },
    );
    const total = all.data.document.mentions.totalCount;
    expect(total).toBe(all.data.document.mentions.edges.length);
    const people = await gql(
      /* GraphQL */ `
      query ($id: ID!) {
        document(id: $id) {
          mentions(first: 4, types: [PERSON]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { target { __typename id } evidence { quote } } }
          }
        }
      }
    `,
      { id: DOC },
    );
    const m = people.data.document.mentions;
    expect(m.totalCount).toBe(9);
    expect(m.totalCount).toBeLessThan(total);
    expect(m.edges).toHaveLength(4);
    expect(m.pageInfo.hasNextPage).toBe(true);
    expect(m.edges.every((e: any) => e.node.target.__typename === 'Person')).toBe(true);
    const next = await gql(
      /* GraphQL */ `
      query ($id: ID!, $after: String) { document(id: $id) { mentions(first: 100, types: [PERSON], after: $after) { edges { node { target { id } } } pageInfo { hasNextPage } } } }
    `,
      { id: DOC, after: m.pageInfo.endCursor },
    );
    const ids = [...m.edges, ...next.data.document.mentions.edges].map((e: any) => e.node.target.id);
    expect(new Set(ids).size).toBe(9);
    expect(next.data.document.mentions.pageInfo.hasNextPage).toBe(false);
  });
});

describe('people and institutions', () => {
  it('gives a person positions, meetings attended, representation and mentions, with evidence', async () => {
    const r = await gql(/* GraphQL */ `
      {
        person(id: "person/deng-xiaoping") {
          positions { title institution { id parent { id } } attestedDate { value } startDate { value } evidence { quote } }
          attended(first: 5) { totalCount edges { cursor node { meeting { id } role } } }
          represented { institution { id } meeting { id } evidence { certainty reasoning } }
          participatedIn { event { id date { value precision certainty reasoning } } evidence { quote } }
          mentionedIn { totalCount edges { node { document { id } evidence { quote } } } }
        }
      }
    `);
    expect(r.errors).toBeUndefined();
    const p = r.data.person;
    expect(p.positions).toEqual([
      {
        title: 'General Secretary',
        institution: { id: 'institution/ccp-cc', parent: { id: 'institution/ccp' } },
        attestedDate: { value: '1959-11-06' },
        startDate: null,
        evidence: [{ quote: 'with the General Secretary of the CCP CC, DENG XIAOPING' }],
      },
    ]);
    expect(p.attended.totalCount).toBe(1);
    expect(p.attended.edges[0].node.meeting.id).toBe(MEETING);
    expect(p.represented[0]).toMatchObject({
      institution: { id: 'institution/ccp-cc' },
      meeting: { id: MEETING },
    });
    expect(p.represented[0].evidence[0].certainty).toBe('INFERRED');
    expect(p.represented[0].evidence[0].reasoning).toBeTruthy();
    expect(p.participatedIn[0].event.date).toMatchObject({
      value: '1957',
      precision: 'YEAR',
      certainty: 'INFERRED',
    });
    expect(p.mentionedIn.edges[0].node.document.id).toBe(DOC);
  });

  it('gives an institution its parent, children, positions and members', async () => {
    const r = await gql(/* GraphQL */ `
      {
        embassy: institution(id: "institution/ussr-embassy-prc") {
          kind parent { id } positions { title person { id } } members { id }
        }
        ministry: institution(id: "institution/prc-foreign-ministry") { children { id } }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.embassy.kind).toBe('embassy');
    expect(r.data.embassy.parent).toEqual({ id: 'institution/ussr' });
    // the ambassador twice: stated on 8 December, inferred for the conversation of 6 November
    expect(r.data.embassy.positions.map((p: any) => p.title).sort()).toEqual([
      'Ambassador of the USSR in the PRC',
      'Ambassador of the USSR in the PRC',
      'Counselor',
      'Third secretary',
    ]);
    expect(r.data.embassy.members.map((m: any) => m.id).sort()).toEqual([
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/stepan-chervonenko',
    ]);
    expect(r.data.ministry.children.map((c: any) => c.id).sort()).toEqual([
      'institution/prc-fm-protocol-division',
      'institution/prc-fm-ussr-eastern-europe-division',
    ]);
  });
});

describe('root lists', () => {
  it('pages people by name with cursors and a total count', async () => {
    const first = await gql(
      /* GraphQL */ `{ people(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } }`,
    );
    expect(first.errors).toBeUndefined();
    const all = await gql(/* GraphQL */ `{ people(first: 100) { totalCount nodes { name } } }`);
    const names = all.data.people.nodes.map((n: any) => n.name);
    expect(all.data.people.totalCount).toBe(9);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(first.data.people.nodes.map((n: any) => n.name)).toEqual(names.slice(0, 4));
    expect(first.data.people.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await gql(
      /* GraphQL */ `query ($after: String) { people(first: 4, after: $after) { nodes { name } pageInfo { hasPreviousPage } } }`,
      {
        after: first.data.people.pageInfo.endCursor,
      },
    );
    expect(second.data.people.nodes.map((n: any) => n.name)).toEqual(names.slice(4, 8));
    expect(second.data.people.pageInfo.hasPreviousPage).toBe(true);
    const desc = await gql(/* GraphQL */ `{ people(first: 1, orderBy: NAME_DESC) { nodes { name } } }`);
    expect(desc.data.people.nodes[0].name).toBe(names[names.length - 1]);
  });

  it('filters by name or alias, folding case and diacritics', async () => {
    const r = await gql(
      /* GraphQL */ `{ a: people(filter: { nameContains: "CHERVONENKO" }) { nodes { id } } b: people(filter: { nameContains: "Хрущев" }) { nodes { id } } }`,
    );
    expect(r.data.a.nodes).toEqual([{ id: 'person/stepan-chervonenko' }]);
    expect(r.data.b.nodes).toEqual([{ id: 'person/nikita-khrushchev' }]);
  });

  it('filters meetings, documents and events by overlapping dates and orders them by date', async () => {
    const r = await gql(/* GraphQL */ `
      {
        nov: meetings(filter: { dateOverlaps: { startDate: "1959-11", endDate: "1959-11" } }) { totalCount nodes { id } }
        dec: meetings(filter: { dateOverlaps: { startDate: "1959-12-01" } }) { totalCount }
        docs: documents(filter: { dateOverlaps: { startDate: "1959", endDate: "1959" } }) { nodes { id } }
        events(orderBy: DATE_ASC) { nodes { id date { value } } }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.nov).toEqual({ totalCount: 1, nodes: [{ id: MEETING }] });
    expect(r.data.dec.totalCount).toBe(0);
    expect(r.data.docs.nodes).toEqual([{ id: DOC }]);
    const dates = r.data.events.nodes.map((e: any) => e.date?.value ?? null);
    expect(dates).toEqual(['1957', '1959', null, null]);
  });
});

describe('search', () => {
  it('ranks entities by names, aliases and document text, with scores', async () => {
    const r = await gql(
      /* GraphQL */ `{ search(text: "Deng Xiaoping", first: 5) { totalCount edges { score node { __typename id } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const edges = r.data.search.edges;
    expect(edges[0].node.id).toBe('person/deng-xiaoping');
    for (let i = 1; i < edges.length; i++) expect(edges[i - 1].score).toBeGreaterThanOrEqual(edges[i].score);
  });

  it('restricts results to the requested types', async () => {
    const r = await gql(
      /* GraphQL */ `{ search(text: "embassy", types: [INSTITUTION]) { edges { node { __typename id } } } }`,
    );
    expect(r.data.search.edges.length).toBeGreaterThan(0);
    expect(r.data.search.edges.every((e: any) => e.node.__typename === 'Institution')).toBe(true);
    expect(r.data.search.edges[0].node.id).toBe('institution/ussr-embassy-prc');
  });
});

describe('bad input', () => {
  async function errorOf(query: string, variables?: Record<string, unknown>) {
    const before = db.statements;
    const r = await gql(query, variables);
    expect(r.errors?.length, JSON.stringify(r)).toBeGreaterThan(0);
    const e = r.errors?.[0];
    expect(JSON.stringify(r.errors)).not.toMatch(/at .*\.ts:\d+|stack/i);
    return { e, statements: db.statements - before };
  }

  it.each([
    ['malformed id', '{ node(id: "Deng Xiaoping") { id } }', 'INVALID_ID', /Malformed id "Deng Xiaoping"/],
    [
      'id of the wrong type',
      '{ person(id: "institution/ccp") { id } }',
      'WRONG_ID_TYPE',
      /names a Institution, not a Person/,
    ],
    [
      'first above 100',
      '{ people(first: 101) { totalCount } }',
      'INVALID_ARGUMENT',
      /"first": must be between 0 and 100, got 101/,
    ],
    ['first below 0', '{ people(first: -1) { totalCount } }', 'INVALID_ARGUMENT', /"first"/],
    [
      'bad cursor',
      '{ people(after: "not-a-cursor") { totalCount } }',
      'INVALID_CURSOR',
      /Invalid cursor "not-a-cursor"/,
    ],
    [
      'forged cursor',
      `{ people(after: "${Buffer.from('offset:-5').toString('base64url')}") { totalCount } }`,
      'INVALID_CURSOR',
      /Invalid cursor/,
    ],
    [
      'empty search',
      '{ search(text: "  ") { totalCount } }',
      'INVALID_ARGUMENT',
      /"text": needs at least one letter or digit/,
    ],
    ['punctuation-only search', '{ search(text: "?!*") { totalCount } }', 'INVALID_ARGUMENT', /"text"/],
    [
      'bad date filter',
      '{ meetings(filter: { dateOverlaps: { startDate: "Nov 1959" } }) { totalCount } }',
      'INVALID_ARGUMENT',
      /not a date of the form/,
    ],
    [
      'reversed date range',
      '{ meetings(filter: { dateOverlaps: { startDate: "1960", endDate: "1959" } }) { totalCount } }',
      'INVALID_ARGUMENT',
      /startDate is after endDate/,
    ],
    [
      'nested first above 100',
      '{ person(id: "person/deng-xiaoping") { attended(first: 500) { totalCount } } }',
      'INVALID_ARGUMENT',
      /"first"/,
    ],
  ])('%s: a clear error with a code and no database call', async (_name, query, code, message) => {
    const { e, statements } = await errorOf(query);
    expect(e?.extensions?.code).toBe(code);
    expect(e?.message).toMatch(message);
    // nested argument errors are raised after the parent loads, root ones before any call
    if (!query.includes('attended')) expect(statements).toBe(0);
  });

  it('unknown id: NOT_FOUND', async () => {
    const { e } = await errorOf('{ person(id: "person/no-such-person") { id } }');
    expect(e).toMatchObject({
      message: 'No entity has the id "person/no-such-person".',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('an operation nested too deeply: QUERY_TOO_DEEP, before any database call', async () => {
    const deep = /* GraphQL */ `{ person(id: "person/yu-zhan") { attended { edges { node { meeting { attendees { person { attended { edges { node { meeting { attendees { person { name } } } } } } } } } } } } } }`;
    const before = db.statements;
    const r = await gql(deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_DEEP' } });
    expect(r.errors?.[0]?.message).toMatch(/nested 14 levels deep; the limit is 12/);
    expect(db.statements).toBe(before);
    // the same through a fragment, and the GraphiQL default query stays within the limit
    const viaFragment = await gql(
      `fragment A on Attendance { person { attended { edges { node { meeting { attendees { person { attended { edges { node { role } } } } } } } } } } } { meeting(id: "meeting/chervonenko-deng-1959-11-06") { attendees { ...A } } }`,
    );
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const { readFileSync } = await import('node:fs');
    const ok = await gql(readFileSync(new URL('../examples/who-attended.graphql', import.meta.url), 'utf8'));
    expect(ok.errors).toBeUndefined();
  });

  it('a document of doubling fragments is measured in linear time and refused as too large', async () => {
    const n = 40; // 2^40 fields once expanded
    const fragments = Array.from({ length: n }, (_, i) =>
      i === n - 1
        ? `fragment F${i} on Query { __typename people(first: 1) { totalCount } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const before = db.statements;
    const r = await gql(`${fragments}\n{ ...F0 }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE' });
    expect(r.errors?.[0]?.message).toMatch(/selects \d+ fields \(fragments expanded\); the limit is 2000/);
    expect(db.statements).toBe(before);
  });

  it('too many expensive fields in one operation: QUERY_TOO_LARGE', async () => {
    const many = Array.from({ length: 11 }, (_, i) => `s${i}: search(text: "Deng") { totalCount }`).join(' ');
    const r = await gql(`{ ${many} }`);
    expect(r.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_LARGE', expensive: 11, limit: 10 },
    });
    const ten = Array.from({ length: 10 }, (_, i) => `s${i}: search(text: "Deng") { totalCount }`).join(' ');
    expect((await gql(`{ ${ten} }`)).errors).toBeUndefined();
  });

  it('search text too long: INVALID_ARGUMENT before any database call', async () => {
    const before = db.statements;
    const words = await gql('query ($t: String!) { search(text: $t) { totalCount } }', {
      t: 'deng '.repeat(17),
    });
    expect(words.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_ARGUMENT', argument: 'text' } });
    const chars = await gql('query ($t: String!) { search(text: $t) { totalCount } }', {
      t: 'x'.repeat(201),
    });
    expect(chars.errors?.[0]?.message).toMatch(/at most 200 characters and 16 words/);
    expect(db.statements).toBe(before);
  });

  it('a GraphQL syntax or validation error is reported by yoga with a 400-range status', async () => {
    const r = await gql('{ person(id: 5 { id } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/Syntax Error/);
  });
});
