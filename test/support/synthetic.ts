// A large, valid, deterministic campaign library for the benchmark and the scale tests: the shapes
// of the real bulletins (VIN ranges, model windows), many times over.
import { BULLETIN_FORMAT, Bulletin, type BulletinInput } from '../../shared/bulletin';
import { computeCheckDigit, yearCodeOf } from '../../shared/vin';
import ALE from '../../main/campaigns/library/ALE.json' with { type: 'json' };

/** Mulberry32: small, fast, repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const WMIS = ['JTH', 'JTJ', '2T2', '58A', '1HG', '5YJ', 'WBA', 'KMH', 'JN1', '3FA'];

export type SyntheticLibrary = { bulletins: Bulletin[]; rangeCount: number };

function pick<T>(r: () => number, xs: ArrayLike<T>): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function code5(r: () => number, letters = VIN_CHARS): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += pick(r, letters);
  return s;
}

export function syntheticLibrary(campaigns = 1000, rangesPerCampaign = 20, seed = 42): SyntheticLibrary {
  const r = rng(seed);
  const vdsPool = Array.from({ length: 400 }, () => code5(r).replace(/U|Z/g, 'A'));
  const bulletins: Bulletin[] = [];
  for (let c = 0; c < campaigns; c++) {
    const year = 2000 + Math.floor(r() * 25);
    const vinRanges = Array.from({ length: rangesPerCampaign }, () => {
      const from = Math.floor(r() * 9_000_000);
      const to = Math.min(9_999_999, from + Math.floor(r() * 40_000));
      const modelYear = year + Math.floor(r() * 2);
      return {
        model: `M${c % 50}`,
        modelYear,
        wmi: pick(r, WMIS),
        vds: fitVds(pick(r, vdsPool), modelYear),
        serialFrom: String(from).padStart(7, '0'),
        serialTo: String(to).padStart(7, '0'),
      };
    });
    const withWindows = c % 10 === 0;
    const doc: BulletinInput = {
      format: BULLETIN_FORMAT,
      code: `S${String(c).padStart(5, '0')}`,
      kind: c % 3 === 0 ? 'service-campaign' : 'safety-recall',
      make: 'Lexus',
      title: `Synthetic campaign ${c}`,
      summary: 'Generated for scale tests.',
      revisionDate: '2025-01-01',
      revisionLabel: 'Synthetic',
      source: { title: 'Synthetic bulletin', originalDate: null },
      models: [{ name: `M${c % 50}`, modelYears: String(year) }],
      vehicleCount: null,
      eligibilityNote: null,
      phases: [{ id: '1', name: 'Phase 1', status: 'remedy-available', expectedTiming: null, vehicles: null, mailing: null }],
      vinRanges,
      modelWindows: withWindows
        ? [{ id: 'W1', model: `X${c % 7}`, modelYearFrom: year, modelYearTo: year + 1, producedFrom: `${year - 1}-09-01`, producedTo: `${year}-08-31` }]
        : [],
    };
    bulletins.push(Bulletin.parse(doc));
  }
  return { bulletins, rangeCount: campaigns * rangesPerCampaign };
}

/**
 * VIN position 7 (the VDS's 4th character) must be a letter for 2010+ model years and a digit
 * before, or the year code would be read in the other 30-year cycle.
 */
export function fitVds(vds: string, modelYear: number): string {
  const p7 = vds[3]!;
  const fixed = modelYear >= 2010 ? (/[A-Z]/.test(p7) ? p7 : 'A') : /[0-9]/.test(p7) ? p7 : '1';
  return vds.slice(0, 3) + fixed + vds[4];
}

/** A valid VIN (correct check digit) from parts; serial is positions 11-17. */
export function makeVin(wmi: string, vds: string, modelYear: number, serial: string): string {
  const year = yearCodeOf(modelYear)!;
  const v = `${wmi}${fitVds(vds, modelYear)}0${year}${serial}`;
  const check = computeCheckDigit(v)!;
  return v.slice(0, 8) + check + v.slice(9);
}

/** VINs for a lookup mix: a third inside some range, a third near-misses, a third unrelated. */
export function sampleVins(lib: SyntheticLibrary, n: number, seed = 7): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = pick(r, lib.bulletins);
    const range = pick(r, b.vinRanges);
    const kind = i % 3;
    let serial: number;
    if (kind === 0) serial = Number(range.serialFrom) + Math.floor(r() * (Number(range.serialTo) - Number(range.serialFrom) + 1));
    else if (kind === 1) serial = Math.min(9_999_999, Number(range.serialTo) + 1 + Math.floor(r() * 1000));
    else serial = Math.floor(r() * 9_999_999);
    const vds = kind === 2 ? code5(r, 'ABCDEFGHJKLMNPRST0123456789') : range.vds;
    out.push(makeVin(kind === 2 ? pick(r, WMIS) : range.wmi, vds, range.modelYear, String(serial).padStart(7, '0')));
  }
  return out;
}

/**
 * Dealer-sized DMS exports against the built-in library: every vehicle hits a campaign. Seven in ten
 * are inside ALE's ranges (GS 350s first) (used or certified: "do not deliver"), two in ten RX 330s of 2005
 * (BLC: "perform before delivery"), one in ten 2023 LCs built 12/22 (23LJ01: "with disclosure").
 * `offset` picks another slice of the same VIN pool, so a stock list and a service list do not overlap.
 */
