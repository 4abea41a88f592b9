// An affected-VIN list from TIS/Dealer Daily or the manufacturer: one VIN a line, or a CSV with a
// VIN column and optional phase, part number and status columns. Read as it comes (whole or as a
// stream), checked line by line, and summarised for a preview before anything is written.
import { ApiError } from '../../shared/contract';
import type { InvalidKind } from '../../shared/imports/contract';
import { analyzeVin, analyzeVinCell, quickVin } from '../../shared/vin';
import { count, IMPORT_REASON, INVALID_KIND_LABEL, plural } from '../../shared/wording';
import { CodeUnits } from '../files/code-units';
import { CsvReader, type CsvRecord, type PlainLines } from '../files/csv';
import { uniqueColumns, wrongCellCount } from './columns';
import { type InvalidLine as Line, LineLog, shortText, shownVinCell } from './invalid';
import { RowLines } from './row-lines';
import { type CellPair, ListStager, RUN_ROWS, type StagedList, VIN_BYTES } from './vinlist-stage';

/** A line left out, as `check` reports it too. */
export type InvalidLine = { line: number; text: string; reason: string };

/** Lines read before deciding which column holds the VINs. */
const SAMPLE = 50;

/** A repeat of a VIN whose phase or part number is not its kept line's: by line, with the two cells that differ. */
export type DuplicateConflict = { line: number; vin: string; keptLine: number; phase: CellPair | null; partNumber: CellPair | null };

export type ListPreview = {
  rowsRead: number;
  valid: number;
  duplicates: number;
  /** Duplicates whose phase or part number is not the kept line's (always 0 for a list of VINs alone). */
  conflictingDuplicates: number;
  /** The first few of those, in line order. */
  duplicateConflicts: DuplicateConflict[];
  invalid: Line<InvalidKind>[];
  invalidCount: number;
  invalidByKind: { kind: InvalidKind; label: string; count: number }[];
  checkDigitMismatches: number;
  hasHeader: boolean;
  notes: string[];
  columns: { vin: string; phase: string | null; partNumber: string | null; status: string | null };
};

