// Export of what is in view: a PNG of the drawing (sigma's export-image renders the layers onto one
// canvas) and GraphML of the entities and relationships with their types, certainty and evidence.
import { toBlob } from '@sigma/export-image';
import type { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { download } from './dom.ts';
import type { EdgeAttrs, NodeAttrs } from './graph-view.ts';

export async function exportPng(sigma: Sigma<NodeAttrs, EdgeAttrs>, name: string) {
  download(
    `${name}.png`,
    await toBlob(sigma as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' }),
  );
}

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export function graphml(graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>): string {
  const keys = [
    ['name', 'node', 'string'],
    ['type', 'node', 'string'],
    ['date', 'node', 'string'],
    ['x', 'node', 'double'],
    ['y', 'node', 'double'],
    ['type', 'edge', 'string'],
    ['certainty', 'edge', 'string'],
    ['quote', 'edge', 'string'],
    ['document', 'edge', 'string'],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(
      ([name, scope, type]) =>
        `  <key id="${scope}_${name}" for="${scope}" attr.name="${name}" attr.type="${type}"/>`,
    ),
    '  <graph id="view" edgedefault="directed">',
  ];
  const data = (key: string, value: string | number | undefined) =>
    value === undefined || value === '' ? '' : `<data key="${key}">${xml(String(value))}</data>`;
  graph.forEachNode((id, a) => {
    lines.push(
      `    <node id="${xml(id)}">${data('node_name', a.entity.name)}${data('node_type', a.entity.__typename)}${data('node_date', a.entity.date?.value)}${data('node_x', a.x)}${data('node_y', a.y)}</node>`,
    );
  });
  graph.forEachEdge((id, a, source, target) => {
    lines.push(
      `    <edge id="${xml(id)}" source="${xml(source)}" target="${xml(target)}">${data('edge_type', a.rel.type)}${data('edge_certainty', a.rel.certainty)}${data('edge_quote', a.rel.evidence[0]?.quote)}${data('edge_document', a.rel.evidence[0]?.document.id)}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function exportGraphml(graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>, name: string) {
  download(`${name}.graphml`, new Blob([graphml(graph)], { type: 'application/graphml+xml' }));
}
