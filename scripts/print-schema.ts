// npm run schema:print — writes schema/schema.graphql from the Pothos schema, and
// schema/context.jsonld, the JSON-LD context of the linked data (for the default base
// http://localhost:4000; the served one follows PUBLIC_BASE_URL).
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { contextDocument } from '../src/linked/vocabulary.ts';
import { schema } from '../src/schema/index.ts';

const SCHEMA_FILE = new URL('../schema/schema.graphql', import.meta.url);
const CONTEXT_FILE = new URL('../schema/context.jsonld', import.meta.url);
writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
writeFileSync(CONTEXT_FILE, `${JSON.stringify(contextDocument('http://localhost:4000'), null, 2)}\n`);
process.stdout.write(`wrote ${SCHEMA_FILE.pathname} and ${CONTEXT_FILE.pathname}\n`);
