// Parsing and the document cache, bounded by bytes whatever arrives. Parsing stops at a token limit
// (graphql-js `maxTokens`), so a huge document costs little before it is refused, and a document
// nested deeper than the parser's stack is refused with a code instead of a 500. Only documents that
// passed validation are cached (refused ones never are), in an LRU bounded by an estimate of their
// size in memory, so no stream of distinct documents can grow the heap.
import { type DocumentNode, GraphQLError, parse, type Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { QueryLimitError } from '../errors.ts';
import { MAX_CACHED_DOCUMENTS, MAX_DOCUMENT_CACHE_BYTES, MAX_QUERY_TOKENS } from '../limits.ts';

/** A parsed document takes roughly this many bytes of heap per character of its source. */
const HEAP_BYTES_PER_CHAR = 40;

/** Parses with a token limit; a limit or stack overflow becomes a 400 with a code. */
export function parseBounded(source: string | Source, maxTokens = MAX_QUERY_TOKENS): DocumentNode {
  try {
    return parse(source, { maxTokens, noLocation: false });
  } catch (err) {
    if (err instanceof GraphQLError && /contains more th\w+ \d+ tokens/.test(err.message)) {
      throw new QueryLimitError(
        `The document has more than ${maxTokens} tokens; the limit is ${maxTokens}. Send a smaller operation.`,
        'QUERY_TOO_LARGE',
        { tokens: maxTokens + 1, limit: maxTokens },
        400,
      );
    }
    if (err instanceof RangeError) {
      throw new QueryLimitError('The document is nested too deeply to parse.', 'QUERY_TOO_DEEP', {}, 400);
    }
    throw err;
  }
}

export interface DocumentCacheStats {
  entries: number;
  bytes: number;
}

/** The parse-and-validate plugin: bounded parsing, and a byte-bounded cache of valid documents. */
export function documentsPlugin(options: { maxTokens?: number } = {}): Plugin & {
  stats(): DocumentCacheStats;
} {
  const cache = new LRUCache<string, DocumentNode>({
    max: MAX_CACHED_DOCUMENTS,
    maxSize: MAX_DOCUMENT_CACHE_BYTES,
    sizeCalculation: (_doc, source) => Math.max(1, source.length * HEAP_BYTES_PER_CHAR),
  });
  /** Documents that passed validation, with the source they came from. */
  const sources = new WeakMap<DocumentNode, string>();
  const valid = new WeakSet<DocumentNode>();
  return {
    onParse({ params, setParsedDocument, setParseFn }) {
      const source = params.source.toString();
      const cached = cache.get(source);
      if (cached) {
        setParsedDocument(cached);
        return;
      }
      setParseFn((s) => parseBounded(s, options.maxTokens));
      return ({ result }) => {
        if (result && !(result instanceof Error)) sources.set(result as DocumentNode, source);
      };
    },
    onValidate({ params, setResult }) {
      const document = params.documentAST;
      if (valid.has(document)) {
        setResult([]);
        return;
      }
      return ({ result }) => {
        const source = sources.get(document);
        if (
          result.length === 0 &&
          source !== undefined &&
          source.length * HEAP_BYTES_PER_CHAR <= MAX_DOCUMENT_CACHE_BYTES
        ) {
          valid.add(document);
          cache.set(source, document);
        }
      };
    },
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize }),
  };
}
