// Linked data without a database: URIs round-trip to ids, content negotiation, and Web Annotation
// selectors counted in code points for text with characters outside the Basic Multilingual Plane.
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/data/types.ts';
import { describeEvidence } from '../../../src/linked/describe.ts';
import { negotiate } from '../../../src/linked/formats.ts';
import { codePointOffset } from '../../../src/linked/positions.ts';
import { relationClass } from '../../../src/linked/vocabulary.ts';
import { makeUris, resolvePath } from '../../../src/uris.ts';

const uris = makeUris('https://graph.example.org');
const CLAIM = 'document/memcon-x#ATTENDED:person/deng-xiaoping->meeting/m-1959';

describe('URIs', () => {
  it('mints readable URIs and reads them back into ids', () => {
    expect(uris.entity('person/deng-xiaoping')).toBe('https://graph.example.org/id/person/deng-xiaoping');
    expect(uris.relationship(CLAIM)).toBe(
      'https://graph.example.org/id/claim/memcon-x/attended/person/deng-xiaoping/meeting/m-1959',
    );
    const path = (u: string) => u.slice('https://graph.example.org/id/'.length);
    expect(resolvePath(path(uris.relationship(CLAIM)))).toEqual({
      kind: 'relationship',
      relationshipId: CLAIM,
    });
    expect(resolvePath(path(uris.evidence(CLAIM, 2)))).toEqual({
      kind: 'evidence',
      relationshipId: CLAIM,
      index: 2,
    });
    expect(resolvePath(path(uris.documentText('document/memcon-x')))).toEqual({
      kind: 'text',
      documentId: 'document/memcon-x',
    });
    expect(resolvePath('person/deng-xiaoping')).toEqual({ kind: 'entity', id: 'person/deng-xiaoping' });
    const keyed = 'document/d#HELD_POSITION:person/a->institution/b:ambassador 1959';
    expect(resolvePath(path(uris.relationship(keyed)))).toEqual({
      kind: 'relationship',
      relationshipId: keyed,
    });
  });

  it('names nothing for paths it could not have made', () => {
    for (const p of [
      'person',
      'person/Deng',
      'claim/x/y',
      'claim/d/nope/person/a/meeting/b',
      'claim/d/attended/person/a/meeting/b/evidence/0',
      '../etc/passwd',
    ]) {
      expect(resolvePath(p)).toBeUndefined();
    }
  });
});

describe('content negotiation', () => {
  it.each([
    [null, 'application/ld+json'],
    ['*/*', 'application/ld+json'],
    ['application/json', 'application/ld+json'],
    ['text/turtle', 'text/turtle'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html'],
    ['application/n-quads;q=0.5, text/turtle;q=0.9', 'text/turtle'],
    ['text/*', 'text/turtle'],
    ['image/png', undefined],
    ['text/turtle;q=0', undefined],
  ])('Accept %s → %s', (accept, expected) => {
    expect(negotiate(accept)).toBe(expected);
  });
});

describe('Web Annotation selectors', () => {
  // 𝔘 and 😀 are outside the BMP: two UTF-16 units, one code point each
  const text = 'Before 𝔘𝔫𝔦 the quote 😀 here, and after.';
  const quote = 'the quote 😀 here';
  const start = text.indexOf(quote);
  const ev: Evidence = {
    relationshipId: CLAIM,
    index: 1,
    documentId: 'document/memcon-x',
    quote,
    start,
    end: start + quote.length,
    certainty: 'inferred',
    reasoning: 'because',
    layer: 'body',
    attests: null,
  };

  it('counts positions in code points, not UTF-16 units', () => {
    expect(codePointOffset(text, start)).toBe(start - 3);
    expect(codePointOffset('😀', 2)).toBe(1);
    const points = Array.from(text);
    const ann = describeEvidence(ev, CLAIM, text, uris) as {
      onTarget: {
        selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }];
      };
    };
    const [q, p] = ann.onTarget.selector;
    expect(points.slice(p.start, p.end).join('')).toBe(quote);
    expect(q.exact).toBe(quote);
    expect(`${q.prefix}${q.exact}${q.suffix}`).toBe(text);
  });

  it('keeps at most 32 code points of context on either side', () => {
    const long = `${'𝔘'.repeat(40)}${quote}${'😀'.repeat(40)}`;
    const s = long.indexOf(quote);
    const ann = describeEvidence({ ...ev, start: s, end: s + quote.length }, CLAIM, long, uris) as {
      onTarget: { selector: [{ prefix: string; suffix: string }] };
    };
    expect(Array.from(ann.onTarget.selector[0].prefix)).toHaveLength(32);
    expect(Array.from(ann.onTarget.selector[0].suffix)).toHaveLength(32);
  });

  it('names relationship classes in the graph namespace', () => {
    expect(relationClass('HELD_POSITION')).toBe('cwg:HeldPosition');
  });
});

describe('the committed JSON-LD context', () => {
  it('is what the code serves for the default base (npm run schema:print writes it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { contextDocument } = await import('../../../src/linked/vocabulary.ts');
    const committed = JSON.parse(
      readFileSync(new URL('../../../schema/context.jsonld', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(contextDocument('http://localhost:4000'));
  });
});
