// A sharing PC for the tests: the built CLI's `serve --lan` as a separate process on loopback (its own
// port), and what it prints. No test runner imported here, so the benches use it too.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { HostLink } from '../../main/lan/client';
import { SHARED_VPIC } from './vpic-path';

export type LanHost = {
  url: string;
  port: number;
  fingerprint: string;
  code: () => string;
  /** The next code the host prints after `old` (a used or expired code is replaced). */
  nextCode: (old: string) => Promise<string>;
  out: () => string;
  child: ChildProcess;
  stop(): Promise<void>;
};

export async function serveLan(cli: string, db: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<LanHost> {
  const child = spawn(process.execPath, [cli, 'serve', '--lan', '--db', db, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, RECALL_DESK_LISTEN: '127.0.0.1', ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --lan printed no pairing code in 30 s:\n${out}`)), 30_000);
    const check = () => {
      if (/^Pairing code: /m.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve --lan exited with ${code}:\n${out}`));
    });
  });
  const code = () => [...out.matchAll(/^Pairing code: (\S+)$/gm)].at(-1)![1]!;
  const url = /^Address: (https:\/\/127\.0\.0\.1:\d+)$/m.exec(out)![1]!;
  return {
    url,
    port: Number(new URL(url).port),
    fingerprint: /^Fingerprint \(SHA-256\): (\S+)$/m.exec(out)![1]!,
    code,
    nextCode: async (old) => {
      for (let i = 0; i < 100 && code() === old; i++) await new Promise((r) => setTimeout(r, 50));
      return code();
    },
    out: () => out,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await done;
    },
  };
}

/** A desk's link to the host, signed in as `name`; `call` fails the test with the host's own message. */
export async function desk(host: LanHost, name: string, password: string, localAddress?: string) {
  const link = new HostLink(host.url, host.fingerprint, localAddress ? { localAddress } : {});
  const signIn = await link.call('signIn', { name, password }, null);
  if (!signIn.ok) throw new Error(`signIn ${name}: ${signIn.error.message}`);
  const session = (signIn.data as { session: string }).session;
  return {
    link,
    session,
    raw: (op: string, input: unknown) => link.call(op, input, session),
    call: async <T>(op: string, input: unknown): Promise<T> => {
      const r = await link.call(op, input, session);
      if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
      return r.data as T;
    },
    close: () => link.close(),
  };
}

/** A process's resident memory now and at its peak so far (MB), from /proc on Linux; null elsewhere. */
export function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * Runs the built CLI as its own process and follows its peak memory while it runs (read every 20 ms:
 * the peak is a high-water mark, so the last reading before it exits holds it).
 */
export function cliWithPeak(
  cli: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string; peakMb: number; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RECALL_DESK_VPIC: SHARED_VPIC, ...env } });
  let stdout = '';
  let stderr = '';
  let peakMb = 0;
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setInterval(() => {
    const m = memoryOf(child.pid);
    if (m) peakMb = Math.max(peakMb, m.peakMb);
  }, 20);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, peakMb, ms: Date.now() - started });
    }),
  );
}
