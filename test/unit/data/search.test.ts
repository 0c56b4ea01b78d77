// The Cypher of src/data/search.ts, pinned (see entity.test.ts).
import { describe, expect, it } from 'vitest';
import { searchEntitiesStatement } from '../../../src/data/search.ts';
import { searchQuery } from '../../../src/schema/search.ts';
import { show } from './show.ts';

describe('searchEntities', () => {
  it('queries both full-text indexes, filters types before the limit, and boosts exact names', () => {
    expect(show(searchEntitiesStatement(searchQuery('Teng Hsiao-ping', ['Person'])))).toMatchInlineSnapshot(`
        {
          "cypher": "/* searchEntities */
        CALL {
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
             LIMIT $limit",
          "name": "searchEntities",
          "params": {
            "exact": [
              "teng hsiao ping",
              "teng hsiaoping",
            ],
            "limit": "int(500)",
            "q": "(teng^3 OR teng*^2 OR teng~1) OR (hsiao^3 OR hsiao*^2 OR hsiao~1) OR (ping^3 OR ping*^2 OR ping~1) OR (hsiaoping^3 OR hsiaoping*^2 OR hsiaoping~1)",
            "types": [
              "Person",
            ],
          },
        }
      `);
  });

  it('passes user text only as a parameter', () => {
    const hostile = searchEntitiesStatement(searchQuery("x') YIELD node DETACH DELETE node //", null));
    const plain = searchEntitiesStatement(searchQuery('x', null));
    expect(hostile.cypher).toBe(plain.cypher);
  });
});
