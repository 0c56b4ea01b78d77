// What an import did (or, in a dry run, would do): the entities created and matched (and how), what
// changed, the relationships and passages added, updated and removed, candidates for an editor and
// warnings; and the lines the CLI prints from it.
import type { ChangeRow } from '../data/changes.ts';
import type { EntityType } from '../model.ts';
import type { Candidates } from './candidates.ts';
import type { Match } from './resolve.ts';

export interface CreatedEntity {
  id: string;
  type: EntityType;
  name: string;
}

export interface ImportReport {
  /** The bundle's file name (or the name the mutation was given). */
  file: string;
  documentId: string;
  /** True when nothing was written (--check, dryRun). */
  dryRun: boolean;
  /** True when the document was new to the graph; false when this imported it again. */
  newDocument: boolean;
  created: CreatedEntity[];
  matched: Match[];
  /** Entities (of those matched, and those released) whose name, aliases, fields or identifiers changed. */
  updated: string[];
  /** Entities the document declared before and no longer does: it is no longer among their sources. */
  released: string[];
  /** Entities no source and no relationship supports any more: removed. */
  removed: string[];
  relationships: { added: number; updated: number; unchanged: number; removed: number };
  passages: { added: number; removed: number };
  candidates: Candidates[];
  warnings: string[];
  /** The change recorded (none for a dry run or the seed). */
  change: ChangeRow | null;
  /** Rows written: entities (the document included) and relationships. */
  rows: number;
  /** How long the import took, and of that the search for near matches after its transaction. */
  seconds: number;
  candidateSeconds: number;
  /**
   * Where the transaction's time went, in seconds: locking the document and resolving the entities,
   * writing entities, claiming identifiers, writing relationships, taking out what a re-imported
   * document no longer states, recording the change, and the commit (zero for a dry run).
   */
  phases: Phases;
}

export const PHASES = [
  'resolve',
  'entities',
  'identifiers',
  'relationships',
  'prune',
  'change',
  'commit',
] as const;
export type Phases = Record<(typeof PHASES)[number], number>;

/** No time spent yet in any phase. */
export const noPhases = (): Phases => Object.fromEntries(PHASES.map((p) => [p, 0])) as Phases;

const n = (x: number) => x.toLocaleString('en');

/** One line: what the import did, in numbers. */
export function summaryLine(r: ImportReport): string {
  const rel = r.relationships;
  const parts = [
    `${n(r.created.length + r.matched.length)} entities (${n(r.created.length)} created, ${n(r.matched.length)} matched${r.updated.length ? `, ${n(r.updated.length)} changed` : ''}${r.removed.length ? `, ${n(r.removed.length)} removed` : ''})`,
    `${n(rel.added + rel.updated + rel.unchanged)} relationships (${n(rel.added)} added, ${n(rel.updated)} updated, ${n(rel.unchanged)} unchanged${rel.removed ? `, ${n(rel.removed)} removed` : ''})`,
    `${n(r.passages.added)} passages added${r.passages.removed ? `, ${n(r.passages.removed)} removed` : ''}`,
    `${n(r.candidates.length)} with candidates`,
    `${n(r.warnings.length)} warnings`,
  ];
  const speed = r.seconds > 0 ? ` (${n(Math.round(r.rows / r.seconds))} rows/s)` : '';
  return `${r.file}: ${r.documentId}${r.newDocument ? ' (new)' : ''}: ${parts.join(', ')} in ${r.seconds.toFixed(1)} s${speed}${r.dryRun ? '; nothing written (--check)' : ''}`;
}

/** The details an editor reads: matches and how, candidates with scores, warnings. */
export function detailLines(r: ImportReport, max = 50): string[] {
  const lines: string[] = [];
  const some = <T>(list: readonly T[], title: string, line: (x: T) => string) => {
    if (!list.length) return;
    lines.push(`  ${title}:`);
    for (const x of list.slice(0, max)) lines.push(`    ${line(x)}`);
    if (list.length > max) lines.push(`    … and ${n(list.length - max)} more`);
  };
  some(r.matched, 'matched', (m) =>
    m.id === m.existingId
      ? `${m.id} (by ${m.how})`
      : `${m.id} → ${m.existingId} "${m.name}" (by ${m.how}${m.key ? `: ${m.key}` : ''})`,
  );
  some(r.candidates, 'candidates for an editor (not merged)', (c) =>
    [
      `${c.id} "${c.name}": ${c.candidates.map((x) => `${x.id} "${x.name}" (${x.score})`).join(', ')}`,
      `      ${c.hint}`,
    ].join('\n'),
  );
  some(r.released, 'no longer declared by this document', (id) => id);
  some(r.removed, 'removed (nothing supports them any more)', (id) => id);
  some(r.warnings, 'warnings', (w) => w);
  return lines;
}
