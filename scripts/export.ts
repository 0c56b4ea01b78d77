// npm run export -- --format graphml|gexf|csv|jsonld|nquads|turtle|bundle --out PATH [--around ID [--depth N] | --document ID]
// Streams the whole graph, or a selection, a page at a time into files: GraphML and GEXF into the
// file PATH (`-` for standard output), CSV into the folder PATH (nodes.csv and edges.csv, created if
// missing). Each file is written as PATH.partial and renamed when complete, so a failed export never
// leaves a file that looks whole. A progress bar shows on standard error when standard output is a
// terminal; a summary line (rows, rows/s, peak RSS) ends every run. URIs use PUBLIC_BASE_URL (or
// --base). `--format bundle` writes each document (or --document ID) as the importer takes it back:
// PATH/DOCUMENT.json and its text in PATH/texts/ (src/export/bundle.ts; `npm run import -- PATH/*.json`
// into an empty database gives the same graph). Uses NEO4J_URI when set; otherwise the local Neo4j
// must be running (npm run neo4j).
import { once } from 'node:events';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { config, publicBaseUrl } from '../src/config.ts';
import { MAX_EXPORT_BATCH } from '../src/data/export.ts';
import { connect } from '../src/db/driver.ts';
import { InvalidArgumentError } from '../src/errors.ts';
import { exportBundles } from '../src/export/bundle.ts';
import { exportText, FORMAT_NAMES, parseExportRequest, planExport } from '../src/export/index.ts';
import { partialFile } from '../src/export/partial-file.ts';
import { EXPORT_BATCH, EXPORT_MAX_SELECTION_ENTITIES, MAX_EXPORT_DEPTH } from '../src/limits.ts';
import { fail } from '../src/runtime/cli.ts';
import { makeUris } from '../src/uris.ts';

const HELP = `Usage: npm run export -- --format FORMAT --out PATH [--around ID [--depth N] | --document ID]

  --format     ${FORMAT_NAMES.join(', ')}, bundle
  --out        graphml, gexf: the file to write (- for standard output)
               csv: the folder to write nodes.csv and edges.csv into (created if missing)
               bundle: the folder to write DOCUMENT.json files into, their texts in texts/ (with
               --document ID, that document only); npm run import reads them back
  --around ID  only the entities within --depth relationships of ID (default 1, at most ${MAX_EXPORT_DEPTH})
  --document ID  only the claims of document ID and the entities they relate
  --batch N    rows per statement (default ${EXPORT_BATCH})
  --base URL   the base of every URI (default PUBLIC_BASE_URL, else http://HOST:PORT)

A selection holds at most ${EXPORT_MAX_SELECTION_ENTITIES.toLocaleString('en')} entities; the whole graph has no limit.
`;

const say = (line: string) => process.stderr.write(`${line}\n`);

