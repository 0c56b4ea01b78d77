// npm run seed — applies constraints and indexes, then loads every document under seed/.
// Uses NEO4J_URI when set; otherwise the local Neo4j must be running (npm run neo4j).
import { config } from '../src/config.ts';
import { connect } from '../src/db/driver.ts';
import { fail } from '../src/runtime/cli.ts';
import { seed } from '../src/seed/index.ts';

try {
  const c = config();
  const db = await connect({
    uri: c.NEO4J_URI ?? `bolt://127.0.0.1:${c.NEO4J_LOCAL_PORT}`,
    username: c.NEO4J_USERNAME,
    password: c.NEO4J_PASSWORD,
    database: c.NEO4J_DATABASE,
  });
  try {
    for (const r of await seed(db)) {
      process.stdout.write(`seed: ${r.file}: ${r.nodes} nodes, ${r.relationships} relationships\n`);
    }
  } finally {
    await db.driver.close();
  }
} catch (err) {
  fail(err);
}
