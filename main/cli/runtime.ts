// What every domain's CLI commands share: output, the app opened on the command's --db, the API call
// (through the same dispatcher as the window), and the errors that mean "bad input" (exit 2).
import fs from 'node:fs';
import type { Command } from 'commander';
import { type InputOf, type OperationName, type OutputOf, unwrap, type Envelope } from '../../shared/api';
import { type App, createApp } from '../app';
import { resolveDbPath } from '../db/paths';
import { newDatabaseCreated } from '../../shared/wording';

export type Io = {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where long outputs stream to, chunk by chunk with backpressure (stdout); without it they go through out(). */
  stream?: NodeJS.WritableStream;
};

export type CliContext = { version: string; staticDir: string; waitForExit?: (close: () => Promise<void>) => Promise<void> };

/** Bad input: the message goes to stderr and the exit code is 2. */
export class UsageError extends Error {}
/** The command ran and did not succeed (an import failed or was cancelled): exit 1, the message on stderr. */
export class CommandFailed extends Error {}

export type CliRuntime = {
  io: Io;
  ctx: CliContext;
  /** Opens the services on the command's --db (else RECALL_DESK_DB, else the user's data folder). */
  open(opts: { db?: string }): Promise<App>;
  call<K extends OperationName>(app: App, name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** Hands the open app to a long-running command (serve), which closes it itself. */
  release(app: App): void;
};

/** A domain's commands: each registers its own on the program. */
export type CommandRegistrar = (program: Command, rt: CliRuntime) => void;

export const DB_OPTION_HELP = "the database file (default: RECALL_DESK_DB, else the user's data folder)";

/** Every command takes --db. */
export function withDb(cmd: Command): Command {
  return cmd.option('--db <path>', DB_OPTION_HELP);
}

export async function callApi<K extends OperationName>(app: App, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return unwrap((await app.dispatch(name, input)) as Envelope<OutputOf<K>>);
}

export function openAppFor(ctx: CliContext, opened: Set<App>, io?: Io) {
  return async (opts: { db?: string }) => {
    const app = await createApp({ dbPath: resolveDbPath(opts.db), version: ctx.version });
    // A mistyped --db makes a new, empty database: said, so its "nothing applies" is not trusted blindly.
    if (app.db.created) io?.err(newDatabaseCreated(app.db.path));
    opened.add(app);
    return app;
  };
}

export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
}
