// Full-text search over the two full-text indexes (names and aliases; document text).
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import type { EntityType } from '../model.ts';
import { read, type Statement, statement } from './statement.ts';

export interface SearchHit {
  id: string;
  score: number;
  /** The entity's folded names, for re-ranking. */
  keys: string[];
}

export interface SearchQuery {
  /** A Lucene query built by search/query.ts from folded letters and digits only. */
  lucene: string;
  /** Folded names that count as an exact match. */
  exactKeys: readonly string[];
  types: readonly EntityType[];
  limit: number;
}

export const searchEntitiesStatement = (q: SearchQuery): Statement =>
  statement(
    'searchEntities',
    `CALL {
       CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
       RETURN node, score
       UNION ALL
       CALL db.index.fulltext.queryNodes('document_text', $q) YIELD node, score
       RETURN node, score * 0.5 AS score
     }
     // filter by type before the limit, so a narrow search is not starved by other kinds
     WITH node, score WHERE any(l IN labels(node) WHERE l IN $types)
     WITH node, max(score) AS score
     WITH node, CASE WHEN any(k IN $exact WHERE k IN node.searchKeyList) THEN score * 2 + 1 ELSE score END AS score
     RETURN node.id AS id, score, coalesce(node.searchKeyList, []) AS keys
     ORDER BY score DESC, node.sortName ASC, node.id ASC
     LIMIT $limit`,
    { q: q.lucene, exact: q.exactKeys, types: q.types, limit: neo4j.int(q.limit) },
  );

/**
 * Best score per entity over names, aliases, folded name keys and document text. An entity one of
 * whose folded names equals an exact key is ranked above partial matches.
 */
export function searchEntities(db: Db, q: SearchQuery): Promise<SearchHit[]> {
  return read<SearchHit>(db, searchEntitiesStatement(q));
}
