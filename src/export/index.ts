// Exports of the whole graph or a selection (an entity's neighbourhood, a document's claims) in
// GraphML, GEXF and CSV, streamed a page at a time: over HTTP at /export (route.ts) and by
// `npm run export` (scripts/export.ts). A format is a set of writers (writer.ts) registered in
// formats.ts; the exporter (exporter.ts) feeds them, a plan (plan.ts) at a time. The limits are in
// src/limits.ts.
export { exportPages, exportText } from './exporter.ts';
export { FORMAT_NAMES, FORMATS } from './formats.ts';
export { type ExportPlan, planExport, SELECTION_LIMITS } from './plan.ts';
export { type ExportParams, parseExportRequest } from './request.ts';
export { downloadName, type ExportRouteOptions, exportRoute } from './route.ts';
export type * from './writer.ts';
