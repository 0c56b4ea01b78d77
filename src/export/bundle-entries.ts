// The entries of an exported bundle, in the extraction format, from a document's stored rows: the
// document (its sections as offsets into its text), each entity it declares (with the aliases this
// document gave it) and each relationship it supports (its key, or its id when a merge moved an end,
// and its evidence passages). Pure; what cannot be written faithfully is said in `warnings`.
import type { BundleNodeRow, BundleRelationshipRow } from '../data/export-bundle.ts';

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);

/** A historical date from its stored properties (`<prefix>Value`, …), or undefined. */
export function dateEntry(props: Raw, prefix: string): Raw | undefined {
  const value = str(props[`${prefix}Value`]);
  if (!value) return undefined;
  const reasoning = str(props[`${prefix}Reasoning`]);
  return {
    value,
    precision: props[`${prefix}Precision`],
    certainty: str(props[`${prefix}Certainty`]) ?? 'stated',
    ...(reasoning ? { reasoning } : {}),
  };
}

/**
 * The aliases of an entity this document gave: those its recorded sources name the document for,
 * and, in the bundle of its first source, those no document among its sources gave (an editor's, or
 * recorded before sources were kept). An alias equal to the name is kept where a document gave it.
 */
export function aliasesFrom(props: Raw, documentId: string): string[] {
  const given = strs(props.aliasGiven);
  const by = strs(props.aliasGivenBy);
  const listed = strs(props.aliases);
  const sources = strs(props.sources);
  const owners = (a: string) =>
    given.flatMap((g, i) => (g === a && sources.includes(by[i] ?? '') ? [by[i]] : []));
  const names = [...listed, ...given.filter((g) => g === props.name && !listed.includes(g))];
  return [...new Set(names)].filter((a) => {
    const o = owners(a);
    return o.length ? o.includes(documentId) : sources[0] === documentId;
  });
}

function section(props: Raw, text: string, name: string): { start: number; end: number } | undefined {
  const t = props[name];
  if (typeof t !== 'string') return undefined;
  const stored = props[`${name}Start`];
  const start = typeof stored === 'number' ? stored : text.indexOf(t);
  return start >= 0 ? { start, end: start + t.length } : undefined;
}

export function documentEntry(row: BundleNodeRow, textFile: string, warnings: string[]): Raw {
  const p = row.props;
  const text = String(p.text ?? '');
  const firstLine = Math.max(1, text.indexOf('\n'));
  const citation = section(p, text, 'citation') ?? { start: 0, end: firstLine };
  const body = section(p, text, 'body') ?? {
    start: Math.min(firstLine + 1, text.length - 1),
    end: text.length,
  };
  const summary = section(p, text, 'summary');
  const date = dateEntry(p, 'date');
  if (!date) warnings.push(`${row.id}: no date stored; written as the year 1900, uncertain`);
  if (!str(p.language)) warnings.push(`${row.id}: no language stored; written as "und"`);
  return {
    id: row.id,
    title: str(p.title) ?? str(p.name) ?? row.id,
    aliases: aliasesFrom(p, row.id),
    description: str(p.description) ?? '(no description stored)',
    textFile,
    sections: { ...(summary ? { summary } : {}), citation, body },
    date: date ?? { value: '1900', precision: 'year', certainty: 'inferred', reasoning: 'none was stored' },
    ...(str(p.archiveReference) ? { archiveReference: p.archiveReference } : {}),
    language: str(p.language) ?? 'und',
    ...(str(p.note) ? { note: p.note } : {}),
  };
}

export function entityEntry(row: BundleNodeRow, documentId: string, warnings: string[]): Raw {
  const p = row.props;
  const date = dateEntry(p, 'date');
  const externalIds = row.identifiers.flatMap((i) => {
    if (!str(i.method) || !str(i.verifiedOn) || !str(i.verifiedBy)) {
      warnings.push(`${row.id}: identifier ${String(i.key)} has no complete verification stored; left out`);
      return [];
    }
    return [
      {
        authority: i.authority,
        value: i.value,
        verifiedBy: i.verifiedBy,
        method: i.method,
        verifiedOn: i.verifiedOn,
        ...(str(i.source) ? { source: i.source } : {}),
      },
    ];
  });
  return {
    id: row.id,
    type: row.type,
    name: str(p.name) ?? row.id,
    aliases: aliasesFrom(p, documentId),
    description: str(p.description) ?? '(no description stored)',
    ...(str(p.kind) ? { kind: p.kind } : {}),
    ...(date ? { date } : {}),
    ...(externalIds.length ? { externalIds } : {}),
    ...(str(p.note) ? { note: p.note } : {}),
  };
}

export function relationshipEntry(row: BundleRelationshipRow, documentId: string, warnings: string[]): Raw {
  const p = row.props;
  const id = String(p.id);
  const derived = `${documentId}#${row.type}:${row.from}->${row.to}`;
  const rest = id.startsWith(`${derived}:`) ? id.slice(derived.length + 1) : null;
  const naming = id === derived ? {} : rest !== null && /^[a-z0-9-]+$/.test(rest) ? { key: rest } : { id };
  if (!id.startsWith(`${documentId}#`))
    warnings.push(`${id}: not an id of the document's form; it will not import`);
  const quotes = strs(p.quotes);
  const starts = nums(p.starts);
  const ends = nums(p.ends);
  const certainties = strs(p.certainties);
  const reasonings = strs(p.reasonings);
  const dates = Object.fromEntries(
    (
      [
        ['startDate', 'start'],
        ['endDate', 'end'],
        ['attestedDate', 'attested'],
      ] as const
    ).flatMap(([key, prefix]) => {
      const d = dateEntry(p, prefix);
      return d ? [[key, d]] : [];
    }),
  );
  return {
    type: row.type,
    from: row.from,
    to: row.to,
    ...naming,
    ...(str(p.role) ? { role: p.role } : {}),
    ...(str(p.title) ? { title: p.title } : {}),
    ...(str(p.context) ? { context: p.context } : {}),
    ...(str(p.reference) ? { reference: p.reference } : {}),
    ...dates,
    evidence: quotes.map((quote, i) => ({
      quote,
      start: starts[i],
      end: ends[i],
      certainty: certainties[i] ?? 'stated',
      ...(reasonings[i] ? { reasoning: reasonings[i] } : {}),
    })),
  };
}
