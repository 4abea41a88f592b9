// `recall-desk`: the same services as the window, for scripts and terminals. Exit 0 when the
// command completed (whatever a lookup found), 2 on bad input with the reason on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { unwrap, ApiError, type Envelope, type OperationName, type OutputOf, type InputOf } from '../../shared/api';
import { createApp, type App } from '../app';
import { resolveDbPath } from '../db/paths';
import { DatabaseOpenError } from '../db/open';
import { startServer } from '../server/http';
import { formatCampaigns, formatLookup } from './format';
import { parseProductionMonth, PRODUCTION_MONTH_HELP } from '../../shared/month';

export type Io = { out: (s: string) => void; err: (s: string) => void };

export const USAGE = `Usage: recall-desk <command> [options]

Commands:
  lookup VIN [--model NAME] [--produced MM/YY] [--json]     campaigns that may apply to a vehicle
  campaigns [--json]                                        the campaign library
  import-bulletin FILE                                      add a campaign or a newer revision
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
        let content: string;
        try {
          content = fs.readFileSync(file, 'utf8');
        } catch (err) {
          throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
        }
        await openApp();
        const r = await call('importBulletin', { fileName: path.basename(file), content });
        const what = { added: 'added to the library', updated: `updated from revision ${r.previousRevisionDate}`, unchanged: 'already loaded; nothing changed' }[r.outcome];
        io.out(`${r.code} ${r.title}, revision ${r.revisionDate}: ${what}.`);
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
