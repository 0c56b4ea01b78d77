// The pure parts of `npm run bench:peer` (bench/peer/): the generated archive is deterministic,
// consistent and honest about its evidence, and the answer normalisers bring the three servers'
// shapes to one form and report where two answers differ. No database, no timings.
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../bench/peer/archive.ts';
import { coAttendance, differences, sizeOf } from '../../bench/peer/normalise.ts';
import { OPERATIONS } from '../../bench/peer/operations.ts';

const archive = buildArchive(500);
const op = (name: string) => {
  const found = OPERATIONS.find((o) => o.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the generated archive', () => {
  it('is the same for the same scale and seed, and differs for another seed', () => {
    const again = buildArchive(500);
    expect(JSON.stringify([...again.rels])).toBe(JSON.stringify([...archive.rels]));
    expect(JSON.stringify(again.picks)).toBe(JSON.stringify(archive.picks));
    expect(JSON.stringify([...buildArchive(500, 7).rels])).not.toBe(JSON.stringify([...archive.rels]));
  });

  it('labels everything synthetic and relates only nodes it holds', () => {
    const ids = new Set<string>();
    for (const list of archive.nodes.values()) {
      for (const n of list) {
        expect(n.id).toMatch(/^[a-z]+\/synthetic-/);
        expect(n.props.synthetic).toBe(true);
        ids.add(n.id);
      }
    }
    expect(archive.nodes.get('Person')).toHaveLength(500);
    for (const list of archive.rels.values()) {
      for (const r of list) {
        expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
        expect(r.props.synthetic).toBe(true);
      }
    }
  });

  it('cites for every relationship a quote found at its offsets in the document named', () => {
    const texts = new Map((archive.nodes.get('Document') ?? []).map((d) => [d.id, String(d.props.text)]));
    let checked = 0;
    for (const list of archive.rels.values()) {
      for (const { props } of list) {
        const text = texts.get(String(props.source));
        const [quote, start, end] = [
          (props.quotes as string[])[0],
          (props.starts as number[])[0],
          (props.ends as number[])[0],
        ];
        expect(text?.slice(start, end)).toBe(quote);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('draws attendance with power-law weights: a few persons attend far more meetings than most', () => {
    const degree = new Map<string, number>();
    for (const r of archive.rels.get('ATTENDED') ?? []) degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(sorted.at(-1)).toBeGreaterThan(5 * median);
  });

  it('picks inputs that the archive answers: names contained, meetings within the ranges', () => {
    const persons = archive.nodes.get('Person') ?? [];
    for (const text of archive.picks.nameFragments) {
      expect(persons.some((p) => String(p.props.searchKeys).includes(text))).toBe(true);
    }
    const dates = (archive.nodes.get('Meeting') ?? []).map((m) => String(m.props.dateEarliest));
    const inRange = archive.picks.ranges.map(
      (r) => dates.filter((d) => d >= r.startDate && d <= r.endDate).length,
    );
    expect(inRange.reduce((a, b) => a + b, 0) / inRange.length).toBeGreaterThan(10);
  });
});

describe('the answer normalisers', () => {
  it('bring the API, @neo4j/graphql and raw Cypher forms of a meeting to one', () => {
    const evidence = { quote: 'Synthetic Person 1', start: 3, end: 21 };
    const api = op('meeting').api.canonical({
      meeting: {
        id: 'meeting/synthetic-1',
        name: 'M',
        date: { value: '1960-01-02' },
        attendees: [
          {
            role: 'present',
            person: { id: 'person/synthetic-2', name: 'B' },
            representing: null,
            evidence: [],
          },
          {
            role: 'head of delegation',
            person: { id: 'person/synthetic-1', name: 'A' },
            representing: { id: 'institution/synthetic-1', name: 'I' },
            evidence: [{ ...evidence, document: { id: 'document/synthetic-memo-1' } }],
          },
        ],
      },
    });
    const lists = { quotes: [evidence.quote], starts: [3], ends: [21], source: 'document/synthetic-memo-1' };
    const none = { quotes: [], starts: [], ends: [], source: 'document/synthetic-memo-1' };
    const library = op('meeting').library?.canonical({
      meetings: [
        {
          id: 'meeting/synthetic-1',
          name: 'M',
          dateValue: '1960-01-02',
          attendeesConnection: {
            edges: [
              {
                properties: { role: 'head of delegation', ...lists },
                node: {
                  id: 'person/synthetic-1',
                  name: 'A',
                  representedConnection: { edges: [{ node: { id: 'institution/synthetic-1', name: 'I' } }] },
                },
              },
              {
                properties: { role: 'present', ...none },
                node: { id: 'person/synthetic-2', name: 'B', representedConnection: { edges: [] } },
              },
            ],
          },
        },
      ],
    });
    expect(differences(api, library)).toEqual([]);
    expect(sizeOf(api)).toBeGreaterThan(10);
  });

  it('count co-attendance from meetings and attendees as the API does', () => {
    const library = op('metWith').library?.canonical({
      people: [
        {
          id: 'person/synthetic-1',
          attended: [
            {
              id: 'meeting/synthetic-1',
              attendees: [{ id: 'person/synthetic-1' }, { id: 'person/synthetic-3' }],
            },
            {
              id: 'meeting/synthetic-2',
              attendees: [{ id: 'person/synthetic-3' }, { id: 'person/synthetic-2' }],
            },
          ],
        },
      ],
    });
    expect(library).toEqual(
      coAttendance([
        { person: 'person/synthetic-2', count: 1, meetings: ['meeting/synthetic-2'] },
        { person: 'person/synthetic-3', count: 2, meetings: ['meeting/synthetic-2', 'meeting/synthetic-1'] },
      ]),
    );
    expect((library as { person: string }[])[0]?.person).toBe('person/synthetic-3');
  });

  it('report where two answers differ, whatever the order of object keys', () => {
    expect(differences({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
    expect(differences({ a: 1, b: [1, 2] }, { a: 2, b: [1] })).toEqual(['$.a: 1 ≠ 2', '$.b.length: 2 ≠ 1']);
    expect(differences([{ id: 'x' }], [{ id: 'x', extra: null }])).toEqual(['$[0].extra: undefined ≠ null']);
  });
});
