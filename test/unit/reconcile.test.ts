// The reconciliation service without a database (src/reconcile/): reading batches and extension
// queries (every refusal names the query and field), the score with property constraints, the
// constraint checks against an entity's facts, the preview's choice of passage and its escaping,
// prefix ranking for suggest, and the manifest.
import { describe, expect, it } from 'vitest';
import type { FactsRow } from '../../src/data/reconcile.ts';
import type { EntityRow, RelationshipRow } from '../../src/data/types.ts';
import { CodedError } from '../../src/errors.ts';
import { activeOn, externalIdMatches, meets, valueNames } from '../../src/reconcile/constraints.ts';
import { dateOf, parseBatch, parseExtend } from '../../src/reconcile/parse.ts';
import { bestPassage, escapeHtml } from '../../src/reconcile/preview.ts';
import { combinedScore } from '../../src/reconcile/query.ts';
import {
  prefixRank,
  proposeProperties,
  suggestProperties,
  suggestTypes,
} from '../../src/reconcile/suggest.ts';
import { entityIdGiven, manifest, typeNamed } from '../../src/reconcile/vocabulary.ts';
import { makeUris } from '../../src/uris.ts';
import { entityRow } from './rows.ts';

const uris = makeUris('https://graph.example.org');

function refusal(call: () => unknown): CodedError {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(CodedError);
    return err as CodedError;
  }
  throw new Error('expected a refusal');
}

