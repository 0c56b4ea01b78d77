// Near matches for an editor: the entities of the graph whose names come close to a new entity's
// (one typo, initials, syllables run together or apart: the matcher search and reconciliation share,
// src/search/match.ts), with the name score 0–100. They are listed, never merged: an editor who
// finds one to be the same actor merges them with `mergeEntities`. Read after the import's
// transaction (so they hold no lock), for at most IMPORT_CANDIDATE_SEARCHES new entities and for
// IMPORT_CANDIDATE_BUDGET_MS; the report says how many were not searched.
import { type CandidateQuery, reconcileCandidates } from '../data/reconcile.ts';
import type { Db } from '../db/driver.ts';
import {
  IMPORT_CANDIDATE_BUDGET_MS,
  IMPORT_CANDIDATE_MIN_SCORE,
  IMPORT_CANDIDATE_SEARCHES,
  IMPORT_CANDIDATES_PER_ENTITY,
} from '../limits.ts';
import type { EntityType } from '../model.ts';
import { fold } from '../search/fold.ts';
import { nameScore } from '../search/match.ts';

/** An entity of the graph that may be the same as one the import created. */
export interface Candidate {
  id: string;
  name: string;
  /** The best name score of the new entity's names against the candidate's (search/match.ts). */
  score: number;
}

export interface Candidates {
  /** The entity the import created (or, in a dry run, would create). */
  id: string;
  type: EntityType;
  name: string;
  candidates: Candidate[];
  /** What to do about them. */
  hint: string;
}

export interface NewEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: readonly string[];
  /** Entities already known to share its exact name (listed first, score 100). */
  exact?: readonly { id: string; name: string }[];
}

/** Queries sent in one statement (each one full-text query). */
const QUERIES_PER_STATEMENT = 5;

/**
 * The full-text query for the names of a new entity: each folded word, and one typo away for a word
 * of four letters or more, and each pair of adjacent words run together ("xiao ping" → "xiaoping").
 * No prefixes: a near match is scored by the matcher afterwards, and prefixes of common words
 * would make every query read much of the index. Folded letters and digits only reach Lucene.
 */
export function nearQuery(names: readonly string[]): string | undefined {
  const terms = new Set<string>();
  for (const name of names) {
    const words = fold(name).split(' ').filter(Boolean);
    words.forEach((w, i) => {
      terms.add(w.length >= 4 ? `(${w} OR ${w}~1)` : w);
      const next = words[i + 1];
      if (next) terms.add(`${w}${next}`);
    });
  }
  return terms.size ? [...terms].slice(0, 24).join(' OR ') : undefined;
}

const hint = (id: string, first: string) =>
  `if ${id} is the same as ${first}, merge them: mergeEntities(keep: "${first}", remove: "${id}", message: "…")`;

/**
 * The candidates of each new entity (those with none are left out), and how many new entities were
 * not searched: beyond `limit`, or once `budgetMs` has been spent (names shared by many entities of
 * the graph make each search read much of the index).
 */
export async function nearMatches(
  db: Db,
  created: readonly NewEntity[],
  limit = IMPORT_CANDIDATE_SEARCHES,
  budgetMs = IMPORT_CANDIDATE_BUDGET_MS,
): Promise<{ candidates: Candidates[]; unsearched: number }> {
  const searched = created.slice(0, limit);
  const out: Candidates[] = [];
  const started = performance.now();
  let done = 0;
  for (let i = 0; i < searched.length && performance.now() - started < budgetMs; i += QUERIES_PER_STATEMENT) {
    const chunk = searched.slice(i, i + QUERIES_PER_STATEMENT);
    const queries: CandidateQuery[] = [];
    chunk.forEach((e, j) => {
      const lucene = nearQuery([e.name, ...e.aliases]);
      if (lucene) queries.push({ key: `q${j}`, lucene, types: [e.type] });
    });
    const rows = await reconcileCandidates(db, queries, IMPORT_CANDIDATES_PER_ENTITY * 4);
    done += chunk.length;
    chunk.forEach((e, j) => {
      const scored = new Map<string, Candidate>();
      for (const x of e.exact ?? []) scored.set(x.id, { id: x.id, name: x.name, score: 100 });
      for (const row of rows.get(`q${j}`) ?? []) {
        if (row.id === e.id || scored.has(row.id)) continue;
        const names = [row.name, ...row.aliases];
        const score = Math.max(...[e.name, ...e.aliases].map((n) => nameScore(n, names).score));
        if (score >= IMPORT_CANDIDATE_MIN_SCORE) scored.set(row.id, { id: row.id, name: row.name, score });
      }
      const list = [...scored.values()]
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
        .slice(0, IMPORT_CANDIDATES_PER_ENTITY);
      if (list[0])
        out.push({ id: e.id, type: e.type, name: e.name, candidates: list, hint: hint(e.id, list[0].id) });
    });
  }
  return { candidates: out, unsearched: created.length - done };
}
