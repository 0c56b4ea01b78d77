// The drawing: a graphology graph of what is in view, drawn by sigma (WebGL), laid out by
// ForceAtlas2 in a web worker for a bounded time so it settles; entities already placed are pinned
// (`fixed`) when the graph grows, so the picture stays put and only the newcomers find their place.
// The timeline filter and the highlighted path are applied by sigma's reducers, without touching
// the graph.

import { MultiDirectedGraph } from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { entityLook, relationshipColor } from './look.ts';
import { EdgeDashedProgram, EdgeSolidProgram, NodeShapeProgram } from './programs.ts';
import type { EntityRow, RelationshipRow } from './queries.ts';

export interface NodeAttrs {
  label: string;
  entity: EntityRow;
  x: number;
  y: number;
  size: number;
  color: string;
  shape: string;
  fixed?: boolean;
}
export interface EdgeAttrs {
  rel: RelationshipRow;
  color: string;
  size: number;
  type: 'solid' | 'dashed';
}

type Years = [number, number] | null;
const year = (iso: string | undefined) => (iso ? Number(iso.slice(0, iso.startsWith('-') ? 5 : 4)) : NaN);

/** A relationship's years: from its start (or attested) date to its end (or attested) date. */
export function edgeYears(rel: RelationshipRow): Years {
  const from = year(rel.startDate?.earliest ?? rel.attestedDate?.earliest);
  const to = year(rel.endDate?.latest ?? rel.attestedDate?.latest);
  if (Number.isNaN(from) && Number.isNaN(to)) return null;
  return [Number.isNaN(from) ? -Infinity : from, Number.isNaN(to) ? Infinity : to];
}
export function nodeYears(entity: EntityRow): Years {
  return entity.date ? [year(entity.date.earliest), year(entity.date.latest)] : null;
}

/** A number in [0, 1) from a string, so that placements are the same on every load. */
function hash(s: string): number {
  let x = 2166136261;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619);
  return (x >>> 0) / 4294967296;
}

