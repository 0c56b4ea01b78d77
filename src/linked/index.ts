// Linked data at stable URIs: every entity, claim (relationship), evidence passage and document text
// dereferences at {base}/id/…, with content negotiation (Vary: Accept) between JSON-LD, Turtle,
// N-Quads and a readable page; a document's text is text/plain so anyone can resolve the offsets.
// The JSON-LD context is at {base}/ns/context.jsonld. Unknown URIs: 404 in the negotiated format;
// an Accept that nothing offered satisfies: 406 listing what is offered.
import type { RelationshipRow } from '../data/types.ts';
import type { Db } from '../db/driver.ts';
import type { Route } from '../http/routes.ts';
import { GraphReader } from '../reader.ts';
import { resolvePath, type Uris } from '../uris.ts';
import { describeClaim, describeEntityWithClaims, describeEvidence } from './describe.ts';
import { CONTENT_TYPES, HTML, JSON_LD, N_QUADS, negotiate, OFFERED, serialize, TURTLE } from './formats.ts';
import { entityPage } from './page.ts';
import { contextDocument } from './vocabulary.ts';

function answer(status: number, type: string, body: string, headers: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: { 'content-type': CONTENT_TYPES[type] ?? type, vary: 'Accept', ...headers },
  });
}

/** A short "not found" in the format the client asked for. */
function notFound(type: string, uri: string): Response {
  const message = `Nothing in the graph has the URI ${uri}.`;
  if (type === JSON_LD) return answer(404, type, JSON.stringify({ error: 'NOT_FOUND', message }));
  if (type === TURTLE || type === N_QUADS) return answer(404, type, `# ${message}\n`);
  return answer(404, HTML, `<!doctype html><title>Not found</title><p>${message.replace(/[<>&"]/g, '')}</p>`);
}

function notAcceptable(): Response {
  return new Response(`Not acceptable. This URI is offered as: ${OFFERED.join(', ')}.\n`, {
    status: 406,
    headers: { 'content-type': 'text/plain; charset=utf-8', vary: 'Accept' },
  });
}

/** The stored text of every document the relationships quote. */
async function textsOf(graph: GraphReader, claims: readonly RelationshipRow[]) {
  const ids = [...new Set(claims.flatMap((c) => c.evidence.map((e) => e.documentId)))];
  const docs = await Promise.all(ids.map((id) => graph.find(id)));
  return new Map(docs.flatMap((d) => (d?.text != null ? [[d.id, d.text] as const] : [])));
}

export function linkedDataRoute({ db, uris }: { db: Db; uris: Uris }): Route {
  const describedBy = (uri: string) =>
    [JSON_LD, TURTLE, N_QUADS].map((t) => `<${uri}>; rel="describedby"; type="${t}"`).join(', ');
  const rdf = async (doc: object, type: string, uri: string) =>
    answer(200, type, await serialize({ '@context': uris.context, ...doc }, type, uris.base, uris.context), {
      link: `${describedBy(uri)}, <${uris.context}>; rel="http://www.w3.org/ns/json-ld#context"`,
    });

  return {
    name: 'linked data',
    owns: (url) => url.pathname.startsWith('/id/') || url.pathname === '/ns/context.jsonld',
    async handle(request, url) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return new Response('Only GET and HEAD.\n', { status: 405, headers: { allow: 'GET, HEAD' } });
      if (url.pathname === '/ns/context.jsonld')
        return answer(200, JSON_LD, JSON.stringify(contextDocument(uris.base), null, 2));
      const uri = `${uris.base}${url.pathname}`;
      // clients that fill {{id}} templates percent-encode the slash of an id (person%2Fdeng-xiaoping)
      const target = resolvePath(url.pathname.slice('/id/'.length).replace(/%2F/gi, '/'));
      const graph = new GraphReader(db);
      if (target?.kind === 'text') {
        const doc = await graph.find(target.documentId);
        if (doc?.type !== 'Document' || doc.text == null) return notFound(HTML, uri);
        return new Response(doc.text, {
          headers: {
            'content-type': 'text/plain; charset=utf-8',
            link: `<${uris.entity(doc.id)}>; rel="describedby"`,
          },
        });
      }
      const type = negotiate(request.headers.get('accept'));
      if (!type) return notAcceptable();
      if (!target) return notFound(type, uri);
      if (target.kind === 'entity') {
        const entity = await graph.find(target.id);
        if (!entity) return notFound(type, uri);
        // an id merged into another (mergeEntities) moved for good: its URI points at the survivor's
        if (entity.id !== target.id)
          return new Response(null, {
            status: 301,
            headers: { location: uris.entity(entity.id), vary: 'Accept' },
          });
        const [claims, identifiers] = await Promise.all([
          graph.relationshipsAround(entity.id),
          graph.identifiers(entity.id),
        ]);
        const texts = await textsOf(graph, claims);
        if (type === HTML) {
          const others = await graph.refs([...new Set(claims.flatMap((c) => [c.from, c.to]))]);
          const names = new Map(others.map((o) => [o.id, o.name]));
          return answer(200, HTML, entityPage(entity, identifiers, claims, names, texts, uris));
        }
        return rdf(describeEntityWithClaims(entity, identifiers, claims, texts, uris), type, uri);
      }
      const claim = await graph.relationship(target.relationshipId);
      const evidence = target.kind === 'evidence' ? claim?.evidence[target.index - 1] : undefined;
      if (!claim || (target.kind === 'evidence' && !evidence)) return notFound(type, uri);
      const texts = await textsOf(graph, [claim]);
      // a claim or a passage has no page of its own yet: its readable form is its subject's page
      if (type === HTML)
        return new Response(null, {
          status: 303,
          headers: { location: uris.entity(claim.from), vary: 'Accept' },
        });
      const doc = evidence
        ? describeEvidence(evidence, claim.id, texts.get(evidence.documentId) ?? '', uris)
        : describeClaim(claim, texts, uris);
      return rdf(doc, type, uri);
    },
  };
}
