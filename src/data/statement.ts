// A Cypher statement as the data layer builds it: a name (the leading comment that shows in
// Neo4j's query log and in our statement counts), the text, and its parameters. Builders are pure,
// so the unit tests pin every statement's text without a database.
import type { Db } from '../db/driver.ts';

export interface Statement {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** Names a statement: its text starts with the name comment. */
export function statement(name: string, body: string, params: Record<string, unknown> = {}): Statement {
  return { name, cypher: `/* ${name} */\n${body.trim()}`, params };
}

/** Runs a read statement, routed to a reader. */
export function read<T>(db: Db, s: Statement): Promise<T[]> {
  return db.read<T>(s.cypher, s.params);
}
