// The export formats by name (`--format`, `format=`), each with its files. Adding one (the RDF
// serializations) is one entry here with a writer of writer.ts.
import { edgesCsvWriter, nodesCsvWriter } from './csv.ts';
import { gexfWriter } from './gexf.ts';
import { graphmlWriter } from './graphml.ts';
import type { ExportFormat } from './writer.ts';

const BOTH = { nodes: true, edges: true } as const;

export const FORMATS: Readonly<Record<string, ExportFormat>> = Object.freeze({
  graphml: {
    name: 'graphml',
    description: 'GraphML, for Gephi, Cytoscape, yEd, NetworkX and igraph',
    parts: [
      {
        file: 'coldwar-graph.graphml',
        mediaType: 'application/graphml+xml; charset=utf-8',
        needs: BOTH,
        writer: graphmlWriter,
      },
    ],
  },
  gexf: {
    name: 'gexf',
    description: "GEXF 1.3, Gephi's own format",
    parts: [
      {
        file: 'coldwar-graph.gexf',
        mediaType: 'application/gexf+xml; charset=utf-8',
        needs: BOTH,
        writer: gexfWriter,
      },
    ],
  },
  csv: {
    name: 'csv',
    description: 'CSV: nodes.csv, and edges.csv with one row per evidence passage and its citation',
    parts: [
      {
        file: 'nodes.csv',
        table: 'nodes',
        mediaType: 'text/csv; charset=utf-8; header=present',
        needs: { nodes: true, edges: false },
        writer: nodesCsvWriter,
      },
      {
        file: 'edges.csv',
        table: 'edges',
        mediaType: 'text/csv; charset=utf-8; header=present',
        needs: { nodes: false, edges: true },
        writer: edgesCsvWriter,
      },
    ],
  },
});

export const FORMAT_NAMES = Object.keys(FORMATS);
