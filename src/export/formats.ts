// The export formats by name (`--format`, `format=`), each with its files. Adding one (the RDF
// serializations) is one entry here with a writer of writer.ts.
import { edgesCsvWriter, nodesCsvWriter } from './csv.ts';
import { gexfWriter } from './gexf.ts';
import { graphmlWriter } from './graphml.ts';
import { jsonldWriter, nquadsWriter, turtleWriter } from './rdf.ts';
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
  jsonld: {
    name: 'jsonld',
    description: 'JSON-LD: every entity and claim as served at its URI, in one @graph',
    parts: [
      {
        file: 'coldwar-graph.jsonld',
        mediaType: 'application/ld+json; charset=utf-8',
        needs: BOTH,
        writer: jsonldWriter,
      },
    ],
  },
  nquads: {
    name: 'nquads',
    description: 'N-Quads: the same statements, a line each',
    parts: [
      {
        file: 'coldwar-graph.nq',
        mediaType: 'application/n-quads; charset=utf-8',
        needs: BOTH,
        writer: nquadsWriter,
      },
    ],
  },
  turtle: {
    name: 'turtle',
    description: 'Turtle: the same statements, with prefixes',
    parts: [
      {
        file: 'coldwar-graph.ttl',
        mediaType: 'text/turtle; charset=utf-8',
        needs: BOTH,
        writer: turtleWriter,
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
