// The GraphQL operations the explorer sends, and the shapes of their answers. External identifiers
// are read only by `value` and `uri`, which every version of ExternalId has. Relationships are read
// without their claim `uri`: it is minted from the relationship id, and a graph whose ids do not
// follow the extraction's pattern (the generated benchmark graph) would fail the whole network.

export interface DateInterval {
  value: string;
  earliest: string;
  latest: string;
}

export interface EntityRow {
  __typename: string;
  id: string;
  name: string;
  date?: DateInterval | null;
}

export interface EvidenceRow {
  quote: string;
  start: number;
  end: number;
  certainty: 'STATED' | 'INFERRED';
  reasoning: string | null;
  textUri: string;
  document: { id: string; name: string };
}

export interface RelationshipRow {
  id: string;
  type: string;
  certainty: 'STATED' | 'INFERRED';
  from: { id: string };
  to: { id: string };
  startDate: DateInterval | null;
  endDate: DateInterval | null;
  attestedDate: DateInterval | null;
  properties: { key: string; value: string }[];
  evidence: EvidenceRow[];
}

const DATE = 'value earliest latest';

const ENTITY = /* GraphQL */ `
  fragment ExplorerEntity on Entity {
    __typename
    id
    name
    ... on Meeting { date { ${DATE} } }
    ... on Event { date { ${DATE} } }
    ... on Document { date { ${DATE} } }
  }`;

const RELATIONSHIP = /* GraphQL */ `
  fragment ExplorerRelationship on Relationship {
    id
    type
    certainty
    from { id }
    to { id }
    startDate { ${DATE} }
    endDate { ${DATE} }
    attestedDate { ${DATE} }
    properties { key value }
    evidence { quote start end certainty reasoning textUri document { id name } }
  }`;

export interface NeighborhoodAnswer {
  neighborhood: {
    truncated: boolean;
    center: { id: string; name: string };
    nodes: EntityRow[];
    edges: RelationshipRow[];
  };
}

export const NEIGHBORHOOD = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $depth: Int!, $limit: Int!) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      truncated
      center { id name }
      nodes { ...ExplorerEntity }
      edges { ...ExplorerRelationship }
    }
  }
  ${ENTITY}
  ${RELATIONSHIP}`;

export interface PathAnswer {
  strongestConnection: {
    kind: string;
    path: { length: number; nodes: EntityRow[]; relationships: RelationshipRow[] };
  } | null;
}

/** The strongest tie between two entities (co-attendance first), not merely the shortest chain. */
export const PATH = /* GraphQL */ `
  query ExplorerPath($from: ID!, $to: ID!) {
    strongestConnection(from: $from, to: $to) {
      kind
      path {
        length
        nodes { ...ExplorerEntity }
        relationships { ...ExplorerRelationship }
      }
    }
  }
  ${ENTITY}
  ${RELATIONSHIP}`;

export interface SearchHit {
  __typename: string;
  id: string;
  name: string;
  description: string;
}

export interface SearchAnswer {
  search: { edges: { score: number; node: SearchHit }[] };
}

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 8) {
      edges { score node { __typename id name description } }
    }
  }`;

export interface Held {
  title: string;
  institution: { id: string; name: string };
  startDate: { value: string } | null;
  endDate: { value: string } | null;
  attestedDate: { value: string } | null;
}

export interface EntityDetails {
  __typename: string;
  id: string;
  name: string;
  aliases: string[];
  description: string;
  note: string | null;
  uri: string;
  externalIds: { value: string; uri: string }[];
  date?: { value: string } | null;
  kind?: string | null;
  citation?: string | null;
  positions?: Held[];
  attended?: {
    totalCount: number;
    nodes: { role: string | null; meeting: { id: string; name: string; date: { value: string } | null } }[];
  };
  attendees?: { role: string | null; person: { id: string; name: string } }[];
}

export const DETAILS = /* GraphQL */ `
  query ExplorerDetails($id: ID!) {
    node(id: $id) {
      id
      ... on Entity { __typename name aliases description note uri externalIds { value uri } }
      ... on Person {
        positions {
          title
          institution { id name }
          startDate { value }
          endDate { value }
          attestedDate { value }
        }
        attended(first: 50) { totalCount nodes { role meeting { id name date { value } } } }
      }
      ... on Meeting { date { value } attendees { role person { id name } } }
      ... on Event { date { value } }
      ... on Document { date { value } citation }
      ... on Institution { kind }
    }
  }`;

export interface DocumentText {
  id: string;
  name: string;
  text: string;
  citation: string | null;
  uri: string;
}

export const DOCUMENT = /* GraphQL */ `
  query ExplorerDocument($id: ID!) {
    document(id: $id) { id name text citation uri }
  }`;
