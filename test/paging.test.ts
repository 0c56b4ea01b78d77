// Root lists page by keyset (src/schema/connection.ts, src/data/compiled/read.ts): a cursor is the
// position of its row, so rows written between two page fetches neither repeat nor hide what
// follows; last/before read from the other end; a cursor is checked (INVALID_CURSOR); and the
// statements use the indexes (EXPLAIN): a date range reads a date index (seek or ordered scan), the name order reads the
// sortName index in order.
import { listStatement } from '../src/data/compiled/read.ts';
import type { Statement } from '../src/data/statement.ts';
import { fold, searchKeys } from '../src/search/fold.ts';
import { type Api, describe, expect, failure, it, useSyntheticGraph } from './fixtures.ts';

const TAG = 'keyset probe';

/** Writes synthetic people named "Keyset Probe <suffix>" (removed with the synthetic graph). */
async function addPeople(api: Api, suffixes: string[]): Promise<void> {
  const rows = suffixes.map((s) => {
    const name = `Keyset Probe ${s}`;
    const keys = searchKeys([name]);
    return {
      id: `person/synthetic-keyset-${s.toLowerCase()}`,
      name,
      sortName: fold(name),
      searchKeys: keys.map((k) => `${k} | `).join(''),
    };
  });
  await api.db.write(
    `/* testAddPeople */ UNWIND $rows AS row
     CREATE (n:Entity:Person {id: row.id, name: row.name, sortName: row.sortName, searchKeys: row.searchKeys,
       description: 'A generated person (synthetic).', aliases: [], synthetic: true})`,
    { rows },
  );
}

