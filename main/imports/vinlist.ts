// An affected-VIN list from TIS/Dealer Daily or the manufacturer: one VIN a line, or a CSV with a
// VIN column and optional phase, part number and status columns. Read as it comes (whole or as a
// stream), checked line by line, and summarised for a preview before anything is written.
import { ApiError } from '../../shared/contract';
import type { InvalidKind } from '../../shared/imports/contract';
import { analyzeVin, quickVin } from '../../shared/vin';
import { count, IMPORT_REASON, INVALID_KIND_LABEL } from '../../shared/wording';
import { CsvReader, type CsvRecord } from './csv';
import { type InvalidLine as Line, LineLog, shortText } from './invalid';

/** A line left out, as `check` reports it too. */
export type InvalidLine = { line: number; text: string; reason: string };

/** Lines read before deciding which column holds the VINs. */
const SAMPLE = 50;

export type ListRows = { vins: string[]; phases: (string | null)[]; partNumbers: (string | null)[]; statuses: (string | null)[] };

export type ListPreview = {
  rowsRead: number;
  valid: number;
  duplicates: number;
  invalid: Line<InvalidKind>[];
  invalidCount: number;
  invalidByKind: { kind: InvalidKind; label: string; count: number }[];
  checkDigitMismatches: number;
  hasHeader: boolean;
  columns: { vin: string; phase: string | null; partNumber: string | null; status: string | null };
};

