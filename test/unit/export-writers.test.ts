// The export writers without a database: XML escaping for any string (property-based), GraphML and
// GEXF that graphology's own parsers read back with every attribute intact, CSV that csv-parse reads
// back, code-point offsets and quote context, read-ahead paging, and the checks on what is asked.
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import GraphClass from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { GraphConstructor } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import type { EntityRow, RelationshipRow } from '../../src/data/types.ts';
import { DatabaseTimeoutError, DatabaseUnavailableError } from '../../src/errors.ts';
import { EDGE_COLUMNS, edgesCsvWriter, NODE_COLUMNS, nodesCsvWriter } from '../../src/export/csv.ts';
import { relationshipUri } from '../../src/export/exporter.ts';
import { FORMATS } from '../../src/export/formats.ts';
import { gexfWriter } from '../../src/export/gexf.ts';
import { graphmlWriter } from '../../src/export/graphml.ts';
import { pageReader, readAhead } from '../../src/export/pages.ts';
import { parseExportRequest } from '../../src/export/request.ts';
import { downloadName } from '../../src/export/route.ts';
import type { ExportEdge, ExportInfo, ExportNode, ExportWriter } from '../../src/export/writer.ts';
import { escapeAttribute, escapeText, xmlChars } from '../../src/export/xml.ts';
import { after, before, codePoints, indexText } from '../../src/linked/positions.ts';
import { makeUris } from '../../src/uris.ts';
import { entityRow } from './rows.ts';
import { thrown } from './thrown.ts';

// graphology's types describe an ES module, its package is CommonJS: the default import is the class
const Graph = GraphClass as unknown as GraphConstructor;
const uris = makeUris('http://test');
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Any UTF-16 string: markup, whitespace, controls, lone surrogates, astral characters. */
const anyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '&',
      '<',
      '>',
      '"',
      "'",
      '\t',
      '\n',
      '\r',
      '\r\n',
      ']]>',
      '\u0000',
      '\u0001',
      '\uFFFE',
      '\uD800',
    ),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

function strictXml(xml: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
}

describe('XML escaping', () => {
  it('carries any string through an attribute and through text, but what XML 1.0 cannot hold', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const xml = `<a v="${escapeAttribute(s)}">${escapeText(s)}</a>`;
        expect(xml).toMatch(XML_CHARS);
        const doc = strictXml(xml);
        expect(doc.documentElement?.getAttribute('v')).toBe(xmlChars(s));
        expect(doc.documentElement?.textContent).toBe(xmlChars(s));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps NEL, LINE and PARAGRAPH SEPARATOR, which a parser would take for line ends, as they are', () => {
    for (const s of ['\u0085', 'a\u2028b', 'a\u2029b', ' \u0085\r\n']) {
      const doc = strictXml(`<a v="${escapeAttribute(s)}">${escapeText(s)}</a>`);
      expect(doc.documentElement?.getAttribute('v')).toBe(s);
      expect(doc.documentElement?.textContent).toBe(s);
    }
  });

  it('replaces only the characters XML 1.0 cannot carry', () => {
    expect(xmlChars('a\u0000b\u0008\u000b\u001f\uFFFE\uFFFF\uD800x\uDC00')).toBe(
      'a\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD',
    );
    expect(xmlChars('tab\tnl\ncr\r 邓小平 Дэн 😀 \uE000\uFFFD')).toBe(
      'tab\tnl\ncr\r 邓小平 Дэн 😀 \uE000\uFFFD',
    );
  });
});

describe('code points', () => {
  it('counts offsets and cuts context as Array.from does, for any text', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), fc.nat(), (text, a, b) => {
        const t = indexText(text);
        const [s, e] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [
          number,
          number,
        ];
        expect(codePoints(t, s)).toBe(Array.from(text.slice(0, s)).length);
        expect(codePoints(t, e)).toBe(Array.from(text.slice(0, e)).length);
        expect(before(text, s, 5)).toBe(Array.from(text.slice(0, s)).slice(-5).join(''));
        expect(after(text, e, 5)).toBe(Array.from(text.slice(e)).slice(0, 5).join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a character outside the BMP once', () => {
    const text = '𝔄 says “𠀋” to 😀: hello';
    const t = indexText(text);
    const at = text.indexOf('hello');
    expect(codePoints(t, at)).toBe(at - 3);
    expect([...text].slice(codePoints(t, at), codePoints(t, at + 5)).join('')).toBe('hello');
  });
});

// Rows as the exporter builds them, with hostile text in every string
const hostile = 'Ä & <b> "quoted", \'single\'\nline\r\nCRLF\ttab \u0001ctl 😀 𠀋 ]]>';