// The GS 350 rows first (the VINs the tests have always used), then ALE's other rows (GS 450h, GS 460,
// IS 350, LS): 242,177 VINs, enough for 100,000 stock and 100,000 serviced vehicles (seven in ten ALE).
const ALE_POOL: { vds: string; year: number; from: number; to: number; model: string }[] = [
  { vds: 'BE96S', year: 2007, from: 7930, to: 28367 },
  { vds: 'CE96S', year: 2007, from: 1838, to: 13164 },
  { vds: 'BE96S', year: 2008, from: 23566, to: 41906 },
  { vds: 'CE96S', year: 2008, from: 13166, to: 21058 },
].map((r) => ({ ...r, model: 'GS 350' }));
for (const r of ALE.vinRanges)
  if (r.model !== 'GS 350') ALE_POOL.push({ vds: r.vds, year: r.modelYear, from: Number(r.serialFrom), to: Number(r.serialTo), model: r.model });

export type SyntheticVehicle = { vin: string; year: number; model: string; produced: string; condition: 'N' | 'U' | 'CPO' };

export function syntheticVehicle(i: number): SyntheticVehicle {
  const family = i % 10;
  const k = Math.floor(i / 10);
  if (family < 7) {
    let n = k * 7 + family;
    for (const r of ALE_POOL) {
      const size = r.to - r.from + 1;
      if (n < size) {
        return {
          vin: makeVin('JTH', r.vds, r.year, String(r.from + n).padStart(7, '0')),
          year: r.year,
          model: r.model,
          produced: '',
          condition: n % 3 ? 'U' : 'CPO',
        };
      }
      n -= size;
    }
    throw new Error(`syntheticVehicle: ALE's ranges hold no VIN number ${i}`);
  }
  if (family < 9) {
    const serial = String(100_000 + k * 2 + (family - 7)).padStart(7, '0');
    return { vin: makeVin('2T2', 'HA31U', 2005, serial), year: 2005, model: 'RX 330', produced: '', condition: k % 2 ? 'N' : 'U' };
  }
  return { vin: makeVin('JTH', 'KPAAY', 2023, String(200_000 + k).padStart(7, '0')), year: 2023, model: 'LC', produced: '12/22', condition: 'N' };
}

/** A DMS stock export of n vehicles (the header the import recognises without a mapping). */
export function stockCsv(n: number, offset = 0): string {
  const lines = ['Stock #,VIN,Year,Model,Prod Date,New/Used'];
  for (let i = 0; i < n; i++) {
    const v = syntheticVehicle(offset + i);
    lines.push(`S${String(offset + i + 1).padStart(6, '0')},${v.vin},${v.year},${v.model},${v.produced},${v.condition}`);
  }
  return `${lines.join('\n')}\n`;
}

const FIRST = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lu', 'Mo', 'Ned', 'Oz', 'Pia'];
const LAST = ['Example', 'Sample', 'Tester', 'Placeholder', 'Fictive', 'Demo', 'Mock', 'Dummy'];

/** A DMS service-history export of n vehicles with fictional guests. */
export function serviceCsv(n: number, offset = 0): string {
  const lines = ['VIN,Model,Customer Name,Phone,E-mail,Address,Last Service'];
  for (let i = 0; i < n; i++) {
    const v = syntheticVehicle(offset + i);
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    lines.push(
      `${v.vin},${v.model},${name},555-${String(i % 10_000).padStart(4, '0')},guest${i + 1}@example.com,"${i + 1} Main St, Plano",2024-${month}-${day}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A VIN list of n lines for `check`: one VIN in ten is a stock or service vehicle of the pool above
 * (a campaign applies), the rest valid VINs of other makes that no campaign matches.
 */
export function* vinListLines(n: number, seed = 11): Generator<string> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) yield syntheticVehicle((i / 10) % 50_000).vin;
    else
      yield makeVin(
        pick(r, ['1HG', '5YJ', 'WBA', 'KMH', '3FA']),
        code5(r, 'ABCDEFGHJKLMNPRST0123456789'),
        2010 + (i % 15),
        String(i % 10_000_000).padStart(7, '0'),
      );
  }
}

/** Model names for the window library: families ("QX") and their variants ("QX 50"), as bulletins name them. */
function windowModels(r: () => number, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const family = `${pick(r, 'ABCDEFGHJKLMNPRSTVWXZ')}${pick(r, 'ABCDEFGHJKLMNPRSTVWXZ')}`;
    out.add(r() < 0.2 ? family : `${family} ${100 + Math.floor(r() * 800)}${r() < 0.3 ? 'h' : ''}`);
  }
  return [...out];
}

export type WindowLibrary = SyntheticLibrary & { models: string[] };

/**
 * A library where every campaign is a model/production-window campaign (the shape of 23LJ01 and BLC):
 * one or two windows over one to three model years, some limited to a build region, most with
 * production dates; plus two VIN ranges each, so the rules table is of the same size as the
 * range library's.
 */
export function syntheticWindowLibrary(campaigns = 10_000, seed = 1234): WindowLibrary {
  const r = rng(seed);
  const models = windowModels(r, 400);
  const regions = ['North America', 'Japan', 'Europe', 'Asia'] as const;
  const range = syntheticLibrary(campaigns, 2, seed + 1);
  const bulletins = range.bulletins.map((b, c) => {
    const year = 2000 + Math.floor(r() * 25);
    const windows = Array.from({ length: 1 + Math.floor(r() * 2) }, (_, i) => {
      const from = year + i;
      const dated = r() < 0.8;
      return {
        id: `W${i + 1}`,
        model: pick(r, models),
        modelYearFrom: from,
        modelYearTo: from + Math.floor(r() * 3),
        builtIn: r() < 0.3 ? pick(r, regions) : null,
        producedFrom: dated ? `${from - 1}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-01` : null,
        producedTo: dated ? `${from}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-28` : null,
      };
    });
    return Bulletin.parse({ ...b, code: `W${String(c).padStart(5, '0')}`, title: `Synthetic window campaign ${c}`, modelWindows: windows });
  });
  return { bulletins, rangeCount: range.rangeCount, models };
}
