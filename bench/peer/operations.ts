// The operations `npm run bench:peer` compares: for each, the request this API (A) and
// @neo4j/graphql (B) are sent, the raw-Cypher handler's route (C, see raw.ts), the variables of the
// i-th request (drawn from the archive's picks, so requests differ), and how each answer becomes the
// one canonical form that normalise.ts compares. B is null where the library has no equivalent.
import type { Picks } from './archive.ts';
import {
  type Canonical,
  coAttendance,
  evidenceOf,
  type LibraryEdgeProps,
  sortBy,
  zipEvidence,
} from './normalise.ts';

type Data = Record<string, unknown>;
type Any = any; // answers are checked by comparison, not by type

export interface Operation {
  name: string;
  title: string;
  vars: (picks: Picks, i: number) => Record<string, unknown>;
  api: { query: string; canonical: (data: Data) => Canonical };
  library: { query: string; canonical: (data: Data) => Canonical } | null;
  raw: { canonical: (body: Any) => Canonical };
}

const at = <T>(list: T[], i: number): T => list[i % list.length] as T;

const attendeeRow = (a: Any) => ({
  person: a.person.id,
  name: a.person.name,
  role: a.role,
  representing: a.representing?.id ?? null,
  evidence: a.evidence,
});

export const OPERATIONS: Operation[] = [
  {
    name: 'person',
    title: 'a person by id',
    vars: (p, i) => ({ id: at(p.persons, i) }),
    api: {
      query: 'query ($id: ID!) { person(id: $id) { id name description } }',
      canonical: (d: Any) => d.person,
    },
    library: {
      query: 'query ($id: ID!) { people(where: { id: { eq: $id } }) { id name description } }',
      canonical: (d: Any) => d.people[0] ?? null,
    },
    raw: { canonical: (b: Any) => b },
  },
  {
    name: 'meeting',
    title: 'a meeting → attendees → person, institution represented, evidence',
    vars: (p, i) => ({ id: at(p.meetings, i) }),
    api: {
      query: /* GraphQL */ `query ($id: ID!) { meeting(id: $id) { id name date { value }
        attendees { role person { id name } representing { id name }
          evidence { quote start end document { id } } } } }`,
      canonical: (d: Any) => ({
        id: d.meeting.id,
        name: d.meeting.name,
        date: d.meeting.date?.value ?? null,
        attendees: sortBy(
          d.meeting.attendees.map((a: Any) => attendeeRow({ ...a, evidence: evidenceOf(a.evidence) })),
          (a: Any) => a.person,
        ),
      }),
    },
    library: {
      query: /* GraphQL */ `query ($id: ID!) { meetings(where: { id: { eq: $id } }) { id name dateValue
        attendeesConnection { edges { properties { role quotes starts ends source }
          node { id name representedConnection(where: { edge: { context: { eq: $id } } }) {
            edges { node { id name } } } } } } } }`,
      canonical: (d: Any) => {
        const m = d.meetings[0];
        return {
          id: m.id,
          name: m.name,
          date: m.dateValue,
          attendees: sortBy(
            m.attendeesConnection.edges.map((e: Any) =>
              attendeeRow({
                person: e.node,
                role: e.properties.role,
                representing: e.node.representedConnection.edges[0]?.node ?? null,
                evidence: zipEvidence(e.properties as LibraryEdgeProps),
              }),
            ),
            (a: Any) => a.person,
          ),
        };
      },
    },
    raw: {
      canonical: (b: Any) => ({
        ...b,
        attendees: sortBy(
          b.attendees.map((a: Any) => attendeeRow({ ...a, evidence: zipEvidence(a.evidence) })),
          (a: Any) => a.person,
        ),
      }),
    },
  },
  {
    name: 'peopleByName',
    title: '20 people by name, each with first 5 meetings attended',
    vars: (p, i) => ({ text: at(p.nameFragments, i) }),
    api: {
      query: /* GraphQL */ `query ($text: String!) {
        people(first: 20, filter: { nameContains: $text }, orderBy: NAME_ASC) { nodes { id name
          attended(first: 5) { nodes { role meeting { id name date { value } } } } } } }`,
      canonical: (d: Any) =>
        d.people.nodes.map((n: Any) => ({
          id: n.id,
          name: n.name,
          attended: n.attended.nodes.map((a: Any) => [
            a.meeting.id,
            a.meeting.name,
            a.meeting.date?.value,
            a.role,
          ]),
        })),
    },
    library: {
      query: /* GraphQL */ `query ($text: String!) {
        people(where: { searchKeys: { contains: $text } }, sort: [{ sortName: ASC }, { id: ASC }], limit: 20) {
          id name attendedConnection(first: 5, sort: [{ node: { dateEarliest: ASC } }, { node: { sortName: ASC } }]) {
            edges { properties { role } node { id name dateValue } } } } }`,
      canonical: (d: Any) =>
        d.people.map((n: Any) => ({
          id: n.id,
          name: n.name,
          attended: n.attendedConnection.edges.map((e: Any) => [
            e.node.id,
            e.node.name,
            e.node.dateValue,
            e.properties.role,
          ]),
        })),
    },
    raw: {
      canonical: (b: Any) =>
        b.map((n: Any) => ({
          id: n.id,
          name: n.name,
          attended: n.attended.map((a: Any) => [a.id, a.name, a.date, a.role]),
        })),
    },
  },
  {
    name: 'metWith',
    title: 'co-attendance (Person.metWith)',
    vars: (p, i) => ({ id: at(p.persons, i * 5 + 1) }),
    api: {
      query: 'query ($id: ID!) { person(id: $id) { metWith { count person { id name } meetings { id } } } }',
      canonical: (d: Any) =>
        coAttendance(
          d.person.metWith.map((c: Any) => ({
            person: c.person.id,
            count: c.count,
            meetings: c.meetings.map((m: Any) => m.id),
          })),
        ),
    },
    library: {
      // the library has no co-attendance: a client asks for the meetings and their attendees and counts
      query: /* GraphQL */ `query ($id: ID!) { people(where: { id: { eq: $id } }) { id
        attended { id attendees { id name } } } }`,
      canonical: (d: Any) => {
        const me = d.people[0];
        const by = new Map<string, string[]>();
        for (const m of me.attended) {
          for (const o of m.attendees) {
            if (o.id === me.id) continue;
            by.set(o.id, [...(by.get(o.id) ?? []), m.id]);
          }
        }
        return coAttendance(
          [...by].map(([person, meetings]) => ({ person, count: meetings.length, meetings })),
        );
      },
    },
    raw: { canonical: (b: Any) => coAttendance(b) },
  },
  {
    name: 'meetingsInRange',
    title: 'meetings in a date range, first 20, with attendees',
    vars: (p, i) => at(p.ranges, i),
    api: {
      query: /* GraphQL */ `query ($startDate: String!, $endDate: String!) {
        meetings(first: 20, filter: { dateOverlaps: { startDate: $startDate, endDate: $endDate } }, orderBy: DATE_ASC) {
          nodes { id name date { value } attendees { role person { id name } } } } }`,
      canonical: (d: Any) =>
        d.meetings.nodes.map((m: Any) => ({
          id: m.id,
          date: m.date.value,
          attendees: sortBy(
            m.attendees.map((a: Any) => [a.person.id, a.person.name, a.role]),
            (a: Any) => a[0],
          ),
        })),
    },
    library: {
      query: /* GraphQL */ `query ($startDate: String!, $endDate: String!) {
        meetings(where: { dateLatest: { gte: $startDate }, dateEarliest: { lte: $endDate } },
          sort: [{ dateEarliest: ASC }, { dateLatest: ASC }, { id: ASC }], limit: 20) {
          id name dateValue attendeesConnection { edges { properties { role } node { id name } } } } }`,
      canonical: (d: Any) =>
        d.meetings.map((m: Any) => ({
          id: m.id,
          date: m.dateValue,
          attendees: sortBy(
            m.attendeesConnection.edges.map((e: Any) => [e.node.id, e.node.name, e.properties.role]),
            (a: Any) => a[0],
          ),
        })),
    },
    raw: {
      canonical: (b: Any) =>
        b.map((m: Any) => ({
          id: m.id,
          date: m.date,
          attendees: sortBy(
            m.attendees.map((a: Any) => [a.id, a.name, a.role]),
            (a: Any) => a[0],
          ),
        })),
    },
  },
  {
    name: 'search',
    title: 'ranked search (first 10)',
    vars: (p, i) => ({ text: at(p.searchTexts, i) }),
    api: {
      query: 'query ($text: String!) { search(text: $text, first: 10) { edges { score node { id name } } } }',
      canonical: (d: Any) =>
        d.search.edges.map((e: Any) => [e.node.id, e.node.name, Number(e.score.toFixed(6))]),
    },
    library: null,
    raw: { canonical: (b: Any) => b.map((h: Any) => [h.id, h.name, Number(h.score.toFixed(6))]) },
  },
  {
    name: 'neighborhood',
    title: 'neighborhood(depth: 2)',
    vars: (p, i) => ({ id: at(p.persons, i * 3 + 2) }),
    api: {
      query: /* GraphQL */ `query ($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { truncated
        nodes { id name } edges { type from { id } to { id } evidence { quote } } } }`,
      canonical: (d: Any) => ({
        truncated: d.neighborhood.truncated,
        nodes: d.neighborhood.nodes.map((n: Any) => n.id),
        edges: d.neighborhood.edges
          .map(
            (e: Any) => `${e.type} ${e.from.id} ${e.to.id} ${e.evidence.map((x: Any) => x.quote).join('|')}`,
          )
          .sort(),
      }),
    },
    library: null,
    raw: {
      canonical: (b: Any) => ({
        truncated: b.truncated,
        nodes: b.nodes,
        edges: b.edges.map((e: Any) => `${e.type} ${e.from} ${e.to} ${e.quotes.join('|')}`).sort(),
      }),
    },
  },
];
