// Stable HTTP URIs for everything a scholar may cite: entities, relationships (claims), evidence
// passages and the stored text of documents. A low leaf: a URI is made from our own ids and the
// configured public base (PUBLIC_BASE_URL), and read back into those ids, nothing else.
//
//   {base}/id/person/deng-xiaoping                                   an entity
//   {base}/id/document/memcon-…/text                                 a document's stored text
//   {base}/id/claim/memcon-…/attended/person/x/meeting/y[/key]       a relationship, as one document states it
//   {base}/id/claim/…/evidence/1                                     its first evidence passage
import { ID_PATTERN, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from './model.ts';

export interface Uris {
  base: string;
  entity(id: string): string;
  documentText(documentId: string): string;
  relationship(relationshipId: string): string;
  evidence(relationshipId: string, index: number): string;
  /** The JSON-LD context every linked-data answer refers to. */
  context: string;
}

const slug = (id: string) => id.slice(id.indexOf('/') + 1);

/** A relationship id (`document/d#TYPE:from->to[:key]`) as a URI path below /id/claim/. */
export function relationshipPath(relationshipId: string): string {
  const m = /^document\/([a-z0-9-]+)#([A-Z_]+):([a-z]+\/[a-z0-9-]+)->([a-z]+\/[a-z0-9-]+)(?::(.+))?$/.exec(
    relationshipId,
  );
  if (!m) throw new Error(`not a relationship id: ${relationshipId}`);
  const [, doc, type, from, to, key] = m;
  return `claim/${doc}/${(type as string).toLowerCase()}/${from}/${to}${key ? `/${encodeURIComponent(key)}` : ''}`;
}

/** What a path below `{base}/id/` names, or undefined when it names nothing we could have made. */
export type Resolved =
  | { kind: 'entity'; id: string }
  | { kind: 'text'; documentId: string }
  | { kind: 'relationship'; relationshipId: string }
  | { kind: 'evidence'; relationshipId: string; index: number };

export function resolvePath(path: string): Resolved | undefined {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'claim') {
    if (parts.length === 3 && parts[0] === 'document' && parts[2] === 'text') {
      const documentId = `document/${parts[1]}`;
      return ID_PATTERN.test(documentId) ? { kind: 'text', documentId } : undefined;
    }
    const id = parts.join('/');
    return parts.length === 2 && ID_PATTERN.test(id) ? { kind: 'entity', id } : undefined;
  }
  // claim/{doc}/{type}/{fromType}/{fromSlug}/{toType}/{toSlug}[/{key}][/evidence/{n}]
  let rest = parts.slice(1);
  let index: number | undefined;
  if (rest.length >= 2 && rest[rest.length - 2] === 'evidence') {
    index = Number(rest[rest.length - 1]);
    if (!Number.isInteger(index) || index < 1) return undefined;
    rest = rest.slice(0, -2);
  }
  if (rest.length !== 6 && rest.length !== 7) return undefined;
  const [doc, type, fromType, fromSlug, toType, toSlug, key] = rest as string[];
  const upper = (type ?? '').toUpperCase() as RelationshipType;
  if (!RELATIONSHIP_TYPE_NAMES.includes(upper)) return undefined;
  const from = `${fromType}/${fromSlug}`;
  const to = `${toType}/${toSlug}`;
  if (![`document/${doc}`, from, to].every((x) => ID_PATTERN.test(x))) return undefined;
  let decodedKey: string | undefined;
  try {
    decodedKey = key === undefined ? undefined : decodeURIComponent(key);
  } catch {
    return undefined;
  }
  const relationshipId = `document/${doc}#${upper}:${from}->${to}${decodedKey ? `:${decodedKey}` : ''}`;
  return index === undefined
    ? { kind: 'relationship', relationshipId }
    : { kind: 'evidence', relationshipId, index };
}

/** The URIs under a public base such as `https://coldwar-graph.example.org` (no trailing slash). */
export function makeUris(base: string): Uris {
  const root = base.replace(/\/+$/, '');
  const relationship = (rid: string) => `${root}/id/${relationshipPath(rid)}`;
  return {
    base: root,
    entity: (id) => `${root}/id/${id}`,
    documentText: (documentId) => `${root}/id/document/${slug(documentId)}/text`,
    relationship,
    evidence: (rid, index) => `${relationship(rid)}/evidence/${index}`,
    context: `${root}/ns/context.jsonld`,
  };
}