const entity = (id: string, over: Partial<EntityRow> = {}): EntityRow => entityRow({ id, ...over });

const nodes: ExportNode[] = [
  {
    entity: entity('person/a', {
      name: hostile,
      aliases: ['Alias, one', '邓小平'],
      description: hostile,
    }),
    identifiers: [
      {
        authority: 'wikidata',
        value: 'Q1',
        verifiedBy: 'synthetic test data',
        method: 'none: a row built by the test',
        verifiedOn: '2026-01-01',
        source: null,
      },
    ],
    uri: uris.entity('person/a'),
    relationships: 2,
    evidence: 3,
    documents: 1,
  },
  {
    entity: entity('meeting/b', {
      type: 'Meeting',
      name: 'Meeting B',
      date: {
        value: '1959-11-06',
        precision: 'day',
        earliest: '1959-11-06',
        latest: '1959-11-06',
        certainty: 'stated',
        reasoning: null,
      },
    }),
    identifiers: [],
    uri: uris.entity('meeting/b'),
    relationships: 2,
    evidence: 3,
    documents: 1,
  },
  {
    entity: entity('document/d', { type: 'Document', name: 'D', archiveReference: 'f. 5, op. 49' }),
    identifiers: [],
    uri: uris.entity('document/d'),
    relationships: 0,
    evidence: 0,
    documents: 1,
  },
];

const text = `${hostile} — the quote: “Deng 😀 met” — end`;
const quote = 'Deng 😀 met';
const start = text.indexOf(quote);

function relationship(id: string, key: string): RelationshipRow {
  return {
    id,
    type: 'ATTENDED',
    from: 'person/a',
    to: 'meeting/b',
    role: hostile,
    title: null,
    context: null,
    reference: null,
    startDate: null,
    endDate: null,
    attestedDate: null,
    statement: null,
    attestations: [],
    archivalReference: null,
    certainty: 'stated',
    evidence: [
      {
        relationshipId: id,
        index: 1,
        documentId: 'document/d',
        quote,
        start,
        end: start + quote.length,
        certainty: 'stated',
        reasoning: null,
        layer: 'body',
        attests: null,
      },
      {
        relationshipId: id,
        index: 2,
        documentId: 'document/d',
        quote: text.slice(0, 5),
        start: 0,
        end: 5,
        certainty: 'inferred',
        reasoning: `${hostile} ${key}`,
        layer: 'body',
        attests: null,
      },
    ],
  };
}

const t = indexText(text);
const edges: ExportEdge[] = ['1', '2'].map((key) => {
  const r = relationship(`document/d#ATTENDED:person/a->meeting/b:${key}`, key);
  const uri = uris.relationship(r.id);
  return {
    relationship: r,
    uri,
    fromUri: uris.entity(r.from),
    toUri: uris.entity(r.to),
    document: {
      id: 'document/d',
      identifiers: [],
      uri: uris.entity('document/d'),
      textUri: uris.documentText('document/d'),
      title: 'D, "a title"',
      archiveReference: 'f. 5, op. 49',
      text,
    },
    passages: r.evidence.map((ev) => ({
      evidence: ev,
      uri: `${uri}/evidence/${ev.index}`,
      start: codePoints(t, ev.start),
      end: codePoints(t, ev.end),
      prefix: before(text, ev.start),
      suffix: after(text, ev.end),
    })),
  };
});

const info: ExportInfo = {
  uris,
  selection: { kind: 'graph' },
  title: `coldwar-graph: ${hostile}`,
  created: '2024-01-02T03:04:05.000Z',
  totals: { nodes: nodes.length, edges: edges.length },
};

async function write(w: ExportWriter, ns = nodes, es = edges): Promise<string> {
  let out = await w.begin(info);
  for (const n of ns) out += await w.node(n);
  for (const e of es) out += await w.edge(e);
  return out + (await w.end());
}

