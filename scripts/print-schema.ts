// npm run schema:print — writes schema/schema.graphql from the Pothos schema.
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

export const SCHEMA_FILE = new URL('../schema/schema.graphql', import.meta.url);
writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
process.stdout.write(`wrote ${SCHEMA_FILE.pathname}\n`);
