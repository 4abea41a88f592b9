// dist/main/cli.cjs: starts the CLI bundle (cli-bundle.cjs) with V8's code cache of the command given.
//
// A command runs once a process, so compiling its code is a good part of its CPU: V8 compiles each
// function the first time it runs, every run. The code cache kept after a run holds every function that
// run compiled (Node's own compile cache holds only the top level, made before anything ran), so the
// next run of the same command compiles nearly nothing. One cache per command (a lookup does not need
// the forms' code), made again when the bundle or Node changes. A user with no cache of a command yet (its
// first run, or the first after an update) runs with the one the package comes with, made by the build
// (dist/main/code-cache: a usual lookup's; another Node rejects it and compiles as before). A cache that
// cannot be read or written is only slower: the command runs the same.
import fs from 'node:fs';
import type NodeModule from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { OCCASIONAL_WORK, ONE_OFF_WORK } from '../one-off-work';

const BUNDLE = path.join(__dirname, 'cli-bundle.cjs');
/**
 * Node's CommonJS module class, this file's module's own: node:module (the same class) would load Node's
 * ES module loader and source maps too, 1.4 M instructions of every command. Node's compile cache, which
 * node:module switches on, is switched on where a package beside the bundle is loaded (scripts/build.mjs).
 */
const Module = module.constructor as typeof NodeModule;
/** The program's options that take a value: the word after one is not the command. */
const VALUE_OPTIONS = new Set(['--user', '--server', '--fingerprint']);

function commandOf(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return /^[a-z-]{1,40}$/.test(a) ? a : 'other';
  }
  return 'none';
}

/**
 * This user's own cache folder (made private; one that another user owns or could write is not used:
 * a cache is code this process would run).
 */
function cacheDir(): string | null {
  try {
    const uid = process.getuid?.();
    const dir = path.join(os.tmpdir(), `recall-desk-code-cache${uid === undefined ? '' : `-${uid}`}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o077) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

/** The caches that come with the package, one a command (dist/main/code-cache/lookup.v8), made by the build. */
const SHIPPED = path.join(__dirname, 'code-cache');
/** Set by the build only (scripts/build.mjs): the file this run reads its cache from and writes it back to. */
const MAKE_SHIPPED_CACHE = 'RECALL_DESK_MAKE_CODE_CACHE';

/** A cache file's bytes, or undefined. */
function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A file opened for reading, and its size; null when it cannot be. */
function openFile(file: string): { fd: number; size: number } | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    return { fd, size: fs.fstatSync(fd).size };
  } catch {
    if (fd !== null) fs.closeSync(fd);
    return null;
  }
}

/** An opened file's bytes, read into the start of `into` (which is as long as the file at least), then closed. */
function readInto(file: { fd: number; size: number }, into: Buffer): Buffer {
  try {
    let read = 0;
    while (read < file.size) {
      const n = fs.readSync(file.fd, into, read, file.size - read, read);
      if (n === 0) throw new Error('the file is shorter than it was');
      read += n;
    }
    return into.subarray(0, file.size);
  } finally {
    fs.closeSync(file.fd);
  }
}

/** The work a cache's list names (none without a list). */
function workOf(file: string): string[] {
  return readCache(file)?.toString('latin1').split('\n').filter(Boolean) ?? [];
}

/** Written beside and renamed: a reader never sees half a cache. False when it could not be written. */
function writeAtomically(file: string, bytes: Buffer | string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes, { mode: 0o600 });
    fs.renameSync(tmp, file);
    return true;
  } catch {
    remove(tmp);
    return false;
  }
}

function remove(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Left for a later run.
  }
}

function start(): void {
  const bundle = fs.openSync(BUNDLE, 'r');
  const stat = fs.fstatSync(bundle);
  const command = commandOf(process.argv.slice(2));
  const making = process.env[MAKE_SHIPPED_CACHE];
  const dir = making ? null : cacheDir();
  const file = dir ? path.join(dir, `${command}-${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}-${process.arch}.v8`) : null;
  let cache = making ? openFile(making) : file ? openFile(file) : null;
  // No cache of this user's yet (a first run, or the first after an update): the package's, if it has one.
  const shipped = cache === null && !making;
  if (shipped) cache = openFile(path.join(SHIPPED, `${command}.v8`));
  // One buffer for the bundle, then for its cache: memory written for the first time costs far more
  // than the copy itself (about 11 µs a 4 kB page where the bench runs: 3 ms a megabyte), and the
  // bundle's bytes are not needed once V8 has its string. The bundle is ASCII (the build checks it:
  // scripts/build.mjs): read as Latin-1, V8 keeps it as one byte a character with no decoding.
  const bytes = Buffer.allocUnsafeSlow(Math.max(stat.size, cache?.size ?? 0));
  const source = readInto({ fd: bundle, size: stat.size }, bytes).toString('latin1');
  let cachedData: Buffer | undefined;
  try {
    cachedData = cache ? readInto(cache, bytes) : undefined;
  } catch {
    cachedData = undefined;
  }
  // The bundle has no import() of its own (scripts/build.mjs makes them require()): a vm.Script needs none.
  // The build writes the bundle already wrapped as a module (scripts/build.mjs): no copy of it to make.
  const script = new vm.Script(source, { filename: BUNDLE, cachedData });
  // The occasional work a cache holds the code of (main/one-off-work.ts), listed beside it.
  const done = new Set<string>();
  process.on(OCCASIONAL_WORK, (name: string) => done.add(name));
  if (making) {
    // The build's run: the cache it read (an earlier run's) and what this run compiled, kept for the package.
    process.once('exit', () => {
      writeAtomically(making, script.createCachedData());
      writeAtomically(`${making}.work`, [...done].join('\n'));
    });
  }
  // A run that migrated the database or loaded the built-in bulletins keeps no cache: the next run does.
  let usual = true;
  process.once(ONE_OFF_WORK, () => {
    usual = false;
  });
  const workFile = `${file}.work`;
  const accepted = cachedData !== undefined && script.cachedDataRejected !== true;
  const fresh = shipped || !accepted;
  // A cache made from the package's covers what the package's does.
  const covered = accepted ? workOf(shipped ? path.join(SHIPPED, `${command}.v8.work`) : workFile) : [];
  if (file) {
    // Made once the command is done: by then it holds every function the command ran (and those it read from the cache).
    process.once('exit', () => {
      const missing = [...done].filter((w) => !covered.includes(w));
      if (!usual || (!fresh && missing.length === 0)) return;
      if (!writeAtomically(file, script.createCachedData())) return;
      // A list that cannot be written is no list: the next run with that work makes the cache again.
      if (!writeAtomically(workFile, [...covered, ...missing].join('\n'))) remove(workFile);
      // The same command's caches of an earlier bundle or Node are of no use any more.
      const mine = path.basename(file);
      try {
        for (const f of fs.readdirSync(dir!)) {
          if (f.startsWith(`${command}-`) && (f.endsWith('.v8') || f.endsWith('.v8.work')) && f !== mine && f !== `${mine}.work`) remove(path.join(dir!, f));
        }
      } catch {
        // Left for a later run.
      }
    });
  }
  const mod = new Module(BUNDLE, module);
  mod.filename = BUNDLE;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, __dirname);
}

start();
