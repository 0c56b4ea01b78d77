// The RDF export formats: JSON-LD, N-Quads and Turtle of the whole graph or a selection, built from
// the same descriptions the URIs serve (src/linked/describe.ts), a node or a claim at a time. N-Quads
// come from jsonld's own toRDF (blank nodes renamed per description so they never collide across
// the stream), Turtle from n3's writer fed the same quads; JSON-LD is one document whose @graph lists
// every description. Nothing is held but the row being written.
import { Parser, Writer } from 'n3';
import { describeClaim, describeEntity } from '../linked/describe.ts';
import { toNQuads } from '../linked/formats.ts';
import { NS } from '../linked/vocabulary.ts';
import type { Uris } from '../uris.ts';
import type { ExportEdge, ExportInfo, ExportNode, ExportWriter } from './writer.ts';

type Described = Record<string, unknown>;

/** The description of a node, and of an edge under its export URI (any relationship id has one). */
function describeNode(n: ExportNode, uris: Uris): Described {
  return describeEntity(n.entity, n.identifiers, uris);
}

function describeEdge(e: ExportEdge, uris: Uris): Described {
  const claimUris: Uris = {
    ...uris,
    relationship: () => e.uri,
    evidence: (_id, index) => `${e.uri}/evidence/${index}`,
  };
  const texts = new Map(e.document?.text != null ? [[e.document.id, e.document.text]] : []);
  return describeClaim(e.relationship, texts, claimUris);
}

/** Quads of descriptions, a description at a time, with blank nodes unique across the stream. */
function quadStream() {
  let uris: Uris;
  let described = 0;
  return {
    begin(info: ExportInfo) {
      uris = info.uris;
    },
    async nquads(doc: Described): Promise<string> {
      const k = described++;
      const text = await toNQuads({ '@context': uris.context, ...doc }, uris.base, uris.context);
      return text.replace(/_:b(\d+)/g, `_:d${k}b$1`);
    },
    get uris() {
      return uris;
    },
  };
}

export function nquadsWriter(): ExportWriter {
  const q = quadStream();
  return {
    begin: (info) => {
      q.begin(info);
      return '';
    },
    node: (n) => q.nquads(describeNode(n, q.uris)),
    edge: (e) => q.nquads(describeEdge(e, q.uris)),
    end: () => '',
  };
}

export function turtleWriter(): ExportWriter {
  const q = quadStream();
  let out = '';
  const sink = {
    write: (chunk: string) => {
      out += chunk;
    },
    end: () => undefined,
    on: () => sink,
    once: () => sink,
    emit: () => false,
  };
  let writer: Writer;
  const drain = () => {
    const chunk = out;
    out = '';
    return chunk;
  };
  const add = async (doc: Described) => {
    writer.addQuads(new Parser({ format: 'N-Quads' }).parse(await q.nquads(doc)));
    return drain();
  };
  return {
    begin: (info) => {
      q.begin(info);
      writer = new Writer(sink as never, {
        prefixes: { ...NS, cwg: `${info.uris.base}/ns#`, id: `${info.uris.base}/id/` },
        end: false,
      });
      return drain();
    },
    node: (n) => add(describeNode(n, q.uris)),
    edge: (e) => add(describeEdge(e, q.uris)),
    end: () => new Promise((resolve, reject) => writer.end((err) => (err ? reject(err) : resolve(drain())))),
  };
}

export function jsonldWriter(): ExportWriter {
  let uris: Uris;
  let first = true;
  const item = (doc: Described) => {
    const text = `${first ? '' : ',\n'}${JSON.stringify(doc)}`;
    first = false;
    return text;
  };
  return {
    begin: (info) => {
      uris = info.uris;
      return `{"@context": ${JSON.stringify(uris.context)},\n "@graph": [\n`;
    },
    node: (n) => item(describeNode(n, uris)),
    edge: (e) => item(describeEdge(e, uris)),
    end: () => '\n]}\n',
  };
}
