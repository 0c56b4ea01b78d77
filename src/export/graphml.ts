// GraphML (http://graphml.graphdrawing.org/), streamed: the keys first, then each node and each edge
// as it comes. A directed graph; node ids are the graph's ids, edge ids the relationships' ids; the
// attributes are those of attributes.ts, each a <key> with its type. Gephi reads the `label` key as
// the label of a node (the entity's name) and of an edge (the relationship type).
import { type Attribute, EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './attributes.ts';
import type { ExportEdge, ExportNode, ExportWriter } from './writer.ts';
import { attributes, escapeText } from './xml.ts';

const GRAPHML_TYPES = { string: 'string', int: 'int' } as const;

/** Node keys are `n0`, `n1`, …; edge keys `e0`, `e1`, … (a key's id is unique across the file). */
function keys<Row>(list: readonly Attribute<Row>[], prefix: string, forWhat: 'node' | 'edge'): string {
  return list
    .map(
      (a, i) =>
        `  <key${attributes({ id: `${prefix}${i}`, for: forWhat, 'attr.name': a.name, 'attr.type': GRAPHML_TYPES[a.type] })}/>\n`,
    )
    .join('');
}

function data<Row>(list: readonly Attribute<Row>[], prefix: string, row: Row): string {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const value = (list[i] as Attribute<Row>).value(row);
    if (value === null) continue;
    out += `<data key="${prefix}${i}">${escapeText(String(value))}</data>`;
  }
  return out;
}

export function graphmlWriter(): ExportWriter {
  return {
    begin: (info) =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      `  <desc>${escapeText(`${info.title}. Exported ${info.created} from ${info.uris.base}.`)}</desc>\n` +
      keys(NODE_ATTRIBUTES, 'n', 'node') +
      keys(EDGE_ATTRIBUTES, 'e', 'edge') +
      `  <graph${attributes({ id: 'coldwar-graph', edgedefault: 'directed' })}>\n`,
    node: (n: ExportNode) =>
      `    <node${attributes({ id: n.entity.id })}>${data(NODE_ATTRIBUTES, 'n', n)}</node>\n`,
    edge: (e: ExportEdge) =>
      `    <edge${attributes({ id: e.relationship.id, source: e.relationship.from, target: e.relationship.to })}>${data(EDGE_ATTRIBUTES, 'e', e)}</edge>\n`,
    end: () => '  </graph>\n</graphml>\n',
  };
}
