// The catalogue's executable subgraph schema: schema.graphql plus resolvers, built with Apollo's
// buildSubgraphSchema (which adds _service and _entities). coldwar-graph's Institution, Person and
// Document appear in answers as references, `{ __typename, id }`; the gateway fetches the rest of
// their fields from coldwar-graph.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';
import type { Catalogue, Entry, Subject } from './catalogue.ts';

const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

type Ref = { id: string };
const ref = (__typename: 'Institution' | 'Person' | 'Document', id: string) => ({ __typename, id });

export function catalogueSchema(catalogue: Catalogue): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        catalogueEntry: (_: unknown, args: { reference: string }) =>
          catalogue.byReference.get(args.reference) ?? null,
        catalogueEntries: (_: unknown, args: { level?: Entry['level'] | null }) =>
          catalogue.entries.filter((e) => !args.level || e.level === args.level),
        catalogueEntriesByWikidataId: (_: unknown, args: { wikidataId: string }) =>
          catalogue.aboutWikidataId(args.wikidataId),
      },
      CatalogueEntry: {
        __resolveReference: (r: { reference: string }) => catalogue.byReference.get(r.reference) ?? null,
        holding: (e: Entry) => ref('Institution', e.holding),
        describes: (e: Entry) => e.describes.map((id) => ref('Document', id)),
        about: (e: Entry) => e.about.map((s) => ref(s.type, s.id)),
        subjectWikidataIds: (e: Entry) =>
          e.about.flatMap((s: Subject) => (s.wikidataId ? [s.wikidataId] : [])),
        parent: (e: Entry) => (e.parent ? catalogue.byReference.get(e.parent) : null),
        children: (e: Entry) => catalogue.children(e.reference),
      },
      CatalogueSubject: {
        __resolveType: (r: { __typename: string }) => r.__typename,
      },
      Institution: {
        __resolveReference: (r: Ref) => ({ id: r.id }),
        catalogueEntries: (r: Ref) => catalogue.aboutEntity(r.id),
        catalogueHoldings: (r: Ref) => catalogue.heldBy(r.id),
      },
      Person: {
        __resolveReference: (r: Ref) => ({ id: r.id }),
        catalogueEntries: (r: Ref) => catalogue.aboutEntity(r.id),
      },
      Document: {
        __resolveReference: (r: Ref) => ({ id: r.id }),
        catalogueEntries: (r: Ref) => catalogue.describing(r.id),
      },
    },
  });
}
