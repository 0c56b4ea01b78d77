// The compiled read path (src/schema/plan.ts → src/data/compiled/): each operation of the benchmark
// (issue 9) costs one statement per root field, and answers exactly as the loaders do. The loaders'
// answer is had by the same operation with a directive in its selection, which the compiler does not
// follow (it falls back); the compiled one is the operation as written.
import { type Api, describe, expect, it, useSyntheticGraph } from './fixtures.ts';

/** The same operation, not compiled: `@include` anywhere in a root field's selection makes it fall back. */
const uncompiled = (query: string) =>
  query.replace(
    /\b(person|meeting|people|meetings)\(([^)]*)\) \{/g,
    '$1($2) { __typename @include(if: true) ',
  );

async function both(api: Api, query: string, variables: Record<string, unknown>) {
  let compiled: any;
  let fallback: any;
  const statements = await api.statementsDuring(async () => {
    compiled = await api.gql(query, variables);
  });
  const fallbackStatements = await api.statementsDuring(async () => {
    fallback = await api.gql(uncompiled(query), variables);
  });
  expect(compiled.errors).toBeUndefined();
  expect(fallback.errors).toBeUndefined();
  // the fallback's answer carries __typename where it was added
  const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === '__typename' ? undefined : v)));
  expect(strip(compiled.data)).toEqual(strip(fallback.data));
  return { data: compiled.data, statements, fallbackStatements };
}

const OPERATIONS: Record<string, string> = {
  'a person by id': /* GraphQL */ `query ($person: ID!) { person(id: $person) { id name aliases description } }`,
  'a meeting, its attendees, each with the person, the institution represented and the evidence': /* GraphQL */ `
    query ($meeting: ID!) { meeting(id: $meeting) { id name date { value } attendees { role
      person { id name } representing { id name } evidence { quote start end certainty document { id name } } } } }`,
  '20 people by name, each with the first 5 meetings attended': /* GraphQL */ `
    query { people(first: 20, orderBy: NAME_ASC) { totalCount nodes { id name
      attended(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { role meeting { id name date { value } } } } } } } }`,
  'co-attendance (Person.metWith)': /* GraphQL */ `
    query ($person: ID!) { person(id: $person) { id metWith { count person { id name } meetings { id date { value } } evidence { quote } } } }`,
  'meetings in a date range, the first 20, with attendees': /* GraphQL */ `
    query { meetings(first: 20, filter: { dateOverlaps: { startDate: "1960", endDate: "1969" } }) { totalCount
      nodes { id name date { value } attendees { role person { id name } } } } }`,
};