describe('GraphML and GEXF', () => {
  for (const [name, writer, parse] of [
    ['GraphML', graphmlWriter, parseGraphml],
    ['GEXF', gexfWriter, parseGexf],
  ] as const) {
    it(`${name} parses back with graphology, every attribute intact`, async () => {
      const xml = await write(writer());
      expect(xml).toMatch(XML_CHARS);
      strictXml(xml);
      const g = parse(Graph, xml);
      expect(g.type).toBe('directed');
      expect(g.order).toBe(3);
      expect(g.size).toBe(2);
      expect(g.multi).toBe(true);
      expect(g.getNodeAttributes('person/a')).toMatchObject({
        label: xmlChars(hostile),
        type: 'Person',
        uri: 'http://test/id/person/a',
        description: xmlChars(hostile),
        aliases: 'Alias, one | 邓小平',
        external_ids: 'wikidata:Q1',
        relationships: 2,
        evidence: 3,
        documents: 1,
      });
      expect(g.getNodeAttributes('meeting/b')).toMatchObject({ type: 'Meeting', date: '1959-11-06' });
      expect(g.getNodeAttributes('document/d')).toMatchObject({ archive_reference: 'f. 5, op. 49' });
      const id = edges[0]?.relationship.id as string;
      expect(g.source(id)).toBe('person/a');
      expect(g.target(id)).toBe('meeting/b');
      expect(g.getEdgeAttributes(id)).toMatchObject({
        label: 'ATTENDED',
        relationship: 'ATTENDED',
        uri: edges[0]?.uri,
        certainty: 'stated',
        evidence: 2,
        stated: 1,
        document: 'document/d',
        archive_reference: 'f. 5, op. 49',
        role: xmlChars(hostile),
      });
    });

    it(`${name} of nodes only, or of nothing, is still a graph`, async () => {
      expect(parse(Graph, await write(writer(), nodes, [])).order).toBe(3);
      expect(parse(Graph, await write(writer(), [], [])).order).toBe(0);
    });
  }
});

describe('CSV', () => {
  it('nodes.csv: one row per entity, quoted where needed, read back as written', async () => {
    const rows = parseCsv(await write(nodesCsvWriter()), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(NODE_COLUMNS);
    expect(rows.map((r) => r.id)).toEqual(['person/a', 'meeting/b', 'document/d']);
    expect(rows[0]).toMatchObject({ label: hostile, description: hostile, aliases: 'Alias, one | 邓小平' });
    expect(rows[1]).toMatchObject({ date: '1959-11-06', description: '', relationships: '2' });
  });

  it('edges.csv: one row per passage, with its citation and code-point offsets into the text', async () => {
    const rows = parseCsv(await write(edgesCsvWriter()), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...EDGE_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => [r.id?.slice(-1), r.evidence_index, r.evidence_count])).toEqual([
      ['1', '1', '2'],
      ['1', '2', '2'],
      ['2', '1', '2'],
      ['2', '2', '2'],
    ]);
    for (const r of rows) {
      expect(r.quote).toBe([...text].slice(Number(r.quote_start), Number(r.quote_end)).join(''));
      expect(r).toMatchObject({
        document: 'document/d',
        document_title: 'D, "a title"',
        archive_reference: 'f. 5, op. 49',
        text_uri: 'http://test/id/document/d/text',
        role: hostile,
      });
    }
    expect(rows[0]).toMatchObject({ quote, certainty: 'stated', reasoning: '' });
    expect(rows[1]).toMatchObject({ certainty: 'inferred', reasoning: `${hostile} 1` });
  });
});

describe('URIs', () => {
  it('gives a relationship of another id form a claim URI all the same', () => {
    const r = { ...relationship('synthetic-attended-7', 'x') };
    expect(relationshipUri(uris, r)).toBe(
      'http://test/id/claim/d/attended/person/a/meeting/b/synthetic-attended-7',
    );
    expect(relationshipUri(uris, { ...r, evidence: [] })).toBe('http://test/id/claim/synthetic-attended-7');
    const canonical = edges[0]?.relationship as RelationshipRow;
    expect(relationshipUri(uris, canonical)).toBe(uris.relationship(canonical.id));
  });
});

