// A generated graph for path and network tests and for the benchmark: persons, institutions in a
// PART_OF tree, and dated meetings, written the way the seed loader writes (labels `Entity:<Type>`,
// relationships with id, source and evidence arrays). Every node has an id with `synthetic-` after
// the type prefix and `synthetic: true`, so removeSynthetic() takes it all away again.
// Deterministic: the same options give the same graph.
import type { Db } from '../src/db/driver.ts';
import type { EntityType, RelationshipType } from '../src/model.ts';
import { fold, searchKeys } from '../src/search/fold.ts';

export interface GenerateOptions {
  persons: number;
  /** Meetings per person (default 0.5: 10,000 persons, 5,000 meetings). */
  meetingsPerPerson?: number;
  /** Persons per institution (default 100). */
  personsPerInstitution?: number;
  seed?: number;
}

export interface SyntheticEdge {
  type: RelationshipType;
  from: string;
  to: string;
}

export interface GeneratedGraph {
  persons: string[];
  institutions: string[];
  meetings: string[];
  documentId: string;
  edges: SyntheticEdge[];
}

/** mulberry32: a small seeded generator, so that a failing test can be run again as it was. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DOCUMENT_TEXT = 'Synthetic register of generated meetings, for tests and benchmarks only.';
const QUOTE = 'Synthetic register';

export function dayAfter(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The properties the API reads on an entity node, from its name (labelled synthetic). */
export function nodeProps(name: string, description: string, extra: Record<string, unknown> = {}) {
  const keys = searchKeys([name]);
  return {
    name,
    sortName: fold(name),
    description,
    aliases: [],
    aliasText: '',
    searchKeyList: keys,
    searchKeys: keys.map((k) => `${k} | `).join(''),
    sources: [],
    synthetic: true,
    ...extra,
  };
}

/** Builds the graph in memory: nodes per label and relationships per type. */
/** The properties of a generated post: Counselor from `year` for five years, both to the year. */
export function counselorPost(year: number): Record<string, unknown> {
  return {
    title: 'Counselor',
    startValue: String(year),
    startPrecision: 'year',
    startEarliest: `${year}-01-01`,
    startLatest: `${year}-12-31`,
    startCertainty: 'stated',
    endValue: String(year + 5),
    endPrecision: 'year',
    endEarliest: `${year + 5}-01-01`,
    endLatest: `${year + 5}-12-31`,
    endCertainty: 'stated',
  };
}

export function buildGraph(options: GenerateOptions) {
  const rand = random(options.seed ?? 1959);
  const width = String(options.persons).length + 1;
  const nInstitutions = Math.max(4, Math.ceil(options.persons / (options.personsPerInstitution ?? 100)));
  const nMeetings = Math.max(1, Math.round(options.persons * (options.meetingsPerPerson ?? 0.5)));
  const documentId = 'document/synthetic-register';
  const nodes = new Map<EntityType, { id: string; props: Record<string, unknown> }[]>([
    [
      'Document',
      [
        {
          id: documentId,
          props: {
            ...nodeProps(
              'Synthetic register',
              'A generated document that every synthetic relationship cites.',
            ),
            title: 'Synthetic register',
            text: DOCUMENT_TEXT,
            language: 'en',
          },
        },
      ],
    ],
    ['Institution', []],
    ['Person', []],
    ['Meeting', []],
  ]);
  const rels = new Map<RelationshipType, { from: string; to: string; props: Record<string, unknown> }[]>();
  const edges: SyntheticEdge[] = [];
  let relCount = 0;
  const relate = (type: RelationshipType, from: string, to: string, extra: Record<string, unknown> = {}) => {
    relCount += 1;
    const list = rels.get(type) ?? [];
    rels.set(type, list);
    list.push({
      from,
      to,
      props: {
        // the form an extraction's relationships have (document#TYPE:from->to:key), so URIs work
        id: `${documentId}#${type}:${from}->${to}:s${relCount}`,
        source: documentId,
        synthetic: true,
        certainty: 'stated',
        quotes: [QUOTE],
        starts: [0],
        ends: [QUOTE.length],
        certainties: ['stated'],
        reasonings: [''],
        ...extra,
      },
    });
    edges.push({ type, from, to });
  };

  const institutions = Array.from({ length: nInstitutions }, (_, i) => `institution/synthetic-${pad(i, 5)}`);
  institutions.forEach((id, i) => {
    nodes.get('Institution')?.push({
      id,
      props: nodeProps(`Synthetic Institution ${pad(i, 5)}`, 'A generated institution.', {
        kind: 'ministry',
      }),
    });
    // a tree: each institution is part of one with a smaller number
    if (i > 0) relate('PART_OF', id, institutions[Math.floor((i - 1) / 4)] as string);
  });

  const persons = Array.from({ length: options.persons }, (_, i) => `person/synthetic-${pad(i, width)}`);
  const homeOf = (p: number) => institutions[p % nInstitutions] as string;
  persons.forEach((id, i) => {
    nodes
      .get('Person')
      ?.push({ id, props: nodeProps(`Synthetic Person ${pad(i, width)}`, 'A generated person.') });
    const year = 1950 + (i % 30);
    relate('HELD_POSITION', id, homeOf(i), counselorPost(year));
  });

  const meetings = Array.from({ length: nMeetings }, (_, i) => `meeting/synthetic-${pad(i, width)}`);
  meetings.forEach((id, i) => {
    const date = dayAfter('1950-01-01', Math.floor(rand() * 365 * 40));
    nodes.get('Meeting')?.push({
      id,
      props: nodeProps(`Synthetic Meeting ${pad(i, width)}`, 'A generated meeting.', {
        dateValue: date,
        datePrecision: 'day',
        dateEarliest: date,
        dateLatest: date,
        dateCertainty: 'stated',
      }),
    });
    // mostly neighbours by number (a local structure), now and then someone from far away
    const base = Math.floor(rand() * options.persons);
    const size = 2 + Math.floor(rand() * 4);
    const attendees = new Set<number>();
    for (let k = 0; k < size; k++) {
      attendees.add(rand() < 0.15 ? Math.floor(rand() * options.persons) : (base + k * 7) % options.persons);
    }
    for (const p of attendees) {
      const person = persons[p] as string;
      relate('ATTENDED', person, id, { role: 'present' });
      relate('REPRESENTED', person, homeOf(p), { context: id });
    }
  });
  return { nodes, rels, graph: { persons, institutions, meetings, documentId, edges } as GeneratedGraph };
}

