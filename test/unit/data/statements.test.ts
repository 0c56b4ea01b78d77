// The rules behind issue 13, without a database: the statement that finds statements, the layer of
// a passage, how a post is known at a date, and the kind of tie a path makes.
import { describe, expect, it } from 'vitest';
import type { PathRow } from '../../../src/data/paths.ts';
import { statementsStatement } from '../../../src/data/statements.ts';
import { termBasis, termOverlaps } from '../../../src/dates.ts';
import type { RelationshipType } from '../../../src/model.ts';
import { layerOf } from '../../../src/seed/validate.ts';
import { tieKind } from '../../../src/ties.ts';
import { show } from './show.ts';

describe('statements', () => {
  it('finds statements by speaker, addressee, subject, topic and kind, in the order of their passages', () => {
    const s = statementsStatement({ speaker: 'person/deng-xiaoping', topic: 'unity', offset: 0, limit: 20 });
    expect(s.params).toMatchObject({
      speaker: 'person/deng-xiaoping',
      topic: 'unity',
      about: null,
      kind: null,
    });
    expect(show(s)).toMatchInlineSnapshot(`
      {
        "cypher": "/* statements */
      MATCH (s:Statement)
           WHERE ($kind IS NULL OR s.statementKind = $kind)
             AND ($topic IS NULL OR $topic IN s.topics)
             AND ($speaker IS NULL OR EXISTS { (:Entity {id: $speaker})-[:SAID]->(s) })
             AND ($addressee IS NULL OR EXISTS { (s)-[:ADDRESSED_TO]->(:Entity {id: $addressee}) })
             AND ($about IS NULL OR EXISTS { (s)-[:ABOUT]->(:Entity {id: $about}) })
           OPTIONAL MATCH (s)<-[said:SAID]-(:Entity)
           WITH s, min([coalesce(said.source, ''), coalesce(said.starts[0], 0)]) AS at
           ORDER BY at, s.id
           WITH collect(s) AS found
           RETURN size(found) AS total, [x IN found[$offset..($offset + $limit)] | {labels: labels(x), props: properties(x)}] AS rows",
        "name": "statements",
        "params": {
          "about": null,
          "addressee": null,
          "kind": null,
          "limit": "int(20)",
          "offset": "int(0)",
          "speaker": "person/deng-xiaoping",
          "topic": "unity",
        },
      }
    `);
  });
});

describe('evidence layers', () => {
  const text = 'Summary.\n"Title," citation.\nBody with [USSR] embassy and [my] word.';
  const sections = {
    summary: { start: 0, end: 8 },
    citation: { start: 9, end: 27 },
    body: { start: 28, end: text.length },
  };
  const at = (quote: string) => {
    const start = text.indexOf(quote);
    return layerOf(text, sections, start, start + quote.length);
  };
  it('tells the archive’s description, the body and a bracketed insertion apart', () => {
    expect(at('Summary')).toBe('archival');
    expect(at('citation')).toBe('archival');
    expect(at('Body with')).toBe('body');
    expect(at('[USSR]')).toBe('editorial');
    expect(at('USSR')).toBe('editorial');
    expect(at('my')).toBe('editorial');
    // a body passage that contains an insertion is still the body
    expect(at('[USSR] embassy')).toBe('body');
    expect(layerOf(text, sections, 5, 12)).toBeNull();
  });
});

describe('posts over time', () => {
  const day = (d: string) => ({ earliest: d, latest: d });
  const post = { attestations: [day('1959-11-06'), day('1959-12-08')] };
  it('counts a day between two attestations of one post, and says so', () => {
    expect(termOverlaps(post, day('1959-11-20'))).toBe(true);
    expect(termBasis(post, day('1959-11-20'))).toBe('between-attestations');
    expect(termBasis(post, day('1959-12-08'))).toBe('attested');
    expect(termBasis(post, { earliest: '1959-11-01', latest: '1959-11-30' })).toBe('attested');
    expect(termBasis(post, day('1959-12-09'))).toBeNull();
    expect(termBasis({ startDate: { earliest: '1959-01-01' } }, day('1960-01-01'))).toBe('term');
  });
});

describe('ties', () => {
  const path = (...types: RelationshipType[]) =>
    ({ nodes: [], relationships: types.map((type) => ({ type })) }) as unknown as PathRow;
  it('names the kind of tie a path makes', () => {
    expect(tieKind(path('ATTENDED', 'ATTENDED'))).toBe('co-attendance');
    expect(tieKind(path('EXPECTED_TO_MEET'))).toBe('direct');
    expect(tieKind(path('SAID', 'ABOUT'))).toBe('statement');
    expect(tieKind(path('ADDRESSED_TO', 'ABOUT'))).toBe('chain');
    expect(tieKind(path('MENTIONS', 'MENTIONS'))).toBe('shared-mention');
    expect(tieKind(path('ATTENDED', 'REPRESENTED', 'PART_OF'))).toBe('chain');
  });
});
