// `recall-desk`: the same services as the window, for scripts and terminals. Exit 0 when the
// command completed (whatever a lookup found), 2 on bad input with the reason on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unwrap, ApiError, type Envelope, type ImportStatus, type OperationName, type OutputOf, type InputOf } from '../../shared/api';
import { createApp, type App } from '../app';
import { resolveDbPath } from '../db/paths';
import { DatabaseOpenError } from '../db/open';
import { startServer } from '../server/http';
import { formatCampaigns, formatCheck, formatFollowUp, formatHolds, formatListPreview, formatLookup, formatVehiclePreview } from './format';
import { checkFile } from './check';
import { followUpCsv, holdsCsv } from '../../shared/csv-out';
import { VEHICLE_FIELDS } from '../../shared/vehicle-fields';
import { parseProductionMonth, PRODUCTION_MONTH_HELP } from '../../shared/month';

export type Io = { out: (s: string) => void; err: (s: string) => void };

export const USAGE = `Usage: recall-desk <command> [options]

Commands:
  lookup VIN [--model NAME] [--produced MM/YY] [--json]     campaigns that may apply to a vehicle
  check FILE [--json]                                       a lookup for every VIN of a file
  campaigns [--json]                                        the campaign library
  import-bulletin FILE                                      add a campaign or a newer revision
  import-vins CAMPAIGN FILE [--date YYYY-MM-DD] [--partial] [--dry-run]
                                                            an affected-VIN list (replaces the older one)
  import-vehicles FILE [--map FIELD=HEADER,...] [--stock add|replace] [--dry-run]
                                                            vehicles from a DMS export
  holds [--json | --csv]                                    stock vehicles that may not be delivered
  followup [--campaign CODE] [--available] [--json | --csv] serviced vehicles with open campaigns
  serve [--port N]                                          browser mode on 127.0.0.1

Options for every command:
  --db PATH    the database file (default: RECALL_DESK_DB, else the user's data folder)
  --help       this text`;

class UsageError extends Error {}

export type CliContext = { version: string; staticDir: string; waitForExit?: (close: () => Promise<void>) => Promise<void> };

