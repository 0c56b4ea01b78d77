// The per-request reader (`ctx.graph`): the one way from a resolver to the database. It owns the
// request's DataLoaders (entities by id; relationships by type and direction, each batch one UNWIND
// statement), runs the data layer's other reads, and primes the entity cache with every entity those
// reads return, so a field asked of them later costs no statement.
import DataLoader from 'dataloader';
import { type ChangeRow, type ChangesQuery, changes, type HistoryWindow, history } from './data/changes.ts';
import { isWhole, type NodePlan, type SubgraphPlan, withoutFetched } from './data/compiled/plan.ts';
import { entityById, type ListPage, type ListQuery, listEntities } from './data/compiled/read.ts';
import { byCoAttendance } from './data/compiled/rows.ts';
import { entitiesByIds } from './data/entity.ts';
import { entitiesByIdentifierKeys, identifiersByEntityIds } from './data/identifiers.ts';
import {
  allShortestPaths,
  type NeighborhoodQuery,
  neighborhood,
  type PathQuery,
  type PathRow,
  type SubgraphRow,
  shortestPath,
} from './data/paths.ts';
import {
  type CandidateQuery,
  type CandidateRow,
  type FactsRow,
  reconcileCandidates,
  reconcileFacts,
} from './data/reconcile.ts';
import {
  type Direction,
  relationshipsAround,
  relationshipsByIds,
  relationshipsByNode,
} from './data/relationship.ts';
import { type SearchQuery, searchEntities } from './data/search.ts';
import { findStatements, type StatementQuery } from './data/statements.ts';
import { type TimelineQuery, type TimelineRow, timeline } from './data/timeline.ts';
import type { CoAttendance, EntityRow, ExternalId, RelationshipRow } from './data/types.ts';
import type { DateInterval } from './dates.ts';
import { termOverlaps } from './dates.ts';
import type { Db } from './db/driver.ts';
import { DataIntegrityError, NotFoundError } from './errors.ts';
import { MAX_BATCH } from './limits.ts';
import { checkId, type EntityType, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from './model.ts';
import { rerank } from './search/rank.ts';

export interface ScoredEntity {
  entity: EntityRow;
  score: number;
}

export class GraphReader {
  private readonly entities: DataLoader<string, EntityRow | null>;
  private readonly relationshipLoaders = new Map<string, DataLoader<string, RelationshipRow[]>>();
  /** External identifiers by entity id, and entities by identifier key ("wikidata:Q…"). */
  private readonly identifierLists: DataLoader<string, ExternalId[]>;
  private readonly identified: DataLoader<string, EntityRow | null>;
  /** Entity histories, one loader per page window (a list of entities asks them all in one statement). */
  private readonly historyLoaders = new Map<
    string,
    DataLoader<string, { total: number; rows: ChangeRow[] }>
  >();

  constructor(private readonly db: Db) {
    this.entities = new DataLoader((ids) => entitiesByIds(db, ids), { maxBatchSize: MAX_BATCH });
    const batch = { maxBatchSize: MAX_BATCH };
    this.identifierLists = new DataLoader((ids) => identifiersByEntityIds(db, ids), batch);
    this.identified = new DataLoader((keys) => entitiesByIdentifierKeys(db, keys), batch);
  }

  /**
   * An entity a client asked for: its id's form and type checked first, then NOT_FOUND. With a
   * plan (src/schema/plan.ts), one compiled statement reads it with the fields selected below it.
   */
  async entity(id: string, argument = 'id', type?: EntityType, plan?: NodePlan | null): Promise<EntityRow> {
    checkId(id, argument, type);
    const compiled = plan && !(isWhole(plan) && !Object.keys(plan.fields).length);
    const row = compiled ? await entityById(this.db, id, plan) : await this.entities.load(id);
    if (!row) throw new NotFoundError(id);
    // a whole row goes into the cache, without what was fetched for this selection's child fields
    if (compiled && isWhole(plan)) this.entities.prime(row.id, withoutFetched(row));
    return row;
  }

  /** Several entities a client asked for, in order: each a row or its NOT_FOUND (ids checked first). */
  entityList(ids: readonly string[], argument: string): Promise<EntityRow>[] {
    for (const id of ids) checkId(id, argument);
    return ids.map((id) => this.entity(id, argument));
  }

  /** An entity the graph itself refers to; a miss is a data error (masked), not the client's. */
  async ref(id: string): Promise<EntityRow> {
    const row = await this.entities.load(id);
    if (!row) throw new DataIntegrityError(`a stored reference points at "${id}", which is not in the graph`);
    return row;
  }

  refs(ids: readonly string[]): Promise<EntityRow[]> {
    return Promise.all(ids.map((id) => this.ref(id)));
  }

  /** An entity's external identifiers; the entities of one request are asked in one statement. */
  identifiers(id: string): Promise<ExternalId[]> {
    return this.identifierLists.load(id);
  }

  /** The entity carrying an identifier (its key, model.ts identifierKey), or null; form checked by the caller. */
  async entityByIdentifier(key: string): Promise<EntityRow | null> {
    const row = await this.identified.load(key);
    return row ? this.primed(row, (r) => [r]) : null;
  }

  /** Relationships of a type at a node (`out`: from it; `in`: to it). */
  relationships(id: string, type: RelationshipType, direction: Direction): Promise<RelationshipRow[]> {
    const key = `${type}:${direction}`;
    let loader = this.relationshipLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => relationshipsByNode(this.db, type, direction, ids), {
        maxBatchSize: MAX_BATCH,
      });
      this.relationshipLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  /** The entities at the other end of a node's relationships of a type, in the same order. */
  async linked(id: string, type: RelationshipType, direction: Direction): Promise<EntityRow[]> {
    const list = await this.relationships(id, type, direction);
    return this.refs(list.map((r) => (direction === 'out' ? r.to : r.from)));
  }

  /** Every relationship at an entity, of any type and either direction (for linked data). */
  relationshipsAround(id: string): Promise<RelationshipRow[]> {
    return relationshipsAround(this.db, id);
  }

  /** A relationship by its id, or null. */
  async relationship(relationshipId: string): Promise<RelationshipRow | null> {
    const type = /#([A-Z_]+):/.exec(relationshipId)?.[1] as RelationshipType | undefined;
    if (!type || !RELATIONSHIP_TYPE_NAMES.includes(type)) return null;
    const [row] = await relationshipsByIds(this.db, type, [relationshipId]);
    return row ?? null;
  }

  /** An entity by id without checks, or null (for routes that answer 404 themselves). */
  find(id: string): Promise<EntityRow | null> {
    return this.entities.load(id);
  }

  /** The attendee's REPRESENTED relationship in the context of the attended meeting, if any. */
  async representationAt(attendance: RelationshipRow): Promise<RelationshipRow | null> {
    const list = await this.relationships(attendance.from, 'REPRESENTED', 'out');
    return list.find((x) => x.context === attendance.to) ?? null;
  }

  /** The institution the attendee represented at the attended meeting, if any. */
  async institutionRepresentedAt(attendance: RelationshipRow): Promise<EntityRow | null> {
    const representation = await this.representationAt(attendance);
    return representation ? this.ref(representation.to) : null;
  }

  /** The holder of a document's original (the first holder when none is marked original). */
  async originalHolder(documentId: string): Promise<EntityRow | null> {
    const list = await this.relationships(documentId, 'HELD_BY', 'out');
    const original = list.find((r) => r.role === 'original') ?? list[0];
    return original ? this.ref(original.to) : null;
  }

  /** People who held a post in or represented an institution, each once. */
  async members(institutionId: string): Promise<EntityRow[]> {
    const [posts, representations] = await Promise.all([
      this.relationships(institutionId, 'HELD_POSITION', 'in'),
      this.relationships(institutionId, 'REPRESENTED', 'in'),
    ]);
    return this.refs([...new Set([...posts, ...representations].map((r) => r.from))]);
  }

  /** Everyone recorded at a meeting a person attended: most shared meetings first, then by name. */
  async coAttendance(personId: string): Promise<CoAttendance[]> {
    const own = await this.relationships(personId, 'ATTENDED', 'out');
    const atMeetings = await Promise.all(own.map((a) => this.relationships(a.to, 'ATTENDED', 'in')));
    const byPerson = new Map<string, { theirs: RelationshipRow[]; own: RelationshipRow[] }>();
    own.forEach((mine, i) => {
      for (const theirs of atMeetings[i] ?? []) {
        if (theirs.from === personId) continue;
        const entry = byPerson.get(theirs.from) ?? { theirs: [], own: [] };
        byPerson.set(theirs.from, entry);
        entry.theirs.push(theirs);
        entry.own.push(mine);
      }
    });
    const people = await this.refs([...byPerson.keys()]);
    return people
      .map((person) => ({
        person,
        ...(byPerson.get(person.id) as { theirs: RelationshipRow[]; own: RelationshipRow[] }),
      }))
      .sort(byCoAttendance);
  }

  /** Posts a person held at some time within a date's interval (see dates.ts termOverlaps). */
  async positionsAt(personId: string, day: DateInterval): Promise<RelationshipRow[]> {
    return (await this.relationships(personId, 'HELD_POSITION', 'out')).filter((r) => termOverlaps(r, day));
  }

  /** Statements by speaker, addressee, subject, topic or kind (see data/statements.ts). */
  statements = async (q: StatementQuery) => this.primed(await findStatements(this.db, q), (p) => p.rows);

  /** One keyset page of a root list (data/compiled/read.ts), its rows compiled with their fields. */
  async list(q: ListQuery): Promise<ListPage> {
    const page = await listEntities(this.db, q);
    if (!q.node || isWhole(q.node))
      for (const row of page.rows) this.entities.prime(row.id, withoutFetched(row));
    return page;
  }

  /** Ranked search hits (re-ranked by how much of a name the words cover), one window of them. */
  async search(
    q: SearchQuery,
    text: string,
    window: { offset: number; limit: number },
  ): Promise<{ total: number; rows: ScoredEntity[] }> {
    const hits = rerank(await searchEntities(this.db, q), text);
    const kept = hits.slice(window.offset, window.offset + window.limit);
    const rows = await this.refs(kept.map((h) => h.id));
    return { total: hits.length, rows: rows.map((entity, i) => ({ entity, score: kept[i]?.score ?? 0 })) };
  }

  /** Both ends must exist (one batched call); a path from an entity to itself is that entity. */
  private async ends(q: PathQuery): Promise<PathRow | null> {
    const [start] = await Promise.all([this.entity(q.from, 'from'), this.entity(q.to, 'to')]);
    return q.from === q.to ? { nodes: [start], relationships: [] } : null;
  }

  async shortestPath(q: PathQuery): Promise<PathRow | null> {
    const trivial = await this.ends(q);
    if (trivial) return trivial;
    return this.primed(await shortestPath(this.db, q), (p) => p?.nodes ?? []);
  }

  async allShortestPaths(q: PathQuery & { limit: number }): Promise<PathRow[]> {
    const trivial = await this.ends(q);
    if (trivial) return [trivial];
    return this.primed(await allShortestPaths(this.db, q), (ps) => ps.flatMap((p) => p.nodes));
  }

  /** With a plan (src/schema/plan.ts subgraphPlan) the rows hold only what the selection reads, and are not cached. */
  async neighborhood(q: NeighborhoodQuery, plan: SubgraphPlan | null = null): Promise<SubgraphRow> {
    checkId(q.id, 'id');
    const sub = await neighborhood(this.db, q, plan);
    if (!sub) throw new NotFoundError(q.id);
    return plan ? sub : this.primed(sub, (s) => s.nodes);
  }

  async timeline(q: TimelineQuery): Promise<{ total: number; rows: TimelineRow[] }> {
    if (q.actor !== undefined) await this.entity(q.actor, 'actor');
    return this.primed(await timeline(this.db, q), (t) => t.rows.map((r) => r.entity));
  }

  /** The audit trail: one page of changes, oldest first (see data/changes.ts). */
  changes(q: ChangesQuery): Promise<{ total: number; rows: ChangeRow[] }> {
    return changes(this.db, q);
  }

  /** One window of an entity's changes, newest first; the entities of a list are batched. */
  history(id: string, w: HistoryWindow): Promise<{ total: number; rows: ChangeRow[] }> {
    const key = `${w.offset}:${w.limit}`;
    let loader = this.historyLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => history(this.db, ids, w), { maxBatchSize: MAX_BATCH });
      this.historyLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  /** Forgets what this request has read (after a write, so later fields read the new state). */
  forget(): void {
    this.entities.clearAll();
    this.identifierLists.clearAll();
    this.identified.clearAll();
    this.relationshipLoaders.clear();
    this.historyLoaders.clear();
  }

  /** Puts the entities a read returned into the cache, and hands the read back. */
  private primed<T>(value: T, entities: (value: T) => readonly EntityRow[]): T {
    for (const row of entities(value)) this.entities.prime(row.id, row);
    return value;
  }

  /** Reconciliation: the candidates of a batch of name queries, in one statement (see data/reconcile.ts). */
  reconcileCandidates(
    queries: readonly CandidateQuery[],
    perQuery: number,
  ): Promise<Map<string, CandidateRow[]>> {
    return reconcileCandidates(this.db, queries, perQuery);
  }

  /** Reconciliation: what property constraints are checked against, for the candidates that need it. */
  reconcileFacts(ids: readonly string[]): Promise<Map<string, FactsRow>> {
    return reconcileFacts(this.db, ids);
  }
}
