// A historian's questions to the memorandum of Chervonenko's conversation with Deng Xiaoping of 6
// November 1959 (seed/texts/memcon-chervonenko-deng-1959-11-06.txt), each answered through GraphQL
// and each citing in a comment the passage that answers it: which layer of the record a claim rests
// on, dates, posts over time, who represented what, the chain author → translator → holder, who said
// what to whom about what, and names with their sources.
import type { GqlResult } from './fixtures.ts';
import { describe, expect, it } from './fixtures.ts';

const DENG = 'person/deng-xiaoping';
const CHER = 'person/stepan-chervonenko';
const DOC = 'document/memcon-chervonenko-deng-1959-11-06';
const ORIG = 'document/memcon-chervonenko-deng-1959-11-06-ru';
const MEETING = 'meeting/chervonenko-deng-1959-11-06';
const stmt = (n: number) => `statement/chervonenko-deng-1959-11-06-${String(n).padStart(2, '0')}`;

async function ok<T = any>(
  api: { gql: (q: string, v?: Record<string, unknown>) => Promise<GqlResult<T>> },
  q: string,
  v?: Record<string, unknown>,
): Promise<any> {
  const r = await api.gql(q, v);
  expect(r.errors).toBeUndefined();
  return r.data;
}

/** The statements a query returns, as ids. */
const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id);

describe('layers of the record', () => {
  it('says which layer each passage comes from: body, editorial insertion or archival description', async ({
    api,
  }) => {
    // "Ambassador of the USSR in the PRC" (the 1959 signature, body) and "[USSR]" (an editorial
    // insertion in "[USSR] embassy counselor B.N. Vereshchagin") both support the embassy's PART_OF
    const d = await ok(
      api,
      /* GraphQL */ `{
      institution(id: "institution/ussr-embassy-prc") { parent { id } }
      person(id: "person/b-n-vereshchagin") { positions { evidence { quote layer } layers } }
    }`,
    );
    expect(d.institution.parent.id).toBe('institution/ussr');
    const [post] = d.person.positions;
    expect(post.evidence).toEqual([
      { quote: '[USSR] embassy counselor B.N. Vereshchagin', layer: 'BODY' },
      { quote: '[USSR]', layer: 'EDITORIAL' },
    ]);
    expect(post.layers).toEqual(['BODY', 'EDITORIAL']);
  });

  it('rests every attendance on the 1959 body, never on the archive summary alone', async ({ api }) => {
    // "I had my first visit with Deng Xiaoping and had a conversation with him." (body); the
    // summary's "between V. S. Chervonenko and Deng Xiaoping" is not needed and not used
    const d = await ok(
      api,
      /* GraphQL */ `{
      meeting(id: "${MEETING}") {
        all: attendees { person { id } layers }
        body: attendees(supportedBy: [BODY]) { person { id } }
        archival: attendees(supportedBy: [ARCHIVAL]) { person { id } }
      }
    }`,
    );
    expect(d.meeting.all).toHaveLength(6);
    for (const a of d.meeting.all) expect(a.layers).toEqual(['BODY']);
    expect(d.meeting.body).toHaveLength(6);
    expect(d.meeting.archival).toEqual([]);
  });

  it('keeps the archive’s statements about the document as archival: translator, donor, holder', async ({
    api,
  }) => {
    // citation: "Obtained by Paul Wingrove and translated by Benjamin Aldrich-Moodie"
    const d = await ok(
      api,
      /* GraphQL */ `{
      document(id: "${DOC}") { holdings { layers } translationOf { holdings { layers } } }
      person(id: "person/benjamin-aldrich-moodie") { mentionedIn { totalCount } }
      wingrove: person(id: "person/paul-wingrove") { mentionedIn { totalCount } }
    }`,
    );
    expect(d.document.holdings.map((h: any) => h.layers)).toEqual([['ARCHIVAL']]);
    expect(d.document.translationOf[0].holdings.map((h: any) => h.layers)).toEqual([['ARCHIVAL']]);
    // the 1959 text never names the translator or the donor: the document does not "mention" them
    expect(d.person.mentionedIn.totalCount).toBe(0);
    expect(d.wingrove.mentionedIn.totalCount).toBe(0);
  });

  it('lets a position be asked for with body support only', async ({ api }) => {
    // "with the General Secretary of the CCP CC, DENG XIAOPING" (the memorandum's heading, body)
    const d = await ok(
      api,
      /* GraphQL */ `{
      person(id: "${DENG}") {
        positions(supportedBy: [BODY]) { title institution { id } }
        none: positions(supportedBy: [ARCHIVAL]) { title }
      }
    }`,
    );
    expect(d.person.positions).toEqual([
      { title: 'General Secretary', institution: { id: 'institution/ccp-cc' } },
    ]);
    expect(d.person.none).toEqual([]);
  });
});

