// Statements in recorded conversations (Statement nodes): who said them (SAID), to whom
// (ADDRESSED_TO), about what (ABOUT), of what kind and on which topics. One statement finds them by
// any of these, in the order the record gives them (by the passage of the SAID relationship).
import neo4j from 'neo4j-driver';
import type { Db } from '../db/driver.ts';
import { nodeRow, type RawNode, rawNode } from './rows.ts';
import { read, type Statement, statement } from './statement.ts';
import type { EntityRow } from './types.ts';

export interface StatementQuery {
  speaker?: string | undefined;
  addressee?: string | undefined;
  about?: string | undefined;
  topic?: string | undefined;
  kind?: string | undefined;
  offset: number;
  limit: number;
}

export const statementsStatement = (q: StatementQuery): Statement =>
  statement(
    'statements',
    `MATCH (s:Statement)
     WHERE ($kind IS NULL OR s.statementKind = $kind)
       AND ($topic IS NULL OR $topic IN s.topics)
       AND ($speaker IS NULL OR EXISTS { (:Entity {id: $speaker})-[:SAID]->(s) })
       AND ($addressee IS NULL OR EXISTS { (s)-[:ADDRESSED_TO]->(:Entity {id: $addressee}) })
       AND ($about IS NULL OR EXISTS { (s)-[:ABOUT]->(:Entity {id: $about}) })
     OPTIONAL MATCH (s)<-[said:SAID]-(:Entity)
     WITH s, min([coalesce(said.source, ''), coalesce(said.starts[0], 0)]) AS at
     ORDER BY at, s.id
     WITH collect(s) AS found
     RETURN size(found) AS total, [x IN found[$offset..($offset + $limit)] | ${rawNode('x')}] AS rows`,
    {
      kind: q.kind ?? null,
      topic: q.topic ?? null,
      speaker: q.speaker ?? null,
      addressee: q.addressee ?? null,
      about: q.about ?? null,
      offset: neo4j.int(q.offset),
      limit: neo4j.int(q.limit),
    },
  );

/** One window of the statements that match, in the order of their passages, with the total. */
export async function findStatements(
  db: Db,
  q: StatementQuery,
): Promise<{ total: number; rows: EntityRow[] }> {
  const [row] = await read<{ total: number; rows: RawNode[] }>(db, statementsStatement(q));
  return { total: row?.total ?? 0, rows: (row?.rows ?? []).map(nodeRow) };
}
