// The side panel: an entity's details (fetched once and kept), a relationship with the text of
// each document it quotes (fetched once and kept) and its passages marked, or the path asked for.
import { byId, h } from './dom.ts';
import type { GraphView } from './graph-view.ts';
import { words } from './look.ts';
import { entityPanel, type PanelActions, pathPanel, relationshipPanel } from './panels.ts';
import {
  DETAILS,
  DOCUMENT,
  type DocumentText,
  type EntityDetails,
  type EntityRow,
  type RelationshipRow,
} from './queries.ts';
import type { ViewState } from './state.ts';

export interface SidePanelDeps {
  view: GraphView;
  actions: PanelActions;
  name(id: string): string;
  call<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  close(): void;
}

export class SidePanel {
  private readonly details = new Map<string, EntityDetails>();
  private readonly docs = new Map<string, DocumentText>();
  private focusNext = false;
  private state: ViewState | undefined;

  constructor(private readonly deps: SidePanelDeps) {}

  /** Moves the focus to the panel when it next shows something (after a button, not the mouse on the drawing). */
  focusOnNextShow() {
    this.focusNext = true;
  }

  private panel(title: string, body: HTMLElement[]) {
    byId('panel-title').textContent = title;
    const close = h(
      'button',
      {
        type: 'button',
        class: 'close',
        onclick: () => this.deps.close(),
      },
      'Close',
    );
    byId('panel-body').replaceChildren(...(title === 'Details' ? body : [close, ...body]));
    const panel = byId('panel');
    panel.dataset.node = this.state?.node ?? '';
    panel.dataset.edge = this.state?.node ? '' : (this.state?.edge ?? '');
    if (this.focusNext) panel.focus();
    this.focusNext = false;
  }

  async show(
    s: ViewState,
    path: { nodes: EntityRow[]; rels: RelationshipRow[] } | null,
    stale: () => boolean,
  ) {
    this.state = s;
    const { view, actions, name } = this.deps;
    view.select(s.node ?? s.edge);
    const rels = (id: string) =>
      view.graph.mapEdges((_, a) => a.rel).filter((r) => r.from.id === id || r.to.id === id);
    if (s.node) {
      let d = this.details.get(s.node);
      if (!d) {
        d = (await this.deps.call<{ node: EntityDetails }>(DETAILS, { id: s.node })).node;
        this.details.set(s.node, d);
      }
      if (stale()) return;
      return this.panel(d.name, entityPanel(d, rels(d.id), name, actions));
    }
    if (s.edge) {
      if (!view.graph.hasEdge(s.edge))
        return this.panel('Relationship', [h('p', {}, 'This relationship is not in the current view.')]);
      const rel = view.graph.getEdgeAttribute(s.edge, 'rel');
      const title = `${words(rel.type)}: ${name(rel.from.id)} → ${name(rel.to.id)}`;
      this.panel(title, relationshipPanel(rel, name, this.docs, actions));
      const missing = [...new Set(rel.evidence.map((e) => e.document.id))].filter((id) => !this.docs.has(id));
      if (!missing.length) return this.scrollToMarks();
      for (const id of missing)
        this.docs.set(id, (await this.deps.call<{ document: DocumentText }>(DOCUMENT, { id })).document);
      if (stale()) return;
      this.panel(title, relationshipPanel(rel, name, this.docs, actions));
      return this.scrollToMarks();
    }
    if (path) return this.panel('How they are connected', pathPanel(path.nodes, path.rels, actions));
    this.panel('Details', [
      h('p', {}, 'Click an entity or a relationship, or pick one from the list below.'),
    ]);
  }

  private scrollToMarks() {
    for (const mark of document.querySelectorAll<HTMLElement>('.document-text mark')) {
      const box = mark.parentElement as HTMLElement;
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
    }
  }
}
