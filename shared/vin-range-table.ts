// A VIN-range table pasted as copied from a manufacturer's letter (ALE's: model, WMI, model year, VDS,
// serial from - to, and optionally the units in operation), read into bulletin VIN ranges. Pure.
//
// Letters print a value once and leave the cells below it blank for "same as above"; extraction from
// PDF also loses the column positions (ALE's IS 350 rows start in the wrong column). So each cell is
// read by what it looks like, not by where it stands: a 7-character pair "0007930 - 0028367" is the
// serial range, four digits a model year, five characters a VDS, three a WMI, a number after the range
// the UIO, and the text before them the model. A line that cannot be read is refused with its line
// number and the reason; nothing is guessed. What a line leaves blank is carried down from the line
// above, and marked as carried so that the table shown back says which cells were not printed.
import { type BulletinInput, normalizeModel } from './bulletin';

export type RangeField = 'model' | 'wmi' | 'modelYear' | 'vds';

export type ParsedRangeRow = {
  /** 1-based line number of the pasted text. */
  line: number;
  model: string;
  wmi: string;
  modelYear: number;
  vds: string;
  serialFrom: string;
  serialTo: string;
  /** Units in operation as printed on the line; null when the line has none. */
  uio: string | null;
  /** The cells left blank on this line and taken from the line above. */
  carried: RangeField[];
};

export type RangeTableResult = {
  rows: ParsedRangeRow[];
  refused: { line: number; text: string; reason: string }[];
  /** Things to check by eye (e.g. one VDS and year under two model labels: a shifted label). */
  warnings: { line: number; message: string }[];
};

const SERIAL = '[A-HJ-NPR-Z0-9]{7}';
const RANGE = new RegExp(`^(${SERIAL})\\s*[-–—]\\s*(${SERIAL})$`, 'i');
const YEAR = /^(19[89]\d|20[0-3]\d)$/;
const VDS = /^[A-HJ-NPR-Z0-9]{5}$/i;
const WMI = /^[A-HJ-NPR-Z0-9]{3}$/i;
const UIO = /^[~≈]?\d[\d,.]*$/;
const HEADER = /\b(model|vds|serial)\b/i;

/**
 * Cells with their column: split on tabs, or on runs of two or more spaces (a single space is inside a
 * cell: "GS 350"). The column only tells a model from a WMI (three capitals: "JTH" in column 1 is the
 * WMI, "LFA" in column 0 a model); everything else is read by its look.
 */
const cellsOf = (line: string): { cell: string; column: number }[] =>
  line
    .split(/\t| {2,}/)
    .map((c, column) => ({ cell: c.trim(), column }))
    .filter((c) => c.cell !== '');

export function parseVinRangeTable(text: string): RangeTableResult {
  const out: RangeTableResult = { rows: [], refused: [], warnings: [] };
  const above: Partial<Record<RangeField, string | number>> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const cells = cellsOf(raw);
    if (cells.length === 0) return;
    const refuse = (reason: string) => out.refused.push({ line, text: raw.trim(), reason });
    // The table's own heading ("Model WMI Model Year VDS Serial UIO") is not a row.
    if (out.rows.length === 0 && !cells.some((c) => RANGE.test(c.cell)) && cells.some((c) => HEADER.test(c.cell))) return;
    const found: Partial<Record<RangeField | 'range' | 'uio', string>> = {};
    let problem: string | null = null;
    const put = (field: keyof typeof found, value: string, what: string) => {
      if (found[field] !== undefined) problem ??= `two ${what}s on one line ("${found[field]}" and "${value}")`;
      else found[field] = value;
    };
    for (const { cell, column } of cells) {
      const early = found.modelYear === undefined && found.vds === undefined && found.range === undefined;
      if (RANGE.test(cell)) put('range', cell, 'serial range');
      else if (found.range !== undefined && UIO.test(cell)) put('uio', cell, 'UIO');
      else if (YEAR.test(cell)) put('modelYear', cell, 'model year');
      else if (VDS.test(cell) && /[A-Z]/i.test(cell)) put('vds', cell.toUpperCase(), 'VDS');
      else if (early && WMI.test(cell) && cell === cell.toUpperCase() && (column > 0 || found.model !== undefined)) put('wmi', cell, 'WMI');
      else if (early && /^[A-Z]/i.test(cell)) put('model', cell, 'model');
      else problem ??= `"${cell}" is not a model, WMI, model year, VDS, serial range or UIO`;
    }
    if (problem) return refuse(problem);
    if (found.range === undefined) return refuse('no serial range (7 characters - 7 characters, e.g. 0007930 - 0028367)');
    const m = RANGE.exec(found.range)!;
    const serialFrom = m[1]!.toUpperCase();
    const serialTo = m[2]!.toUpperCase();
    if (serialFrom > serialTo) return refuse(`the serial range runs backwards (${serialFrom} is after ${serialTo})`);
    // A new model starts its own group: the VDS and year above it are not its own.
    const fields: RangeField[] = ['model', 'wmi', 'modelYear', 'vds'];
    const carried: RangeField[] = [];
    const row: Partial<Record<RangeField, string | number>> = {};
    for (const f of fields) {
      const v = found[f];
      if (v !== undefined) row[f] = f === 'modelYear' ? Number(v) : v;
      else if (above[f] !== undefined) {
        row[f] = above[f];
        carried.push(f);
      }
    }
    const missing = fields.filter((f) => row[f] === undefined);
    if (missing.length) {
      const names = { model: 'model', wmi: 'WMI', modelYear: 'model year', vds: 'VDS' };
      return refuse(`no ${missing.map((f) => names[f]).join(', ')} on this line or any line above it`);
    }
    Object.assign(above, row);
    out.rows.push({
      line,
      model: row.model as string,
      wmi: row.wmi as string,
      modelYear: row.modelYear as number,
      vds: row.vds as string,
      serialFrom,
      serialTo,
      uio: found.uio ?? null,
      carried,
    });
  });
  // One VDS (the model's body and engine) under two model labels: most likely a label shifted in extraction.
  const labelOf = new Map<string, ParsedRangeRow>();
  for (const r of out.rows) {
    const key = `${r.wmi}${r.vds}`;
    const first = labelOf.get(key);
    if (!first) labelOf.set(key, r);
    else if (normalizeModel(first.model) !== normalizeModel(r.model)) {
      out.warnings.push({
        line: r.line,
        message: `VDS ${r.vds} is labelled ${first.model} on line ${first.line} and ${r.model} here: check the model labels against the letter (extraction often shifts them).`,
      });
    }
  }
  return out;
}

/** The parsed rows as the bulletin's VIN ranges (the UIO kept as printed; no phase: the letter states none per row). */
export const toVinRanges = (rows: ParsedRangeRow[]): NonNullable<BulletinInput['vinRanges']> =>
  rows.map((r) => ({
    model: r.model,
    modelYear: r.modelYear,
    wmi: r.wmi,
    vds: r.vds,
    serialFrom: r.serialFrom,
    serialTo: r.serialTo,
    uio: r.uio,
    phase: null,
  }));
