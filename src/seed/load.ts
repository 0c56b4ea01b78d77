// Writes one validated document into the graph in a single transaction: MERGE on our ids, UNWIND
// batches per label and per relationship type, the entities' external identifiers (the statement of
// data/identifiers.ts; one another entity already holds fails the load), and removal of this
// document's relationships that its extraction no longer lists. Loading the same file twice changes
// nothing.
import { claimIdentifiers, type IdentifierClaim } from '../data/identifiers.ts';
import type { Db } from '../db/driver.ts';
import { ENTITY_TYPES, type EntityType, RELATIONSHIP_TYPE_NAMES } from '../model.ts';
import { fold, searchKeys } from '../search/fold.ts';
import type { HistoricalDateInput } from './format.ts';
import { ExtractionError, intervalOf, type ValidatedDocument } from './validate.ts';

type Props = Record<string, string | number | boolean | string[] | number[] | null>;

function dateProps(prefix: string, date: HistoricalDateInput | undefined): Props {
  if (!date) return {};
  const { earliest, latest } = intervalOf(date);
  return {
    [`${prefix}Value`]: date.value,
    [`${prefix}Precision`]: date.precision,
    [`${prefix}Earliest`]: earliest,
    [`${prefix}Latest`]: latest,
    [`${prefix}Certainty`]: date.certainty,
    [`${prefix}Reasoning`]: date.reasoning ?? null,
  };
}

interface EntityRow {
  id: string;
  aliases: string[];
  keys: string[];
  props: Props;
}

/** Leaves out null values, so one document's silence never erases what another stated. */
function present(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
}

export function entityRows(v: ValidatedDocument): Map<EntityType, EntityRow[]> {
  const x = v.extraction;
  const d = x.document;
  const rows = new Map<EntityType, EntityRow[]>(ENTITY_TYPES.map((t) => [t, []]));
  const section = (name: keyof typeof d.sections) => {
    const s = d.sections[name];
    return s ? v.text.slice(s.start, s.end) : null;
  };
  rows.get('Document')?.push({
    id: d.id,
    aliases: d.aliases,
    keys: searchKeys([d.title, ...d.aliases]),
    props: present({
      name: d.title,
      title: d.title,
      sortName: fold(d.title),
      description: d.description,
      text: v.text,
      textFile: d.textFile,
      summary: section('summary'),
      citation: section('citation'),
      body: section('body'),
      bodyStart: d.sections.body.start,
      archiveReference: d.archiveReference ?? null,
      language: d.language,
      note: d.note ?? null,
      ...dateProps('date', d.date),
    }),
  });
  for (const e of x.entities) {
    rows.get(e.type)?.push({
      id: e.id,
      aliases: e.aliases,
      keys: searchKeys([e.name, ...e.aliases]),
      props: present({
        name: e.name,
        sortName: fold(e.name),
        description: e.description,
        kind: e.kind ?? null,
        note: e.note ?? null,
        ...dateProps('date', e.date),
      }),
    });
  }
  return rows;
}

/** The identifiers the document's entities carry; identifiers are only added, never dropped, by a load. */
export function identifierClaims(v: ValidatedDocument): IdentifierClaim[] {
  return v.extraction.entities.flatMap((e) =>
    e.externalIds.map((x) => ({
      entity: e.id,
      authority: x.authority,
      value: x.value,
      verifiedBy: x.verifiedBy,
      method: x.method,
      verifiedOn: x.verifiedOn,
      source: x.source ?? null,
    })),
  );
}

