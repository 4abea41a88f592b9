// NHTSA's recall flat file (FLAT_RCL_*.txt, or the .zip as downloaded), read as a stream: tab-delimited,
// no header, dates YYYYMMDD, Windows-1252 text, 29 fields a row since May 2025 (27 before: without
// DO_NOT_DRIVE and PARK_OUTSIDE). A text field that held a line break arrives as a line cut in two: the
// pieces are joined back while they add up to the file's field count. Every row is either kept (a
// vehicle record, RCLTYPECD V, with a campaign number, make, model and year) or refused with a reason.
//
// Where the layout comes from: NHTSA's own description, RCL.txt (https://static.nhtsa.gov/odi/ffdd/rcl/RCL.txt,
// the March 23, 2020 revision, as vendored verbatim in public repositories, e.g. megan-d-perry/vehicle-recall
// and shrey0809/PrediiLabs): "All the records are TAB delimited, all dates are in YYYYMMDD format", fields
// 1-27 in the order of RCL_FIELDS below (field 21 is spelt CONEQUENCE_DEFECT), CAMPNO CHAR(12), MAKETXT
// CHAR(25), MODELTXT CHAR(256), YEARTXT CHAR(4) "9999 if unknown or N/A", MFGCAMPNO CHAR(20), BGMAN/ENDMAN/
// RCDATE CHAR(8), RCLTYPECD CHAR(4), the texts CHAR(2000); its change log: field 23 added Sept. 14, 2007,
// field 24 March 14, 2008, fields 25-27 March 23, 2020 (hence the 24- and 27-field vintages). Fields 28-29
// (DO_NOT_DRIVE, PARK_OUTSIDE) were added in May 2025 (RCL.txt's later change log, as reported by projects
// that read the current files; their values are "Yes"/"No"). Read from real files, not from RCL.txt: the
// files are unquoted (a '"' is text), CAMPNO of 2021 has letters in its sequence ("21V00H000"), MFGCAMPNO is
// free text that may name several codes ("K2G, V2F"), and some texts hold Windows-1252 punctuation.
import fs from 'node:fs';
import { createInflateRaw } from 'node:zlib';

/** RCL.txt's fields, in order. */
export const RCL_FIELDS = [
  'RECORD_ID',
  'CAMPNO',
  'MAKETXT',
  'MODELTXT',
  'YEARTXT',
  'MFGCAMPNO',
  'COMPNAME',
  'MFGNAME',
  'BGMAN',
  'ENDMAN',
  'RCLTYPECD',
  'POTAFF',
  'ODATE',
  'INFLUENCED_BY',
  'MFGTXT',
  'RCDATE',
  'DATEA',
  'RPNO',
  'FMVSS',
  'DESC_DEFECT',
  'CONEQUENCE_DEFECT',
  'CORRECTIVE_ACTION',
  'NOTES',
  'RCL_CMPT_ID',
  'MFR_COMP_NAME',
  'MFR_COMP_DESC',
  'MFR_COMP_PTNO',
  'DO_NOT_DRIVE',
  'PARK_OUTSIDE',
] as const;
const F = Object.fromEntries(RCL_FIELDS.map((n, i) => [n, i])) as Record<(typeof RCL_FIELDS)[number], number>;
/** The field counts NHTSA's files have had: 29 (with the May 2025 flags), 27 (before), 24 (before the manufacturer's component fields). */
export const LAYOUTS = [29, 27, 24] as const;

export const EXPECTED_LAYOUT =
  "NHTSA's recall flat file (FLAT_RCL_POST_2010.txt or FLAT_RCL_PRE_2010.txt, or the .zip as downloaded from NHTSA): " +
  'tab-separated rows of 29 fields (27 in files from before May 2025), beginning RECORD_ID, CAMPNO (a campaign number such as 24V123000), MAKETXT, MODELTXT, YEARTXT';

export class NotNhtsaLayout extends Error {}

