// The request body limit of the GraphQL endpoints (MAX_BODY_BYTES), in place of yoga's own: the
// same refusals (413 REQUEST_ENTITY_TOO_LARGE, 400 for a Content-Length that is not one number), but
// a body that declares its length is not piped through a counting stream. Node's HTTP parser reads
// exactly Content-Length bytes as the body (and refuses a request that also says chunked), so the
// header alone bounds it; only a body without one (chunked) is counted as it is read. Yoga's way
// counted every body (a stream, a new Request and an abort signal per request), which stood out in a
// CPU profile of the API under bench:peer load.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const CONTENT_LENGTH = /^\d+$/;

type FetchAPI = { Request: typeof Request; TransformStream: typeof TransformStream };

const tooLarge = (limit: number) =>
  new GraphQLError(`Request body too large: at most ${limit} bytes.`, {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

/** The request, its body counted as it is read and failed past `limit` bytes. */
function counted(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  const body = request.body;
  if (!body) return request;
  let read = 0;
  // a native stream through the native TransformStream, the ponyfill's through its own (as yoga does)
  const Transform = body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: 'half',
  } as RequestInit);
}

export function bodyLimitPlugin(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length != null) {
        if (!CONTENT_LENGTH.test(length)) {
          throw new GraphQLError('Content-Length header is invalid.', {
            extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
          });
        }
        if (Number(length) > limit) throw tooLarge(limit);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI as unknown as FetchAPI)));
    },
  };
}