export function relationshipRows(
  v: ValidatedDocument,
): Map<string, { from: string; to: string; props: Props }[]> {
  const out = new Map<string, { from: string; to: string; props: Props }[]>();
  for (const r of v.relationships) {
    const list = out.get(r.type) ?? [];
    out.set(r.type, list);
    list.push({
      from: r.from,
      to: r.to,
      props: {
        id: r.id,
        source: v.extraction.document.id,
        role: r.role ?? null,
        title: r.title ?? null,
        context: r.context ?? null,
        reference: r.reference ?? null,
        ...dateProps('start', r.startDate),
        ...dateProps('end', r.endDate),
        ...dateProps('attested', r.attestedDate),
        certainty: r.evidence.some((e) => e.certainty === 'stated') ? 'stated' : 'inferred',
        quotes: r.evidence.map((e) => e.quote),
        starts: r.evidence.map((e) => e.start),
        ends: r.evidence.map((e) => e.end),
        certainties: r.evidence.map((e) => e.certainty),
        reasonings: r.evidence.map((e) => e.reasoning ?? ''),
      },
    });
  }
  return out;
}

export interface LoadCounts {
  nodes: number;
  relationships: number;
}

export async function loadDocument(db: Db, v: ValidatedDocument): Promise<LoadCounts> {
  const nodes = entityRows(v);
  const rels = relationshipRows(v);
  const docId = v.extraction.document.id;
  await db.writeTransaction(async (tx) => {
    for (const [label, rows] of nodes) {
      if (!rows.length) continue;
      // Labels cannot be parameters; `label` comes from the closed list ENTITY_TYPES.
      await tx.run(
        `/* seedEntities:${label} */
         UNWIND $rows AS row
         MERGE (n:Entity {id: row.id})
         SET n:${label}, n += row.props,
             n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
             n.searchKeyList = reduce(acc = coalesce(n.searchKeyList, []), k IN row.keys | CASE WHEN k IN acc THEN acc ELSE acc + k END),
             n.sources = CASE WHEN $doc IN coalesce(n.sources, []) THEN n.sources ELSE coalesce(n.sources, []) + $doc END
         SET n.aliasText = reduce(s = '', a IN n.aliases | s + a + ' | '),
             n.searchKeys = reduce(s = '', k IN n.searchKeyList | s + k + ' | ')
         REMOVE n.externalIds, n.externalIdSources`,
        { rows, doc: docId },
      );
    }
    // identifiers as :Identifier nodes (the lists of properties older loads kept are removed above)
    const conflicts = await claimIdentifiers(tx, identifierClaims(v));
    if (conflicts.length)
      throw new ExtractionError(
        v.file,
        conflicts.map((c) => `${c.entity}: ${c.key} is already the identifier of ${c.claimedBy.join(', ')}`),
      );
    const ids: string[] = [];
    for (const [type, rows] of rels) {
      if (!RELATIONSHIP_TYPE_NAMES.includes(type as never))
        throw new Error(`unknown relationship type ${type}`);
      ids.push(...rows.map((r) => String(r.props.id)));
      await tx.run(
        `/* seedRelationships:${type} */
         UNWIND $rows AS row
         MATCH (a:Entity {id: row.from})
         MATCH (b:Entity {id: row.to})
         MERGE (a)-[r:${type} {id: row.props.id}]->(b)
         SET r = row.props`,
        { rows },
      );
    }
    // entities this document once supported but no longer lists lose it as a source, and go
    // when no document supports them any more
    await tx.run(
      `/* seedPruneEntities */
       MATCH (n:Entity)
       WHERE $doc IN n.sources AND NOT n.id IN $ids
       SET n.sources = [s IN n.sources WHERE s <> $doc]
       WITH n WHERE size(n.sources) = 0
       FOREACH (x IN [(n)-[:SAME_AS]->(i:Identifier) | i] | DETACH DELETE x)
       DETACH DELETE n`,
      { doc: docId, ids: [...nodes.values()].flatMap((rows) => rows.map((r) => r.id)) },
    );
    // seedPruneRelationships: relationships this document once supported but no longer lists
    await tx.run(
      `/* seedPruneRelationships */
       MATCH (:Entity)-[r:${RELATIONSHIP_TYPE_NAMES.join('|')}]->(:Entity)
       WHERE r.source = $doc AND NOT r.id IN $ids
       DELETE r`,
      { doc: docId, ids },
    );
  });
  return {
    nodes: [...nodes.values()].reduce((n, rows) => n + rows.length, 0),
    relationships: v.relationships.length,
  };
}