function args() {
  try {
    return parseArgs({
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        around: { type: 'string' },
        depth: { type: 'string' },
        document: { type: 'string' },
        batch: { type: 'string' },
        base: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n\n${HELP}`);
  }
}

/** A file written as PATH.partial, renamed to PATH once complete; or standard output. */
interface Output {
  path: string;
  write(text: string): Promise<void>;
  finish(): Promise<void>;
  abandon(): void;
}

function fileOutput(path: string): Output {
  if (path === '-') {
    return {
      path: 'standard output',
      async write(text) {
        if (!process.stdout.write(text)) await once(process.stdout, 'drain');
      },
      finish: async () => undefined,
      abandon: () => undefined,
    };
  }
  const file = partialFile(path);
  return {
    path,
    async write(text) {
      if (text) await file.write(text);
    },
    finish: () => file.finish(),
    abandon: () => file.abandon(),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** --format bundle: the documents as bundles the importer reads back. */
async function bundles(out: string, document: string | undefined): Promise<void> {
  const c = config();
  const db = await connect({
    uri: c.NEO4J_URI ?? `bolt://127.0.0.1:${c.NEO4J_LOCAL_PORT}`,
    username: c.NEO4J_USERNAME,
    password: c.NEO4J_PASSWORD,
    database: c.NEO4J_DATABASE,
  });
  try {
    const started = performance.now();
    const r = await exportBundles(db, out, { document });
    const seconds = (performance.now() - started) / 1000;
    for (const w of r.warnings.slice(0, 20)) say(`export: warning: ${w}`);
    if (r.warnings.length > 20) say(`export: … and ${r.warnings.length - 20} more warnings`);
    say(
      `export: bundle: ${r.files.length} document(s), ${r.entities.toLocaleString('en')} entities and ${r.relationships.toLocaleString('en')} relationships in ${seconds.toFixed(1)} s, peak RSS ${megabytes(process.resourceUsage().maxRSS * 1024)} → ${out}`,
    );
  } finally {
    await db.driver.close();
  }
}

try {
  const opts = args();
  if (opts.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (opts.format === 'bundle') {
    if (!opts.out || opts.out === '-')
      throw new InvalidArgumentError('out', 'give the folder to write the bundles into.');
    if (opts.around !== undefined)
      throw new InvalidArgumentError('around', 'bundles are per document: use --document.');
    await bundles(opts.out, opts.document);
    process.exit(0);
  }
  const asked = parseExportRequest(
    { format: opts.format, around: opts.around, depth: opts.depth, document: opts.document },
    { oneFile: false },
  );
  if (!opts.out) throw new InvalidArgumentError('out', 'give the file (or, for csv, the folder) to write.');
  const batch = opts.batch === undefined ? EXPORT_BATCH : Number(opts.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_EXPORT_BATCH)
    throw new InvalidArgumentError('batch', `give a whole number from 1 to ${MAX_EXPORT_BATCH}.`);
  const several = asked.parts.length > 1;
  if (several && opts.out === '-')
    throw new InvalidArgumentError('out', `${asked.format.name} writes several files: give a folder.`);

  if (opts.base !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(opts.base))
    throw new InvalidArgumentError('base', 'give an http(s) URL such as https://coldwar-graph.example.org.');
  const c = config();
  const uris = makeUris(opts.base ?? publicBaseUrl(c));
  const db = await connect({
    uri: c.NEO4J_URI ?? `bolt://127.0.0.1:${c.NEO4J_LOCAL_PORT}`,
    username: c.NEO4J_USERNAME,
    password: c.NEO4J_PASSWORD,
    database: c.NEO4J_DATABASE,
  });
  const outputs: Output[] = [];
  let bar: SingleBar | undefined;
  // stopped by Ctrl-C or a signal: no partial file stays behind
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      bar?.stop();
      for (const o of outputs) o.abandon();
      say(`export: stopped by ${signal}; nothing written`);
      process.exit(130);
    });
  }
  try {
    const started = performance.now();
    const plan = await planExport(db, asked.selection);
    if (several) mkdirSync(opts.out, { recursive: true });
    for (const part of asked.parts)
      outputs.push(fileOutput(several ? join(opts.out, part.file) : (opts.out as string)));

    const total = plan.totals.nodes + plan.totals.edges;
    if (process.stdout.isTTY && opts.out !== '-') {
      bar = new SingleBar({
        format: `export ${asked.format.name} [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      });
      bar.start(Math.max(total, 1), 0, { speed: 0 });
    }
    const needs = {
      nodes: asked.parts.some((p) => p.needs.nodes),
      edges: asked.parts.some((p) => p.needs.edges),
    };
    let rows = 0;
    const chunks = exportText(
      db,
      uris,
      plan,
      asked.parts.map((p) => p.writer()),
      needs,
      {
        batch,
        onProgress: (done) => {
          rows = done.nodes + done.edges;
          if (bar) {
            if (rows > bar.getTotal()) bar.setTotal(rows);
            bar.update(rows, { speed: Math.round(rows / ((performance.now() - started) / 1000)) });
          }
        },
      },
    );
    for await (const texts of chunks) {
      for (let i = 0; i < outputs.length; i++) await (outputs[i] as Output).write(texts[i] ?? '');
    }
    for (const o of outputs) await o.finish();
    bar?.stop();
    bar = undefined;
    const seconds = (performance.now() - started) / 1000;
    const sizes = outputs
      .map((o) => (o.path === 'standard output' ? o.path : `${o.path} (${megabytes(statSync(o.path).size)})`))
      .join(', ');
    say(
      `export: ${asked.format.name}: ${plan.title.replace(/^coldwar-graph: /, '')}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s), peak RSS ${megabytes(process.resourceUsage().maxRSS * 1024)} → ${sizes}`,
    );
  } catch (err) {
    bar?.stop();
    for (const o of outputs) o.abandon();
    throw err;
  } finally {
    await db.driver.close();
  }
} catch (err) {
  fail(err);
}
