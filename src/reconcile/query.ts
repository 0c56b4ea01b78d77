// Answers a reconciliation query batch. Each query is matched on its own, all of them in a few
// statements for the whole batch: one full-text read for the candidates of every named query, one
// read of the facts its property constraints need, and lookups by id.
//
// A candidate's score (0–100) starts from the name score of the shared matcher (search/match.ts):
// the best over its name and aliases. Property constraints then move it: each constraint missed
// takes away a share of up to half the score; constraints met close half the distance to 100, when
// the name alone already scores 70 or more (a property never makes a match of a poor name).
// A query by properties alone starts from the entities its entity-valued constraints name (the
// people who held a post at, represented, attended or took part in it) and scores each by the share
// of constraints met. An entity id or URI as the query finds that entity (100; 50 if of another type
// than asked). `match: true` goes to the first candidate only when it is clearly ahead (match.ts,
// isClearMatch): a score of 90 or more, and 20 points or more above the next candidate.
import type { CandidateQuery, CandidateRow, FactsRow } from '../data/reconcile.ts';
import type { EntityRow } from '../data/types.ts';
import { RECONCILE_RETRIEVED } from '../limits.ts';
import { ENTITY_TYPES, type EntityType, ID_PATTERN, type RelationshipType } from '../model.ts';
import type { GraphReader } from '../reader.ts';
import { isClearMatch, matchQuery, nameScore } from '../search/match.ts';
import type { Uris } from '../uris.ts';
import { meets } from './constraints.ts';
import type { PropertyConstraint, ReconQuery } from './parse.ts';
import { entityIdGiven } from './vocabulary.ts';

export interface Feature {
  id: string;
  value: number | boolean;
}

export interface Candidate {
  id: string;
  name: string;
  description?: string;
  type: { id: EntityType; name: EntityType }[];
  score: number;
  match: boolean;
  features: Feature[];
}

/** A name score at or above this lets the properties met raise the score. */
const PROPERTY_BOOST_FROM = 70;

/** The score from the name score and the property constraints met (of those asked). */
export function combinedScore(name: number, met: number, asked: number): number {
  if (!asked) return name;
  const missed = asked - met;
  let score = name * (1 - (0.5 * missed) / asked);
  if (name >= PROPERTY_BOOST_FROM) score += ((100 - name) * 0.5 * met) / asked;
  return Math.round(score);
}

interface Scored {
  row: CandidateRow;
  name: number;
  exact: boolean;
  idMatch: boolean;
  score: number;
  met: boolean[];
}

const rowOf = (e: EntityRow): CandidateRow => ({
  id: e.id,
  type: e.type,
  name: e.name,
  aliases: e.aliases,
  description: e.description,
  textScore: 0,
});

/** The type restriction: none asked → all; "all" of two different types → none can match. */
function allowed(q: ReconQuery): readonly EntityType[] {
  if (!q.types.length) return ENTITY_TYPES;
  if (q.typeStrict === 'all' && q.types.length > 1) return [];
  return q.types;
}

/** The relationship whose other end a property-only query may start from. */
const START_FROM: Readonly<Record<string, RelationshipType>> = {
  heldPositionAt: 'HELD_POSITION',
  represented: 'REPRESENTED',
  attended: 'ATTENDED',
  participatedIn: 'PARTICIPATED_IN',
  partOf: 'PART_OF',
};

/** Ids of the entities given as values of a property constraint (reconciled values or our ids). */
function idsGiven(c: PropertyConstraint, uris: Uris): string[] {
  return c.values
    .map((v) =>
      typeof v === 'object' ? entityIdGiven(v.id, uris) : typeof v === 'string' ? entityIdGiven(v, uris) : '',
    )
    .filter((id) => ID_PATTERN.test(id));
}

