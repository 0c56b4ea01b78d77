// Bundles without a database: validation of a bundle in memory (the text given, or found by its file
// name), the size limit, the rewriting of matched ids, how passages are told apart, the report's
// lines, where the CLI looks for a text, and the entries of the bundle export.
import { describe, expect, it } from 'vitest';
import { aliasesFrom, documentEntry, relationshipEntry } from '../../../src/export/bundle-entries.ts';
import { textPlaces } from '../../../src/import/files.ts';
import { checkSize } from '../../../src/import/importer.ts';
import { passagesDiff } from '../../../src/import/passages.ts';
import { detailLines, type ImportReport, noPhases, summaryLine } from '../../../src/import/report.ts';
import { type Match, resolved } from '../../../src/import/resolve.ts';
import { ExtractionError, validateDocument } from '../../../src/seed/validate.ts';
import { bundleOf } from '../../../test-support/bundles.ts';

const DOC = 'document/synthetic-test-unit';
const b = bundleOf({
  id: DOC,
  title: 'Synthetic unit bundle',
  text: 'SYNTHETIC TEST DOCUMENT, not a historical source.\nAlpha Synthetic attended the meeting for the Ministry.',
  entities: [
    { id: 'person/synthetic-alpha', type: 'Person', name: 'Alpha Synthetic', description: 'Synthetic.' },
    { id: 'meeting/synthetic-m', type: 'Meeting', name: 'Synthetic meeting', description: 'Synthetic.' },
    { id: 'institution/synthetic-i', type: 'Institution', name: 'Ministry', description: 'Synthetic.' },
  ],
  relationships: [
    {
      type: 'ATTENDED',
      from: 'person/synthetic-alpha',
      to: 'meeting/synthetic-m',
      quote: 'Alpha Synthetic attended',
    },
    {
      type: 'REPRESENTED',
      from: 'person/synthetic-alpha',
      to: 'institution/synthetic-i',
      context: 'meeting/synthetic-m',
      quote: 'for the Ministry',
    },
  ],
});
const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    return (err as ExtractionError).problems;
  }
  return [];
};

describe('a bundle in memory', () => {
  it('validates against the text given', () => {
    const v = validateDocument('unit.json', b.extraction, b.text);
    expect(v.relationships.map((r) => r.id)).toEqual([
      `${DOC}#ATTENDED:person/synthetic-alpha->meeting/synthetic-m`,
      `${DOC}#REPRESENTED:person/synthetic-alpha->institution/synthetic-i`,
    ]);
    expect(
      problems(() =>
        validateDocument('unit.json', b.extraction, `${b.text.slice(0, 60)}X${b.text.slice(61)}`),
      ),
    ).toEqual([
      expect.stringMatching(
        /^relationships\[0\] ATTENDED .* evidence\[0\]: quote "Alpha Synthetic attended" is not in the text/,
      ),
    ]);
  });
  it('finds the text by its file name, or says it is missing', () => {
    expect(problems(() => validateDocument('unit.json', b.extraction, () => null))).toEqual([
      'document.textFile: synthetic-test-unit.txt not found',
    ]);
  });
  it('keeps an id given to a relationship only when it starts with the document’s', () => {
    const x = structuredClone(b.extraction);
    x.relationships[0].id = 'document/other#ATTENDED:x';
    expect(problems(() => validateDocument('unit.json', x, b.text))).toEqual([
      expect.stringContaining(`id document/other#ATTENDED:x must start with "${DOC}#"`),
    ]);
    x.relationships[0].id = `${DOC}#kept`;
    expect(validateDocument('unit.json', x, b.text).relationships[0]?.id).toBe(`${DOC}#kept`);
  });
  it('is refused over the size limit, with the limit in the message', () => {
    const v = validateDocument('unit.json', b.extraction, b.text);
    expect(() => checkSize(v, 6)).not.toThrow();
    expect(problems(() => checkSize(v, 5))).toEqual([
      'holds 6 rows (the document, 3 entities, 2 relationships); one import writes at most 5 in its one transaction',
    ]);
  });
});

describe('resolved ids', () => {
  it('rewrites a matched id everywhere: ends, meeting contexts and the relationship ids derived from them', () => {
    const v = validateDocument('unit.json', b.extraction, b.text);
    const m = (id: string, existingId: string): Match => ({
      id,
      existingId,
      type: 'Person',
      name: '',
      how: 'alias',
      key: null,
    });
    const r = resolved(
      v,
      new Map([
        ['person/synthetic-alpha', m('person/synthetic-alpha', 'person/deng-xiaoping')],
        ['meeting/synthetic-m', m('meeting/synthetic-m', 'meeting/chervonenko-deng-1959-11-06')],
      ]),
    );
    expect(r.extraction.entities.map((e) => e.id)).toEqual([
      'person/deng-xiaoping',
      'meeting/chervonenko-deng-1959-11-06',
      'institution/synthetic-i',
    ]);
    expect(r.relationships.map((x) => [x.id, x.context ?? null])).toEqual([
      [`${DOC}#ATTENDED:person/deng-xiaoping->meeting/chervonenko-deng-1959-11-06`, null],
      [
        `${DOC}#REPRESENTED:person/deng-xiaoping->institution/synthetic-i`,
        'meeting/chervonenko-deng-1959-11-06',
      ],
    ]);
    expect(r.types.get('person/deng-xiaoping')).toBe('Person');
  });
});