describe('compiled reads', () => {
  const graph = useSyntheticGraph();

  /** The person who attended most meetings, and the meeting with most attendees. */
  const busiest = () => {
    const count = (ids: string[]) => {
      const n = new Map<string, number>();
      for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
      return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    };
    const attended = graph().edges.filter((e) => e.type === 'ATTENDED');
    return { person: count(attended.map((e) => e.from)), meeting: count(attended.map((e) => e.to)) };
  };

  it.for(Object.entries(OPERATIONS))(
    '%s: one statement, the answer the loaders give',
    async ([name, query], { api }) => {
      const { person, meeting } = busiest();
      const variables = {
        ...(query.includes('$person') ? { person } : {}),
        ...(query.includes('$meeting') ? { meeting } : {}),
      };
      const { data, statements, fallbackStatements } = await both(api, query, variables);
      process.stdout.write(
        `[compiled] ${name}: ${statements} statement(s), ${fallbackStatements} by the loaders\n`,
      );
      expect(statements).toBe(1);
      expect(JSON.stringify(data).length).toBeGreaterThan(100);
    },
  );

  it('answers several root fields, aliases, fragments and variables alike, one statement per root field', async ({
    api,
  }) => {
    const { person, meeting } = busiest();
    const query = /* GraphQL */ `
      query ($person: ID!, $meeting: ID!, $n: Int) {
        a: person(id: $person) { ...P x: attended(first: $n) { nodes { meeting { id } } } y: attended(first: 1, after: "b2Zmc2V0OjA") { totalCount nodes { role } } }
        b: meeting(id: $meeting) { ... on Meeting { date { value } } attendees { person { ...P } meeting { id } } }
      }
      fragment P on Person { id name ... on Entity { description } positions { title institution { id name } } }`;
    const { statements, fallbackStatements } = await both(api, query, { person, meeting, n: 2 });
    expect(statements).toBe(2);
    expect(fallbackStatements).toBeGreaterThan(2);
  });

  it('falls back, field by field, where it cannot compile, and the answer stays the same', async ({
    api,
  }) => {
    const { person } = busiest();
    // an interface-typed end and a field it does not know: those use the loaders below the root
    const query = /* GraphQL */ `
      query ($person: ID!) { person(id: $person) { externalIds { value } attended { nodes { meeting { id } } } represented { institution { id parent { id } } } mentionedIn { totalCount } } }`;
    const { statements } = await both(api, query, { person });
    expect(statements).toBeGreaterThan(1);
  });
  it("carries the evidence's layer and attested dates, and leaves a supportedBy filter to the loaders", async ({
    api,
  }) => {
    const meeting = 'meeting/chervonenko-deng-1959-11-06';
    const query = /* GraphQL */ `
      query ($meeting: ID!, $chervonenko: ID!) {
        meeting(id: $meeting) { attendees { role layers evidence { quote layer } } }
        person(id: $chervonenko) { positions { title evidence { layer attests { value certainty } } } }
      }`;
    const { data } = await both(api, query, { meeting, chervonenko: 'person/stepan-chervonenko' });
    const layers = data.meeting.attendees.flatMap((a: any) => a.evidence.map((e: any) => e.layer));
    expect(layers).toContain('BODY');
    const attests = data.person.positions.flatMap((p: any) =>
      p.evidence.flatMap((e: any) => e.attests ?? []),
    );
    expect(attests.length).toBeGreaterThan(0);
    // a filter by layer: compiled above it, the filtered field by the loaders, the same answer
    const filtered = await both(
      api,
      /* GraphQL */ `query ($meeting: ID!) { meeting(id: $meeting) { all: attendees { role }
        body: attendees(supportedBy: [BODY]) { role } archival: attendees(supportedBy: [ARCHIVAL]) { role } } }`,
      { meeting },
    );
    expect(filtered.data.meeting.body).toHaveLength(filtered.data.meeting.all.length);
    expect(filtered.data.meeting.archival).toEqual([]);
  });

  it('reads a neighbourhood with only the properties selected, and answers as when it reads every one', async ({
    api,
  }) => {
    const query = (extra: string) => /* GraphQL */ `
      query ($id: ID!) { neighborhood(id: $id, depth: 2) { truncated center { id name }
        nodes { ${extra} id name description } edges { id type certainty properties { key value } startDate { value } from { id name } far: to { id name }
        evidence { quote layer document { id } } } } }`;
    const variables = { id: 'person/deng-xiaoping' };
    const compiled = await api.gql(query(''), variables);
    // a directive below `nodes`: the plan is not made, every property is read (and cached), as before
    const whole = await api.gql(query('__typename @include(if: true)'), variables);
    expect(compiled.errors).toBeUndefined();
    expect(whole.errors).toBeUndefined();
    const strip = (x: unknown) =>
      JSON.parse(JSON.stringify(x, (k, v) => (k === '__typename' ? undefined : v)));
    expect(strip(compiled.data)).toEqual(strip(whole.data));
    const { nodes, edges } = compiled.data.neighborhood;
    expect(nodes.length).toBeGreaterThan(5);
    expect(edges.length).toBeGreaterThan(5);
    // every edge's ends are entities of the network, with their names
    const names = new Map(nodes.map((n: any) => [n.id, n.name]));
    for (const e of edges) {
      expect(e.from.name).toBe(names.get(e.from.id));
      expect(e.far.name).toBe(names.get(e.far.id));
    }
    expect(edges.some((e: any) => e.evidence.length > 0)).toBe(true);
  });
});