const VIN_HEADER = /^(vin|vins|vin ?(no|number|#)\.?|vehicle identification number|vehicle id)$/i;
const OPTIONAL = {
  phase: /^(phase|campaign phase)$/i,
  partNumber: /^(part ?(no|number|#)?\.?|part)$/i,
  status: /^(status|campaign status|remedy status)$/i,
};

const clean = (s: string | undefined) => (s ?? '').trim();

/** Which column holds VINs, and whether line 1 is a header: by name first, then by content. */
export function findVinColumn(records: CsvRecord[], fileName: string): { index: number; hasHeader: boolean } {
  const first = records.find((r) => !r.problem);
  if (!first) throw new ApiError('invalid-input', `${fileName} is empty: there is nothing to import.`);
  const byName = first.fields.findIndex((f) => VIN_HEADER.test(clean(f)));
  if (byName >= 0) return { index: byName, hasHeader: true };
  const sample = records.filter((r) => !r.problem).slice(0, SAMPLE);
  const width = Math.max(...sample.map((r) => r.fields.length));
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < width; c++) {
    const n = sample.filter((r) => analyzeVin(clean(r.fields[c])).ok).length;
    if (n > bestCount) [best, bestCount] = [c, n];
  }
  if (best < 0 || bestCount < Math.ceil(sample.length / 2) - 1) {
    throw new ApiError('invalid-input', `${fileName} is not a VIN list: none of its columns holds VINs.`, [
      `Line ${first.line} reads "${shortText(first.fields.join(','))}".`,
      'A VIN list has one 17-character VIN a line, or a CSV with a column headed VIN.',
    ]);
  }
  const hasHeader = !analyzeVin(clean(first.fields[best])).ok && /[a-z]/i.test(clean(first.fields[best]));
  return { index: best, hasHeader };
}

/** Records as they are read: the first few decide the columns, then each line is checked and kept or logged. */
export class VinListBuilder {
  private sample: CsvRecord[] | null = [];
  private index = 0;
  private hasHeader = false;
  private header: string[] = [];
  private cols = { phase: -1, partNumber: -1, status: -1 };
  private readonly rows: ListRows = { vins: [], phases: [], partNumbers: [], statuses: [] };
  private readonly seen = new Set<string>();
  private readonly invalid = new LineLog(INVALID_KIND_LABEL);
  private duplicates = 0;
  private checkDigitMismatches = 0;
  private dataLines = 0;

  constructor(private readonly fileName: string) {}

  readonly accept = (r: CsvRecord): void => {
    if (r.problem) {
      this.dataLines++;
      this.logProblem(r);
      return;
    }
    if (this.sample) {
      this.sample.push(r);
      if (this.sample.length >= SAMPLE) this.decide();
      return;
    }
    this.row(r);
  };

  private logProblem(r: CsvRecord): void {
    if (r.problem === 'too-long') this.invalid.add(r.line, 'too-long', IMPORT_REASON.tooLong(r.length ?? 0), r.fields[0] ?? '');
    else this.invalid.add(r.line, 'unbalanced-quote', IMPORT_REASON.unbalancedQuote, r.fields.join(','));
  }

  /** Which column holds VINs and whether there is a header, from the first lines. */
  private decide(): void {
    const sample = this.sample ?? [];
    this.sample = null;
    if (sample.length === 0) return;
    const { index, hasHeader } = findVinColumn(sample, this.fileName);
    this.index = index;
    this.hasHeader = hasHeader;
    if (hasHeader) {
      this.header = sample[0]!.fields.map(clean);
      const col = (re: RegExp) => this.header.findIndex((h) => re.test(h));
      this.cols = { phase: col(OPTIONAL.phase), partNumber: col(OPTIONAL.partNumber), status: col(OPTIONAL.status) };
    }
    for (const r of hasHeader ? sample.slice(1) : sample) this.row(r);
  }

  private row(r: CsvRecord): void {
    this.dataLines++;
    const raw = r.fields[this.index] ?? '';
    if (r.endLine !== undefined && /[\r\n]/.test(raw)) {
      this.invalid.add(r.line, 'unbalanced-quote', IMPORT_REASON.spansLines(r.endLine), raw.split(/\r\n|\r|\n/, 1)[0]!);
      return;
    }
    let a: { vin: string; checkDigitValid: boolean } | null = quickVin(raw);
    if (!a) {
      const text = raw.length > 100 ? '' : clean(raw);
      const full = raw.length > 100 ? null : analyzeVin(raw);
      if (!full?.ok) {
        if (raw.trim() === '') this.invalid.add(r.line, 'no-vin', IMPORT_REASON.noVin, r.fields.join(','));
        else this.invalid.add(r.line, 'not-a-vin', full ? full.errors[0]!.message : `"${shortText(raw.trim(), 20)}" is not a VIN.`, text || raw);
        return;
      }
      a = full;
    }
    if (this.seen.has(a.vin)) {
      this.duplicates++;
      return;
    }
    this.seen.add(a.vin);
    if (!a.checkDigitValid) this.checkDigitMismatches++;
    const { rows, cols } = this;
    rows.vins.push(a.vin);
    rows.phases.push(cols.phase >= 0 ? clean(r.fields[cols.phase]) || null : null);
    rows.partNumbers.push(cols.partNumber >= 0 ? clean(r.fields[cols.partNumber]) || null : null);
    rows.statuses.push(cols.status >= 0 ? clean(r.fields[cols.status]) || null : null);
  }

  finish(): { preview: ListPreview; rows: ListRows } {
    if (this.sample) this.decide();
    const { rows, fileName, header } = this;
    const inv = this.invalid.summary();
    if (this.dataLines === 0) throw new ApiError('invalid-input', `${fileName} is empty: there is nothing to import.`);
    if (rows.vins.length === 0 || (this.dataLines >= 5 && inv.total > rows.vins.length)) {
      throw new ApiError('invalid-input', `${fileName} is not a VIN list: ${count(inv.total)} of ${count(this.dataLines)} lines are not VINs.`, [
        ...inv.lines.slice(0, 5).map((i) => `Line ${count(i.line)}: ${i.reason}`),
        'Check that this is the affected-VIN export, not another file.',
      ]);
    }
    const name = (c: number) => (c >= 0 ? header[c]! : null);
    return {
      rows: sortedByVin(rows),
      preview: {
        rowsRead: this.dataLines,
        valid: rows.vins.length,
        duplicates: this.duplicates,
        invalid: inv.lines,
        invalidCount: inv.total,
        invalidByKind: inv.byKind,
        checkDigitMismatches: this.checkDigitMismatches,
        hasHeader: this.hasHeader,
        columns: {
          vin: this.hasHeader ? shortText(header[this.index]!) : `column ${this.index + 1}`,
          phase: name(this.cols.phase),
          partNumber: name(this.cols.partNumber),
          status: name(this.cols.status),
        },
      },
    };
  }
}

/**
 * The rows in VIN order: the table's keys (vin, list_id) and (list_id, vin) then grow at their ends
 * instead of at random pages, which makes the import's transaction several times faster once the
 * table is larger than the page cache. Sorted here, in the preview, not while holding the write lock.
 */
function sortedByVin(rows: ListRows): ListRows {
  const { vins, phases, partNumbers, statuses } = rows;
  if (!phases.some((x) => x !== null) && !partNumbers.some((x) => x !== null) && !statuses.some((x) => x !== null)) {
    vins.sort();
    return rows;
  }
  // VINs are distinct here, so the order is total.
  const order = Array.from(vins.keys()).sort((a, b) => (vins[a]! < vins[b]! ? -1 : 1));
  const by = <T>(xs: T[]) => order.map((i) => xs[i]!);
  return { vins: by(vins), phases: by(phases), partNumbers: by(partNumbers), statuses: by(statuses) };
}

/** A list given whole (the window sends the file's text). */
export function readVinList(content: string, fileName: string): { preview: ListPreview; rows: ListRows } {
  const b = new VinListBuilder(fileName);
  const reader = new CsvReader(b.accept);
  reader.push(content);
  reader.end();
  return b.finish();
}

/** A list read from a stream of text chunks (the CLI reads the file so), in bounded memory. */
export async function readVinListStream(chunks: AsyncIterable<string>, fileName: string): Promise<{ preview: ListPreview; rows: ListRows }> {
  const b = new VinListBuilder(fileName);
  const reader = new CsvReader(b.accept);
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
  return b.finish();
}
