// What every domain's CLI commands share: output, the app opened on the command's --db, the API call
// (through the same dispatcher as the window), and the errors that mean "bad input" (exit 2).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SIGN_IN_NEEDED } from '../../shared/accounts/wording';
import type { InputOf, OperationName, OutputOf } from '../../shared/api';
import { type Actor, ApiError, type Envelope, unwrap } from '../../shared/contract';
import { passwordFor } from './secrets';
import { UsageError } from './runtime-errors';
import type { App } from '../app';
import { NEW_DATABASE_TEMPLATE, resolveDbPath } from '../db/paths';
import { newDatabaseCreated, readAsOpenedNote } from '../../shared/wording';
import { normalizeFingerprint } from '../lan/cert';
import type { HostLink } from '../lan/client';
import { loadConnection } from '../lan/connection';

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
   * `serve` opens without signing in (each browser tab signs in itself), and `serving`: its vPIC decodes on
   * the decoder's own thread (a one-shot command decodes on its own).
   */
  open(opts: { db?: string }, how?: { signIn?: boolean; serving?: boolean }): Promise<App>;
  call<K extends OperationName>(app: App, name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** Hands the open app to a long-running command (serve), which closes it itself. */
  release(app: App): void;
  /** The program's own options (--user, --server, --fingerprint). */
  globals(): GlobalOptions;
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

/**
 * The options every command takes from the program itself (`recall-desk --user NAME COMMAND`), and a
 * desk's `--server https://HOST:PORT --fingerprint AB:CD:...` (the sharing PC's database instead of a file).
 */
export type GlobalOptions = { user?: string; server?: string; fingerprint?: string };

/** Where the commands work: the sharing PC named or paired with, else null (a database file here). */
export function hostOf(globals: GlobalOptions, opts: { db?: string }): { server: string; fingerprint: string; user: string | undefined } | null {
  const saved = loadConnection();
  if (globals.server) {
    if (opts.db) throw new UsageError('--server and --db contradict each other: a desk works on the sharing PC’s database, not on a file.');
    const given = globals.fingerprint ? normalizeFingerprint(globals.fingerprint) : null;
    if (globals.fingerprint && !given) throw new UsageError(`--fingerprint ${globals.fingerprint}: give the 32 hex pairs the sharing PC shows (AB:CD:...).`);
    const fingerprint = given ?? (saved && sameHost(saved.server, globals.server) ? saved.fingerprint : null);
    if (!fingerprint) {
      throw new UsageError(
        `--server needs --fingerprint AB:CD:... (shown on the sharing PC), or pair this desk first: recall-desk connect ${globals.server} --code CODE --user NAME.`,
      );
    }
    return {
      server: globals.server,
      fingerprint,
      user: globals.user ?? (saved && sameHost(saved.server, globals.server) ? (saved.user ?? undefined) : undefined),
    };
  }
  if (globals.fingerprint) throw new UsageError('--fingerprint goes with --server https://HOST:PORT.');
  // Paired with a sharing PC: the commands work there unless a database file is named.
  if (saved && !opts.db && !process.env.RECALL_DESK_DB)
    return { server: saved.server, fingerprint: saved.fingerprint, user: globals.user ?? saved.user ?? undefined };
  return null;
}

const sameHost = (a: string, b: string) => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

export function openAppFor(ctx: CliContext, opened: Set<App>, globals: () => GlobalOptions, io?: Io) {
  return async (opts: { db?: string }, how: { signIn?: boolean; serving?: boolean } = {}) => {
    const host = hostOf(globals(), opts);
    if (host) {
      const app = await openRemote(host);
      opened.add(app);
      return app;
    }
    const { createApp } = await import('../app');
    // A command decodes a VIN or two, on its own thread; serving, decodes never hold up the requests.
    const app = await createApp({
      dbPath: resolveDbPath(opts.db),
      version: ctx.version,
      handlersOnDemand: true,
      vpicThread: how.serving ? 'worker' : 'inline',
      // Beside the bundle (dist/main), made by the build; run from source there is none.
      newDatabaseTemplate: path.join(__dirname, NEW_DATABASE_TEMPLATE),
    });
    // A mistyped --db makes a new, empty database: said, so its "nothing applies" is not trusted blindly.
    if (app.db.created) io?.err(newDatabaseCreated(app.db.path));
    // Read from a copy taken at open (a read-only folder): said, as what others write is not seen.
    else if (app.db.asOpened) io?.err(readAsOpenedNote(app.db.path));
    opened.add(app);
    if (how.signIn !== false && app.accounts.any()) signedIn.set(app, await signInFromCli(app, globals().user));
    return app;
  };
}

/** Signs in on the sharing PC as the person named: every call of the command is theirs there. */
async function openRemote(host: { server: string; fingerprint: string; user: string | undefined }): Promise<App> {
  // The LAN client and the remote app are loaded only here: a command on a database file never needs them.
  const [{ HostLink, HostRefused }, { createRemoteApp }] = await Promise.all([import('../lan/client'), import('../lan/remote')]);
  let link: HostLink;
  try {
    link = new HostLink(host.server, host.fingerprint);
  } catch (err) {
    if (err instanceof HostRefused) throw new UsageError(err.message);
    throw err;
  }
  const name = host.user?.trim();
  if (!name)
    throw new UsageError(
      `${SIGN_IN_NEEDED.replace(/;.*$/, '')} on ${link.origin.host}: add --user NAME (the password from ${PASSWORD_ENV}, or asked on a terminal).`,
    );
  const password = await passwordFor(name, PASSWORD_ENV, 'Password');
  let answer: Envelope<unknown>;
  try {
    answer = await link.call('signIn', { name, password }, null);
  } catch (err) {
    link.close();
    if (err instanceof HostRefused) throw new UsageError(err.message);
    throw err;
  }
  if (!answer.ok) {
    link.close();
    throw new UsageError(`sign in: ${answer.error.message}`);
  }
  return createRemoteApp(link, (answer.data as { session: string }).session);
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
