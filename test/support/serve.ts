// The built browser mode as a user starts it (`recall-desk serve`), for the end-to-end tests and the
// browser benches: a child process, and the address it prints. No test runner imports here, so both
// Playwright and plain scripts can use it.
import { type ChildProcess, spawn } from 'node:child_process';

/** A running server: its address, its process, and how to end it. */
export type Served = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** Starts the built CLI's (`cli`) `serve` on a database and resolves with the printed address (carrying its token). */
export async function serve(cli: string, db: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [cli, 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Open: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    setTimeout(() => reject(new Error('serve printed no URL in 30 s')), 30_000);
  });
  return { url, child, stop: () => stop(child) };
}

/**
 * Ends the server and resolves once it has exited: until then it may still be writing beside its
 * database (the daily backup starts 5 s after launch), so its folder is not removed before.
 */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
