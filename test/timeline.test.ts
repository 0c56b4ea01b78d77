// The timeline (src/schema/timeline.ts): dated meetings, events and documents in order, optionally
// only those tied to one actor, with stable ties across pages.
import { describe, expect, failure, type GqlResult, it, useSyntheticGraph } from './fixtures.ts';

const MEETING = 'meeting/chervonenko-deng-1959-11-06';
const MEMO = 'document/memcon-chervonenko-deng-1959-11-06';
const DENG = 'person/deng-xiaoping';

describe('timeline on the memorandum', () => {
  const query = /* GraphQL */ `
    query ($from: String, $to: String, $actor: ID, $first: Int, $after: String) {
      timeline(startDate: $from, endDate: $to, actor: $actor, first: $first, after: $after) {
        totalCount
        edges { cursor node { kind date { value earliest latest } entity { id } links { type from { id } to { id } evidence { quote } } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;
  const entries = (r: GqlResult<any>) =>
    r.data.timeline.edges.map((e: any) => `${e.node.date.value} ${e.node.kind} ${e.node.entity.id}`);

  it('lists meetings, events and documents overlapping a range, earliest first', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(query, { from: '1959', to: '1959-12' });
    expect(r.errors).toBeUndefined();
    expect(entries(r)).toEqual([
      '1959 EVENT event/prc-tenth-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
      `1959-12-08 DOCUMENT ${MEMO}-ru`,
    ]);
    // a month range overlaps the year-only event, not the other way round
    const nov: GqlResult<any> = await api.gql(query, { from: '1959-11', to: '1959-11' });
    expect(entries(nov)).toEqual([
      '1959 EVENT event/prc-tenth-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
    ]);
    const open: GqlResult<any> = await api.gql(query, { to: '1958' });
    expect(entries(open)).toEqual(['1957 EVENT event/october-revolution-40th-anniversary-celebration']);
  });

  it('pages with cursors and keeps the order across pages', async ({ api }) => {
    const first: GqlResult<any> = await api.gql(query, { first: 2 });
    expect(first.data.timeline.totalCount).toBe(4);
    expect(first.data.timeline.pageInfo.hasNextPage).toBe(true);
    const next: GqlResult<any> = await api.gql(query, {
      first: 2,
      after: first.data.timeline.pageInfo.endCursor,
    });
    expect([...entries(first), ...entries(next)]).toEqual([
      '1957 EVENT event/october-revolution-40th-anniversary-celebration',
      '1959 EVENT event/prc-tenth-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
      `1959-12-08 DOCUMENT ${MEMO}-ru`,
    ]);
    expect(next.data.timeline.pageInfo.hasNextPage).toBe(false);
  });

  it('follows an actor, with the relationships that tie it to each entry', async ({ api }) => {
    const deng: GqlResult<any> = await api.gql(query, { actor: DENG });
    expect(deng.errors).toBeUndefined();
    // the document that mentions him is the (undated) translation; the dated Russian memorandum
    // mentions no one (its text is known only through the translation), so it is not on his timeline
    expect(entries(deng)).toEqual([
      '1957 EVENT event/october-revolution-40th-anniversary-celebration',
      `1959-11-06 MEETING ${MEETING}`,
    ]);
    const links = deng.data.timeline.edges.map((e: any) => e.node.links.map((l: any) => l.type));
    expect(links).toEqual([['PARTICIPATED_IN'], ['ATTENDED']]);
    for (const e of deng.data.timeline.edges)
      for (const l of e.node.links) expect(l.evidence.length).toBeGreaterThan(0);

    // an institution: the meeting at which three of its people represented it
    const embassy: GqlResult<any> = await api.gql(query, { actor: 'institution/ussr-embassy-prc' });
    const meeting = embassy.data.timeline.edges.find((e: any) => e.node.entity.id === MEETING);
    expect(meeting.node.links.map((l: any) => l.from.id).sort()).toEqual([
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/stepan-chervonenko',
    ]);
  });

  it('answers NOT_FOUND for an unknown actor', async ({ api }) => {
    const { e } = await failure(api, query, { actor: 'person/nobody-at-all' });
    expect(e?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('timeline on a generated graph', () => {
  useSyntheticGraph();

  it('keeps timeline ties stable: by earliest day, then latest day, then id', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(/* GraphQL */ `
      { timeline(startDate: "1960", endDate: "1969", first: 100) { totalCount edges { node { date { earliest latest } entity { id } } } } }
    `);
    expect(r.errors).toBeUndefined();
    const keys = r.data.timeline.edges.map(
      (e: any) => `${e.node.date.earliest} ${e.node.date.latest} ${e.node.entity.id}`,
    );
    expect(keys.length).toBeGreaterThan(10);
    expect(keys).toEqual([...keys].sort());
  });
});
