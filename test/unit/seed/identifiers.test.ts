// External identifiers in the extraction format: each authority's form, who/how/when, only on the
// types that carry them, one entity per identifier in a file; a bad one rejects the file with its
// entry and what is wrong. The values here are synthetic; no real identifier is added to the seed.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTHORITY_RULES, type Authority, identifierProblem } from '../../../src/model.ts';
import { ExtractionError, validateExtraction } from '../../../src/seed/validate.ts';
import { brokenCopy, FILE, removeCopies } from '../../seed-files.ts';

afterAll(() => removeCopies());

const synthetic = (authority: Authority, value: string, over: Record<string, unknown> = {}) => ({
  authority,
  value,
  verifiedBy: 'synthetic test data',
  method: 'none: a synthetic value in a test copy of the seed',
  verifiedOn: '2026-01-01',
  ...over,
});

/** Validates a copy of the seed whose memorandum extraction was edited; the problems, or []. */
function problems(edit: (x: any) => void): string[] {
  const dir = brokenCopy(edit);
  try {
    validateExtraction(join(dir, 'extractions', FILE), join(dir, 'texts'));
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    return (err as ExtractionError).problems;
  }
}

const entity = (x: any, id: string) => x.entities.find((e: { id: string }) => e.id === id);

describe('the forms of identifiers', () => {
  const cases: [Authority, string[], string[]][] = [
    ['wikidata', ['Q1', 'Q15180', 'Q999999999001'], ['q1', 'Q0', 'Q01', 'P31', 'Q 1', '15180']],
    ['viaf', ['15', '113230702', '9999999999999999999001'], ['0', '1', '0123', '1234567890', 'v123']],
    [
      'snac',
      ['ark:/99166/w6fj33d4', 'ark:/99166/w6zzzzzz'],
      ['w6fj33d4', 'ark:/12148/w6fj33d4', 'ark:/99166/x6fj33d4', 'ark:/99166/w6aeiou0'],
    ],
    [
      'gnd',
      ['118540238', '4079154-3', '1231643-X', '1099999999'],
      ['abc', '0118540238', '118540238-', '4079154'],
    ],
    [
      'lc',
      ['n79022935', 'no2001012345', 'nb2029999001'],
      ['sh85037527', 'n7902293', 'x79022935', 'n1879022935'],
    ],
  ];
  it.each(cases)('%s', (authority, good, bad) => {
    for (const v of good) expect(identifierProblem(authority, v), v).toBeNull();
    for (const v of bad) expect(identifierProblem(authority, v), v).toMatch(AUTHORITY_RULES[authority].name);
  });

  it('gives each authority a URI pattern whose example is of its own form', () => {
    for (const [authority, rule] of Object.entries(AUTHORITY_RULES)) {
      expect(identifierProblem(authority as Authority, rule.example), authority).toBeNull();
      expect(rule.uri(rule.example)).toMatch(/^https?:\/\/[^/]+\/.*/);
    }
  });
});

describe('identifiers in an extraction file', () => {
  it('accepts well-formed ones on persons, institutions, events and places', () => {
    expect(
      problems((x) => {
        entity(x, 'person/deng-xiaoping').externalIds = [
          synthetic('viaf', '9999999999999999999001', {
            source: 'https://viaf.org/viaf/9999999999999999999001',
          }),
          synthetic('snac', 'ark:/99166/w6zzzzzz'),
        ];
        entity(x, 'event/october-revolution').externalIds = [synthetic('lc', 'nb2029999001')];
        entity(x, 'place/ukraine').externalIds = [synthetic('gnd', '1099999999')];
      }),
    ).toEqual([]);
  });

  it('rejects a malformed value, naming the file, the entry and the form expected', () => {
    const found = problems((x) => {
      entity(x, 'person/deng-xiaoping').externalIds = [synthetic('wikidata', 'q999')];
    });
    expect(found).toEqual([
      'entities[0] person/deng-xiaoping.externalIds[0].value: "q999" is not a Wikidata identifier (expected the form of Q15180)',
    ]);
  });

  it('rejects one without who, how or when, or with a source that is not a web address', () => {
    const found = problems((x) => {
      const { method: _m, ...noMethod } = synthetic('wikidata', 'Q999999999001');
      entity(x, 'person/deng-xiaoping').externalIds = [
        noMethod,
        synthetic('viaf', '9999999999999999999001', { verifiedBy: '' }),
        synthetic('gnd', '1099999999', { verifiedOn: '1 Jan 2026' }),
        synthetic('lc', 'nb2029999001', { source: 'ftp://example.org/record' }),
        synthetic('snac', 'ark:/99166/w6zzzzzz', { scheme: 'snac' }),
      ];
    });
    const text = found.join('\n');
    expect(text).toMatch(/person\/deng-xiaoping\.externalIds\[0\]\.method/);
    expect(text).toMatch(/externalIds\[1\]\.verifiedBy/);
    expect(text).toMatch(/externalIds\[2\]\.verifiedOn: must be a day, YYYY-MM-DD/);
    expect(text).toMatch(/externalIds\[3\]\.source/);
    expect(text).toMatch(/externalIds\[4\].*scheme/);
  });

  it('rejects identifiers on documents and meetings, a day that is not one or is to come, and one identifier given twice', () => {
    const found = problems((x) => {
      entity(x, 'meeting/chervonenko-deng-1959-11-06').externalIds = [synthetic('wikidata', 'Q999999999001')];
      entity(x, 'person/deng-xiaoping').externalIds = [
        synthetic('wikidata', 'Q999999999002', { verifiedOn: '2026-02-30' }),
        synthetic('viaf', '9999999999999999999001', { verifiedOn: '2999-01-01' }),
      ];
      entity(x, 'person/yu-zhan').externalIds = [
        synthetic('wikidata', 'Q999999999002'),
        synthetic('wikidata', 'Q999999999002'),
      ];
    });
    expect(found).toEqual([
      'entities[0] person/deng-xiaoping externalIds[0]: verifiedOn "2026-02-30" has no day 30 in that month',
      'entities[0] person/deng-xiaoping externalIds[1]: verifiedOn 2999-01-01 is after today',
      'entities[4] person/yu-zhan externalIds[0]: wikidata:Q999999999002 is already given to person/deng-xiaoping',
      'entities[4] person/yu-zhan externalIds[1]: wikidata:Q999999999002 is already given to person/deng-xiaoping',
      'entities[20] meeting/chervonenko-deng-1959-11-06: only persons, institutions, events and places carry external identifiers',
    ]);
  });
});