export type NhtsaRow = {
  campaign: string;
  make: string;
  model: string;
  year: number;
  mfgCampaign: string | null;
  component: string;
  manufacturer: string | null;
  builtFrom: string | null;
  builtTo: string | null;
  reportDate: string | null;
  summary: string;
  consequence: string;
  remedy: string;
  notes: string;
  doNotDrive: boolean;
  parkOutside: boolean;
};

export const REFUSAL = {
  'not-vehicle': 'not a vehicle record (equipment, tire or child seat: RCLTYPECD is not V)',
  'field-count': 'wrong number of fields (a line cut short or run together)',
  campaign: 'campaign number missing or not like 24V123000',
  year: 'model year unknown (9999) or not a year',
  'make-model': 'make or model missing',
  date: 'a date not written YYYYMMDD',
  flag: 'a do-not-drive or park-outside flag that is not Yes or No',
} as const;
export type Refusal = keyof typeof REFUSAL;

export type ReadCounts = {
  fields: number;
  rowsRead: number;
  kept: number;
  /** Rows whose text held a line break, joined back into one row. */
  rejoined: number;
  refused: Partial<Record<Refusal, number>>;
  newestReportDate: string | null;
};

/** Letters, digits only, upper case: "RX 350", "rx350" and "RX-350" are one key. */
export const nhtsaKey = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]+/g, '');

/** YY, the record type (V, E, T, C...), then six: digits, or letters too (2021's "21V00H000"). */
const CAMPNO = /^\d{2}[A-Z][0-9A-Z]{6}$/;
const YEAR = /^(19|20)\d{2}$/;

function ymd(s: string): string | null | undefined {
  const t = s.trim();
  if (!t) return null;
  if (!/^\d{8}$/.test(t)) return undefined;
  const y = t.slice(0, 4);
  const m = t.slice(4, 6);
  const d = t.slice(6, 8);
  if (m < '01' || m > '12' || d < '01' || d > '31') return undefined;
  return `${y}-${m}-${d}`;
}

function flag(s: string | undefined): boolean | undefined {
  const t = (s ?? '').trim().toUpperCase();
  if (t === '' || t === 'N' || t === 'NO' || t === '0') return false;
  if (t === 'Y' || t === 'YES' || t === '1') return true;
  return undefined;
}

/** One row's fields to a kept row, or the reason it is refused. */
export function readRow(f: string[]): NhtsaRow | Refusal {
  const g = (i: number) => (f[i] ?? '').trim();
  const campaign = g(F.CAMPNO);
  if (!CAMPNO.test(campaign)) return 'campaign';
  if (g(F.RCLTYPECD).toUpperCase() !== 'V') return 'not-vehicle';
  const make = g(F.MAKETXT);
  const model = g(F.MODELTXT);
  if (!make || !model || !nhtsaKey(make) || !nhtsaKey(model)) return 'make-model';
  const y = g(F.YEARTXT);
  if (!YEAR.test(y)) return 'year';
  const builtFrom = ymd(g(F.BGMAN));
  const builtTo = ymd(g(F.ENDMAN));
  const reportDate = ymd(g(F.RCDATE));
  if (builtFrom === undefined || builtTo === undefined || reportDate === undefined) return 'date';
  const doNotDrive = flag(f[F.DO_NOT_DRIVE]);
  const parkOutside = flag(f[F.PARK_OUTSIDE]);
  if (doNotDrive === undefined || parkOutside === undefined) return 'flag';
  return {
    campaign,
    make,
    model,
    year: Number(y),
    mfgCampaign: g(F.MFGCAMPNO) || null,
    component: g(F.COMPNAME),
    manufacturer: g(F.MFGNAME) || g(F.MFGTXT) || null,
    builtFrom,
    builtTo,
    reportDate,
    summary: g(F.DESC_DEFECT),
    consequence: g(F.CONEQUENCE_DEFECT),
    remedy: g(F.CORRECTIVE_ACTION),
    notes: g(F.NOTES),
    doNotDrive,
    parkOutside,
  };
}

