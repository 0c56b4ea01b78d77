// The reads of the bundle export (src/export/bundle.ts), one document at a time and a page at a time
// (keyset paging on ids): the documents, the entities a document declares (those that name it among
// their sources, with their identifiers) and the relationships it supports (by each type's source
// index). All
// properties come back raw: the export writes them in the extraction format, which the importer
// reads back into the same graph.
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { ENTITY_TYPES, type RelationshipType } from '../model.ts';
import { assertRelationshipType } from './checks.ts';
import { read, type Statement, statement } from './statement.ts';

export interface BundleNodeRow {
  id: string;
  type: string;
  props: Record<string, unknown>;
  identifiers: Record<string, unknown>[];
}

export interface BundleRelationshipRow {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/**
 * One page of source documents (those with a stored text) after `after`, in id order, with all their
 * properties. A document known only through another (an original a translation renders) is an
 * entity of that document's bundle, not a bundle of its own.
 */
export const bundleDocumentsStatement = (after: string, batch: number): Statement =>
  statement(
    'bundleDocuments',
    `MATCH (d:Document)
     WHERE d.id > $after AND d.text IS NOT NULL
     WITH d ORDER BY d.id ASC LIMIT $batch
     RETURN d.id AS id, 'Document' AS type, properties(d) AS props, [] AS identifiers`,
    { after, batch: neo4j.int(batch) },
  );

export async function bundleDocuments(db: Db, after: string, batch: number): Promise<BundleNodeRow[]> {
  return read<BundleNodeRow>(db, bundleDocumentsStatement(after, batch));
}

/** One document by id, or none. */
export const bundleDocumentStatement = (id: string): Statement =>
  statement(
    'bundleDocument',
    `MATCH (d:Document {id: $id})
     RETURN d.id AS id, 'Document' AS type, properties(d) AS props, [] AS identifiers`,
    { id },
  );

export async function bundleDocument(db: Db, id: string): Promise<BundleNodeRow | null> {
  return (await read<BundleNodeRow>(db, bundleDocumentStatement(id)))[0] ?? null;
}

/** A page of the entities that name the document among their sources (itself left out), after `after`. */
export const bundleEntitiesStatement = (documentId: string, after: string, batch: number): Statement =>
  statement(
    'bundleEntities',
    `MATCH (n:Entity)
     WHERE n.id > $after AND $doc IN n.sources AND n.id <> $doc
     WITH n ORDER BY n.id ASC LIMIT $batch
     RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS type, properties(n) AS props,
            [(n)-[:SAME_AS]->(i:Identifier) | properties(i)] AS identifiers`,
    { doc: documentId, after, batch: neo4j.int(batch), labels: ENTITY_TYPES },
  );

export async function bundleEntities(
  db: Db,
  documentId: string,
  after: string,
  batch: number,
): Promise<BundleNodeRow[]> {
  return read<BundleNodeRow>(db, bundleEntitiesStatement(documentId, after, batch));
}

/** A page of the relationships of one type the document supports, after relationship id `after`. */
export function bundleRelationshipsStatement(
  documentId: string,
  type: RelationshipType,
  after: string,
  batch: number,
): Statement {
  assertRelationshipType(type);
  return statement(
    `bundleRelationships:${type}`,
    `MATCH (a:Entity)-[r:${type}]->(b:Entity)
     WHERE r.source = $doc AND r.id > $after
     WITH a, r, b ORDER BY r.id ASC LIMIT $batch
     RETURN '${type}' AS type, a.id AS from, b.id AS to, properties(r) AS props`,
    { doc: documentId, after, batch: neo4j.int(batch) },
  );
}

export async function bundleRelationships(
  db: Db,
  documentId: string,
  type: RelationshipType,
  after: string,
  batch: number,
): Promise<BundleRelationshipRow[]> {
  return read<BundleRelationshipRow>(db, bundleRelationshipsStatement(documentId, type, after, batch));
}
