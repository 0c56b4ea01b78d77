// npm run schema:print — writes schema/schema.graphql from the Pothos schema (the plain API at
// /graphql), schema/subgraph.graphql (the Apollo Federation v2 subgraph at /subgraph, printed with
// its @link and @key directives as a gateway composes it), and schema/context.jsonld, the JSON-LD
// context of the linked data (for the default base http://localhost:4000; the served one follows
// PUBLIC_BASE_URL).
import { writeFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { printSchema } from 'graphql';
import { contextDocument } from '../src/linked/vocabulary.ts';
import { schema, subgraphSchema } from '../src/schema/index.ts';

const SCHEMA_FILE = new URL('../schema/schema.graphql', import.meta.url);
const SUBGRAPH_FILE = new URL('../schema/subgraph.graphql', import.meta.url);
const CONTEXT_FILE = new URL('../schema/context.jsonld', import.meta.url);
writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
writeFileSync(SUBGRAPH_FILE, `${printSubgraphSchema(subgraphSchema)}\n`);
writeFileSync(CONTEXT_FILE, `${JSON.stringify(contextDocument('http://localhost:4000'), null, 2)}\n`);
process.stdout.write(
  `wrote ${SCHEMA_FILE.pathname}, ${SUBGRAPH_FILE.pathname} and ${CONTEXT_FILE.pathname}\n`,
);
