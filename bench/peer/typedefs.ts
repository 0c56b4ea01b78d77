// Type definitions for @neo4j/graphql over the same graph the API reads: the same labels
// (`Entity:<Type>`), properties and relationship types, with each relationship's evidence (quotes,
// offsets, source document) and role or context as relationship properties. Nothing hand-written in
// Cypher: no @cypher fields, so the library plans every statement itself.

const evidence = /* GraphQL */ `
    id: ID!
    source: String!
    quotes: [String!]!
    starts: [Int!]!
    ends: [Int!]!
    certainties: [String!]!`;

export const libraryTypeDefs = /* GraphQL */ `
  type Person @node(labels: ["Person", "Entity"]) {
    id: ID!
    name: String!
    sortName: String!
    searchKeys: String
    description: String
    attended: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attended")
    represented: [Institution!]! @relationship(type: "REPRESENTED", direction: OUT, properties: "Represented")
    positions: [Institution!]! @relationship(type: "HELD_POSITION", direction: OUT, properties: "Held")
  }

  type Meeting @node(labels: ["Meeting", "Entity"]) {
    id: ID!
    name: String!
    sortName: String!
    description: String
    dateValue: String
    dateEarliest: String
    dateLatest: String
    attendees: [Person!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attended")
  }

  type Institution @node(labels: ["Institution", "Entity"]) {
    id: ID!
    name: String!
    sortName: String!
  }

  type Document @node(labels: ["Document", "Entity"]) {
    id: ID!
    title: String
  }

  type Attended @relationshipProperties {${evidence}
    role: String
  }

  type Represented @relationshipProperties {${evidence}
    context: ID
  }

  type Held @relationshipProperties {${evidence}
    title: String
  }
`;