const PAGE = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String) {
    people(first: $first, after: $after, last: $last, before: $before, filter: { nameContains: "${TAG}" }) {
      nodes { name }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

async function page(api: Api, variables: Record<string, unknown>) {
  const r = await api.gql(PAGE, variables);
  expect(r.errors).toBeUndefined();
  return r.data.people as {
    nodes: { name: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  };
}

const names = (p: { nodes: { name: string }[] }) => p.nodes.map((n) => n.name.replace('Keyset Probe ', ''));

describe('keyset paging', () => {
  useSyntheticGraph();

  it('skips and repeats nothing when rows are written between two page fetches', async ({ api }) => {
    await addPeople(api, ['B', 'D', 'F', 'H', 'J', 'L']);
    const first = await page(api, { first: 3 });
    expect(names(first)).toEqual(['B', 'D', 'F']);
    // one row before the cursor (an offset would repeat F) and one after it
    await addPeople(api, ['A', 'G']);
    const second = await page(api, { first: 3, after: first.pageInfo.endCursor });
    expect(names(second)).toEqual(['G', 'H', 'J']);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // the row of a cursor may even go: its position stays
    await api.db.write(`/* testRemove */ MATCH (n:Person {id: 'person/synthetic-keyset-j'}) DETACH DELETE n`);
    const third = await page(api, { first: 3, after: second.pageInfo.endCursor });
    expect(names(third)).toEqual(['L']);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('reads from the end with last and before', async ({ api }) => {
    const end = await page(api, { last: 2 });
    expect(names(end)).toEqual(['H', 'L']);
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await page(api, { last: 3, before: end.pageInfo.startCursor });
    expect(names(before)).toEqual(['D', 'F', 'G']);
    const start = await page(api, { last: 10, before: before.pageInfo.startCursor });
    expect(names(start)).toEqual(['A', 'B']);
    expect(start.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // a cursor serves both ways
    expect(names(await page(api, { first: 2, after: before.pageInfo.startCursor }))).toEqual(['F', 'G']);
  });

  it('pages through undated entities after the dated ones, by date, one at a time', async ({ api }) => {
    const all = await api.gql(/* GraphQL */ `{ events(orderBy: DATE_ASC, first: 100) { nodes { id } } }`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: any = await api.gql(
        /* GraphQL */ `query ($after: String) { events(orderBy: DATE_ASC, first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...r.data.events.nodes.map((n: { id: string }) => n.id));
      if (!r.data.events.pageInfo.hasNextPage) break;
      after = r.data.events.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data.events.nodes.map((n: { id: string }) => n.id));
    expect(seen.length).toBeGreaterThan(2);
  });

  it.for([
    ['not ours', 'not-a-cursor'],
    ['an offset cursor', Buffer.from('offset:3').toString('base64url')],
    [
      'a cursor of the date order',
      Buffer.from(JSON.stringify(['d', null, null, 'person/x'])).toString('base64url'),
    ],
    [
      'a name cursor without an id',
      Buffer.from(JSON.stringify(['n', 'deng xiaoping', ''])).toString('base64url'),
    ],
  ])('refuses %s with INVALID_CURSOR, before any statement', async ([, after], { api }) => {
    const { e, statements } = await failure(api, PAGE, { first: 2, after });
    expect(e?.extensions).toMatchObject({ code: 'INVALID_CURSOR', argument: 'after' });
    expect(statements).toBe(0);
  });

  it('refuses first with last', async ({ api }) => {
    const { e } = await failure(api, PAGE, { first: 2, last: 2 });
    expect(e?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', argument: 'last' });
  });
});

/** The operators of a statement's plan, with their details (EXPLAIN: nothing runs). */
async function plan(api: Api, s: Statement): Promise<string[]> {
  const session = api.db.driver.session({ database: api.db.database });
  try {
    const result = await session.run(`EXPLAIN ${s.cypher}`, s.params);
    const ops: string[] = [];
    const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
      ops.push(`${p.operatorType} ${String(p.arguments.Details ?? '')}`);
      for (const c of p.children) walk(c as typeof p);
    };
    walk(result.summary.plan as never);
    return ops;
  } finally {
    await session.close();
  }
}

describe('lists use the indexes', () => {
  useSyntheticGraph();
  const node = { props: ['name'], fields: {} };

  it('a date range reads a date index of its label, never a label scan', async ({ api }) => {
    const ops = await plan(
      api,
      listStatement({
        label: 'Meeting',
        startDay: '1960-01-01',
        endDay: '1960-12-31',
        order: 'DATE_ASC',
        limit: 20,
        backwards: false,
        count: false,
        node,
      }),
    );
    // a seek of the range, or (as the planner's statistics decide, seen in CI) the date index read in
    // its order with the range as a filter and the page cut by LIMIT: the date index either way
    expect(ops.join('\n')).toMatch(
      /(NodeIndexSeekByRange|NodeIndexScan).*RANGE INDEX n:Meeting\(date(Earliest|Latest)\)/,
    );
    expect(ops.join('\n')).not.toMatch(/NodeByLabelScan|AllNodesScan/);
  });

  it('the name order reads the sortName index in order and stops at the page', async ({ api }) => {
    const ops = await plan(
      api,
      listStatement({ label: 'Person', order: 'NAME_ASC', limit: 20, backwards: false, count: false, node }),
    );
    const text = ops.join('\n');
    expect(text).toMatch(/NodeIndex(Scan|SeekByRange).*RANGE INDEX n:Person\(sortName\)/);
    // the index gives the order: at most a partial sort within equal names, never a sort of every person
    expect(ops.some((o) => /^(Sort|Top) /.test(o))).toBe(false);
    const after = await plan(
      api,
      listStatement({
        label: 'Person',
        order: 'NAME_DESC',
        limit: 20,
        backwards: false,
        count: false,
        node,
        after: { by: 'name', sortName: 'synthetic person 0200', id: 'person/x' },
      }),
    );
    // after a cursor: the same index, seeking from the position or scanning it in order
    expect(after.join('\n')).toMatch(/NodeIndex(Scan|SeekByRange).*n:Person\(sortName\)/);
    expect(after.some((o) => /^(Sort|Top) /.test(o))).toBe(false);
  });

  it('counts only when the total is asked', async ({ api }) => {
    const without = listStatement({
      label: 'Person',
      order: 'NAME_ASC',
      limit: 20,
      backwards: false,
      count: false,
      node,
    });
    expect(without.cypher).not.toMatch(/count\(/);
    const ops = await plan(api, {
      ...without,
      ...listStatement({
        label: 'Person',
        order: 'NAME_ASC',
        limit: 20,
        backwards: false,
        count: true,
        node,
      }),
    });
    expect(ops.join('\n')).toMatch(/NodeCountFromCountStore/);
  });
});