export async function runCli(argv: string[], io: Io, ctx: CliContext): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        model: { type: 'string' },
        produced: { type: 'string' },
        port: { type: 'string' },
        date: { type: 'string' },
        partial: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        map: { type: 'string' },
        stock: { type: 'string' },
        csv: { type: 'boolean' },
        campaign: { type: 'string' },
        available: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }

  let app: App | undefined;
  try {
    const openApp = async () => (app = await createApp({ dbPath: resolveDbPath(values.db as string | undefined), version: ctx.version }));
    const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> =>
      unwrap((await app!.dispatch(name, input)) as Envelope<OutputOf<K>>);

    switch (command) {
      case 'lookup': {
        const vin = one(rest, 'lookup needs one VIN: recall-desk lookup JTHBE96S170007930');
        let produced: string | null = null;
        if (values.produced !== undefined) {
          produced = parseProductionMonth(values.produced as string);
          if (!produced) throw new UsageError(`--produced "${values.produced}" is not a month. ${PRODUCTION_MONTH_HELP}`);
        }
        await openApp();
        const r = await call('lookup', { vin, model: (values.model as string) ?? null, productionMonth: produced });
        io.out(values.json ? JSON.stringify(r, null, 2) : formatLookup(r));
        return 0;
      }
      case 'campaigns': {
        none(rest, 'campaigns');
        await openApp();
        const list = await call('listCampaigns', {});
        io.out(values.json ? JSON.stringify(list, null, 2) : formatCampaigns(list));
        return 0;
      }
      case 'import-bulletin': {
        const file = one(rest, 'import-bulletin needs one file: recall-desk import-bulletin path/to/bulletin.json');
        const content = readFile(file);
        await openApp();
        const r = await call('importBulletin', { fileName: path.basename(file), content });
        const what = { added: 'added to the library', updated: `updated from revision ${r.previousRevisionDate}`, unchanged: 'already loaded; nothing changed' }[r.outcome];
        io.out(`${r.code} ${r.title}, revision ${r.revisionDate}: ${what}.`);
        return 0;
      }
      case 'check': {
        const file = one(rest, 'check needs one file of VINs: recall-desk check vins.txt');
        const content = readFile(file);
        await openApp();
        const { results, bad } = checkFile(app!.lookup, content, path.basename(file));
        for (const b of bad) io.err(`line ${b.line}: ${b.reason}`);
        io.out(values.json ? JSON.stringify(results, null, 2) : formatCheck(results));
        return 0;
      }
      case 'import-vins': {
        if (rest.length !== 2) throw new UsageError('import-vins needs a campaign and a file: recall-desk import-vins ALE affected.csv');
        const [campaign, file] = rest as [string, string];
        const content = readFile(file);
        await openApp();
        const preview = await call('previewVinList', {
          campaign,
          fileName: path.basename(file),
          content,
          listDate: (values.date as string) ?? null,
          complete: !values.partial,
        });
        io.err(formatListPreview(preview));
        if (values['dry-run']) return 0;
        return await finishImport(app!, await call('commitImport', { importId: preview.importId }), io);
      }
      case 'import-vehicles': {
        const file = one(rest, 'import-vehicles needs one file: recall-desk import-vehicles dms-export.csv');
        const content = readFile(file);
        const stock = (values.stock as string | undefined) ?? 'none';
        if (!['none', 'add', 'replace'].includes(stock)) throw new UsageError(`--stock is add (these are in stock) or replace (the complete stock list); got "${stock}".`);
        await openApp();
        const preview = await call('previewVehicles', { fileName: path.basename(file), content, mapping: parseMap(values.map as string | undefined), inStock: stock as 'none' });
        io.err(formatVehiclePreview(preview));
        if (!preview.importId) throw new UsageError(preview.blocking ?? 'Nothing to import.');
        if (values['dry-run']) return 0;
        return await finishImport(app!, await call('commitImport', { importId: preview.importId }), io);
      }
      case 'holds': {
        none(rest, 'holds');
        await openApp();
        const report = await call('holdReport', {});
        io.out(values.json ? JSON.stringify(report, null, 2) : values.csv ? holdsCsv(report) : formatHolds(report));
        return 0;
      }
      case 'followup': {
        none(rest, 'followup');
        await openApp();
        const list = await call('followUpList', { campaign: (values.campaign as string) ?? null, remedyAvailableOnly: !!values.available });
        io.out(values.json ? JSON.stringify(list, null, 2) : values.csv ? followUpCsv(list) : formatFollowUp(list));
        return 0;
      }
      case 'serve': {
        none(rest, 'serve');
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535; got "${values.port}".`);
        await openApp();
        if (!fs.existsSync(path.join(ctx.staticDir, 'index.html'))) {
          throw new Error(`The renderer is not built (${ctx.staticDir}): run npm run build first.`);
        }
        const server = await startServer({ dispatch: app!.dispatch, staticDir: ctx.staticDir, port });
        io.out(`Recall Desk (browser mode) is running on this computer only.\nDatabase: ${app!.db.path}\nOpen: ${server.url}\nStop with Ctrl+C.`);
        const opened = app!;
        app = undefined; // the server owns it now
        await (ctx.waitForExit ?? waitForSignal)(async () => {
          await server.close();
          await opened.close();
        });
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof DatabaseOpenError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof ApiError) {
      io.err([err.message, ...err.details.map((d) => `  ${d}`)].join('\n'));
      return err.code === 'internal' ? 1 : 2;
    }
    io.err(`recall-desk: ${(err as Error).message}`);
    return 1;
  } finally {
    await app?.close();
  }
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
}

/** --map vin="Vehicle ID",model=Mdl → { vin: 'Vehicle ID', model: 'Mdl' } */
function parseMap(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const out: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    if (at < 0 || !(VEHICLE_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes FIELD=HEADER pairs separated by commas; "${pair}" is not one. Fields: ${VEHICLE_FIELDS.join(', ')}.`);
    }
    out[field] = pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** Shows progress on stderr while the import's transaction runs, then its outcome. */
async function finishImport(app: App, started: ImportStatus, io: Io): Promise<number> {
  let shown = -1;
  const tick = setInterval(() => {
    const s = app.jobs.status(started.jobId);
    if (s.done !== shown) {
      shown = s.done;
      io.err(`importing ${s.done.toLocaleString('en-US')} / ${s.total.toLocaleString('en-US')}`);
    }
  }, 100);
  const end = await app.jobs.wait(started.jobId).finally(() => clearInterval(tick));
  if (end.state === 'done') {
    io.out(end.message);
    return 0;
  }
  io.err(end.message);
  return 1;
}

function one(rest: string[], message: string): string {
  if (rest.length !== 1) throw new UsageError(message);
  return rest[0]!;
}

function none(rest: string[], command: string): void {
  if (rest.length) throw new UsageError(`${command} takes no arguments; got "${rest.join(' ')}".`);
}

function waitForSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
