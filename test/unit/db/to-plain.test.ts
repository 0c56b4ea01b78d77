// The runner's conversion of driver values into plain values (src/db/failures.ts toPlain).
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/db/failures.ts';

describe('toPlain', () => {
  it('turns integers into numbers and dates into ISO strings, inside maps and lists', () => {
    const row = {
      n: neo4j.int(42),
      page: [{ key: [neo4j.int(7), 'x'], date: new neo4j.types.Date(1959, 11, 6) }],
      missing: undefined,
      nothing: null,
      text: 'Deng',
      yes: true,
    };
    expect(toPlain(row)).toEqual({
      n: 42,
      page: [{ key: [7, 'x'], date: '1959-11-06' }],
      missing: null,
      nothing: null,
      text: 'Deng',
      yes: true,
    });
  });

  it('refuses an integer past the safe range rather than rounding it', () => {
    expect(() => toPlain({ n: neo4j.int('9007199254740993') })).toThrow(/outside the safe range/);
  });

  it('keeps a "__proto__" key as a key, without changing the prototype', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const plain = toPlain(raw) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__', 'a']);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('gives a copy: the driver value is left as it was', () => {
    const raw = { list: [neo4j.int(1)] };
    toPlain(raw);
    expect(neo4j.isInt(raw.list[0])).toBe(true);
  });
});
