// Content negotiation and serialization of linked data with the well-kept RDF libraries: JSON-LD as
// built, N-Quads by jsonld's own toRDF, Turtle by n3's writer. The context is served from memory to
// jsonld (documentLoader), so nothing is ever fetched from the network.
import jsonld from 'jsonld';
import { Parser, Writer } from 'n3';
import { contextDocument, NS } from './vocabulary.ts';

export const JSON_LD = 'application/ld+json';
export const TURTLE = 'text/turtle';
export const N_QUADS = 'application/n-quads';
export const HTML = 'text/html';
export const RDF_FORMATS = [JSON_LD, TURTLE, N_QUADS] as const;
export const OFFERED = [JSON_LD, TURTLE, N_QUADS, HTML] as const;
export type Offered = (typeof OFFERED)[number];

/**
 * The best offered type for an Accept header (q-values honoured; `*\/*`, `application/*`, a missing
 * header and `application/json` mean JSON-LD), or undefined when none is acceptable (406).
 */
export function negotiate(accept: string | null, offered: readonly string[] = OFFERED): string | undefined {
  if (!accept?.trim()) return offered[0];
  const ranges = accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? 1,
      );
      return {
        type: type.trim() === 'application/json' ? JSON_LD : type.trim(),
        q: Number.isNaN(q) ? 0 : q,
        order,
      };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const r of ranges) {
    if (r.type === '*/*') return offered[0];
    if (r.type.endsWith('/*')) {
      const found = offered.find((o) => o.startsWith(r.type.slice(0, -1)));
      if (found) return found;
    }
    if (offered.includes(r.type)) return r.type;
  }
  return undefined;
}

/** A jsonld document loader that knows our context (for this base) and refuses everything else. */
export function documentLoader(base: string, contextUrl: string) {
  const document = contextDocument(base);
  return async (url: string) => {
    if (url !== contextUrl) throw new Error(`refusing to load ${url}: only the graph's own context is known`);
    return { contextUrl: undefined, documentUrl: url, document };
  };
}

/** A JSON-LD document as N-Quads (canonical order is not required; jsonld's order is stable). */
export async function toNQuads(doc: object, base: string, contextUrl: string): Promise<string> {
  return (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader: documentLoader(base, contextUrl) as never,
  })) as unknown as string;
}

/** A JSON-LD document as Turtle with readable prefixes. */
export async function toTurtle(doc: object, base: string, contextUrl: string): Promise<string> {
  const quads = new Parser({ format: 'N-Quads' }).parse(await toNQuads(doc, base, contextUrl));
  const writer = new Writer({ format: 'Turtle', prefixes: { ...NS, cwg: `${base}/ns#`, id: `${base}/id/` } });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

/** The body of a linked-data answer in one of the RDF formats. */
export async function serialize(
  doc: object,
  type: string,
  base: string,
  contextUrl: string,
): Promise<string> {
  if (type === N_QUADS) return toNQuads(doc, base, contextUrl);
  if (type === TURTLE) return toTurtle(doc, base, contextUrl);
  return JSON.stringify(doc, null, 2);
}

export const CONTENT_TYPES: Record<string, string> = {
  [JSON_LD]: 'application/ld+json; charset=utf-8',
  [TURTLE]: 'text/turtle; charset=utf-8',
  [N_QUADS]: 'application/n-quads; charset=utf-8',
  [HTML]: 'text/html; charset=utf-8',
};
