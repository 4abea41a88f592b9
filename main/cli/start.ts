// dist/main/cli.cjs: starts the CLI bundle (cli-bundle.cjs) with V8's code cache of the command given.
//
// A command runs once a process, so compiling its code is a good part of its CPU: V8 compiles each
// function the first time it runs, every run. The code cache kept after a run holds every function that
// run compiled (Node's own compile cache holds only the top level, made before anything ran), so the
// next run of the same command compiles nearly nothing. One cache per command (a lookup does not need
// the forms' code), made again when the bundle or Node changes. A cache that cannot be read or written
// is only slower: the command runs the same.
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { OCCASIONAL_WORK, ONE_OFF_WORK } from '../one-off-work';

const BUNDLE = path.join(__dirname, 'cli-bundle.cjs');
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

function start(): void {
  // The packages loaded beside the bundle (better-sqlite3's JavaScript): Node's own compile cache.
  Module.enableCompileCache?.();
  // The bundle is ASCII (esbuild escapes every other character by default): read as Latin-1, V8 keeps it
  // as one byte a character with no UTF-8 decoding (a two-byte string of the whole bundle otherwise).
  const bytes = fs.readFileSync(BUNDLE);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const stat = fs.statSync(BUNDLE);
  const dir = cacheDir();
  const file = dir
    ? path.join(dir, `${commandOf(process.argv.slice(2))}-${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}-${process.arch}.v8`)
    : null;
  let cachedData: Buffer | undefined;
  try {
    if (file) cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  // The bundle has no import() of its own (scripts/build.mjs makes them require()): a vm.Script needs none.
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  // A run that migrated the database or loaded the built-in bulletins keeps no cache: the next run does.
  let usual = true;
  process.once(ONE_OFF_WORK, () => {
    usual = false;
  });
  // The occasional work the cache holds the code of (main/one-off-work.ts), listed beside it.
  const workFile = `${file}.work`;
  let covered: string[] = [];
  if (file && cachedData && !script.cachedDataRejected) {
    try {
      covered = fs.readFileSync(workFile, 'latin1').split('\n').filter(Boolean);
    } catch {
      covered = [];
    }
  }
  const done = new Set<string>();
  process.on(OCCASIONAL_WORK, (name: string) => done.add(name));
  if (file) {
    // Made once the command is done: by then it holds every function the command ran (and those it read from the cache).
    process.once('exit', () => {
      const fresh = !cachedData || script.cachedDataRejected;
      const missing = [...done].filter((w) => !covered.includes(w));
      if (!usual || (!fresh && missing.length === 0)) return;
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
        // A list that cannot be written is no list: the next run with that work makes the cache again.
        try {
          fs.writeFileSync(tmp, [...(fresh ? [] : covered), ...missing].join('\n'), { mode: 0o600 });
          fs.renameSync(tmp, workFile);
        } catch {
          fs.rmSync(workFile, { force: true });
        }
        // The same command's caches of an earlier bundle or Node are of no use any more.
        const mine = path.basename(file);
        const command = `${mine.split('-')[0]}-`;
        for (const f of fs.readdirSync(dir!)) {
          if (f.startsWith(command) && (f.endsWith('.v8') || f.endsWith('.v8.work')) && f !== mine && f !== `${mine}.work`)
            fs.rmSync(path.join(dir!, f), { force: true });
        }
      } catch {
        // No cache this time: the next run compiles again.
      }
    });
  }
  const mod = new Module(BUNDLE, module);
  mod.filename = BUNDLE;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(BUNDLE), mod, BUNDLE, __dirname);
}

start();
