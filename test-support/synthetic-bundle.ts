// Generated document bundles for `npm run bench:import` and the import tests: a synthetic archive of
// register volumes (one extraction, format coldwar-graph/extraction@1, and its text each), shaped
// like the synthetic graph (synthetic-graph.ts): persons holding posts at institutions in a PART_OF
// tree, and dated meetings they attend, representing their institution. A volume states the posts of
// its own persons and its own meetings, and declares every actor those name (an attendee from another
// volume, the institutions), so volumes share actors, matched by id when imported one after another.
// Every id has `synthetic-` after its type prefix, every name says "Synthetic", every text says it is
// generated: nothing in it is historical. Each relationship has one evidence passage, a line of the
// text at its offsets (lines are reused once the text runs out). Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ArchiveOptions {
  persons: number;
  /** Volumes (documents) the archive is split into (default 1). */
  volumes?: number;
  /** Meetings per person (default 0.5). */
  meetingsPerPerson?: number;
  /** Persons per institution (default 100). */
  personsPerInstitution?: number;
  seed?: number;
  /** A series of persons, meetings and volumes of their own (ids `person/synthetic-<series>-…`). */
  series?: string;
  /** Lines of text per volume (default 2000). */
  lines?: number;
}

export interface SyntheticBundle {
  extraction: {
    format: 'coldwar-graph/extraction@1';
    document: Record<string, unknown>;
    entities: Record<string, unknown>[];
    relationships: Record<string, unknown>[];
  };
  text: string;
  textFile: string;
}

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dayAfter(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One volume being written: its text, entities (each once) and relationships. */
class Volume {
  readonly entities = new Map<string, Record<string, unknown>>();
  readonly relationships: Record<string, unknown>[] = [];
  readonly header: string;
  private readonly lines: { start: number; quote: string }[] = [];
  private used = 0;
  text: string;

  constructor(label: string, lines: number) {
    this.header = `SYNTHETIC register ${label}of generated persons, institutions and meetings: for tests and benchmarks only, not a historical source.\n`;
    this.text = this.header;
    for (let i = 0; i < lines; i++) {
      const quote = `Synthetic entry ${pad(i, 5)}: a generated line of the register, not a historical record.`;
      this.lines.push({ start: this.text.length, quote });
      this.text += `${quote}\n`;
    }
  }

  evidence() {
    const line = this.lines[this.used++ % this.lines.length] as { start: number; quote: string };
    return [
      { quote: line.quote, start: line.start, end: line.start + line.quote.length, certainty: 'stated' },
    ];
  }

  declare(entity: Record<string, unknown>) {
    if (!this.entities.has(entity.id as string)) this.entities.set(entity.id as string, entity);
  }

  relate(r: Record<string, unknown>) {
    this.relationships.push({ ...r, evidence: this.evidence() });
  }
}

/** The archive's volumes, in order. */
export function syntheticArchive(options: ArchiveOptions): SyntheticBundle[] {
  const rand = random(options.seed ?? 1959);
  const series = options.series ? `${options.series}-` : '';
  const label = options.series ? `${options.series.toUpperCase()} ` : '';
  const volumes = Math.max(1, options.volumes ?? 1);
  const width = String(options.persons).length + 1;
  const nInstitutions = Math.max(4, Math.ceil(options.persons / (options.personsPerInstitution ?? 100)));
  const nMeetings = Math.max(1, Math.round(options.persons * (options.meetingsPerPerson ?? 0.5)));
  const out = Array.from(
    { length: volumes },
    (_, v) => new Volume(volumes > 1 ? `${label}volume ${v + 1} ` : label, options.lines ?? 2000),
  );
  const entity = (id: string, type: string, name: string, extra: Record<string, unknown> = {}) => ({
    id,
    type,
    name,
    description: `A generated ${type.toLowerCase()}: synthetic.`,
    ...extra,
  });
  const institutions = Array.from({ length: nInstitutions }, (_, i) =>
    entity(`institution/synthetic-${pad(i, 5)}`, 'Institution', `Synthetic Institution ${pad(i, 5)}`, {
      kind: 'ministry',
    }),
  );
  const persons = Array.from({ length: options.persons }, (_, i) =>
    entity(
      `person/synthetic-${series}${pad(i, width)}`,
      'Person',
      `Synthetic Person ${label}${pad(i, width)}`,
    ),
  );
  const first = out[0] as Volume;
  institutions.forEach((inst, i) => {
    first.declare(inst);
    if (i > 0) {
      const parent = institutions[Math.floor((i - 1) / 4)] as Record<string, unknown>;
      first.declare(parent);
      first.relate({ type: 'PART_OF', from: inst.id, to: parent.id });
    }
  });
  const volumeOf = (i: number, n: number) =>
    out[Math.min(volumes - 1, Math.floor((i * volumes) / n))] as Volume;
  const homeOf = (p: number) => institutions[p % nInstitutions] as Record<string, unknown>;
  persons.forEach((person, i) => {
    const v = volumeOf(i, persons.length);
    const home = homeOf(i);
    v.declare(person);
    v.declare(home);
    const year = 1950 + (i % 30);
    v.relate({
      type: 'HELD_POSITION',
      from: person.id,
      to: home.id,
      title: 'Counselor',
      startDate: { value: String(year), precision: 'year' },
      endDate: { value: String(year + 5), precision: 'year' },
    });
  });
  for (let i = 0; i < nMeetings; i++) {
    const v = volumeOf(i, nMeetings);
    const id = `meeting/synthetic-${series}${pad(i, width)}`;
    const date = dayAfter('1950-01-01', Math.floor(rand() * 365 * 40));
    v.declare(
      entity(id, 'Meeting', `Synthetic Meeting ${label}${pad(i, width)}`, {
        date: { value: date, precision: 'day' },
      }),
    );
    const base = Math.floor(rand() * options.persons);
    const size = 2 + Math.floor(rand() * 4);
    const attendees = new Set<number>();
    for (let k = 0; k < size; k++)
      attendees.add(rand() < 0.15 ? Math.floor(rand() * options.persons) : (base + k * 7) % options.persons);
    for (const p of attendees) {
      const person = persons[p] as Record<string, unknown>;
      const home = homeOf(p);
      v.declare(person);
      v.declare(home);
      v.relate({ type: 'ATTENDED', from: person.id, to: id, role: 'present' });
      v.relate({ type: 'REPRESENTED', from: person.id, to: home.id, key: `m${i}`, context: id });
    }
  }
  return out.map((v, k) => {
    const name = volumes > 1 ? `synthetic-${series}register-${k + 1}` : `synthetic-${series}register`;
    const textFile = `${name}.txt`;
    return {
      extraction: {
        format: 'coldwar-graph/extraction@1',
        document: {
          id: `document/${name}`,
          title: `Synthetic register ${label}${volumes > 1 ? `volume ${k + 1}` : ''}`.trim(),
          description: 'A generated register for tests and benchmarks: not a historical source.',
          textFile,
          sections: {
            citation: { start: 0, end: v.header.length - 1 },
            body: { start: v.header.length, end: v.text.length },
          },
          date: { value: '2000', precision: 'year' },
          language: 'en',
        },
        entities: [...v.entities.values()],
        relationships: v.relationships,
      },
      text: v.text,
      textFile,
    };
  });
}

/** Writes a bundle into `dir` (the extraction as NAME.json, the text beside it); returns the JSON's path. */
export function writeBundle(dir: string, name: string, bundle: SyntheticBundle): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(bundle.extraction));
  writeFileSync(join(dir, bundle.textFile), bundle.text);
  return path;
}