const VIN_HEADER = /^(vin|vins|vin ?(no|number|#)\.?|vehicle identification number|vehicle id)$/i;
const OPTIONAL = {
  phase: /^(phase|campaign phase)$/i,
  partNumber: /^(part ?(no|number|#)?\.?|part)$/i,
  status: /^(status|campaign status|remedy status)$/i,
};

const clean = (s: string | undefined) => (s ?? '').trim();
const CR = 13;
const LF = 10;
const QUOTE = 34;
/** Characters of a line the hot loop reads; a longer line is the reader's (which reports one over MAX_LINE). */
const PLAIN_LINE = 4096;
/** An optional cell of a line as read, from `from` to `to` (null: empty). */
const cellText = (s: string, from: number, to: number): string | null => s.slice(from, to).trim() || null;
/** An optional column's cell of a line (null: no such column, or empty). */
const cellOf = (r: CsvRecord, c: number): string | null => (c >= 0 ? clean(r.fields[c]) || null : null);

/** A cell pair as the preview shows it: never a whole huge cell. */
const shownPair = (p: CellPair | null): CellPair | null =>
  p && { value: p.value === null ? null : shortText(p.value), kept: p.kept === null ? null : shortText(p.kept) };

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
      `Line ${count(first.line)} has ${plural(first.fields.length, 'column')}; none of the first lines has a 17-character VIN in one column.`,
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
  private notes: string[] = [];
  private cols = { phase: -1, partNumber: -1, status: -1 };
  /**
   * Every valid line's VIN, duplicates included: sorted and de-duplicated a bounded run at a time,
   * staged on disk (vinlist-stage.ts). A duplicate dropped takes its check-digit mismatch back out.
   */
  private readonly stage: ListStager;
  private readonly invalid = new LineLog(INVALID_KIND_LABEL);
  private checkDigitMismatches = 0;
  private dataLines = 0;
  /**
   * A list with a phase or part number column: each row's line is noted (rowLines), so a repeat that
   * disagrees with its kept line can be named by line. A list of VINs alone notes nothing.
   */
  private compared = false;
  private readonly rowLines = new RowLines();
  /** The line of the last record read, and whether take() has run since (see firstLine). */
  private recordLine = 0;
  private recordSinceTake = false;
  /** The line where take() last stopped: the line it left to the reader. */
  private stopLine = 0;
  /** The file's reader: records go to accept(), and once the columns are known, plain lines to take(). */
  readonly reader = new CsvReader((r) => this.accept(r));
  private readonly lines: PlainLines = { take: (s, start) => this.take(s, start), taken: 0 };

  /** `chars`: the text's length, when known: the list has at most one row per 18 characters (a VIN and a line end). */
  constructor(
    private readonly fileName: string,
    chars = 0,
    /** The text as take() reads it: its code units, a window at a time. */
    private readonly window = new CodeUnits(),
  ) {
    this.stage = new ListStager(
      (vins, at) => {
        const v = vins.toString('latin1', at, at + VIN_BYTES);
        const a = quickVin(v) ?? analyzeVin(v);
        if ('checkDigitValid' in a && !a.checkDigitValid) this.checkDigitMismatches--;
      },
      RUN_ROWS,
      Math.ceil(chars / (VIN_BYTES + 1)),
    );
  }

  readonly accept = (r: CsvRecord): void => {
    this.recordLine = r.endLine ?? r.line;
    this.recordSinceTake = true;
    // A line that could not be read waits with the sample too: it is reported by its VIN cell, and
    // which cell that is is known once the columns are.
    if (this.sample) {
      this.sample.push(r);
      if (this.sample.length >= SAMPLE) this.decide();
      return;
    }
    this.row(r);
  };

  /**
   * A line's VIN cell as a message may show it: the other cells hold guests' names and phones, so a
   * bad line is never echoed whole; a cell too long for a VIN is not shown either.
   */
  private vinCell(r: CsvRecord): string {
    const cell = r.problem === 'too-long' ? (this.index === 0 ? (r.fields[0] ?? '').split(/[,;\t]/, 1)[0] : '') : r.fields[this.index];
    return shownVinCell(cell ?? '');
  }

  private logProblem(r: CsvRecord): void {
    if (r.problem === 'too-long') this.invalid.add(r.line, 'too-long', IMPORT_REASON.tooLong(r.length ?? 0), this.vinCell(r));
    else this.invalid.add(r.line, 'unbalanced-quote', IMPORT_REASON.unbalancedQuote, this.vinCell(r));
  }

  /** Which column holds VINs and whether there is a header, from the first lines. */
  private decide(): void {
    const sample = this.sample ?? [];
    this.sample = null;
    const first = sample.find((r) => !r.problem);
    if (!first) {
      for (const r of sample) this.row(r);
      return;
    }
    const { index, hasHeader } = findVinColumn(sample, this.fileName);
    this.index = index;
    this.hasHeader = hasHeader;
    if (hasHeader) {
      const { columns, notes } = uniqueColumns(first.fields.map(clean));
      this.header = columns;
      this.notes = notes;
      const col = (re: RegExp) => this.header.findIndex((h) => re.test(h));
      this.cols = { phase: col(OPTIONAL.phase), partNumber: col(OPTIONAL.partNumber), status: col(OPTIONAL.status) };
      const { phase, partNumber, status } = this.cols;
      this.stage.columns({ phase: phase >= 0, partNumber: partNumber >= 0, status: status >= 0 });
      this.compared = phase >= 0 || partNumber >= 0;
    }
    for (const r of sample) if (!(hasHeader && r === first)) this.row(r);
    this.reader.plainLines = this.lines;
  }

  /**
   * The line take() starts on: the reader gives take() every line it does not take, and reads one line
   * itself between two calls in a chunk (a record, or a blank line it drops), so take() starts on the
   * line after that record, or after the line it stopped at; or, at a chunk's start (`start` 0), on the
   * line it stopped at, which the reader kept for the next chunk.
   */
  private firstLine(start: number): number {
    if (this.recordSinceTake) return this.recordLine + 1;
    return start === 0 ? this.stopLine : this.stopLine + 1;
  }

  /**
   * The hot loop of a list: whole plain lines read where they stand in the text (see PlainLines), as
   * code units a window at a time, each line's cells found by their delimiters, its VIN checked and
   * packed into the stage where it stands.
   * No string, array or record is made of a line (the optional cells aside): a million-line list made
   * a million of each, and a million more strings for its VINs. A line of any other shape (a quote,
   * another width than the header's, a VIN cell that is not a clean VIN, a blank line) is left to the
   * reader, and so to row(), which says what is wrong with it.
   */
  private take(s: string, start: number): number {
    const delimiter = (this.reader.delimiter ?? ',').charCodeAt(0);
    const { index, stage, window } = this;
    const width = this.hasHeader ? this.header.length : -1;
    const { phase: phaseCol, partNumber: partCol, status: statusCol } = this.cols;
    const withDetails = phaseCol >= 0 || partCol >= 0 || statusCol >= 0;
    let taken = 0;
    let mismatches = 0;
    let lineStart = start;
    // The text a window of code units at a time (main/files/code-units.ts). A line the window cuts is
    // read again from its start in the next window; one the text's end cuts is the reader's, which
    // waits for the next chunk.
    windows: for (;;) {
      const u = window.load(s, lineStart);
      const base = lineStart;
      const n = window.count;
      lines: for (;;) {
        let i = lineStart - base;
        const from = i;
        let cell = 0;
        let cellStart = i;
        let vinAt = -1;
        let clean = 0;
        let phase: string | null = null;
        let partNumber: string | null = null;
        let status: string | null = null;
        for (;;) {
          if (cell === index && i === cellStart) {
            if (i + VIN_BYTES > n) break lines;
            clean = stage.packNext(u, i);
            if (clean < 0) break windows;
            vinAt = i;
            i += VIN_BYTES;
          }
          if (i >= n) break lines;
          const c = u[i]!;
          if (c === delimiter || c === CR || c === LF) {
            if (cell === index) {
              if (i !== vinAt + VIN_BYTES) break windows;
            } else if (withDetails) {
              if (cell === phaseCol) phase = cellText(s, base + cellStart, base + i);
              else if (cell === partCol) partNumber = cellText(s, base + cellStart, base + i);
              else if (cell === statusCol) status = cellText(s, base + cellStart, base + i);
            }
            cell++;
            if (c === delimiter) {
              cellStart = ++i;
              continue;
            }
            // A CR that ends the text may be the first half of a CRLF: the reader waits for the next chunk.
            if (c === CR && i + 1 >= n) break lines;
            i += c === CR && u[i + 1] === LF ? 2 : 1;
            break;
          }
          if (c === QUOTE || i - from > PLAIN_LINE) break windows;
          i++;
        }
        // The line's width: the header's, or with no header, wide enough to hold the VIN cell.
        if (width >= 0 ? cell !== width : vinAt < 0) break windows;
        stage.keepNext(phase, partNumber, status);
        mismatches += clean;
        taken++;
        lineStart = base + i;
      }
      // The window's end cut a line: read it again in the next window, unless the window ended with
      // the text or began with that line (a line longer than a window is the reader's).
      if (base + n === s.length || lineStart === base) break;
    }
    if (this.compared) {
      const first = this.firstLine(start);
      if (taken > 0) this.rowLines.mark(stage.rowsAdded - taken, first);
      this.stopLine = first + taken;
      this.recordSinceTake = false;
    }
    // Counted with duplicates, as in row().
    this.checkDigitMismatches += mismatches;
    this.dataLines += taken;
    this.lines.taken = taken;
    return lineStart;
  }

  private row(r: CsvRecord): void {
    this.dataLines++;
    if (r.problem) {
      this.logProblem(r);
      return;
    }
    const raw = r.fields[this.index] ?? '';
    if (r.endLine !== undefined && /[\r\n]/.test(raw)) {
      this.invalid.add(r.line, 'unbalanced-quote', IMPORT_REASON.spansLines(r.endLine), raw.split(/\r\n|\r|\n/, 1)[0]!);
      return;
    }
    if (this.hasHeader && wrongCellCount(r.fields, this.header.length)) {
      this.invalid.add(r.line, 'cell-count', IMPORT_REASON.cellCount(r.fields.length, this.header.length), shownVinCell(raw));
      return;
    }
    let a: { vin: string; checkDigitValid: boolean } | null = quickVin(raw);
    if (!a) {
      if (raw.trim() === '') {
        this.invalid.add(r.line, 'no-vin', IMPORT_REASON.noVin, '');
        return;
      }
      const full = analyzeVinCell(raw);
      if (!full.ok) {
        this.invalid.add(r.line, 'not-a-vin', full.errors[0]!.message, raw);
        return;
      }
      a = full;
    }
    // Counted with duplicates; the stager takes a removed duplicate's back out.
    if (!a.checkDigitValid) this.checkDigitMismatches++;
    const { cols } = this;
    if (this.compared) this.rowLines.mark(this.stage.rowsAdded, r.line);
    this.stage.add(a.vin, cellOf(r, cols.phase), cellOf(r, cols.partNumber), cellOf(r, cols.status));
  }

  /** The preview, and the rows staged for the import (sorted by VIN, each VIN's first line). */
  finish(): { preview: ListPreview; rows: StagedList } {
    let rows: StagedList;
    try {
      if (this.sample) this.decide();
      rows = this.stage.finish();
    } catch (err) {
      this.discard();
      throw err;
    }
    try {
      return this.summary(rows);
    } catch (err) {
      rows.dispose();
      throw err;
    }
  }

  /** What was staged so far is removed: the file could not be read to the end. */
  discard(): void {
    this.stage.discard();
  }

  private summary(rows: StagedList): { preview: ListPreview; rows: StagedList } {
    const { fileName, header } = this;
    const inv = this.invalid.summary();
    if (this.dataLines === 0) throw new ApiError('invalid-input', `${fileName} is empty: there is nothing to import.`);
    if (rows.count === 0 || (this.dataLines >= 5 && inv.total > rows.count)) {
      throw new ApiError('invalid-input', `${fileName} is not a VIN list: ${count(inv.total)} of ${count(this.dataLines)} lines are not VINs.`, [
        ...inv.lines.slice(0, 5).map((i) => `Line ${count(i.line)}: ${i.reason}`),
        'Check that this is the affected-VIN export, not another file.',
      ]);
    }
    const name = (c: number) => (c >= 0 ? header[c]! : null);
    return {
      rows,
      preview: {
        rowsRead: this.dataLines,
        valid: rows.count,
        duplicates: this.stage.duplicates,
        conflictingDuplicates: this.stage.conflicting,
        duplicateConflicts: this.stage.conflicts.map((c) => ({
          line: this.rowLines.lineOf(c.row),
          vin: c.vin,
          keptLine: this.rowLines.lineOf(c.keptRow),
          phase: shownPair(c.phase),
          partNumber: shownPair(c.partNumber),
        })),
        invalid: inv.lines,
        invalidCount: inv.total,
        invalidByKind: inv.byKind,
        checkDigitMismatches: this.checkDigitMismatches,
        hasHeader: this.hasHeader,
        notes: this.notes,
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

/** A list given whole (the window sends the file's text). */
export function readVinList(content: string, fileName: string): { preview: ListPreview; rows: StagedList } {
  const b = new VinListBuilder(fileName, content.length);
  try {
    b.reader.push(content);
    b.reader.end();
  } catch (err) {
    b.discard();
    throw err;
  }
  return b.finish();
}

/** A list read from a stream of text chunks (the CLI reads the file so), in bounded memory. */
export async function readVinListStream(
  chunks: AsyncIterable<string>,
  fileName: string,
  /** The file's size in bytes, when known: at least its length in characters. */
  bytes = 0,
): Promise<{ preview: ListPreview; rows: StagedList }> {
  const b = new VinListBuilder(fileName, bytes);
  try {
    for await (const chunk of chunks) b.reader.push(chunk);
    b.reader.end();
  } catch (err) {
    b.discard();
    throw err;
  }
  return b.finish();
}