/** True when a first line reads as NHTSA's layout (or is a header naming its fields). */
function layoutOf(line: string): number | 'header' | null {
  const f = line.split('\t');
  if (f[0]?.trim().toUpperCase() === 'RECORD_ID' && f[1]?.trim().toUpperCase() === 'CAMPNO') return 'header';
  if (!(LAYOUTS as readonly number[]).includes(f.length)) return null;
  if (!/^\d+$/.test(f[0]!.trim()) || !CAMPNO.test(f[1]!.trim()) || !/^\d{4}$/.test(f[4]!.trim()) || !/^[A-Z]$/i.test(f[10]!.trim())) return null;
  return f.length;
}

/** Windows-1252's letters at 0x80-0x9F (Latin-1 has control codes there): “ ” ’ – — € ™ and the rest. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const HIGH = /[\x80-\x9f]/g;
const HAS_HIGH = /[\x80-\x9f]/;
/**
 * Windows-1252 bytes to text: Latin-1 (native, five times faster than TextDecoder's windows-1252 here)
 * with the 0x80-0x9F range mapped to its letters. A single-byte code: chunks split anywhere.
 */
export const decodeWindows1252 = (b: Buffer): string => {
  const s = b.toString('latin1');
  return HAS_HIGH.test(s) ? s.replace(HIGH, (c: string) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : s;
};

/** The file's bytes: a .zip's first .txt entry inflated as it streams, or the file as it is. */
export async function openRclStream(file: string): Promise<NodeJS.ReadableStream> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await fd.read(head, 0, 4, 0);
    if (head.readUInt32LE(0) !== 0x04034b50) return fs.createReadStream(file, { highWaterMark: 1 << 20 });
    const entry = await zipTxtEntry(fd, file);
    const local = Buffer.alloc(30);
    await fd.read(local, 0, 30, entry.offset);
    if (local.readUInt32LE(0) !== 0x04034b50) throw new NotNhtsaLayout(`${file} is a damaged .zip file: download it again from NHTSA.`);
    const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const raw = fs.createReadStream(file, { start, end: start + entry.size - 1, highWaterMark: 1 << 20 });
    if (entry.method === 0) return raw;
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    raw.on('error', (e) => inflate.destroy(e));
    return raw.pipe(inflate);
  } finally {
    await fd.close();
  }
}