export interface GraphViewEvents {
  node(id: string): void;
  edge(id: string): void;
  expand(id: string): void;
  stage(): void;
}

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private layout: FA2Layout | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private drawTimer: ReturnType<typeof setInterval> | undefined;
  private years: Years = null;
  private highlighted: Set<string> | null = null;
  private selected: string | undefined;
  private center: string | undefined;
  private drawn = false;

  constructor(
    private readonly container: HTMLElement,
    events: GraphViewEvents,
  ) {
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, {
      allowInvalidContainer: true,
      defaultNodeType: 'shape',
      nodeProgramClasses: { shape: NodeShapeProgram },
      defaultEdgeType: 'solid',
      edgeProgramClasses: { solid: EdgeSolidProgram, dashed: EdgeDashedProgram },
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      labelDensity: 0.6,
      labelRenderedSizeThreshold: 6,
      minEdgeThickness: 1.5,
      zIndex: true,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.sigma.on('clickNode', ({ node }) => events.node(node));
    this.sigma.on('clickEdge', ({ edge }) => events.edge(edge));
    this.sigma.on('clickStage', () => events.stage());
    this.sigma.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      events.expand(e.node);
    });
    const pointer = (on: boolean) => () => this.container.classList.toggle('pointing', on);
    this.sigma.on('enterNode', pointer(true));
    this.sigma.on('leaveNode', pointer(false));
    this.sigma.on('enterEdge', pointer(true));
    this.sigma.on('leaveEdge', pointer(false));
    this.sigma.on('afterRender', () => {
      if (this.drawn || this.graph.order === 0) return;
      this.drawn = true;
      performance.mark('explorer:first-graph');
      this.container.dataset.drawn = 'true';
    });
  }

  private reduceNode(node: string, data: NodeAttrs) {
    const out: Partial<NodeAttrs> & Record<string, unknown> = { ...data };
    const span = nodeYears(data.entity);
    if (this.years && span && (span[1] < this.years[0] || span[0] > this.years[1])) out.hidden = true;
    if (this.highlighted && !this.highlighted.has(node)) {
      out.color = '#d6d6d6';
      out.label = '';
      out.zIndex = 0;
    } else out.zIndex = 1;
    if (node === this.selected) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 2 });
    if (node === this.center) out.forceLabel = true;
    return out;
  }

  private reduceEdge(edge: string, data: EdgeAttrs) {
    const out: Partial<EdgeAttrs> & Record<string, unknown> = { ...data };
    const span = edgeYears(data.rel);
    if (this.years && span && (span[1] < this.years[0] || span[0] > this.years[1])) out.hidden = true;
    if (this.highlighted && !this.highlighted.has(edge)) {
      out.color = '#e4e4e4';
      out.zIndex = 0;
    } else out.zIndex = 1;
    if (edge === this.selected) Object.assign(out, { size: 6, zIndex: 2 });
    return out;
  }

  /** Adds entities and relationships (those already in view are kept as they are). */
  add(nodes: readonly EntityRow[], edges: readonly RelationshipRow[], center?: string): number {
    const fresh = this.graph.order === 0;
    const before = new Set(this.graph.nodes());
    const added: string[] = [];
    for (const entity of nodes) {
      if (this.graph.hasNode(entity.id)) continue;
      const look = entityLook(entity.__typename);
      this.graph.addNode(entity.id, {
        label: entity.name.length > 48 ? `${entity.name.slice(0, 47)}…` : entity.name,
        entity,
        x: 0,
        y: 0,
        size: 6,
        color: look.color,
        shape: look.shape,
      });
      added.push(entity.id);
    }
    for (const rel of edges) {
      if (this.graph.hasEdge(rel.id) || !this.graph.hasNode(rel.from.id) || !this.graph.hasNode(rel.to.id))
        continue;
      this.graph.addDirectedEdgeWithKey(rel.id, rel.from.id, rel.to.id, {
        rel,
        color: relationshipColor(rel.type),
        size: 3,
        type: rel.certainty === 'INFERRED' ? 'dashed' : 'solid',
      });
    }
    if (fresh) this.placeInRings(center ?? added[0]);
    else this.placeNear(added, before);
    this.graph.forEachNode((node) =>
      this.graph.setNodeAttribute(node, 'size', Math.min(18, 5 + 2 * Math.sqrt(this.graph.degree(node)))),
    );
    this.graph.forEachNode((node) => this.graph.setNodeAttribute(node, 'fixed', before.has(node)));
    if (center) this.center = center;
    this.settle();
    return added.length;
  }

  /** A first picture: the centre, then each distance from it on its own ring. */
  private placeInRings(center: string | undefined) {
    if (!center || !this.graph.hasNode(center)) return;
    const distance = new Map<string, number>([[center, 0]]);
    const queue = [center];
    while (queue.length) {
      const node = queue.shift() as string;
      for (const next of this.graph.neighbors(node))
        if (!distance.has(next)) {
          distance.set(next, (distance.get(node) ?? 0) + 1);
          queue.push(next);
        }
    }
    const rings = new Map<number, string[]>();
    for (const node of this.graph.nodes()) {
      const d = distance.get(node) ?? Math.max(0, ...distance.values()) + 1;
      rings.set(d, [...(rings.get(d) ?? []), node]);
    }
    for (const [d, members] of rings)
      members.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / members.length + d * 0.5;
        this.graph.mergeNodeAttributes(node, { x: d * 100 * Math.cos(angle), y: d * 100 * Math.sin(angle) });
      });
  }

  /** Newcomers go beside a neighbour that is already placed. */
  private placeNear(added: string[], placed: Set<string>) {
    for (const node of added) {
      const anchor = this.graph.neighbors(node).find((n) => placed.has(n));
      const a = anchor ? this.graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
      const angle = 2 * Math.PI * hash(node);
      const r = 30 + 40 * hash(`${node}#`);
      this.graph.mergeNodeAttributes(node, { x: a.x + r * Math.cos(angle), y: a.y + r * Math.sin(angle) });
      placed.add(node);
    }
  }

  /**
   * Runs ForceAtlas2 in its worker for a while, then stops: the picture settles. The worker moves a
   * copy of the graph; its positions are drawn four times a second (and once at the end), so the
   * page keeps answering clicks while the layout runs even where WebGL is drawn without a GPU.
   */
  settle() {
    this.stopLayout();
    if (this.graph.order < 2) {
      this.container.dataset.layout = 'settled';
      return;
    }
    const moving = this.graph.copy();
    const layout = new FA2Layout(moving, {
      settings: { ...inferSettings(moving), barnesHutOptimize: moving.order > 200, slowDown: 3 },
    });
    const draw = () =>
      this.graph.updateEachNodeAttributes(
        (node, attrs) => {
          const p = moving.getNodeAttributes(node);
          return { ...attrs, x: p.x, y: p.y };
        },
        { attributes: ['x', 'y'] },
      );
    this.layout = layout;
    this.container.dataset.layout = 'running';
    layout.start();
    this.drawTimer = setInterval(draw, 250);
    this.stopTimer = setTimeout(
      () => {
        this.stopLayout();
        draw();
        this.container.dataset.layout = 'settled';
        performance.mark('explorer:layout-settled');
      },
      Math.min(5000, 1200 + 6 * moving.order),
    );
  }

  private stopLayout() {
    this.layout?.kill();
    this.layout = undefined;
    clearTimeout(this.stopTimer);
    clearInterval(this.drawTimer);
  }

  clear() {
    this.stopLayout();
    this.graph.clear();
    this.center = undefined;
    this.selected = undefined;
    this.highlighted = null;
    this.drawn = false;
    delete this.container.dataset.drawn;
    this.container.dataset.layout = 'idle';
  }

  setYears(years: Years) {
    this.years = years;
    this.sigma.refresh({ skipIndexation: true });
  }

  setHighlight(items: Iterable<string> | null) {
    this.highlighted = items ? new Set(items) : null;
    this.sigma.refresh({ skipIndexation: true });
  }

  select(item: string | undefined) {
    this.selected = item;
    this.sigma.refresh({ skipIndexation: true });
  }

  /** Where an entity is drawn, in CSS pixels of the container (null when hidden or unknown). */
  viewportPosition(node: string): { x: number; y: number } | null {
    const data = this.sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return null;
    // display data is in sigma's framed space, not in the graph's own coordinates
    return this.sigma.framedGraphToViewport(data);
  }

  /** Whether sigma draws the entity now (the timeline filter hides some). */
  shown(node: string): boolean {
    const data = this.sigma.getNodeDisplayData(node);
    return Boolean(data && !data.hidden);
  }

  /** The middle of a drawn relationship, in CSS pixels of the container. */
  edgeMidpoint(edge: string): { x: number; y: number } | null {
    if (!this.graph.hasEdge(edge)) return null;
    const a = this.viewportPosition(this.graph.source(edge));
    const b = this.viewportPosition(this.graph.target(edge));
    return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : null;
  }
}