describe('dates', () => {
  it('ends a celebration spoken of in the past tense before the conversation', async ({ api }) => {
    // "Afterwards, he asked what was my impression of the celebration of the tenth anniversary of
    // the PRC. Answering Deng Xiaoping, I noted that the celebration had been organized on a grand scale."
    const d = await ok(
      api,
      /* GraphQL */ `{
      event(id: "event/prc-tenth-anniversary-celebration") { date { value precision earliest latest certainty reasoning } }
      meeting(id: "${MEETING}") { date { earliest } }
    }`,
    );
    expect(d.event.date).toMatchObject({
      value: '1959',
      precision: 'YEAR',
      earliest: '1959-01-01',
      latest: '1959-11-05',
    });
    expect(d.event.date.latest < d.meeting.date.earliest).toBe(true);
    expect(d.event.date.certainty).toBe('INFERRED');
    expect(d.event.date.reasoning).toMatch(/derived, not stated/);
  });

  it('derives an anniversary year as inferred, with its reasoning', async ({ api }) => {
    // "Deng Xiaoping said that he was present at the celebrations of the 40th anniversary of the October Revolution."
    const d = await ok(
      api,
      /* GraphQL */ `{
      event(id: "event/october-revolution-40th-anniversary-celebration") { date { value certainty reasoning } }
    }`,
    );
    expect(d.event.date.value).toBe('1957');
    expect(d.event.date.certainty).toBe('INFERRED');
    expect(d.event.date.reasoning).toMatch(/fortieth anniversary .* 1917/);
  });

  it('leaves unknown what the text does not date: the October Revolution, Khrushchev’s visit, the translation', async ({
    api,
  }) => {
    // "comrade N.S. Khrushchev's visit" and "after the victory of the October Revolution": no dates given
    const d = await ok(
      api,
      /* GraphQL */ `{
      rev: event(id: "event/october-revolution") { date { value } }
      visit: event(id: "event/khrushchev-visit-to-usa") { date { value } note }
      document(id: "${DOC}") { date { value } translationOf { date { value } } }
    }`,
    );
    expect(d.rev.date).toBeNull();
    expect(d.visit.date).toBeNull();
    expect(d.visit.note).toMatch(/as past on 6 November 1959/);
    expect(d.document.date).toBeNull();
    // "8" December 1959" heads the Russian memorandum
    expect(d.document.translationOf[0].date.value).toBe('1959-12-08');
  });
});

