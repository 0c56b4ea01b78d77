// npm run import -- [--check] [--json] [--message TEXT] [--no-candidates] FILE.json…
// Imports document bundles: each FILE is an extraction (coldwar-graph/extraction@1) whose stored text
// (document.textFile) is found beside it, in a texts/ folder beside it, or in a texts/ folder beside
// its folder (the seed's layout). Every file is validated first: if any is bad, each problem is
// printed (file, entry, what is wrong) and nothing is written. Each document is then imported in its
// own transaction, all or nothing, in the order given; a Change is recorded for each under the key id
// "cli:<user>". --check validates, resolves and reports without writing. A progress bar shows on
// standard error when it is a terminal; a report per file and a summary line end the run (--json:
// the reports as JSON on standard output). Uses NEO4J_URI when set; otherwise the local Neo4j.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { config } from '../src/config.ts';
import { connect } from '../src/db/driver.ts';
import { migrate } from '../src/db/migrations.ts';
import {
  checkSize,
  detailLines,
  type ImportReport,
  importValidated,
  readBundle,
  summaryLine,
} from '../src/import/index.ts';
import { IMPORT_BATCH, MAX_IMPORT_ROWS } from '../src/limits.ts';
import { fail } from '../src/runtime/cli.ts';
import { ExtractionError, type ValidatedDocument } from '../src/seed/validate.ts';

const HELP = `Usage: npm run import -- [--check] [--json] [--message TEXT] [--no-candidates] FILE.json…

  FILE.json        an extraction (format coldwar-graph/extraction@1); its text (document.textFile)
                   is looked for beside it, in texts/ beside it, then in ../texts/
  --check          validate, resolve and report; write nothing
  --message TEXT   why, for the audit trail (default "npm run import FILE")
  --json           print the reports as JSON on standard output
  --no-candidates  do not search near matches of new entities
  --batch N        rows per statement (default ${IMPORT_BATCH})

One file is one transaction: at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows (entities and relationships).
`;

const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function args() {
  try {
    return parseArgs({
      options: {
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        message: { type: 'string' },
        'no-candidates': { type: 'boolean' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n\n${HELP}`);
  }
}

/** Prints a rejected file's problems, one a line. */
function printProblems(err: ExtractionError): void {
  say(`import: ${err.file}: rejected, ${err.problems.length} problem(s):`);
  for (const p of err.problems) say(`  - ${p}`);
}

try {
  const { values: opts, positionals: files } = args();
  if (opts.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (!files.length) throw new Error(`give at least one extraction file\n\n${HELP}`);
  const batch = opts.batch === undefined ? IMPORT_BATCH : Number(opts.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
    throw new Error('--batch: give a whole number from 1 to 100000');

  // every file first: one bad file and nothing is written (each is read again when its turn comes,
  // so that only one bundle is held in memory at a time)
  const read = (file: string): ValidatedDocument => {
    const v = readBundle(file);
    checkSize(v);
    return v;
  };
  let rejected = 0;
  for (const file of files) {
    try {
      read(file);
    } catch (err) {
      if (!(err instanceof ExtractionError)) throw err;
      printProblems(err);
      rejected += 1;
    }
  }
  if (rejected) {
    say(`import: ${rejected} of ${files.length} file(s) rejected; nothing written`);
    process.exit(1);
  }

  const c = config();
  const db = await connect({
    uri: c.NEO4J_URI ?? `bolt://127.0.0.1:${c.NEO4J_LOCAL_PORT}`,
    username: c.NEO4J_USERNAME,
    password: c.NEO4J_PASSWORD,
    database: c.NEO4J_DATABASE,
  });
  let bar: SingleBar | undefined;
  let current = '';
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      bar?.stop();
      say(
        `import: stopped by ${signal}${current ? `; ${current} not imported (its transaction is rolled back)` : ''}`,
      );
      process.exit(130);
    });
  }
  const reports: ImportReport[] = [];
  const started = performance.now();
  try {
    await migrate(db);
    for (const file of files) {
      const v = read(file);
      current = v.file;
      if (process.stderr.isTTY) {
        bar = new SingleBar({
          format: `import ${v.file} [{bar}] {percentage}% | {value}/{total} rows | ETA {eta_formatted}`,
          hideCursor: true,
          stream: process.stderr,
        });
        bar.start(1, 0);
      }
      let report: ImportReport;
      try {
        report = await importValidated(db, v, {
          principal: { keyId: `cli:${userInfo().username}` },
          message: opts.message ?? `npm run import ${v.file}`,
          dryRun: opts.check ?? false,
          candidates: !opts['no-candidates'],
          batch,
          onProgress: (done, total) => {
            bar?.setTotal(total);
            bar?.update(done);
          },
        });
      } catch (err) {
        bar?.stop();
        const imported = reports.map((r) => r.file);
        if (imported.length && !opts.check)
          say(`import: imported before the failure: ${imported.join(', ')}`);
        if (err instanceof ExtractionError) {
          printProblems(err);
          say(`import: ${v.file}: nothing of it written`);
          process.exitCode = 1;
          break;
        }
        throw err;
      }
      bar?.stop();
      bar = undefined;
      current = '';
      reports.push(report);
      say(`import: ${summaryLine(report)}`);
      for (const line of detailLines(report)) say(line);
    }
  } finally {
    await db.driver.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = reports.reduce((n, r) => n + r.rows, 0);
  const rels = reports.reduce(
    (n, r) => n + r.relationships.added + r.relationships.updated + r.relationships.unchanged,
    0,
  );
  if (opts.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  say(
    `import: ${reports.length} of ${files.length} file(s)${opts.check ? ' checked, nothing written' : ' imported'}: ${rows.toLocaleString('en')} rows, ${rels.toLocaleString('en')} relationships in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${Math.round(rels / seconds).toLocaleString('en')} relationships/s), peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
} catch (err) {
  fail(err);
}
