// The explorer's one piece of state and what follows from it: a ViewState (state.ts) is applied by
// loading what it names (neighbourhoods, expansions, a path) into the drawing, filtering by years
// and filling the side panel; every user action is a new ViewState, written to the URL.
import { ApiError, gql, retrying } from './api.ts';
import { byId, h } from './dom.ts';
import { exportGraphml, exportPng } from './export.ts';
import { edgeYears, GraphView, nodeYears } from './graph-view.ts';
import { legend } from './look.ts';
import { inViewList, type PanelActions } from './panels.ts';
import {
  type EntityRow,
  NEIGHBORHOOD,
  type NeighborhoodAnswer,
  PATH,
  type PathAnswer,
  type RelationshipRow,
} from './queries.ts';
import { SearchBox } from './search-box.ts';
import { SidePanel } from './side-panel.ts';
import { formatState, parseState, type ViewState } from './state.ts';
import { Timeline } from './timeline.ts';

const MISSING = new Set(['NOT_FOUND', 'INVALID_ID', 'WRONG_ID_TYPE']);

export class Explorer {
  private state: ViewState = parseState('');
  private readonly view: GraphView;
  private readonly timeline: Timeline;
  private readonly search: SearchBox;
  private readonly pathFrom: SearchBox;
  private readonly pathTo: SearchBox;
  private loadedKey: string | undefined;
  private readonly expanded = new Set<string>();
  private pathKey: string | undefined;
  private path: { nodes: EntityRow[]; rels: RelationshipRow[] } | null = null;
  private generation = 0;
  private focusPanel = false;
  private readonly alert = byId('alert');
  private readonly status = byId('status');
  private readonly graphEl = byId('graph');
  private readonly side: SidePanel;

  readonly actions: PanelActions = {
    node: (id) => this.go({ ...this.state, node: id, edge: undefined }, true),
    edge: (id) => this.go({ ...this.state, edge: id, node: undefined }, true),
    expand: (id) =>
      this.go(
        {
          ...this.state,
          expand: id === this.state.id ? this.state.expand : [...new Set([...this.state.expand, id])],
        },
        true,
      ),
    center: (id) =>
      this.go(
        { ...this.state, id, expand: [], node: id, edge: undefined, from: undefined, to: undefined },
        true,
      ),
    pathFrom: (id) => {
      this.pathFrom.set(this.entity(id));
      this.togglePath(true);
      this.pathTo.input.focus();
    },
  };

  constructor() {
    const onError = (err: unknown) => this.fail(err);
    this.search = new SearchBox({
      label: 'Search the graph',
      placeholder: 'A name, in any spelling: Teng Hsiao-ping, Хрущёв…',
      onPick: (hit) =>
        this.go({
          ...this.state,
          id: hit.id,
          expand: [],
          node: hit.id,
          edge: undefined,
          from: undefined,
          to: undefined,
          since: undefined,
          until: undefined,
        }),
      onError,
    });
    this.pathFrom = new SearchBox({ label: 'From', onPick: () => undefined, onError });
    this.pathTo = new SearchBox({ label: 'To', onPick: () => undefined, onError });
    byId('search-slot').append(this.search.element);
    byId('path-from-slot').append(this.pathFrom.element);
    byId('path-to-slot').append(this.pathTo.element);
    this.view = new GraphView(this.graphEl, {
      node: (id) => this.go({ ...this.state, node: id, edge: undefined }),
      edge: (id) => this.go({ ...this.state, edge: id, node: undefined }),
      expand: (id) => this.actions.expand(id),
      stage: () => this.go({ ...this.state, node: undefined, edge: undefined }),
    });
    this.side = new SidePanel({
      view: this.view,
      actions: this.actions,
      name: this.name,
      call: (query, variables) => this.call(query, variables),
      close: () => this.go({ ...this.state, node: undefined, edge: undefined }),
    });
    this.timeline = new Timeline((since, until) =>
      this.go({ ...this.state, since, until }, false, 'replace'),
    );
    this.wireControls();
  }

