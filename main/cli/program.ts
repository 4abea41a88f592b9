// `recall-desk`: the same services as the window, for scripts and terminals. Commands come from each
// domain (registry.ts; only the domain of the command given is loaded) and are parsed by commander with
// per-command options and help. Exit 0 when a
// command completed (whatever a lookup found), 2 on bad input with the reason on stderr, 1 on a fault.
import { Command, CommanderError } from 'commander';
import { ApiError } from '../../shared/contract';
import type { App } from '../app';
import { DatabaseOpenError } from '../db/open';
import { commandRegistry, entriesFor } from './registry';
import { callApi, CommandFailed, type CliContext, type CliRuntime, type GlobalOptions, type Io, openAppFor, PASSWORD_ENV, UsageError } from './runtime';

export type { CliContext, Io } from './runtime';

/** Commander's own wording, said as the rest of the app says things. */
function friendly(message: string, command: string): string {
  return message
    .replace(/^error: unknown command '([^']*)'/m, 'Unknown command "$1".')
    .replace(/^error: missing required argument '([^']*)'/m, `${command} needs one $1.`)
    .replace(/^error: unknown option '([^']*)'/m, `${command || 'recall-desk'} does not take the option $1.`)
    .replace(/^error: /m, '');
}

/** The program with the commands `argv` needs (all of them without argv: the whole help). */
export async function buildProgram(rt: CliRuntime, argv?: readonly string[]): Promise<Command> {
  const registrars = await Promise.all((argv ? entriesFor(argv) : commandRegistry).map((e) => e.load()));
  const program = new Command('recall-desk')
    .description('Recall Desk: manufacturer campaigns, parts and forms for the parts and service counter, offline.')
    .version(rt.ctx.version, '-v, --version')
    .helpOption('-h, --help', 'show help (also: recall-desk help COMMAND)')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => rt.io.out(s.replace(/\n$/, '')),
      writeErr: (s) => rt.io.err(s.replace(/\n$/, '')),
    })
    .option('--user <NAME>', `who you are, once the database has staff accounts (the password from ${PASSWORD_ENV}, or asked)`)
    .option('--server <https://HOST:PORT>', 'work on the database a sharing PC shares (recall-desk serve --lan there); default: the PC this desk paired with')
    .option('--fingerprint <AB:CD:...>', "the sharing PC's certificate fingerprint, as it shows it (SHA-256)");
  for (const register of registrars) register(program, rt);
  // Every command says errors the same way; an unknown option shows that command's own usage.
  const configure = (cmd: Command, path: string) => {
    cmd.configureOutput({
      writeOut: (s) => rt.io.out(s.replace(/\n$/, '')),
      writeErr: (s) => rt.io.err(s.replace(/\n$/, '')),
      outputError: (s, write) => write(friendly(s, path)),
    });
    for (const sub of cmd.commands) configure(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  configure(program, '');
  return program;
}

export async function runCli(argv: string[], io: Io, ctx: CliContext): Promise<number> {
  const opened = new Set<App>();
  let code = 0;
  let program: Command | null = null;
  const rt: CliRuntime = {
    io,
    ctx,
    open: openAppFor(ctx, opened, () => (program?.opts() ?? {}) as GlobalOptions, io),
    call: callApi,
    release: (app) => opened.delete(app),
    globals: () => (program?.opts() ?? {}) as GlobalOptions,
  };
  try {
    program = await buildProgram(rt, argv);
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    code = await exitCodeFor(err, io);
  } finally {
    for (const app of opened) await app.close();
  }
  return code;
}

async function exitCodeFor(err: unknown, io: Io): Promise<number> {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof UsageError || err instanceof DatabaseOpenError) {
    io.err(err.message);
    return 2;
  }
  if (err instanceof CommandFailed) {
    io.err(err.message);
    return 1;
  }
  if (err instanceof ApiError) {
    // The message is often the first detail itself: said once.
    io.err([err.message, ...err.details.filter((d) => d !== err.message).map((d) => `  ${d}`)].join('\n'));
    return err.code === 'internal' ? 1 : 2;
  }
  // Only a command that reached a sharing PC can meet its refusal (the LAN client is loaded for it alone).
  if (err instanceof (await import('../lan/client')).HostRefused) {
    io.err(err.message);
    return 1;
  }
  io.err(`recall-desk: ${(err as Error).message}`);
  return 1;
}
