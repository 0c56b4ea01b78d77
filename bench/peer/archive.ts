// The archive `npm run bench:peer` measures: a deterministic generated graph at a chosen scale, in
// the labels, properties and relationship types the API reads, every node and relationship labelled
// synthetic. Institutions in a PART_OF tree, each with a register document; persons holding a post
// in one; meetings with 2–9 attendees drawn with power-law weights (a few persons attend very many
// meetings, most a few), each recorded by a memorandum that mentions its attendees and their
// institutions. Every relationship cites a generated document by a quote at exact offsets into its
// text. Pure: the same scale and seed give the same archive; nothing here touches a database.
import type { EntityType, RelationshipType } from '../../src/model.ts';
import { counselorPost, dayAfter, nodeProps, pad, random } from '../../test-support/synthetic-graph.ts';

export interface ArchiveNode {
  id: string;
  props: Record<string, unknown>;
}

export interface ArchiveRel {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** Deterministic request inputs drawn from the archive, spread over it. */
export interface Picks {
  persons: string[];
  meetings: string[];
  /** Texts a person's name contains (each matches up to 100 persons). */
  nameFragments: string[];
  /** Date ranges holding about 40 meetings each on average. */
  ranges: { startDate: string; endDate: string }[];
  /** Names to search for. */
  searchTexts: string[];
}

export interface Archive {
  nodes: Map<EntityType, ArchiveNode[]>;
  rels: Map<RelationshipType, ArchiveRel[]>;
  picks: Picks;
}

const PICKS = 64;
const YEARS = 40;

/** A document's text built piece by piece, with the offsets of the pieces to quote. */
class Text {
  value = '';
  add(piece: string): { quote: string; start: number; end: number } {
    const start = this.value.length;
    this.value += piece;
    return { quote: piece, start, end: this.value.length };
  }
}

export function buildArchive(persons: number, seed = 1962): Archive {
  const rand = random(seed);
  const w = String(persons).length + 1;
  const nInst = Math.max(4, Math.ceil(persons / 100));
  const nMeetings = Math.max(1, Math.round(persons / 2));
  const nodes = new Map<EntityType, ArchiveNode[]>([
    ['Document', []],
    ['Institution', []],
    ['Person', []],
    ['Meeting', []],
  ]);
  const rels = new Map<RelationshipType, ArchiveRel[]>();
  let relCount = 0;
  const relate = (
    type: RelationshipType,
    from: string,
    to: string,
    doc: string,
    passage: { quote: string; start: number; end: number },
    extra: Record<string, unknown> = {},
  ) => {
    relCount += 1;
    const list = rels.get(type) ?? [];
    rels.set(type, list);
    list.push({
      from,
      to,
      props: {
        id: `${doc}#${type}:${from}->${to}:p${relCount}`,
        source: doc,
        synthetic: true,
        certainty: 'stated',
        quotes: [passage.quote],
        starts: [passage.start],
        ends: [passage.end],
        certainties: ['stated'],
        reasonings: [''],
        ...extra,
      },
    });
  };
  const push = (label: EntityType, node: ArchiveNode) => nodes.get(label)?.push(node);

  const instId = (i: number) => `institution/synthetic-${pad(i, w)}`;
  const instName = (i: number) => `Synthetic Institution ${pad(i, w)}`;
  const personId = (i: number) => `person/synthetic-${pad(i, w)}`;
  const personName = (i: number) => `Synthetic Person ${pad(i, w)}`;
  const home = (p: number) => p % nInst;

  // institutions and their registers: the PART_OF link and the staff with their posts
  for (let i = 0; i < nInst; i++) {
    push('Institution', {
      id: instId(i),
      props: nodeProps(instName(i), 'A generated institution.', { kind: 'ministry' }),
    });
  }
  for (let i = 0; i < nInst; i++) {
    const doc = `document/synthetic-register-${pad(i, w)}`;
    const text = new Text();
    text.add(`Synthetic register of ${instName(i)}, generated for benchmarks. `);
    if (i > 0) {
      const parent = Math.floor((i - 1) / 4);
      text.add('Part of ');
      relate('PART_OF', instId(i), instId(parent), doc, text.add(instName(parent)));
      text.add('. ');
    }
    text.add('Staff: ');
    for (let p = i; p < persons; p += nInst) {
      const year = 1950 + (p % 30);
      relate(
        'HELD_POSITION',
        personId(p),
        instId(i),
        doc,
        text.add(`${personName(p)}, Counselor`),
        counselorPost(year),
      );
      text.add('; ');
    }
    push('Document', {
      id: doc,
      props: {
        ...nodeProps(`Synthetic register ${pad(i, w)}`, 'A generated register of staff.'),
        title: `Synthetic register ${pad(i, w)}`,
        text: text.value,
        language: 'en',
      },
    });
  }
  for (let p = 0; p < persons; p++) {
    push('Person', { id: personId(p), props: nodeProps(personName(p), 'A generated person.') });
  }

  // meetings, two to a memorandum; attendees drawn with power-law weights over a shuffled order
  // (7919 is prime, so p ↦ p·7919 mod n is a permutation for the scales used)
  const weighted = () => (Math.floor(persons * rand() ** 2) * 7919) % persons;
  let memo: {
    id: string;
    text: Text;
    date: string;
    mentioned: Map<string, { quote: string; start: number; end: number }>;
  } | null = null;
  const flush = () => {
    if (!memo) return;
    for (const [target, passage] of memo.mentioned) relate('MENTIONS', memo.id, target, memo.id, passage);
    const n = memo.id.slice(-w);
    push('Document', {
      id: memo.id,
      props: {
        ...nodeProps(`Synthetic memorandum ${n}`, 'A generated record of meetings.', {
          dateValue: memo.date,
          datePrecision: 'day',
          dateEarliest: memo.date,
          dateLatest: memo.date,
          dateCertainty: 'stated',
        }),
        title: `Synthetic memorandum ${n}`,
        text: memo.text.value,
        language: 'en',
      },
    });
    memo = null;
  };
  for (let j = 0; j < nMeetings; j++) {
    const id = `meeting/synthetic-${pad(j, w)}`;
    const name = `Synthetic Meeting ${pad(j, w)}`;
    const date = dayAfter('1950-01-01', Math.floor(rand() * 365 * YEARS));
    push('Meeting', {
      id,
      props: nodeProps(name, 'A generated meeting.', {
        dateValue: date,
        datePrecision: 'day',
        dateEarliest: date,
        dateLatest: date,
        dateCertainty: 'stated',
      }),
    });
    if (j % 2 === 0) {
      flush();
      memo = {
        id: `document/synthetic-memo-${pad(j / 2, w)}`,
        text: new Text(),
        date,
        mentioned: new Map(),
      };
      memo.text.add('Synthetic memorandum, generated for benchmarks. ');
    }
    const m = memo as NonNullable<typeof memo>;
    relate('RECORDS', m.id, id, m.id, m.text.add(`${name} on ${date}.`));
    m.text.add(' Present: ');
    const size = 2 + Math.floor(rand() ** 2 * 8);
    const base = Math.floor(rand() * persons);
    const attendees = new Set<number>();
    for (let k = 0; attendees.size < Math.min(size, persons) && k < 50; k++) {
      attendees.add(rand() < 0.7 ? weighted() : (base + k * 7) % persons);
    }
    let first = true;
    for (const p of attendees) {
      const said = m.text.add(personName(p));
      m.text.add(' for ');
      const inst = m.text.add(instName(home(p)));
      m.text.add('; ');
      const both = { quote: `${said.quote} for ${inst.quote}`, start: said.start, end: inst.end };
      relate('ATTENDED', personId(p), id, m.id, said, { role: first ? 'head of delegation' : 'present' });
      relate('REPRESENTED', personId(p), instId(home(p)), m.id, both, { context: id });
      if (!m.mentioned.has(personId(p))) m.mentioned.set(personId(p), said);
      if (!m.mentioned.has(instId(home(p)))) m.mentioned.set(instId(home(p)), inst);
      first = false;
    }
    m.text.add('\n');
  }
  flush();

  // request inputs: spread over the archive, the same for every run at this scale
  const spread = (n: number, k: number) => (k * 7919 + 13) % n;
  const blocks = Math.ceil(persons / 100);
  const span = Math.max(7, Math.round((365 * YEARS * 40) / nMeetings));
  const picks: Picks = { persons: [], meetings: [], nameFragments: [], ranges: [], searchTexts: [] };
  for (let k = 0; k < PICKS; k++) {
    picks.persons.push(personId(spread(persons, k)));
    picks.meetings.push(`meeting/synthetic-${pad(spread(nMeetings, k), w)}`);
    picks.nameFragments.push(`person ${pad(spread(blocks, k), w - 2)}`);
    const start = dayAfter('1950-01-01', Math.floor(rand() * 365 * (YEARS - 1)));
    picks.ranges.push({ startDate: start, endDate: dayAfter(start, span) });
    picks.searchTexts.push(k % 2 ? personName(spread(persons, k * 3)) : instName(spread(nInst, k)));
  }
  return { nodes, rels, picks };
}

/** Counts of what an archive holds (for the report). */
export function archiveCounts(a: Archive): { nodes: number; relationships: number; byLabel: string } {
  let nodes = 0;
  let relationships = 0;
  const parts: string[] = [];
  for (const [label, list] of a.nodes) {
    nodes += list.length;
    parts.push(`${list.length} ${label}`);
  }
  for (const [type, list] of a.rels) {
    relationships += list.length;
    parts.push(`${list.length} ${type}`);
  }
  return { nodes, relationships, byLabel: parts.join(', ') };
}
