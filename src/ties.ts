// How strongly two entities are tied: the kind of the tie a path makes (two people at one meeting,
// a statement by one to or about the other, a relationship between them, a longer chain, or only a
// document mentioning both), and the strongest tie there is between two entities, found by asking
// for the strongest kinds first. Pure classification plus calls on the per-request reader.
import type { PathRow } from './data/paths.ts';
import { DEFAULT_TRAVERSAL_TYPES } from './data/paths.ts';
import type { RelationshipType } from './model.ts';
import type { GraphReader } from './reader.ts';

/** The kinds of tie, strongest first. */
export const TIE_KINDS = ['co-attendance', 'direct', 'statement', 'chain', 'shared-mention'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export interface Tie {
  kind: TieKind;
  path: PathRow;
}

const STATEMENT_TYPES: readonly RelationshipType[] = ['SAID', 'ADDRESSED_TO', 'ABOUT'];

/** The kind of tie a path between two distinct entities makes. */
export function tieKind(p: PathRow): TieKind {
  const types = p.relationships.map((r) => r.type);
  if (types.length === 1) return types[0] === 'MENTIONS' ? 'shared-mention' : 'direct';
  if (types.length === 2) {
    if (types.every((t) => t === 'ATTENDED')) return 'co-attendance';
    if (types[0] === 'MENTIONS' && types[1] === 'MENTIONS') return 'shared-mention';
    if (types.every((t) => STATEMENT_TYPES.includes(t)) && types.includes('SAID')) return 'statement';
  }
  return types.includes('MENTIONS') ? 'shared-mention' : 'chain';
}

/**
 * The strongest tie between two distinct entities: co-attendance at a meeting, then a relationship
 * between them, then a statement by one to or about the other, then the shortest chain of any other
 * relationships (mentions aside) within `maxHops`, and last a document that mentions both. Null
 * when there is none of these.
 */
export async function strongestTie(
  graph: GraphReader,
  from: string,
  to: string,
  maxHops: number,
): Promise<Tie | null> {
  const tries: [TieKind, readonly RelationshipType[], number][] = [
    ['co-attendance', ['ATTENDED'], 2],
    ['direct', DEFAULT_TRAVERSAL_TYPES, 1],
    ['statement', ['SAID', 'ABOUT'], 2],
    ['statement', ['SAID', 'ADDRESSED_TO'], 2],
    ['chain', DEFAULT_TRAVERSAL_TYPES, maxHops],
    ['shared-mention', ['MENTIONS'], 2],
  ];
  for (const [kind, types, hops] of tries) {
    const path = await graph.shortestPath({ from, to, types, maxHops: hops });
    if (!path?.relationships.length) continue;
    const found = tieKind(path);
    if (found === kind || kind === 'chain') return { kind: found, path };
  }
  return null;
}