describe('positions over time', () => {
  it('keeps one post per person with several attestations', async ({ api }) => {
    // "Ambassador of the USSR in the PRC" (signature, 8 December) and "I had my first visit with
    // Deng Xiaoping" (6 November): one post, two attestations
    const d = await ok(
      api,
      /* GraphQL */ `{
      person(id: "${CHER}") {
        positions { title attestations { value certainty } evidence { quote attests { value } } }
      }
    }`,
    );
    expect(d.person.positions).toHaveLength(1);
    const [post] = d.person.positions;
    expect(post.title).toBe('Ambassador of the USSR in the PRC');
    expect(post.attestations).toEqual([
      { value: '1959-11-06', certainty: 'INFERRED' },
      { value: '1959-12-08', certainty: 'STATED' },
    ]);
    expect(post.evidence.filter((e: any) => e.attests).map((e: any) => e.attests.value)).toEqual([
      '1959-12-08',
      '1959-11-06',
    ]);
  });

  it('answers for a day between two attestations, and says how and how certain', async ({ api }) => {
    // between the conversation ("6 November 1959") and the signature ("8" December 1959")
    const at = async (date: string) =>
      (
        await ok(
          api,
          /* GraphQL */ `query ($d: String!) { person(id: "${CHER}") { positionsHeldAt(date: $d) { basis certainty reasoning position { title } } } }`,
          { d: date },
        )
      ).person.positionsHeldAt;
    const [between] = await at('1959-11-20');
    expect(between).toMatchObject({ basis: 'BETWEEN_ATTESTATIONS', certainty: 'INFERRED' });
    expect(between.reasoning).toMatch(/Between 1959-11-06 and 1959-12-08/);
    expect((await at('1959-12-08'))[0]).toMatchObject({ basis: 'ATTESTED', certainty: 'STATED' });
    expect((await at('1959-11-06'))[0]).toMatchObject({ basis: 'ATTESTED', certainty: 'INFERRED' });
    expect(await at('1960')).toEqual([]);
  });
});

describe('representation', () => {
  it('names whom each participant represented, as inferences with their reasoning', async ({ api }) => {
    // "I thanked Deng Xiaoping ... the Embassy would encounter assistance from him and from the CC CCP apparatus"
    const d = await ok(
      api,
      /* GraphQL */ `{
      meeting(id: "${MEETING}") { attendees { person { id } representation { institution { id } evidence { certainty reasoning } } } }
    }`,
    );
    const by = Object.fromEntries(
      d.meeting.attendees.map((a: any) => [a.person.id, a.representation?.institution.id]),
    );
    expect(by[DENG]).toBe('institution/ccp-cc');
    expect(by[CHER]).toBe('institution/ussr-embassy-prc');
    for (const a of d.meeting.attendees) {
      expect(a.representation.evidence[0].certainty).toBe('INFERRED');
      expect(a.representation.evidence[0].reasoning).toBeTruthy();
    }
  });
});

describe('the chain author → translator → holder', () => {
  it('follows the translation to its Russian original, its author, donor and archive', async ({ api }) => {
    // "[signature] (S. CHERVONENKO)"; citation: "RGANI (formerly Center for Preservation of
    // Contemporary Documentation [TsKhSD]), f. 5, op. 49, d. 235, ll. 107-110. Obtained by Paul
    // Wingrove and translated by Benjamin Aldrich-Moodie."
    const d = await ok(
      api,
      /* GraphQL */ `{
      document(id: "${DOC}") {
        language translators { id } heldBy { id }
        translationOf {
          id language authors { id } obtainedBy { id } heldBy { id }
          holdings { archivalReference { archive formerName fond opis delo folios } }
          translations { id }
        }
      }
    }`,
    );
    const t = d.document;
    expect([t.language, t.translators[0].id, t.heldBy.id]).toEqual([
      'en',
      'person/benjamin-aldrich-moodie',
      'institution/hppp-digital-archive',
    ]);
    const o = t.translationOf[0];
    expect([o.id, o.language, o.authors[0].id, o.obtainedBy[0].id, o.heldBy.id]).toEqual([
      ORIG,
      'ru',
      CHER,
      'person/paul-wingrove',
      'institution/rgani',
    ]);
    expect(o.holdings[0].archivalReference).toEqual({
      archive: 'RGANI',
      formerName: 'Center for Preservation of Contemporary Documentation [TsKhSD]',
      fond: '5',
      opis: '49',
      delo: '235',
      folios: '107-110',
    });
    expect(o.translations).toEqual([{ id: DOC }]);
  });

  it('gives no holding the role "original", which no source states', async ({ api }) => {
    // the citation lists the archive and the reference, not a role
    const d = await ok(
      api,
      /* GraphQL */ `{
      document(id: "${DOC}") { holdings { role } translationOf { holdings { role } } }
    }`,
    );
    expect(d.document.holdings).toEqual([{ role: null }]);
    expect(d.document.translationOf[0].holdings).toEqual([{ role: null }]);
  });
});

