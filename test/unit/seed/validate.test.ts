// The seed files without a database: the stored text is the page as received, every quote sits at
// its offsets, and a broken extraction file is rejected with a message that says where and why.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIR, validateAll } from '../../../src/seed/index.ts';
import { ExtractionError, validateExtraction } from '../../../src/seed/validate.ts';
import { brokenCopy, FILE, removeCopies } from '../../seed-files.ts';

afterAll(() => removeCopies());

describe('the stored text and extraction', () => {
  const [doc] = validateAll();
  it('keeps the memorandum text without page chrome', () => {
    expect(doc).toBeDefined();
    const text = doc?.text ?? '';
    expect(text).toContain(
      'Memorandum of Conversation\n\nwith the General Secretary of the CCP CC, DENG XIAOPING',
    );
    expect(text).toContain('[signature] (S. CHERVONENKO)');
    expect(text).not.toContain('It appears your Web browser');
    expect(text).not.toContain('share document');
    // the body and citation are copied unaltered from the page as it was received (seed/sources/)
    const source = readFileSync(join(SEED_DIR, 'sources', '000_37454c913c3dd27f.txt'), 'utf8');
    const body = doc
      ? text.slice(doc.extraction.document.sections.body.start, doc.extraction.document.sections.body.end)
      : '';
    expect(source).toContain(body);
    expect(source).toContain(
      doc?.extraction
        ? text.slice(
            doc.extraction.document.sections.citation.start,
            doc.extraction.document.sections.citation.end,
          )
        : '?',
    );
    expect(body.length).toBeGreaterThan(4000);
  });

  it('has every quote verbatim at its offsets', () => {
    const text = doc?.text ?? '';
    let n = 0;
    for (const r of doc?.relationships ?? []) {
      for (const e of r.evidence) {
        expect(text.slice(e.start, e.end)).toBe(e.quote);
        n++;
      }
    }
    expect(n).toBeGreaterThan(60);
  });

  it('gives reasoning for every inferred relationship', () => {
    for (const r of doc?.relationships ?? []) {
      for (const e of r.evidence) if (e.certainty === 'inferred') expect(e.reasoning, r.id).toBeTruthy();
    }
  });
});

describe('broken extraction files are rejected before anything is written', () => {
  function rejection(dir: string): string {
    try {
      validateExtraction(join(dir, 'extractions', FILE), join(dir, 'texts'));
    } catch (err) {
      expect(err).toBeInstanceOf(ExtractionError);
      return (err as Error).message;
    }
    throw new Error('expected the file to be rejected');
  }

  it('a quote that is not at its offsets', () => {
    const dir = brokenCopy((x) => {
      x.relationships[0].evidence[0].start += 3;
    });
    const msg = rejection(dir);
    expect(msg).toContain(FILE);
    expect(msg).toMatch(
      /relationships\[0\] ATTENDED person\/stepan-chervonenko -> meeting\/chervonenko-deng-1959-11-06 evidence\[0\]: quote "I had my first visit.*" is not in the text at \d+-\d+ \(it occurs at \d+-\d+\)/,
    );
  });

  it('a quote that is not in the text at all', () => {
    const dir = brokenCopy((x) => {
      x.relationships[1].evidence[0].quote = 'Deng Xiaoping met Mao';
    });
    expect(rejection(dir)).toContain('does not occur in the text at all');
  });

  it('an unknown relationship type', () => {
    const dir = brokenCopy((x) => {
      x.relationships[2].type = 'MARRIED';
    });
    expect(rejection(dir)).toMatch(/relationships\[2\].*type: Invalid option/);
  });

  it('a dangling id', () => {
    const dir = brokenCopy((x) => {
      x.relationships[3].from = 'person/nobody-at-all';
    });
    expect(rejection(dir)).toContain('dangling id person/nobody-at-all');
  });

  it('a duplicate id', () => {
    const dir = brokenCopy((x) => {
      x.entities[1].id = x.entities[0].id;
    });
    expect(rejection(dir)).toContain('entities[1] person/deng-xiaoping: duplicate id');
  });

  it('a malformed date', () => {
    const dir = brokenCopy((x) => {
      x.entities.find((e: { type: string }) => e.type === 'Meeting').date.value = '1959-11-31';
    });
    expect(rejection(dir)).toMatch(
      /meeting\/chervonenko-deng-1959-11-06 date: malformed date: "1959-11-31" has no day 31/,
    );
  });

  it('a date whose form does not match its precision', () => {
    const dir = brokenCopy((x) => {
      x.document.date = { value: '8 December 1959', precision: 'day' };
    });
    expect(rejection(dir)).toContain('document.date: malformed date');
  });

  it('broken JSON', () => {
    const dir = brokenCopy(() => undefined);
    writeFileSync(join(dir, 'extractions', FILE), '{ "format": ');
    expect(rejection(dir)).toMatch(/not valid JSON/);
  });
});
