// The entries of an exported bundle, in the extraction format, from a document's stored rows: the
// document (its sections as offsets into its text), each entity it declares (with the aliases this
// document gave it) and each relationship it supports (its key, or its id when a merge moved an end,
// and its evidence passages). Pure; what cannot be written faithfully is said in `warnings`.
import type { BundleNodeRow, BundleRelationshipRow } from '../data/export-bundle.ts';
import { dateInterval } from '../dates.ts';
import type { Precision } from '../model.ts';

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
  const precision = props[`${prefix}Precision`] as Precision;
  const natural = dateInterval(value, precision);
  const latest = str(props[`${prefix}Latest`]);
  const bounded = typeof natural !== 'string' && latest && latest < natural.latest;
  return {
    value,
    precision,
    certainty: str(props[`${prefix}Certainty`]) ?? 'stated',
    ...(reasoning ? { reasoning } : {}),
    ...(bounded ? { notAfter: latest } : {}),
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

/** The alias details stored on a node (parallel lists), as the format writes them. */
function aliasDetailsEntry(p: Raw): Raw[] {
  const source = strs(p.aliasDetailSource);
  const script = strs(p.aliasDetailScript);
  const erroneous = Array.isArray(p.aliasDetailErroneous) ? p.aliasDetailErroneous : [];
  const note = strs(p.aliasDetailNote);
  return strs(p.aliasDetailAlias).map((alias, i) => ({
    alias,
    source: source[i],
    script: script[i],
    erroneous: erroneous[i] === true,
    ...(note[i] ? { note: note[i] } : {}),
  }));
}

/** The fields every entry may carry: description's source and alias details, when stored. */
function describedBy(p: Raw): Raw {
  const details = aliasDetailsEntry(p);
  return {
    ...(str(p.descriptionFrom) ? { descriptionFrom: p.descriptionFrom } : {}),
    ...(details.length ? { aliasDetails: details } : {}),
  };
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
  if (!str(p.language)) warnings.push(`${row.id}: no language stored; written as "und"`);
  return {
    id: row.id,
    title: str(p.title) ?? str(p.name) ?? row.id,
    aliases: aliasesFrom(p, row.id),
    description: str(p.description) ?? '(no description stored)',
    ...describedBy(p),
    textFile,
    sections: { ...(summary ? { summary } : {}), citation, body },
    ...(date ? { date } : {}),
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
    ...describedBy(p),
    ...(str(p.kind) ? { kind: p.kind } : {}),
    ...(row.type === 'Document' && str(p.language) ? { language: p.language } : {}),
    ...(str(p.statementKind)
      ? { statement: { kind: p.statementKind, speech: p.speech, topics: strs(p.topics) } }
      : {}),
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
  const layers = strs(p.layers);
  const attests = (i: number): Raw | undefined => {
    const at = (k: string) => strs(p[`attests${k}`])[i] ?? '';
    if (!at('Value')) return undefined;
    return {
      value: at('Value'),
      precision: at('Precision'),
      certainty: at('Certainty') || 'stated',
      ...(at('Reasoning') ? { reasoning: at('Reasoning') } : {}),
    };
  };
  const renamed = dateEntry(p, 'refRenamed');
  const archivalReference = str(p.refArchive)
    ? {
        archive: p.refArchive,
        ...(str(p.refFormerName) ? { formerName: p.refFormerName } : {}),
        ...(renamed ? { renamed } : {}),
        fond: p.refFond,
        ...(str(p.refOpis) ? { opis: p.refOpis } : {}),
        ...(str(p.refDelo) ? { delo: p.refDelo } : {}),
        ...(str(p.refFolios) ? { folios: p.refFolios } : {}),
      }
    : undefined;
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
    ...(archivalReference ? { archivalReference } : {}),
    ...(str(p.statement) ? { statement: p.statement } : {}),
    ...dates,
    evidence: quotes.map((quote, i) => {
      const date = attests(i);
      return {
        quote,
        start: starts[i],
        end: ends[i],
        certainty: certainties[i] ?? 'stated',
        ...(reasonings[i] ? { reasoning: reasonings[i] } : {}),
        ...(layers[i] ? { layer: layers[i] } : {}),
        ...(date ? { attests: date } : {}),
      };
    }),
  };
}