describe('statements: who said what to whom about what', () => {
  it('lists what Deng said about the USA', async ({ api }) => {
    // "We have many friends, including in the USA - [those friends] are the working people." and
    // "the ruling circles in the USA were afraid of that visit"
    const d = await ok(
      api,
      /* GraphQL */ `{
      statements(speaker: "${DENG}", about: "institution/usa") { totalCount edges { node { id speech passage { quote layer } } } }
    }`,
    );
    expect(ids(d.statements)).toEqual([stmt(9), stmt(11)]);
    expect(d.statements.edges.map((e: any) => e.node.speech)).toEqual(['DIRECT', 'REPORTED']);
    expect(d.statements.edges[0].node.passage.quote).toContain('We have many friends, including in the USA');
    expect(d.statements.edges[0].node.passage.layer).toBe('BODY');
  });

  it('finds whom Chervonenko asked for help, and for whom', async ({ api }) => {
    // "expressed the hope that in its work, the Embassy would encounter assistance from him and from the CC CCP apparatus as before"
    const d = await ok(
      api,
      /* GraphQL */ `{
      statements(speaker: "${CHER}", kind: REQUEST) { edges { node { id addressees { id } about { id } topics } } }
    }`,
    );
    const [req] = d.statements.edges.map((e: any) => e.node);
    expect(req.id).toBe(stmt(21));
    expect(req.addressees).toEqual([{ id: DENG }]);
    expect(req.about.map((x: any) => x.id).sort()).toEqual(
      [DENG, 'institution/ccp-cc', 'institution/ussr-embassy-prc'].sort(),
    );
    expect(req.topics).toEqual(['assistance']);
  });

  it('finds where Deng qualifies the ambassador’s point', async ({ api }) => {
    // "To my observation that the most important thing in overcoming every difficulty is the presence
    // of the leading role of the CCP, Deng Xiaoping said that both the one and the other were
    // important, the leadership of the CCP and help from the Soviet Union."
    const d = await ok(
      api,
      /* GraphQL */ `{
      statements(speaker: "${DENG}", kind: QUALIFICATION) { edges { node { id topics about { id } passage { quote } } } }
    }`,
    );
    const [q] = d.statements.edges.map((e: any) => e.node);
    expect(q.id).toBe(stmt(15));
    expect(q.topics).toEqual(['leading role of the ccp', 'soviet help']);
    expect(q.passage.quote).toContain('help from the Soviet Union');
  });

  it('tells direct from reported speech and gives every exchange a speaker and an addressee', async ({
    api,
  }) => {
    // "Deng Xiaoping said: \"The imperialists especially want to undermine the unity of our countries...\"" (direct)
    const d = await ok(
      api,
      /* GraphQL */ `{
      statements(first: 100) { totalCount edges { node { id speech speakers { id } addressees { id } meeting { id } } } }
    }`,
    );
    expect(d.statements.totalCount).toBe(21);
    for (const { node } of d.statements.edges) {
      expect(node.speakers).toHaveLength(1);
      expect(node.addressees).toHaveLength(1);
      expect(node.addressees[0].id).not.toBe(node.speakers[0].id);
      expect(node.meeting).toEqual([{ id: MEETING }]);
    }
    const direct = d.statements.edges
      .filter((e: any) => e.node.speech === 'DIRECT')
      .map((e: any) => e.node.id);
    expect(direct).toEqual([stmt(9), stmt(13), stmt(16)]);
  });

  it('gives each speaker’s statements in the order of the record, and statements by topic', async ({
    api,
  }) => {
    // "Deng Xiaoping told me that he had not yet fully recovered after breaking his leg." comes first;
    // "At the conclusion of the conversation, Deng Xiaoping said that we would meet again" last
    const d = await ok(
      api,
      /* GraphQL */ `{
      person(id: "${DENG}") { said(first: 100) { totalCount edges { node { id kind } } } }
      statements(topic: "shortcomings") { edges { node { id kind speakers { id } } } }
    }`,
    );
    const said = d.person.said.edges.map((e: any) => e.node);
    expect(said[0]).toEqual({ id: stmt(1), kind: 'INFORMATION' });
    expect(said[said.length - 1]).toEqual({ id: stmt(19), kind: 'ASSURANCE' });
    expect(d.person.said.totalCount).toBe(12);
    // "we are self-critical of ourselves" — "We also have shortcomings, Deng Xiaoping answered"
    expect(d.statements.edges.map((e: any) => [e.node.id, e.node.speakers[0].id])).toEqual([
      [stmt(17), CHER],
      [stmt(18), DENG],
    ]);
  });

  it('tells who spoke of Khrushchev', async ({ api }) => {
    // "I noted that comrade N.S. Khrushchev's visit demonstrated ..." — "They wanted to isolate comrade Khrushchev"
    const d = await ok(
      api,
      /* GraphQL */ `{
      person(id: "person/nikita-khrushchev") { spokenOf { edges { node { id speakers { id } } } } }
    }`,
    );
    expect(d.person.spokenOf.edges.map((e: any) => [e.node.id, e.node.speakers[0].id])).toEqual([
      [stmt(10), CHER],
      [stmt(11), DENG],
    ]);
  });

  it('rests relationships the conversation asserts on the statement that asserts them', async ({ api }) => {
    // "At the conclusion of the conversation, Deng Xiaoping said that we would meet again and more than once."
    // and "the leadership of the CCP and help from the Soviet Union"
    const d = await ok(
      api,
      /* GraphQL */ `{
      meet: shortestPath(from: "${DENG}", to: "${CHER}", via: [EXPECTED_TO_MEET]) {
        relationships { type certainty statement { id kind } evidence { quote } }
      }
      help: shortestPath(from: "institution/ussr", to: "institution/prc", via: [HELPED]) {
        relationships { from { id } to { id } certainty statement { id speakers { id } } }
      }
    }`,
    );
    const [meet] = d.meet.relationships;
    expect(meet).toMatchObject({
      type: 'EXPECTED_TO_MEET',
      certainty: 'STATED',
      statement: { id: stmt(19), kind: 'ASSURANCE' },
    });
    expect(meet.evidence[0].quote).toContain('we would meet again and more than once');
    const [help] = d.help.relationships;
    expect(help).toMatchObject({
      from: { id: 'institution/ussr' },
      to: { id: 'institution/prc' },
      certainty: 'INFERRED',
      statement: { id: stmt(15), speakers: [{ id: DENG }] },
    });
  });
});