  private wireControls() {
    const depth = byId<HTMLSelectElement>('depth');
    const limit = byId<HTMLSelectElement>('limit');
    depth.addEventListener('change', () => this.go({ ...this.state, depth: Number(depth.value) }));
    limit.addEventListener('change', () => this.go({ ...this.state, limit: Number(limit.value) }));
    byId('path-toggle').addEventListener('click', () => this.togglePath());
    byId('path-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const from = this.pathFrom.picked?.id ?? this.state.id;
      const to = this.pathTo.picked?.id;
      if (!from || !to)
        return this.say('Pick two entities from the suggestions to find how they are connected.');
      this.go({ ...this.state, id: this.state.id ?? from, from, to, node: undefined, edge: undefined }, true);
    });
    byId('export-png').addEventListener('click', () => void exportPng(this.view.sigma, this.fileName()));
    byId('export-graphml').addEventListener('click', () => exportGraphml(this.view.graph, this.fileName()));
    document.addEventListener('keydown', (e) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        this.search.input.focus();
      } else if (e.key === 'Escape' && (this.state.node || this.state.edge) && !typing)
        this.go({ ...this.state, node: undefined, edge: undefined });
    });
    window.addEventListener('popstate', () => void this.apply(parseState(location.search), 'none'));
  }

  private togglePath(open?: boolean) {
    const form = byId('path-form');
    form.hidden = !(open ?? form.hidden);
    byId('path-toggle').setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden && !this.pathFrom.picked && this.state.id) this.pathFrom.set(this.entity(this.state.id));
  }

  private fileName() {
    return `coldwar-graph-${(this.state.id ?? 'view').replace(/[^a-z0-9-]+/gi, '-')}`;
  }

  private entity(id: string): EntityRow | undefined {
    return this.view.graph.hasNode(id) ? this.view.graph.getNodeAttribute(id, 'entity') : undefined;
  }
  readonly name = (id: string) => this.entity(id)?.name ?? id;

  go(next: ViewState, focusPanel = false, how: 'push' | 'replace' = 'push') {
    this.focusPanel = focusPanel;
    void this.apply(next, how);
  }

  private say(text: string) {
    this.status.textContent = text;
  }

  private fail(err: unknown) {
    this.alert.hidden = false;
    this.alert.replaceChildren(`Something went wrong: ${(err as Error).message}`);
  }

  private call<T>(query: string, variables: Record<string, unknown>) {
    return retrying(() => gql<T>(query, variables), {
      waiting: (reason, seconds, retryNow) => {
        this.alert.hidden = false;
        this.alert.dataset.kind = 'unreachable';
        this.alert.replaceChildren(
          h('p', {}, `Cannot reach the coldwar-graph API (${reason}). Trying again in ${seconds} s.`),
          h('button', { type: 'button', onclick: retryNow }, 'Retry now'),
        );
      },
      recovered: () => {
        this.alert.hidden = true;
        delete this.alert.dataset.kind;
        this.say('Connected to the API again.');
      },
    });
  }

  async apply(next: ViewState, how: 'push' | 'replace' | 'none') {
    const generation = ++this.generation;
    const stale = () => generation !== this.generation;
    this.state = next;
    const url = `${location.pathname}${formatState(next)}`;
    if (how === 'push' && url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    else if (how !== 'none') history.replaceState(null, '', url);
    byId<HTMLSelectElement>('depth').value = String(next.depth);
    byId<HTMLSelectElement>('limit').value = String(next.limit);
    byId('empty').hidden = Boolean(next.id);
    try {
      if (!next.id) {
        this.view.clear();
        this.loadedKey = undefined;
        this.refreshLists();
        return;
      }
      const key = `${next.id}|${next.depth}|${next.limit}`;
      if (key !== this.loadedKey) {
        this.view.clear();
        this.expanded.clear();
        this.pathKey = undefined;
        this.path = null;
        this.loadedKey = undefined;
        this.say('Loading the network…');
        const answer = await this.call<NeighborhoodAnswer>(NEIGHBORHOOD, {
          id: next.id,
          depth: next.depth,
          limit: next.limit,
        });
        if (stale()) return;
        const n = answer.neighborhood;
        this.view.add(n.nodes, n.edges, n.center.id);
        this.loadedKey = key;
        this.search.set(this.entity(n.center.id));
        this.say(
          n.truncated
            ? `Truncated: showing the nearest ${n.nodes.length} entities within ${next.depth} step${next.depth > 1 ? 's' : ''} of ${n.center.name}; more lie within reach. Raise “At most” or lower the depth to see the rest.`
            : `${n.nodes.length} entities within ${next.depth} step${next.depth > 1 ? 's' : ''} of ${n.center.name}.`,
        );
        this.graphEl.dataset.truncated = String(n.truncated);
      }
      for (const id of next.expand) {
        if (this.expanded.has(id)) continue;
        const answer = await this.call<NeighborhoodAnswer>(NEIGHBORHOOD, {
          id,
          depth: 1,
          limit: next.limit,
        }).catch((err) => {
          if (err instanceof ApiError && MISSING.has(err.code)) return null;
          throw err;
        });
        if (stale()) return;
        this.expanded.add(id);
        if (answer) {
          const added = this.view.add(answer.neighborhood.nodes, answer.neighborhood.edges);
          this.say(`Expanded ${answer.neighborhood.center.name}: ${added} more entities.`);
        }
      }
      await this.applyPath(next, stale);
      if (stale()) return;
      const spans = [
        ...this.view.graph.mapNodes((_, a) => nodeYears(a.entity)),
        ...this.view.graph.mapEdges((_, a) => edgeYears(a.rel)),
      ];
      this.timeline.update(spans, next.since, next.until);
      this.view.setYears(
        next.since !== undefined || next.until !== undefined
          ? [next.since ?? -Infinity, next.until ?? Infinity]
          : null,
      );
      this.refreshLists();
      if (this.focusPanel) this.side.focusOnNextShow();
      this.focusPanel = false;
      await this.side.show(next, this.path, stale);
    } catch (err) {
      if (stale()) return;
      if (err instanceof ApiError && MISSING.has(err.code)) return this.notFound(next.id ?? '');
      this.fail(err);
    }
  }

  private async applyPath(next: ViewState, stale: () => boolean) {
    if (!next.from || !next.to) {
      this.pathKey = undefined;
      this.path = null;
      this.view.setHighlight(null);
      return;
    }
    const key = `${next.from}|${next.to}`;
    if (key === this.pathKey) return;
    this.say('Looking for the shortest connection…');
    const answer = await this.call<PathAnswer>(PATH, { from: next.from, to: next.to });
    if (stale()) return;
    this.pathKey = key;
    const p = answer.strongestConnection?.path ?? null;
    if (!p) {
      this.path = null;
      this.view.setHighlight(null);
      this.say('No connection within 6 steps between these two.');
      return;
    }
    this.view.add(p.nodes, p.relationships);
    this.path = { nodes: p.nodes, rels: p.relationships };
    this.view.setHighlight([...p.nodes.map((n) => n.id), ...p.relationships.map((r) => r.id)]);
    this.say(
      `Connected in ${p.length} step${p.length === 1 ? '' : 's'}: ${p.nodes.map((n) => n.name).join(' → ')}.`,
    );
  }

  private notFound(id: string) {
    this.view.clear();
    this.loadedKey = undefined;
    this.refreshLists();
    const empty = byId('empty');
    empty.hidden = false;
    empty.replaceChildren(
      h(
        'p',
        { class: 'not-found' },
        `Not found: nothing in the graph has the id “${id.slice(0, 200)}”. Search for a name instead.`,
      ),
    );
    this.say('Not found.');
    this.search.input.focus();
  }

  private refreshLists() {
    const g = this.view.graph;
    const nodes = g.mapNodes((_, a) => a.entity);
    const rels = g.mapEdges((_, a) => a.rel);
    byId('in-view-body').replaceChildren(...inViewList(nodes, rels, this.name, this.actions));
    byId('legend').replaceChildren(
      legend(new Set(nodes.map((n) => n.__typename)), new Set(rels.map((r) => r.type))),
    );
    const center = this.state.id ? this.name(this.state.id) : '';
    this.graphEl.setAttribute(
      'aria-label',
      nodes.length
        ? `Network of ${nodes.length} entities and ${rels.length} relationships around ${center}. The same items are listed under “Entities and relationships in view”.`
        : 'No network shown yet',
    );
  }

  /** For automation (the browser tests, the benchmark): where things are drawn, in CSS pixels. */
  automation() {
    return {
      position: (id: string) => this.view.viewportPosition(id),
      edgeMidpoint: (id: string) => this.view.edgeMidpoint(id),
      edges: () => this.view.graph.edges(),
      nodes: () => this.view.graph.nodes(),
      shown: () => this.view.graph.filterNodes((n) => this.view.shown(n)),
      layout: (id: string) => {
        const a = this.view.graph.getNodeAttributes(id);
        return { x: a.x, y: a.y };
      },
    };
  }
}
