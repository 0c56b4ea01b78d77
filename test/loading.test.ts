// The N+1 guard (src/reader.ts): statements per query depend on the query's depth, not on the number
// of rows. A generated graph of meetings, attendees, positions and institutions is queried at two sizes.
import type { Db } from '../src/db/driver.ts';
import { type Api, describe, expect, it } from './fixtures.ts';

const FIXTURE = 'loading-test';

async function generate(db: Db, meetings: number): Promise<void> {
  await db.write('/* testClearFixture */ MATCH (n:Entity {fixture: $f}) DETACH DELETE n', { f: FIXTURE });
  const rows = Array.from({ length: meetings }, (_, i) => ({
    meeting: `meeting/lt-${i}`,
    date: `1960-${String((i % 12) + 1).padStart(2, '0')}-01`,
    people: [0, 1, 2].map((k) => `person/lt-${i}-${k}`),
    institution: `institution/lt-${i % 7}`,
    parent: `institution/lt-parent-${(i % 7) % 3}`,
  }));
  await db.write(
    `/* testGenerateLoading */
     UNWIND $rows AS row
     MERGE (m:Entity {id: row.meeting})
       SET m:Meeting, m.fixture = $f, m.name = row.meeting, m.searchKeys = 'meeting lt | ', m.sortName = row.meeting, m.description = 'generated',
           m.dateValue = row.date, m.datePrecision = 'day', m.dateEarliest = row.date, m.dateLatest = row.date
     MERGE (i:Entity {id: row.institution}) SET i:Institution, i.fixture = $f, i.name = row.institution, i.sortName = row.institution, i.description = 'generated'
     MERGE (p:Entity {id: row.parent}) SET p:Institution, p.fixture = $f, p.name = row.parent, p.sortName = row.parent, p.description = 'generated'
     MERGE (i)-[po:PART_OF {id: row.institution + '-part-of'}]->(p)
       SET po.source = 'document/lt', po.quotes = ['x'], po.starts = [0], po.ends = [1], po.certainties = ['stated'], po.reasonings = ['']
     WITH row, m, i
     UNWIND row.people AS pid
     MERGE (person:Entity {id: pid}) SET person:Person, person.fixture = $f, person.name = pid, person.sortName = pid, person.description = 'generated'
     MERGE (person)-[a:ATTENDED {id: pid + '-attended'}]->(m)
       SET a.source = 'document/lt', a.quotes = ['x'], a.starts = [0], a.ends = [1], a.certainties = ['stated'], a.reasonings = ['']
     MERGE (person)-[h:HELD_POSITION {id: pid + '-position'}]->(i)
       SET h.source = 'document/lt', h.title = 'Official', h.quotes = ['x'], h.starts = [0], h.ends = [1], h.certainties = ['stated'], h.reasonings = ['']`,
    { rows, f: FIXTURE },
  );
}

const NESTED = /* GraphQL */ `
  query ($filter: EntityFilter) {
    meetings(first: 100, filter: $filter) {
      totalCount
      nodes {
        id
        attendees {
          person {
            name
            positions { title institution { name parent { name } } }
          }
        }
      }
    }
  }
`;

async function statementsFor(api: Api, meetings: number): Promise<{ statements: number; rows: number }> {
  await generate(api.db, meetings);
  let r: any;
  const statements = await api.statementsDuring(async () => {
    r = await api.gql(NESTED, { filter: { nameContains: 'meeting lt' } });
  });
  expect(r.errors).toBeUndefined();
  const nodes = r.data.meetings.nodes;
  expect(nodes).toHaveLength(meetings);
  const rows = nodes.reduce((n: number, m: any) => n + m.attendees.length, 0);
  expect(rows).toBe(meetings * 3);
  for (const m of nodes)
    for (const a of m.attendees)
      expect(a.person.positions[0].institution.parent.name).toMatch(/^institution\/lt-parent-/);
  return { statements, rows };
}

describe('batched loading', () => {
  it.afterAll(async ({ api }) => {
    await api.db.write('/* testClearFixture */ MATCH (n:Entity {fixture: $f}) DETACH DELETE n', {
      f: FIXTURE,
    });
  });

  it('sends the same number of statements for 10 and for 80 meetings', async ({ api }) => {
    const small = await statementsFor(api, 10);
    const large = await statementsFor(api, 80);
    process.stdout.write(
      `[loading] nested query: ${small.statements} statements for ${small.rows} attendances; ${large.statements} for ${large.rows}\n`,
    );
    expect(large.statements).toBe(small.statements);
    // one list statement, then per level one relationship batch and one entity batch at most
    expect(small.statements).toBeLessThanOrEqual(8);
  });
});
