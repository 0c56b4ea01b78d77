// Withdrawing a document, inside the caller's write transaction: the document node (its text), every
// relationship it supports (their evidence passages are properties of the relationship), and every
// entity that rested on it alone. Each relationship rests on exactly one document (its `source`, with
// the passages of that document's text as its evidence), so the relationships of other documents, and
// their passages, are untouched. An entity other documents also declare only loses
// this one from its `sources`.
import type { TxRunner } from '../db/driver.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { runIn } from './changes.ts';
import { assertRelationshipType, typeAlternation } from './checks.ts';
import { type Statement, statement } from './statement.ts';

export interface RetractedDocument {
  id: string;
  title: string;
}

/** Locks the document (a version write) and reads what the change record names. */
export const lockDocumentStatement = (id: string): Statement =>
  statement(
    'lockDocument',
    `MATCH (d:Entity:Document {id: $id})
     SET d.version = coalesce(d.version, 1)
     RETURN d.id AS id, coalesce(d.title, d.name) AS title`,
    { id },
  );

export async function lockDocument(tx: TxRunner, id: string): Promise<RetractedDocument | null> {
  const [row] = await runIn<RetractedDocument>(tx, lockDocumentStatement(id));
  return row ?? null;
}

/** Deletes the document's relationships, type by type (found through each type's `source` index). */
export function deleteDocumentRelationshipsStatement(id: string): Statement {
  const parts = RELATIONSHIP_TYPE_NAMES.map((t) => {
    assertRelationshipType(t);
    return `CALL {
         MATCH ()-[r:${t}]->()
         WHERE r.source = $id
         DELETE r
         RETURN count(*) AS ${t.toLowerCase()}
       }`;
  });
  return statement(
    'deleteDocumentRelationships',
    `${parts.join('\n     ')}
     RETURN {${RELATIONSHIP_TYPE_NAMES.map((t) => `${t}: ${t.toLowerCase()}`).join(', ')}} AS deleted`,
    { id },
  );
}

export async function deleteDocumentRelationships(tx: TxRunner, id: string): Promise<Record<string, number>> {
  const [row] = await runIn<{ deleted: Record<string, number> }>(
    tx,
    deleteDocumentRelationshipsStatement(id),
  );
  return row?.deleted ?? {};
}

/**
 * Takes the document out of every entity's `sources`. The document goes, and so does each entity
 * left with no source and no relationship (with its identifiers no one else holds, and the redirects
 * that led to it); the others stay. Returns the ids and names of those gone and the ids of those kept.
 */
export const releaseEntitiesStatement = (id: string): Statement =>
  statement(
    'releaseEntities',
    `MATCH (n:Entity)
     WHERE $id IN n.sources OR n.id = $id
     SET n.sources = [s IN coalesce(n.sources, []) WHERE s <> $id]
     WITH n, n.id = $id OR (size(n.sources) = 0 AND NOT EXISTS { (n)-[:${typeAlternation(RELATIONSHIP_TYPE_NAMES)}]-(:Entity) }) AS gone
     WITH collect(CASE WHEN gone THEN n END) AS goneNodes, collect(CASE WHEN NOT gone THEN n.id END) AS kept
     CALL {
       WITH goneNodes
       UNWIND goneNodes AS g
       MATCH (g)-[:SAME_AS]->(i:Identifier)
       WHERE NOT EXISTS { (i)<-[:SAME_AS]-(o:Entity) WHERE o <> g }
       DETACH DELETE i
     }
     CALL {
       WITH goneNodes
       UNWIND goneNodes AS g
       MATCH (rd:Redirect)-[:REDIRECTS_TO]->(g)
       DETACH DELETE rd
     }
     WITH goneNodes, kept, [g IN goneNodes | {id: g.id, name: g.name}] AS gone
     FOREACH (g IN goneNodes | DETACH DELETE g)
     RETURN gone, kept`,
    { id },
  );

export async function releaseEntities(
  tx: TxRunner,
  id: string,
): Promise<{ gone: { id: string; name: string }[]; kept: string[] }> {
  const [row] = await runIn<{ gone: { id: string; name: string }[]; kept: string[] }>(
    tx,
    releaseEntitiesStatement(id),
  );
  return row ?? { gone: [], kept: [] };
}