describe('passages and the report', () => {
  it('tells passages apart by place and quote', () => {
    const before = { quotes: ['a', 'b'], starts: [0, 5], ends: [1, 6] };
    expect(passagesDiff(before, { quotes: ['b', 'c'], starts: [5, 9], ends: [6, 10] })).toEqual({
      added: 1,
      removed: 1,
    });
    expect(passagesDiff(before, before)).toEqual({ added: 0, removed: 0 });
  });
  it('prints one summary line and the details an editor reads', () => {
    const report: ImportReport = {
      file: 'x.json',
      documentId: DOC,
      dryRun: true,
      newDocument: true,
      created: [{ id: 'person/synthetic-alpha', type: 'Person', name: 'Alpha Synthetic' }],
      matched: [
        {
          id: 'person/synthetic-b',
          existingId: 'person/deng-xiaoping',
          type: 'Person',
          name: 'Deng Xiaoping',
          how: 'alias',
          key: 'teng hsiao p ing',
        },
      ],
      updated: [],
      released: [],
      removed: [],
      relationships: { added: 2, updated: 0, unchanged: 0, removed: 0 },
      passages: { added: 2, removed: 0 },
      candidates: [],
      warnings: ['a warning'],
      change: null,
      rows: 6,
      seconds: 2,
      candidateSeconds: 0,
      phases: noPhases(),
    };
    expect(summaryLine(report)).toBe(
      `x.json: ${DOC} (new): 2 entities (1 created, 1 matched), 2 relationships (2 added, 0 updated, 0 unchanged), 2 passages added, 0 with candidates, 1 warnings in 2.0 s (3 rows/s); nothing written (--check)`,
    );
    expect(detailLines(report)).toEqual([
      '  matched:',
      '    person/synthetic-b → person/deng-xiaoping "Deng Xiaoping" (by alias: teng hsiao p ing)',
      '  warnings:',
      '    a warning',
    ]);
  });
  it('looks for a text beside the extraction, in texts/ beside it, then in ../texts/', () => {
    expect(textPlaces('/a/b/x.json', 't.txt')).toEqual(['/a/b/t.txt', '/a/b/texts/t.txt', '/a/texts/t.txt']);
  });
});

describe('the bundle export’s entries', () => {
  it('writes a relationship’s key, or its id when it is not the one its ends give', () => {
    const row = (id: string) => ({
      type: 'ATTENDED',
      from: 'person/a',
      to: 'meeting/m',
      props: { id, quotes: ['q'], starts: [1], ends: [2], certainties: ['inferred'], reasonings: ['why'] },
    });
    const w: string[] = [];
    expect(relationshipEntry(row(`${DOC}#ATTENDED:person/a->meeting/m`), DOC, w)).toEqual({
      type: 'ATTENDED',
      from: 'person/a',
      to: 'meeting/m',
      evidence: [{ quote: 'q', start: 1, end: 2, certainty: 'inferred', reasoning: 'why' }],
    });
    expect(relationshipEntry(row(`${DOC}#ATTENDED:person/a->meeting/m:second`), DOC, w)).toMatchObject({
      key: 'second',
    });
    expect(relationshipEntry(row(`${DOC}#ATTENDED:person/b->meeting/m`), DOC, w)).toMatchObject({
      id: `${DOC}#ATTENDED:person/b->meeting/m`,
    });
    expect(w).toEqual([]);
  });
  it('puts each alias in the bundle of the document that gave it; an unsourced one in the first source’s', () => {
    const props = {
      name: 'N',
      aliases: ['A', 'B', 'C'],
      aliasGiven: ['A', 'B', 'N'],
      aliasGivenBy: ['document/one', 'document/two', 'document/two'],
      sources: ['document/one', 'document/two'],
    };
    expect(aliasesFrom(props, 'document/one')).toEqual(['A', 'C']);
    expect(aliasesFrom(props, 'document/two')).toEqual(['B', 'N']);
  });
  it('writes a document’s sections from their stored offsets', () => {
    const text = 'Citation line\nBody text.';
    const entry = documentEntry(
      {
        id: DOC,
        type: 'Document',
        props: {
          title: 'T',
          description: 'D',
          text,
          citation: 'Citation line',
          citationStart: 0,
          body: 'Body text.',
          bodyStart: 14,
          dateValue: '2000',
          datePrecision: 'year',
          language: 'en',
        },
        identifiers: [],
      },
      'x.txt',
      [],
    );
    expect(entry.sections).toEqual({ citation: { start: 0, end: 13 }, body: { start: 14, end: 24 } });
    expect(entry.date).toEqual({ value: '2000', precision: 'year', certainty: 'stated' });
  });
});
