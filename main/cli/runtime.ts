// What every domain's CLI commands share: output, the app opened on the command's --db, the API call
// (through the same dispatcher as the window), and the errors that mean "bad input" (exit 2).
import fs from 'node:fs';
import type { Command } from 'commander';
import { SIGN_IN_NEEDED } from '../../shared/accounts/wording';
import { ApiError, type InputOf, type OperationName, type OutputOf, unwrap, type Envelope } from '../../shared/api';
import type { Actor } from '../../shared/contract';
import { passwordFor } from './secrets';
import { UsageError } from './runtime-errors';
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

export { CommandFailed, UsageError } from './runtime-errors';

export type CliRuntime = {
  io: Io;
  ctx: CliContext;
  /**
   * Opens the services on the command's --db (else RECALL_DESK_DB, else the user's data folder) and,
   * once the database has accounts, signs in the person named by --user: every call is theirs.
   * `serve` opens without signing in (each browser tab signs in itself).
   */
  open(opts: { db?: string }, how?: { signIn?: boolean }): Promise<App>;
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

/** The person each opened app acts as (none on a database without accounts). */
const signedIn = new WeakMap<App, Actor>();

export async function callApi<K extends OperationName>(app: App, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const actor = signedIn.get(app);
  return unwrap((await app.dispatch(name, input, actor ? { actor } : {})) as Envelope<OutputOf<K>>);
}

/** The options every command takes from the program itself (`recall-desk --user NAME COMMAND`). */
export type GlobalOptions = { user?: string };

export function openAppFor(ctx: CliContext, opened: Set<App>, globals: () => GlobalOptions, io?: Io) {
  return async (opts: { db?: string }, how: { signIn?: boolean } = {}) => {
    const app = await createApp({ dbPath: resolveDbPath(opts.db), version: ctx.version });
    // A mistyped --db makes a new, empty database: said, so its "nothing applies" is not trusted blindly.
    if (app.db.created) io?.err(newDatabaseCreated(app.db.path));
    opened.add(app);
    if (how.signIn !== false && app.accounts.any()) signedIn.set(app, await signInFromCli(app, globals().user));
    return app;
  };
}

async function signInFromCli(app: App, user: string | undefined): Promise<Actor> {
  const name = user?.trim();
  if (!name) throw new UsageError(`${SIGN_IN_NEEDED.replace(/;.*$/, '')}: add --user NAME (the password from ${PASSWORD_ENV}, or asked on a terminal).`);
  const password = await passwordFor(name, PASSWORD_ENV, 'Password');
  try {
    return await app.accounts.authenticate(name, password);
  } catch (err) {
    if (err instanceof ApiError) throw new UsageError(`sign in: ${err.message}`);
    throw err;
  }
}

export const PASSWORD_ENV = 'RECALL_DESK_PASSWORD';
export const VERIFIER_PASSWORD_ENV = 'RECALL_DESK_VERIFIER_PASSWORD';

export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
}
