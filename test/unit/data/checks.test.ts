// The guards of src/data/checks.ts: what a statement writes into its text (labels, relationship
// types, hop bounds) comes from a closed list or is a checked integer. A failure is a bug.
import { describe, expect, it } from 'vitest';
import {
  assertLabel,
  assertRelationshipType,
  boundedInt,
  typeAlternation,
} from '../../../src/data/checks.ts';
import { ENTITY_TYPES, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../../../src/model.ts';

describe('checks', () => {
  it('accepts every label of the closed list and nothing else', () => {
    for (const label of ENTITY_TYPES) expect(() => assertLabel(label)).not.toThrow();
    for (const label of ['Entity', 'person', 'Robot', '', 'Person:Admin', 'Person) DETACH DELETE (n'])
      expect(() => assertLabel(label), label).toThrow(`unknown label ${label}`);
  });

  it('accepts every relationship type of the closed list and nothing else', () => {
    for (const type of RELATIONSHIP_TYPE_NAMES) expect(() => assertRelationshipType(type)).not.toThrow();
    for (const type of ['attended', 'KNOWS', '', 'ATTENDED|KNOWS', 'ATTENDED*1..99'])
      expect(() => assertRelationshipType(type), type).toThrow(`unknown relationship ${type}`);
  });

  it('joins types into an alternation, each once, refusing an empty or unknown list', () => {
    expect(typeAlternation(['ATTENDED', 'PART_OF', 'ATTENDED'])).toBe('ATTENDED|PART_OF');
    expect(() => typeAlternation([])).toThrow('at least one relationship type is needed');
    expect(() => typeAlternation(['ATTENDED', 'X' as RelationshipType])).toThrow('unknown relationship X');
  });

  it('lets through only integers within the bounds', () => {
    expect(boundedInt(1, 1, 10, 'maxHops')).toBe(1);
    expect(boundedInt(10, 1, 10, 'maxHops')).toBe(10);
    for (const n of [0, 11, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => boundedInt(n, 1, 10, 'maxHops'), String(n)).toThrow('maxHops must be an integer in 1..10');
  });
});