describe('connections', () => {
  it('connects Chervonenko and Deng by their strongest tie, with its strength', async ({ api }) => {
    // "I had my first visit with Deng Xiaoping and had a conversation with him."
    const d = await ok(
      api,
      /* GraphQL */ `{
      strongestConnection(from: "${CHER}", to: "${DENG}") { kind path { length nodes { id } } }
      shortestPath(from: "${CHER}", to: "${DENG}") { length tie }
    }`,
    );
    expect(d.strongestConnection.kind).toBe('CO_ATTENDANCE');
    expect(d.strongestConnection.path.nodes.map((n: any) => n.id)).toEqual([CHER, MEETING, DENG]);
    expect(d.shortestPath).not.toBeNull();
    expect(['DIRECT', 'CO_ATTENDANCE', 'STATEMENT']).toContain(d.shortestPath.tie);
  });

  it('connects any two actors of the memorandum, never null', async ({ api }) => {
    // the persons of the record, from "Deng Xiaoping" to "third secretary B.T. Kulik", and the
    // translator and donor of the citation
    const people = [
      DENG,
      CHER,
      'person/nikita-khrushchev',
      'person/yu-peiwen',
      'person/yu-zhan',
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/paul-wingrove',
      'person/benjamin-aldrich-moodie',
    ];
    for (const other of people.slice(1)) {
      const d = await ok(
        api,
        /* GraphQL */ `query ($to: ID!) { shortestPath(from: "${DENG}", to: $to, maxHops: 6) { length tie } strongestConnection(from: "${DENG}", to: $to) { kind } }`,
        { to: other },
      );
      expect(d.shortestPath, other).not.toBeNull();
      expect(d.strongestConnection, other).not.toBeNull();
    }
    // Deng and Khrushchev never met in this record; Deng spoke of him
    const k = await ok(
      api,
      /* GraphQL */ `{ strongestConnection(from: "${DENG}", to: "person/nikita-khrushchev") { kind } }`,
    );
    expect(k.strongestConnection.kind).toBe('STATEMENT');
  });
});