type Rows<K> = Map<K, { id?: string; from?: string; to?: string; props: Record<string, unknown> }[]>;

/**
 * Writes generated rows in UNWIND batches: nodes per label (MERGE on the id, or CREATE when the
 * caller knows none exists, which is faster), then relationships per type, matched through the id
 * constraint. `name` prefixes the statements' names.
 */
export async function writeGeneratedRows(
  db: Db,
  nodes: Rows<EntityType>,
  rels: Rows<RelationshipType>,
  options: { name: string; batch: number; create?: boolean; awaitIndexesSeconds: number },
): Promise<void> {
  const { name, batch } = options;
  for (const [label, rows] of nodes) {
    for (let i = 0; i < rows.length; i += batch) {
      // `label` comes from the closed list ENTITY_TYPES
      await db.write(
        options.create
          ? `/* ${name}Entities:${label} */
         UNWIND $rows AS row
         CREATE (n:Entity:${label})
         SET n = row.props, n.id = row.id`
          : `/* ${name}Entities:${label} */
         UNWIND $rows AS row
         MERGE (n:Entity {id: row.id})
         SET n:${label}, n += row.props`,
        { rows: rows.slice(i, i + batch) },
      );
    }
  }
  for (const [type, rows] of rels) {
    for (let i = 0; i < rows.length; i += batch) {
      // `type` comes from the closed list RELATIONSHIP_TYPE_NAMES
      await db.write(
        `/* ${name}Relationships:${type} */
         UNWIND $rows AS row
         MATCH (a:Entity {id: row.from})
         MATCH (b:Entity {id: row.to})
         CREATE (a)-[r:${type}]->(b)
         SET r = row.props`,
        { rows: rows.slice(i, i + batch) },
      );
    }
  }
  await db.write(`CALL db.awaitIndexes(${options.awaitIndexesSeconds})`);
}

/** Writes a generated graph; returns what it wrote. Remove it with removeSynthetic(). */
export async function generateGraph(db: Db, options: GenerateOptions): Promise<GeneratedGraph> {
  const { nodes, rels, graph } = buildGraph(options);
  await writeGeneratedRows(db, nodes, rels, { name: 'synthetic', batch: 5000, awaitIndexesSeconds: 120 });
  return graph;
}

/** Deletes every synthetic node with its relationships; returns how many nodes went. */
export async function removeSynthetic(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.write<{ n: number }>(
      `/* removeSynthetic */
       MATCH (n:Entity) WHERE n.synthetic = true
       WITH n LIMIT 2000
       DETACH DELETE n
       RETURN count(*) AS n`,
    );
    const n = row?.n ?? 0;
    total += n;
    if (n === 0) return total;
  }
}

/** Shortest distances from one node over the given edges, direction ignored (for checking answers). */
export function distancesFrom(
  edges: readonly SyntheticEdge[],
  start: string,
  types?: ReadonlySet<RelationshipType>,
): Map<string, number> {
  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    if (types && !types.has(e.type)) continue;
    for (const [a, b] of [
      [e.from, e.to],
      [e.to, e.from],
    ] as const) {
      const list = adjacent.get(a);
      if (list) list.push(b);
      else adjacent.set(a, [b]);
    }
  }
  const dist = new Map([[start, 0]]);
  let frontier = [start];
  while (frontier.length) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of adjacent.get(n) ?? []) {
        if (!dist.has(m)) {
          dist.set(m, (dist.get(n) ?? 0) + 1);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return dist;
}