describe('read-ahead paging', () => {
  it('yields pages in order, reading at most `ahead` pages ahead, and stops after the last', async () => {
    let inFlight = 0;
    let most = 0;
    const calls: number[] = [];
    const fetch = async (cursor: number) => {
      calls.push(cursor);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight -= 1;
      return { rows: [cursor, cursor + 1], next: cursor + 2 < 10 ? cursor + 2 : null };
    };
    const seen: number[] = [];
    for await (const rows of readAhead(fetch, 0, 3)) {
      seen.push(...rows);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(calls).toEqual([0, 2, 4, 6, 8]);
    expect(most).toBe(1);
  });

  it('passes a failed read to the reader', async () => {
    const pages = readAhead(
      async (c: number) => {
        if (c === 1) throw new Error('gone');
        return { rows: [c], next: c + 1 };
      },
      0,
      2,
    );
    await expect(
      (async () => {
        for await (const _ of pages) {
          // reading
        }
      })(),
    ).rejects.toThrow('gone');
  });
});

describe('pages under a slow or absent database', () => {
  it('reads a page that ran out of time again in half the rows, and grows back as pages succeed', async () => {
    const sizes: number[] = [];
    let failures = 2;
    const read = pageReader(async (cursor: number, size: number) => {
      sizes.push(size);
      if (cursor === 1 && failures-- > 0) throw new DatabaseTimeoutError();
      return { rows: [cursor], next: cursor + 1 };
    }, 8);
    for (const cursor of [0, 1, 2, 3]) expect((await read(cursor)).rows).toEqual([cursor]);
    expect(sizes).toEqual([8, 8, 4, 2, 4, 8]);
  });

  it('gives up on a timeout at one row, waits for an unreachable database, and passes other errors', async () => {
    await expect(
      pageReader(async () => {
        throw new DatabaseTimeoutError();
      }, 2)(0),
    ).rejects.toBeInstanceOf(DatabaseTimeoutError);
    let calls = 0;
    const back = pageReader(
      async (c: number) => {
        calls += 1;
        if (calls < 3) throw new DatabaseUnavailableError();
        return { rows: [c], next: null };
      },
      5,
      [1, 1],
    );
    expect((await back(7)).rows).toEqual([7]);
    calls = -10;
    await expect(back(7)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(
      pageReader(async () => {
        throw new Error('bug');
      }, 5)(0),
    ).rejects.toThrow('bug');
  });
});

describe('what is asked', () => {
  it('takes a format, a table of a format of several files, and one selection', () => {
    expect(parseExportRequest({ format: 'GraphML' }, { oneFile: true }).selection).toEqual({ kind: 'graph' });
    expect(parseExportRequest({ format: 'csv' }, { oneFile: false }).parts.map((p) => p.file)).toEqual([
      'nodes.csv',
      'edges.csv',
    ]);
    expect(parseExportRequest({ format: 'csv', table: 'edges' }, { oneFile: true }).parts[0]?.file).toBe(
      'edges.csv',
    );
    expect(
      parseExportRequest({ format: 'gexf', around: 'person/deng-xiaoping' }, { oneFile: true }).selection,
    ).toEqual({ kind: 'around', id: 'person/deng-xiaoping', depth: 1 });
    expect(
      parseExportRequest({ format: 'gexf', document: 'document/memcon-x' }, { oneFile: true }).selection,
    ).toEqual({ kind: 'document', id: 'document/memcon-x' });
  });

  it('refuses what it cannot do, naming the argument', () => {
    const cases: [Parameters<typeof parseExportRequest>[0], string, string][] = [
      [{}, 'INVALID_ARGUMENT', 'format'],
      [{ format: 'pdf' }, 'INVALID_ARGUMENT', 'format'],
      [{ format: '__proto__' }, 'INVALID_ARGUMENT', 'format'],
      [{ format: 'csv' }, 'INVALID_ARGUMENT', 'table'],
      [{ format: 'csv', table: 'people' }, 'INVALID_ARGUMENT', 'table'],
      [{ format: 'graphml', table: 'nodes' }, 'INVALID_ARGUMENT', 'table'],
      [{ format: 'graphml', depth: '2' }, 'INVALID_ARGUMENT', 'depth'],
      [{ format: 'graphml', around: 'person/x', depth: '0' }, 'INVALID_ARGUMENT', 'depth'],
      [{ format: 'graphml', around: 'person/x', depth: '4' }, 'INVALID_ARGUMENT', 'depth'],
      [{ format: 'graphml', around: 'person/x', depth: '1.5' }, 'INVALID_ARGUMENT', 'depth'],
      [{ format: 'graphml', around: 'person/x', depth: ' 2' }, 'INVALID_ARGUMENT', 'depth'],
      [{ format: 'graphml', around: 'person/x', document: 'document/y' }, 'INVALID_ARGUMENT', 'document'],
      [{ format: 'graphml', around: 'Deng Xiaoping' }, 'INVALID_ID', 'around'],
      [{ format: 'graphml', document: 'document/' }, 'INVALID_ID', 'document'],
      [{ format: 'graphml', document: 'person/deng-xiaoping' }, 'WRONG_ID_TYPE', 'document'],
    ];
    for (const [params, code, argument] of cases) {
      const e = thrown(() => parseExportRequest(params, { oneFile: true }));
      expect(e.extensions, JSON.stringify(params)).toMatchObject({ code, argument });
    }
  });

  it('names downloads after the selection', () => {
    const [nodesPart, edgesPart] = FORMATS.csv?.parts ?? [];
    const graphml = FORMATS.graphml?.parts[0];
    if (!nodesPart || !edgesPart || !graphml) throw new Error('formats are missing');
    expect(downloadName(graphml, { kind: 'graph' })).toBe('coldwar-graph.graphml');
    expect(downloadName(edgesPart, { kind: 'around', id: 'person/x', depth: 2 })).toBe(
      'around-person-x-depth-2-edges.csv',
    );
    expect(downloadName(nodesPart, { kind: 'document', id: 'document/y' })).toBe('document-y-nodes.csv');
  });
});
