// GEXF 1.3 (https://gexf.net/), Gephi's own format, streamed: the attribute declarations, then
// <nodes> and, from the first edge on, <edges>. A static directed graph; a node's label is the
// entity's name, an edge's label and kind are the relationship type (Gephi keeps edges of different
// kinds between the same two nodes apart); every other attribute of attributes.ts is declared once
// with a numeric id and its title, and written as an <attvalue>.
import { type Attribute, EDGE_ATTRIBUTES, NODE_ATTRIBUTES } from './attributes.ts';
import type { ExportEdge, ExportNode, ExportWriter } from './writer.ts';
import { attributes, escapeText } from './xml.ts';

const GEXF_TYPES = { string: 'string', int: 'integer' } as const;

// the label travels as the element's own `label`, not as an attribute
const nodeAttributes = NODE_ATTRIBUTES.filter((a) => a.name !== 'label');
const edgeAttributes = EDGE_ATTRIBUTES.filter((a) => a.name !== 'label');

function declarations<Row>(list: readonly Attribute<Row>[], forWhat: 'node' | 'edge'): string {
  return (
    `    <attributes class="${forWhat}" mode="static">\n` +
    list
      .map((a, i) => `      <attribute${attributes({ id: i, title: a.name, type: GEXF_TYPES[a.type] })}/>\n`)
      .join('') +
    '    </attributes>\n'
  );
}

function attvalues<Row>(list: readonly Attribute<Row>[], row: Row): string {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const value = (list[i] as Attribute<Row>).value(row);
    if (value === null) continue;
    out += `<attvalue${attributes({ for: i, value })}/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

export function gexfWriter(): ExportWriter {
  let inEdges = false;
  return {
    begin: (info) =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      `  <meta${attributes({ lastmodifieddate: info.created.slice(0, 10) })}>\n` +
      '    <creator>coldwar-graph</creator>\n' +
      `    <description>${escapeText(`${info.title}. Exported ${info.created} from ${info.uris.base}.`)}</description>\n` +
      '  </meta>\n' +
      '  <graph mode="static" defaultedgetype="directed">\n' +
      declarations(nodeAttributes, 'node') +
      declarations(edgeAttributes, 'edge') +
      '    <nodes>\n',
    node: (n: ExportNode) =>
      `      <node${attributes({ id: n.entity.id, label: n.entity.name })}>${attvalues(nodeAttributes, n)}</node>\n`,
    edge: (e: ExportEdge) => {
      const open = inEdges ? '' : '    </nodes>\n    <edges>\n';
      inEdges = true;
      const r = e.relationship;
      return `${open}      <edge${attributes({ id: r.id, source: r.from, target: r.to, label: r.type, kind: r.type })}>${attvalues(edgeAttributes, e)}</edge>\n`;
    },
    end: () =>
      `${inEdges ? '    </edges>\n' : '    </nodes>\n    <edges>\n    </edges>\n'}  </graph>\n</gexf>\n`,
  };
}