describe('parseBatch', () => {
  it('reads what OpenRefine sends', () => {
    const batch = parseBatch(
      JSON.stringify({
        q0: { query: 'Deng Xiaoping', type: 'Person', type_strict: 'should' },
        q1: {
          query: 'Chervonenko',
          type: ['person', 'https://graph.example.org/ns#Institution'],
          limit: 100,
          properties: [
            { pid: 'heldPositionAt', v: { id: 'institution/ussr-embassy-prc', name: 'Embassy' } },
            { pid: 'dateActive', v: ['1959', '1959-12-08T00:00:00Z'] },
          ],
        },
        q2: { properties: [{ pid: 'attended', v: 'meeting/x' }] },
      }),
      uris,
    );
    expect(batch.map((q) => [q.key, q.text, q.types, q.typeStrict, q.limit])).toEqual([
      ['q0', 'Deng Xiaoping', ['Person'], 'should', 10],
      // a limit above the bound is lowered to it
      ['q1', 'Chervonenko', ['Person', 'Institution'], 'should', 25],
      ['q2', undefined, [], 'should', 10],
    ]);
    expect(batch[1]?.properties.map((p) => [p.pid, p.values, p.dates])).toEqual([
      ['heldPositionAt', [{ id: 'institution/ussr-embassy-prc', name: 'Embassy' }], []],
      [
        'dateActive',
        ['1959', '1959-12-08T00:00:00Z'],
        [
          { earliest: '1959-01-01', latest: '1959-12-31' },
          { earliest: '1959-12-08', latest: '1959-12-08' },
        ],
      ],
    ]);
  });

  it.each<[string, string, string, RegExp]>([
    ['not JSON', '{', 'BAD_REQUEST', /"queries" field is not valid JSON/],
    ['null', 'null', 'BAD_REQUEST', /must be a JSON object of queries by key/],
    ['a number as a query', '{"q0": 3}', 'BAD_REQUEST', /^q0: a query is an object/],
    [
      'a query that is not a string',
      '{"q0": {"query": 3}}',
      'BAD_REQUEST',
      /^q0\.query: must be a non-empty string/,
    ],
    ['a fractional limit', '{"q0": {"query": "x", "limit": 1.5}}', 'BAD_REQUEST', /^q0\.limit/],
    [
      'a type list with a number',
      '{"q0": {"query": "x", "type": ["Person", 3]}}',
      'BAD_REQUEST',
      /^q0\.type/,
    ],
    [
      'properties not a list',
      '{"q0": {"query": "x", "properties": {}}}',
      'BAD_REQUEST',
      /^q0\.properties: must be a list/,
    ],
    [
      'a property value that is an object without id',
      '{"q0": {"query": "x", "properties": [{"pid": "attended", "v": {"name": "x"}}]}}',
      'BAD_REQUEST',
      /^q0\.properties\[0\]\.v: a value is/,
    ],
    [
      'an empty list of values',
      '{"q0": {"query": "x", "properties": [{"pid": "attended", "v": []}]}}',
      'BAD_REQUEST',
      /give at least one value/,
    ],
    [
      'a property only extension knows',
      '{"q0": {"query": "x", "properties": [{"pid": "aliases", "v": "x"}]}}',
      'BAD_REQUEST',
      /"aliases" is not a property queries can use; they are heldPositionAt, positions, represented, attended, participatedIn, partOf, dateActive, externalIds, wikidata/,
    ],
    [
      '21 queries',
      JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i}`, { query: 'x' }]))),
      'QUERY_TOO_LARGE',
      /at most 20 queries/,
    ],
    [
      'a query of 17 words',
      JSON.stringify({ q0: { query: 'a '.repeat(17) } }),
      'QUERY_TOO_LARGE',
      /16 words/,
    ],
    [
      'a key of 101 characters',
      JSON.stringify({ ['k'.repeat(101)]: { query: 'x' } }),
      'QUERY_TOO_LARGE',
      /key/,
    ],
    [
      '11 properties',
      JSON.stringify({
        q0: { query: 'x', properties: Array.from({ length: 11 }, () => ({ pid: 'attended', v: 'x' })) },
      }),
      'QUERY_TOO_LARGE',
      /at most 10/,
    ],
    [
      'a value of 201 characters',
      JSON.stringify({ q0: { query: 'x', properties: [{ pid: 'attended', v: 'x'.repeat(201) }] } }),
      'QUERY_TOO_LARGE',
      /at most 200 characters/,
    ],
  ])('refuses %s', (_what, json, code, message) => {
    const e = refusal(() => parseBatch(json, uris));
    expect(e.extensions.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('keeps a key such as __proto__ a plain key', () => {
    const [q] = parseBatch('{"__proto__": {"query": "Deng"}}', uris);
    expect(q?.key).toBe('__proto__');
  });
});

describe('parseExtend', () => {
  it('reads ids, properties and the limit setting', () => {
    expect(
      parseExtend(
        JSON.stringify({
          ids: ['person/x'],
          properties: [{ id: 'aliases', settings: { limit: '2' } }, { id: 'uri' }],
        }),
      ),
    ).toMatchObject({
      ids: ['person/x'],
      properties: [
        { property: { id: 'aliases' }, limit: 2 },
        { property: { id: 'uri' }, limit: 0 },
      ],
    });
  });

  it.each([
    ['no ids', '{"properties": []}', /"extend" field must be a JSON object/],
    ['ids that are not strings', '{"ids": [1], "properties": []}', /extend\.ids/],
    [
      'a property queries use but extension does not',
      '{"ids": [], "properties": [{"id": "dateActive"}]}',
      /"dateActive" is not a property this service can fetch/,
    ],
    [
      'a negative limit',
      '{"ids": [], "properties": [{"id": "aliases", "settings": {"limit": -1}}]}',
      /settings\.limit/,
    ],
  ])('refuses %s', (_what, json, message) => {
    expect(refusal(() => parseExtend(json)).message).toMatch(message);
  });
});

describe('dateOf', () => {
  it('reads years, months, days, numbers and the ISO date-times OpenRefine sends', () => {
    expect(dateOf('1959')).toEqual({ earliest: '1959-01-01', latest: '1959-12-31' });
    expect(dateOf(1959)).toEqual({ earliest: '1959-01-01', latest: '1959-12-31' });
    expect(dateOf('1959-11')).toEqual({ earliest: '1959-11-01', latest: '1959-11-30' });
    expect(dateOf('1959-11-06T00:00:00Z')).toEqual({ earliest: '1959-11-06', latest: '1959-11-06' });
    expect(dateOf('1959-11-06T00:00:00.000+01:00')).toEqual({ earliest: '1959-11-06', latest: '1959-11-06' });
    expect(dateOf('6 November 1959')).toBeUndefined();
    expect(dateOf('1959-02-30')).toBeUndefined();
    expect(dateOf(true)).toBeUndefined();
  });
});

describe('combinedScore', () => {
  it('keeps the name score without properties', () => {
    expect(combinedScore(87, 0, 0)).toBe(87);
  });
  it('halves the score when every constraint is missed', () => {
    expect(combinedScore(100, 0, 1)).toBe(50);
    expect(combinedScore(100, 1, 2)).toBe(75);
  });
  it('closes half the distance to 100 when all are met and the name scores 70 or more', () => {
    expect(combinedScore(80, 1, 1)).toBe(90);
    expect(combinedScore(100, 1, 1)).toBe(100);
    // a poor name is not lifted by its properties
    expect(combinedScore(60, 1, 1)).toBe(60);
  });
});

const facts = (over: Partial<FactsRow> = {}): FactsRow => ({
  id: 'person/x',
  positions: [],
  represented: [],
  attended: [],
  participatedIn: [],
  partOf: [],
  externalIds: [],
  own: { earliest: null, latest: null },
  terms: [],
  linked: [],
  ...over,
});
const EMBASSY = {
  id: 'institution/ussr-embassy-prc',
  name: 'Embassy of the USSR in the PRC',
  aliases: ['Soviet embassy in China'],
};
const USSR = {
  id: 'institution/ussr',
  name: 'Union of Soviet Socialist Republics',
  aliases: ['USSR', 'Soviet Union'],
};

describe('property constraints', () => {
  const ambassador = facts({
    positions: [{ ...EMBASSY, title: 'Ambassador of the USSR in the PRC', within: [USSR] }],
    terms: [{ start: null, end: null, attestedEarliest: '1959-12-08', attestedLatest: '1959-12-08' }],
    linked: [{ earliest: '1959-11-06', latest: '1959-11-06' }],
    externalIds: ['wikidata:Q1', 'viaf:123'],
  });
  const constraint = (
    pid: string,
    values: unknown[],
    dates: { earliest: string; latest: string }[] = [],
  ) => ({ pid, property: { id: pid } as never, values: values as never, dates });

  it('names an entity by id, URI, reconciled value or by words all matching a name', () => {
    expect(valueNames('institution/ussr', USSR, uris)).toBe(true);
    expect(valueNames('https://graph.example.org/id/institution/ussr', USSR, uris)).toBe(true);
    expect(valueNames({ id: 'institution/ussr' }, USSR, uris)).toBe(true);
    expect(valueNames('Soviet Union', USSR, uris)).toBe(true);
    expect(valueNames('soviet uniom', USSR, uris)).toBe(true);
    expect(valueNames('Soviet Russia', USSR, uris)).toBe(false);
    expect(valueNames('institution/prc', USSR, uris)).toBe(false);
    expect(valueNames(3, USSR, uris)).toBe(false);
  });

  it('holds a post at an institution or at what it is part of', () => {
    expect(meets(constraint('heldPositionAt', ['Soviet embassy']), ambassador, uris)).toBe(true);
    expect(meets(constraint('heldPositionAt', ['USSR']), ambassador, uris)).toBe(true);
    expect(
      meets(constraint('heldPositionAt', ['institution/prc', 'institution/ussr']), ambassador, uris),
    ).toBe(true);
    expect(meets(constraint('heldPositionAt', ['institution/prc']), ambassador, uris)).toBe(false);
    expect(meets(constraint('heldPositionAt', ['USSR']), undefined, uris)).toBe(false);
  });

  it('matches the words of a title, with its institution', () => {
    expect(meets(constraint('positions', ['Ambassador']), ambassador, uris)).toBe(true);
    expect(meets(constraint('positions', ['ambassador soviet embassy']), ambassador, uris)).toBe(true);
    expect(meets(constraint('positions', ['Counselor']), ambassador, uris)).toBe(false);
  });

  it('checks activity against terms, linked dates and the own date', () => {
    expect(activeOn(ambassador, { earliest: '1959-12-01', latest: '1959-12-31' })).toBe(true);
    expect(activeOn(ambassador, { earliest: '1959-11-06', latest: '1959-11-06' })).toBe(true);
    expect(activeOn(ambassador, { earliest: '1960-01-01', latest: '1960-12-31' })).toBe(false);
    expect(
      activeOn(facts({ own: { earliest: '1957-01-01', latest: '1957-12-31' } }), {
        earliest: '1957-11-07',
        latest: '1957-11-07',
      }),
    ).toBe(true);
    expect(activeOn(facts(), { earliest: '0000-01-01', latest: '9999-12-31' })).toBe(false);
    expect(
      meets(
        constraint('dateActive', ['1959'], [{ earliest: '1959-01-01', latest: '1959-12-31' }]),
        ambassador,
        uris,
      ),
    ).toBe(true);
  });

  it('matches external ids with or without their scheme, and Wikidata URIs', () => {
    expect(externalIdMatches('wikidata:Q1', ambassador.externalIds, false)).toBe(true);
    expect(externalIdMatches('Wikidata:Q1', ambassador.externalIds, false)).toBe(true);
    expect(externalIdMatches('123', ambassador.externalIds, false)).toBe(true);
    expect(externalIdMatches('viaf:124', ambassador.externalIds, false)).toBe(false);
    expect(externalIdMatches('http://www.wikidata.org/entity/Q1', ambassador.externalIds, true)).toBe(true);
    expect(externalIdMatches('https://www.wikidata.org/wiki/q1', ambassador.externalIds, true)).toBe(true);
    expect(externalIdMatches('123', ambassador.externalIds, true)).toBe(false);
    expect(externalIdMatches({ id: 'x' }, ambassador.externalIds, false)).toBe(false);
  });
});

const entity = (over: Partial<EntityRow>): EntityRow =>
  entityRow({ id: 'person/deng-xiaoping', name: 'Deng Xiaoping', aliases: ["Teng Hsiao-p'ing"], ...over });

const rel = (
  type: RelationshipRow['type'],
  quotes: [string, 'stated' | 'inferred', number][],
): RelationshipRow => ({
  id: `document/d#${type}:person/deng-xiaoping->institution/x`,
  type,
  from: 'person/deng-xiaoping',
  to: 'institution/x',
  role: null,
  title: null,
  context: null,
  reference: null,
  startDate: null,
  endDate: null,
  attestedDate: null,
  certainty: 'stated',
  evidence: quotes.map(([quote, certainty, start], i) => ({
    relationshipId: `document/d#${type}:person/deng-xiaoping->institution/x`,
    index: i + 1,
    documentId: 'document/d',
    quote,
    start,
    end: start + quote.length,
    certainty,
    reasoning: null,
    layer: 'body' as const,
    attests: null,
  })),
  statement: null,
  attestations: [],
  archivalReference: null,
});

describe('bestPassage', () => {
  it('prefers a passage that names the entity, then stated, then not a mere mention, then the earliest', () => {
    const e = entity({});
    const best = (rels: RelationshipRow[]) => bestPassage(e, rels)?.ev.quote;
    expect(
      best([
        rel('MENTIONS', [['DENG XIAOPING said', 'stated', 10]]),
        rel('HELD_POSITION', [['the General Secretary', 'stated', 5]]),
      ]),
    ).toBe('DENG XIAOPING said');
    expect(
      best([
        rel('HELD_POSITION', [['Teng Hsiao-ping spoke', 'inferred', 1]]),
        rel('ATTENDED', [['comrade Deng Xiaoping', 'stated', 90]]),
      ]),
    ).toBe('comrade Deng Xiaoping');
    expect(
      best([
        rel('MENTIONS', [['Deng Xiaoping', 'stated', 1]]),
        rel('ATTENDED', [['Deng Xiaoping came', 'stated', 50]]),
      ]),
    ).toBe('Deng Xiaoping came');
    expect(
      best([
        rel('ATTENDED', [
          ['Deng Xiaoping late', 'stated', 50],
          ['Deng Xiaoping early', 'stated', 20],
        ]),
      ]),
    ).toBe('Deng Xiaoping early');
    expect(bestPassage(e, [])).toBeUndefined();
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('suggest', () => {
  it('ranks a name that begins with the prefix, then words that begin with the words, then close names', () => {
    expect(prefixRank('Deng X', ['Deng Xiaoping'])).toBe(3);
    expect(prefixRank('dengxiao', ['Deng Xiaoping'])).toBe(3);
    expect(prefixRank('Xiao Deng', ['Deng Xiaoping'])).toBe(2);
    expect(prefixRank('Deng Xiaopng', ['Deng Xiaoping'])).toBe(1);
    expect(prefixRank('Mao', ['Deng Xiaoping'])).toBe(0);
    expect(prefixRank('', ['Deng Xiaoping'])).toBe(0);
  });

  it('completes types and properties by the beginning of their ids or name words', () => {
    expect(suggestTypes('ev', 0).map((t) => t.id)).toEqual(['Event']);
    expect(suggestTypes('', 0)).toHaveLength(6);
    expect(suggestTypes('', 5)).toHaveLength(1);
    expect(suggestProperties('position', 0).map((p) => p.id)).toEqual(['heldPositionAt', 'positions']);
    expect(suggestProperties('wiki', 0).map((p) => p.id)).toEqual(['wikidata']);
  });

  it('proposes for a type the properties extension can fetch', () => {
    expect(proposeProperties('Place', undefined)).toEqual({
      type: 'Place',
      properties: [
        { id: 'externalIds', name: 'External identifiers' },
        { id: 'wikidata', name: 'Wikidata item' },
        { id: 'aliases', name: 'Aliases' },
        { id: 'description', name: 'Description' },
        { id: 'uri', name: 'URI' },
      ],
    });
  });
});

describe('vocabulary', () => {
  it('reads types and ids as clients give them', () => {
    expect(typeNamed('Person', uris)).toBe('Person');
    expect(typeNamed('meeting', uris)).toBe('Meeting');
    expect(typeNamed('https://graph.example.org/ns#Event', uris)).toBe('Event');
    expect(typeNamed('Spy', uris)).toBeUndefined();
    expect(entityIdGiven(' https://graph.example.org/id/person%2Fdeng-xiaoping ', uris)).toBe(
      'person/deng-xiaoping',
    );
    expect(entityIdGiven('person/deng-xiaoping', uris)).toBe('person/deng-xiaoping');
  });

  it('builds the manifest under the public base', () => {
    const m = manifest(uris);
    expect(m).toMatchObject({
      versions: ['0.2'],
      identifierSpace: 'https://graph.example.org/id/',
      schemaSpace: 'https://graph.example.org/ns#',
      view: { url: 'https://graph.example.org/id/{{id}}' },
      preview: { url: 'https://graph.example.org/reconcile/preview?id={{id}}' },
      batchSize: 20,
    });
    expect(m.defaultTypes.map((t) => t.id)).toEqual([
      'Person',
      'Institution',
      'Meeting',
      'Document',
      'Event',
      'Place',
    ]);
  });
});
