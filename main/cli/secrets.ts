// Passwords at the command line: from an environment variable (scripts), from standard input (one
// line, for `users add` and `users password`), or asked on a terminal without echo. Never printed.
import readline from 'node:readline';
import { UsageError } from './runtime-errors';

/** Asks on the terminal, echoing nothing. */
export function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let asked = false;
    // Write the prompt once, then nothing of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (!asked) {
        asked = true;
        process.stderr.write(s);
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new UsageError('Cancelled: nothing was changed.'));
    });
  });
}

/** The first line of standard input (a password piped in by a script). */
export async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(c);
    size += c.length;
    if (size > 64 * 1024 || c.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** A password for `who`: the environment variable, else asked on the terminal, else refused. */
export async function passwordFor(who: string, envVar: string, what: string): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) return askHidden(`${what} for ${who}: `);
  throw new UsageError(`sign in: no password for ${who}: set ${envVar} (there is no terminal to ask on).`);
}

/** A new password: asked twice on a terminal, else the first line of standard input. */
export async function newPassword(who: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await askHidden(`New password for ${who}: `);
  const again = await askHidden('Again: ');
  if (first !== again) throw new UsageError('The two passwords differ: nothing was changed. Try again.');
  return first;
}
