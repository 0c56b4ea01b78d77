// The federation subgraph's committed SDL (schema/subgraph.graphql) is the printed subgraph schema,
// every entity type carries its keys, and the plain schema stays free of federation's fields.
import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, IDENTIFIED_TYPES } from '../../../src/model.ts';
import { schema, subgraphSchema } from '../../../src/schema/index.ts';

/** The @key selections of a type as printed in the subgraph SDL. */
function keysOf(sdl: string, type: string): string[] {
  const block = new RegExp(`\\ntype ${type}\\s[^{]*\\{`).exec(sdl)?.[0] ?? '';
  return [...block.matchAll(/@key\(fields: "([^"]+)"\)/g)].map((m) => m[1] as string);
}

describe('schema/subgraph.graphql', () => {
  const sdl = printSubgraphSchema(subgraphSchema);

  it('is up to date with the code (run `npm run schema:print` after a change)', () => {
    const committed = readFileSync(new URL('../../../schema/subgraph.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${sdl}\n`);
  });

  it('links Federation v2 and keys every entity type by id, and the identified ones by wikidataId too', () => {
    expect(sdl).toMatch(
      /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \["@key"\]\)/,
    );
    for (const type of ENTITY_TYPES) {
      const expected = (IDENTIFIED_TYPES as readonly string[]).includes(type) ? ['id', 'wikidataId'] : ['id'];
      expect(keysOf(sdl, type), type).toEqual(expected);
    }
  });

  it('answers _service and _entities; the plain schema has neither', () => {
    const query = subgraphSchema.getQueryType();
    expect(Object.keys(query?.getFields() ?? {})).toEqual(expect.arrayContaining(['_entities', '_service']));
    const union = subgraphSchema.getType('_Entity');
    expect(
      union && 'getTypes' in union
        ? union
            .getTypes()
            .map((t) => t.name)
            .sort()
        : [],
    ).toEqual([...ENTITY_TYPES].sort());
    const plain = printSchema(schema);
    expect(plain).not.toMatch(/_entities|_service|_Any|@key|@link/);
    expect(plain).toContain('entityByExternalId(');
    for (const type of IDENTIFIED_TYPES) {
      const t = schema.getType(type);
      expect(isObjectType(t) && 'wikidataId' in t.getFields(), type).toBe(true);
    }
  });
});