/** Runs a batch; the answer maps each query key to its candidates, best first. */
export async function reconcile(
  graph: GraphReader,
  uris: Uris,
  batch: readonly ReconQuery[],
): Promise<Record<string, { result: Candidate[] }>> {
  const rows = new Map<string, CandidateRow[]>();
  const byId = new Set<string>();
  const fullText: CandidateQuery[] = [];
  const lookups: Promise<void>[] = [];

  for (const q of batch) {
    const types = allowed(q);
    rows.set(q.key, []);
    if (!types.length) continue;
    if (q.text !== undefined) {
      // an entity's id or URI as the query: that entity
      const id = entityIdGiven(q.text, uris);
      if (ID_PATTERN.test(id)) {
        byId.add(q.key);
        lookups.push(
          graph.find(id).then((e) => {
            if (e) rows.set(q.key, [rowOf(e)]);
          }),
        );
        continue;
      }
      const lucene = matchQuery(q.text);
      if (lucene) fullText.push({ key: q.key, lucene, types });
      continue;
    }
    // properties alone: the entities at the other end of the relationships they name
    lookups.push(
      (async () => {
        const found = new Set<string>();
        for (const c of q.properties) {
          const type = START_FROM[c.pid];
          if (!type) continue;
          const ends = await Promise.all(idsGiven(c, uris).map((id) => graph.relationships(id, type, 'in')));
          for (const r of ends.flat()) found.add(r.from);
        }
        const entities = await Promise.all([...found].map((id) => graph.find(id)));
        rows.set(q.key, entities.filter((e): e is EntityRow => !!e && types.includes(e.type)).map(rowOf));
      })(),
    );
  }
  const [retrieved] = await Promise.all([
    graph.reconcileCandidates(fullText, RECONCILE_RETRIEVED),
    ...lookups,
  ]);
  for (const [key, list] of retrieved) rows.set(key, list);

  // the facts of every candidate of a query with property constraints, in one read
  const needFacts = new Set<string>();
  for (const q of batch) if (q.properties.length) for (const r of rows.get(q.key) ?? []) needFacts.add(r.id);
  const facts: Map<string, FactsRow> = await graph.reconcileFacts([...needFacts]);

  // no prototype: a query key such as "__proto__" is a key like any other
  const answer: Record<string, { result: Candidate[] }> = Object.create(null);
  for (const q of batch) {
    const scored: Scored[] = [];
    for (const row of rows.get(q.key) ?? []) {
      const idMatch = byId.has(q.key);
      const s =
        q.text === undefined || idMatch
          ? { score: q.text === undefined ? 0 : 100, exact: idMatch }
          : nameScore(q.text, [row.name, ...row.aliases]);
      if (q.text !== undefined && s.score === 0) continue;
      const met = q.properties.map((c) => meets(c, facts.get(row.id), uris));
      const metCount = met.filter(Boolean).length;
      let score =
        q.text === undefined
          ? Math.round((100 * metCount) / q.properties.length)
          : combinedScore(s.score, metCount, q.properties.length);
      // an id of another type than the query asks for: shown, never matched
      if (idMatch && q.types.length && !q.types.includes(row.type)) score = Math.min(score, 50);
      if (q.text === undefined && !metCount) continue;
      scored.push({ row, name: s.score, exact: s.exact, idMatch, score, met });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        b.name - a.name ||
        b.row.textScore - a.row.textScore ||
        a.row.id.localeCompare(b.row.id),
    );
    const clear = isClearMatch(scored.map((s) => s.score));
    answer[q.key] = {
      result: scored.slice(0, q.limit).map((s, i) => ({
        id: s.row.id,
        name: s.row.name,
        ...(s.row.description ? { description: s.row.description } : {}),
        type: [{ id: s.row.type, name: s.row.type }],
        score: s.score,
        match: i === 0 && clear,
        features: [
          ...(q.text === undefined || s.idMatch
            ? []
            : [
                { id: 'name_similarity', value: s.name },
                { id: 'name_exact', value: s.exact },
              ]),
          ...(s.idMatch ? [{ id: 'id_match', value: true }] : []),
          ...(q.types.length ? [{ id: 'type_match', value: q.types.includes(s.row.type) }] : []),
          ...q.properties.map((c, j) => ({ id: `property_${c.pid}`, value: s.met[j] ?? false })),
        ],
      })),
    };
  }
  return answer;
}
