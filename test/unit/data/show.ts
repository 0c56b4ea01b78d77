// Statements as the snapshots show them: neo4j Integers (Cypher needs integers for LIMIT and list
// slices, not floats) are printed as `int(n)`, so the snapshot says which parameters are integers.
import neo4j from 'neo4j-driver';
import type { Statement } from '../../../src/data/statement.ts';

export function show(s: Statement): Statement {
  const params = Object.fromEntries(
    Object.entries(s.params).map(([k, v]) => [k, neo4j.isInt(v) ? `int(${v.toString()})` : v]),
  );
  return { name: s.name, cypher: s.cypher, params };
}