/** The zip's central directory: the first entry named *.txt (its offset, compressed size and method). */
async function zipTxtEntry(fd: fs.promises.FileHandle, file: string): Promise<{ offset: number; size: number; method: number }> {
  const { size } = await fd.stat();
  const tail = Buffer.alloc(Math.min(size, 65_557));
  await fd.read(tail, 0, tail.length, size - tail.length);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new NotNhtsaLayout(`${file} is a damaged .zip file (no directory at its end): download it again from NHTSA.`);
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  const dir = Buffer.alloc(dirSize);
  await fd.read(dir, 0, dirSize, dirOffset);
  const names: string[] = [];
  for (let p = 0, i = 0; i < count && p + 46 <= dir.length; i++) {
    if (dir.readUInt32LE(p) !== 0x02014b50) break;
    const method = dir.readUInt16LE(p + 10);
    let csize = dir.readUInt32LE(p + 20);
    const usize = dir.readUInt32LE(p + 24);
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    let offset = dir.readUInt32LE(p + 42);
    const name = dir.subarray(p + 46, p + 46 + nameLen).toString('latin1');
    // ZIP64: the sizes and offset too large for 32 bits are in the extra field 0x0001, in this order.
    const extra = dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (usize === 0xffffffff) q += 8;
        if (csize === 0xffffffff) (csize = Number(extra.readBigUInt64LE(q))), (q += 8);
        if (offset === 0xffffffff) offset = Number(extra.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    names.push(name);
    if (/\.txt$/i.test(name) && (method === 0 || method === 8)) return { offset, size: csize, method };
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new NotNhtsaLayout(`${file} holds no .txt file (it holds ${names.join(', ') || 'nothing'}). Expected ${EXPECTED_LAYOUT}.`);
}

/**
 * Reads the file, calling `row` for every kept row (in chunks: `chunk` after each `chunkSize` rows read,
 * where the caller reports progress and checks Cancel). Throws NotNhtsaLayout when the first row does not
 * read as NHTSA's layout.
 */
export async function readRcl(
  file: string,
  fileName: string,
  on: { row?: (r: NhtsaRow) => void; chunk?: (rowsRead: number) => Promise<void> },
  chunkSize = 20_000,
): Promise<ReadCounts> {
  const counts: ReadCounts = { fields: 0, rowsRead: 0, kept: 0, rejoined: 0, refused: {}, newestReportDate: null };
  const refuse = (r: Refusal) => (counts.refused[r] = (counts.refused[r] ?? 0) + 1);
  let rest = '';
  let pending: string | null = null;
  let pendingTabs = 0;
  let sinceChunk = 0;
  let first = true;

  const record = (fields: string[]) => {
    counts.rowsRead++;
    sinceChunk++;
    const r = readRow(fields);
    if (typeof r === 'string') return refuse(r);
    counts.kept++;
    if (r.reportDate && (!counts.newestReportDate || r.reportDate > counts.newestReportDate)) counts.newestReportDate = r.reportDate;
    on.row?.(r);
  };
  const physical = (raw: string) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (first) {
      if (!line.trim()) return;
      first = false;
      const layout = layoutOf(line);
      if (layout === null) {
        const seen = line.split('\t').length;
        throw new NotNhtsaLayout(
          `${fileName} is not NHTSA's recall file: its first line has ${seen} field${seen === 1 ? '' : 's'}${seen > 1 ? ` and begins "${line.split('\t').slice(0, 3).join(' | ').slice(0, 60)}"` : ''}. Expected ${EXPECTED_LAYOUT}.`,
        );
      }
      if (layout === 'header') {
        const n = line.split('\t').length;
        if (!(LAYOUTS as readonly number[]).includes(n)) throw new NotNhtsaLayout(`${fileName} has a header of ${n} fields. Expected ${EXPECTED_LAYOUT}.`);
        counts.fields = n;
        return;
      }
      counts.fields = layout;
    }
    const want = counts.fields - 1;
    const fields = line.split('\t');
    const tabs = fields.length - 1;
    if (pending !== null) {
      // A cut line's pieces: joined while they add up to the row; a piece that overshoots starts anew.
      if (pendingTabs + tabs <= want) {
        pending = `${pending} ${line}`;
        pendingTabs += tabs;
        if (pendingTabs === want) {
          counts.rejoined++;
          const whole = pending;
          pending = null;
          record(whole.split('\t'));
        }
        return;
      }
      counts.rowsRead++;
      sinceChunk++;
      refuse('field-count');
      pending = null;
    }
    if (tabs === want) record(fields);
    else if (tabs < want) {
      if (!line.trim()) return;
      pending = line;
      pendingTabs = tabs;
    } else {
      counts.rowsRead++;
      sinceChunk++;
      refuse('field-count');
    }
  };

  const stream = await openRclStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decodeWindows1252(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        physical(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      if (sinceChunk >= chunkSize) {
        sinceChunk = 0;
        await on.chunk?.(counts.rowsRead);
      }
    }
  } catch (err) {
    if (err instanceof NotNhtsaLayout) throw err;
    if ((err as { code?: string }).code?.startsWith('Z_')) throw new NotNhtsaLayout(`${fileName} is a damaged .zip file: download it again from NHTSA.`);
    throw err;
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  if (rest) physical(rest);
  if (pending !== null) {
    counts.rowsRead++;
    refuse('field-count');
  }
  if (first) throw new NotNhtsaLayout(`${fileName} is empty. Expected ${EXPECTED_LAYOUT}.`);
  await on.chunk?.(counts.rowsRead);
  return counts;
}