describe('names and descriptions with their sources', () => {
  it('flags the summary’s inverted initials as an attested variant', async ({ api }) => {
    // summary: "Memorandum of a conversation between V. S. Chervonenko and Deng Xiaoping"; signature: "(S. CHERVONENKO)"
    const d = await ok(
      api,
      /* GraphQL */ `{ person(id: "${CHER}") { aliases aliasDetails { alias source script erroneous } } }`,
    );
    expect(d.person.aliases).toContain('V. S. Chervonenko');
    const v = d.person.aliasDetails.find((a: any) => a.alias === 'V. S. Chervonenko');
    expect(v).toEqual({
      alias: 'V. S. Chervonenko',
      source: "the archive's summary",
      script: 'Latn',
      erroneous: true,
    });
    const s = d.person.aliasDetails.find((a: any) => a.alias === 'S. Chervonenko');
    expect(s).toMatchObject({ source: "the memorandum's body", erroneous: false });
    expect(d.person.aliasDetails.filter((a: any) => a.script === 'Cyrl').length).toBe(2);
  });

  it('flags the summary’s “Xiaoping” and gives Deng’s scripts', async ({ api }) => {
    // summary: "Chervonenko and Xiaoping discussed the progress of the socialist camp"
    const d = await ok(
      api,
      /* GraphQL */ `{ person(id: "${DENG}") { aliasDetails { alias script erroneous } } }`,
    );
    const by = Object.fromEntries(d.person.aliasDetails.map((a: any) => [a.alias, a]));
    expect(by.Xiaoping).toMatchObject({ erroneous: true });
    const script = (alias: string) => d.person.aliasDetails.find((a: any) => a.alias === alias)?.script;
    expect(['邓小平', '鄧小平', 'Дэн Сяопин'].map(script)).toEqual(['Hans', 'Hant', 'Cyrl']);
  });

  it('does not name the meeting by the document’s title, and sources every description', async ({ api }) => {
    // the title "Memorandum of Conversation with the General Secretary of the CCP CC, Deng Xiaoping" names the document
    const d = await ok(
      api,
      /* GraphQL */ `{
      meeting(id: "${MEETING}") { aliases description descriptionFrom }
      document(id: "${DOC}") { mentions(first: 100) { edges { node { target { id descriptionFrom } } } } }
      ussr: institution(id: "institution/ussr") { descriptionFrom }
    }`,
    );
    expect(d.meeting.aliases).toEqual([]);
    expect(d.meeting.description).not.toMatch(/\bnew\b/);
    expect(d.meeting.descriptionFrom).toBe("the memorandum's body");
    // every entity the memorandum names says where its description comes from
    const named = d.document.mentions.edges.map((e: any) => e.node.target);
    expect(named.length).toBeGreaterThan(20);
    for (const x of named) expect(x.descriptionFrom, x.id).toBeTruthy();
    // "The Soviet state." is ours
    expect(d.ussr.descriptionFrom).toBe('editorial');
  });
});
