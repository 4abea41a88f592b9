// Vehicles from a DMS export: columns mapped to what Recall Desk knows (common headers recognised,
// any mapping overridable), values normalised, every rejected line kept with its reason.
import { ApiError } from '../../shared/contract';
import type { ConditionChoice, InvalidKind, WarningKind } from '../../shared/imports/contract';
import { parseProductionMonth } from '../../shared/month';
import { VEHICLE_FIELD_LABEL, VEHICLE_FIELDS, type VehicleField } from '../../shared/vehicle-fields';
import { analyzeVinCell } from '../../shared/vin';
import { count, IMPORT_REASON, INVALID_KIND_LABEL, plural, WARNING_KIND_LABEL } from '../../shared/wording';
import type { VehicleCondition } from '../db/schema';
import { CsvReader, type CsvRecord } from '../files/csv';
import { uniqueColumns, wrongCellCount } from './columns';
import { type InvalidLine, LineLog, shortText } from './invalid';

export type VehicleRow = {
  vin: string;
  stockNumber: string | null;
  model: string | null;
  modelYear: number | null;
  productionMonth: string | null;
  condition: VehicleCondition | null;
  guestName: string | null;
  guestPhone: string | null;
  guestEmail: string | null;
  guestAddress: string | null;
  lastServiceDate: string | null;
};

export type Mapping = Partial<Record<VehicleField, string>>;

export type VehiclePreview = {
  columns: string[];
  notes: string[];
  mapping: Record<VehicleField, string | null>;
  rowsRead: number;
  valid: number;
  duplicates: number;
  invalid: InvalidLine<InvalidKind>[];
  invalidCount: number;
  invalidByKind: { kind: InvalidKind; label: string; count: number }[];
  warnings: InvalidLine<WarningKind>[];
  warningCount: number;
  warningsByKind: { kind: WarningKind; label: string; count: number }[];
  checkDigitMismatches: number;
  samples: Record<string, string[]>;
  conditionValues: { value: string; count: number; condition: ConditionChoice; recognised: boolean }[];
  /** Why nothing can be imported yet (no VIN column, every line rejected): fix the mapping or the file. */
  blocking: string | null;
};

const HEADERS: Record<VehicleField, RegExp> = {
  vin: /^(vin|vehicle vin|vin ?(no|number|#)\.?|vehicle identification number)$/i,
  stockNumber: /^(stock|stock ?(no|number|#)\.?|stk ?#?|stocknumber)$/i,
  model: /^(model|model name|model description|model desc\.?|vehicle model)$/i,
  modelYear: /^(year|model year|my|yr)$/i,
  productionMonth: /^(production (date|month)|prod\.? date|build date|mfg\.? date|date of manufacture|production)$/i,
  condition: /^(condition|new ?\/ ?used|n ?\/ ?u|type|inventory type|stock type|sale type)$/i,
  guestName: /^(customer|customer name|owner|owner name|guest|guest name|name)$/i,
  guestPhone: /^(phone|guest phone|home phone|mobile|mobile phone|cell|cell phone|customer phone|telephone)$/i,
  guestEmail: /^(e-?mail|guest e-?mail|customer e-?mail|email address)$/i,
  guestAddress: /^(address|guest address|street|customer address|mailing address)$/i,
  lastServiceDate: /^(last service( date)?|last ro( date)?|last visit|last service visit|last repair order date)$/i,
};

export function detectMapping(columns: string[], given: Mapping = {}): Record<VehicleField, string | null> {
  const out = {} as Record<VehicleField, string | null>;
  for (const field of VEHICLE_FIELDS) {
    const wanted = given[field];
    if (wanted !== undefined) {
      if (wanted !== '' && !columns.includes(wanted)) {
        throw new ApiError('invalid-input', `The mapping names a column "${wanted}" for ${field}, but the file has no such column.`, [
          `Columns in the file: ${columns
            .slice(0, 30)
            .map((c) => shortText(c, 40))
            .join(', ')}${columns.length > 30 ? `, and ${count(columns.length - 30)} more` : ''}.`,
        ]);
      }
      out[field] = wanted || null;
    } else {
      // The app's own headers too (the mapping's labels, the follow-up CSV's), so its CSVs import back.
      const label = VEHICLE_FIELD_LABEL[field].toLowerCase();
      out[field] = columns.find((c) => HEADERS[field].test(c.trim()) || c.trim().toLowerCase() === label) ?? null;
    }
  }
  return out;
}

/**
 * "N", "New", "U", "Used", "C", "CPO", "Certified", "LCUV" → the three conditions the bulletins use.
 * Read by their letters alone, whatever a DMS puts between words: the app's own "certified-pre-owned",
 * "Certified Pre-Owned", "certified preowned", "C.P.O.", "L/Certified" are one value.
 */
export function parseCondition(raw: string): VehicleCondition | null | undefined {
  const s = raw.trim().toLowerCase();
  if (!s) return null;
  const letters = s.replace(/[^a-z]/g, '');
  if (/^(n|new)$/.test(letters)) return 'new';
  if (/^(u|used|preowned)$/.test(letters)) return 'used';
  if (/^(c|cpo|certified|certifiedpreowned|certifiedused|lcuv|lcertified)$/.test(letters)) return 'certified-pre-owned';
  return undefined;
}

/**
 * A two-digit year as the DMS means it: this century unless that would be after `latest`, then the
 * last. 12/31/99 is 1999, never 2099.
 */
export const fullYear = (yy: number, latest: number): number => (2000 + yy <= latest ? 2000 + yy : 1900 + yy);

const validIso = (y: number, m: number, d: number): string | undefined => {
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
};

/** MM/DD/YYYY, M/D/YY, YYYY-MM-DD → YYYY-MM-DD; null when empty; undefined when unreadable. */
export function parseDate(raw: string, today: string): string | null | undefined {
  const s = raw.trim();
  if (!s) return null;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (r) return validIso(Number(r[1]), Number(r[2]), Number(r[3]));
  r = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (!r) return undefined;
  const y = r[3]!.length === 2 ? fullYear(Number(r[3]), Number(today.slice(0, 4))) : Number(r[3]);
  return validIso(y, Number(r[1]), Number(r[2]));
}

/** A model year: four digits, or two as the DMS writes them; 0x7D7 and 2.007e3 are not years. */
export function parseModelYear(raw: string, today: string): number | null | undefined {
  const s = raw.trim();
  if (!s) return null;
  const thisYear = Number(today.slice(0, 4));
  const y = /^\d{4}$/.test(s) ? Number(s) : /^\d{2}$/.test(s) ? fullYear(Number(s), thisYear + 1) : undefined;
  // Model years run at most one year ahead of the calendar.
  return y !== undefined && y >= 1980 && y <= thisYear + 1 ? y : undefined;
}

/** A production month (12/22, 2022-12 or a date), two-digit years as the DMS means them. */
export function parseMonth(raw: string, today: string): string | null | undefined {
  const s = raw.trim();
  if (!s) return null;
  const short = /^(\d{1,2})\s*[/.-]\s*(\d{2})$/.exec(s);
  if (short) return parseProductionMonth(`${fullYear(Number(short[2]), Number(today.slice(0, 4)))}-${short[1]}`) ?? undefined;
  return parseProductionMonth(s) ?? parseDate(s, today)?.slice(0, 7) ?? undefined;
}

type Field = VehicleField;
/** Distinct values kept per column for the mapping step, and characters shown of each. */
const SAMPLES = 3;
/** Distinct condition values listed for mapping; more than that is not a condition column. */
const CONDITION_VALUES = 50;

export type ReadOptions = { mapping?: Mapping; conditions?: Record<string, ConditionChoice>; today: string };

/** Records as they are read: line 1 names the columns, every other line is a vehicle or a logged reason. */
export class VehiclesBuilder {
  private columns: string[] | null = null;
  private notes: string[] = [];
  private mapping = {} as Record<Field, string | null>;
  private idx = {} as Record<Field, number>;
  private readonly rows: VehicleRow[] = [];
  private readonly seen = new Map<string, number>();
  private readonly invalid = new LineLog(INVALID_KIND_LABEL);
  private readonly warnings = new LineLog(WARNING_KIND_LABEL);
  private readonly samples: string[][] = [];
  private readonly conditionCounts = new Map<string, number>();
  private duplicates = 0;
  private checkDigitMismatches = 0;
  private rowsRead = 0;

  constructor(
    private readonly fileName: string,
    private readonly opts: ReadOptions,
  ) {}

  readonly accept = (rec: CsvRecord): void => {
    if (!this.columns) {
      this.header(rec);
      return;
    }
    this.rowsRead++;
    const row = this.vehicle(rec);
    if (!row) return;
    // The same VIN twice: the later line wins (exports list a vehicle once per visit, oldest first).
    const at = this.seen.get(row.vin);
    if (at !== undefined) {
      this.duplicates++;
      this.rows[at] = row;
    } else {
      this.seen.set(row.vin, this.rows.length);
      this.rows.push(row);
    }
  };

  /** One line as a vehicle, or null with its reason logged. */
  private vehicle(rec: CsvRecord): VehicleRow | null {
    if (rec.problem === 'too-long') {
      this.invalid.add(rec.line, 'too-long', IMPORT_REASON.tooLong(rec.length ?? 0), '');
      return null;
    }
    this.sample(rec);
    const cell = (f: Field) => (this.idx[f] >= 0 ? (rec.fields[this.idx[f]] ?? '').trim() : '');
    const vinCell = cell('vin');
    // The VIN cell at most: the other cells hold guests' names, phones and addresses.
    const bad = (kind: InvalidKind, reason: string) => {
      this.invalid.add(rec.line, kind, reason, vinCell);
      return null;
    };
    if (rec.problem === 'unbalanced-quote') return bad('unbalanced-quote', IMPORT_REASON.unbalancedQuote);
    if (wrongCellCount(rec.fields, this.columns!.length)) return bad('cell-count', IMPORT_REASON.cellCount(rec.fields.length, this.columns!.length));
    if (rec.endLine !== undefined && /[\r\n]/.test(vinCell)) return bad('unbalanced-quote', IMPORT_REASON.spansLines(rec.endLine));
    if (!vinCell) return bad('no-vin', IMPORT_REASON.noVin);
    const a = analyzeVinCell(vinCell);
    if (!a.ok) return bad('not-a-vin', a.errors[0]!.message);
    const { today } = this.opts;
    const modelYear = parseModelYear(cell('modelYear'), today);
    if (modelYear === undefined) return bad('model-year', `Model year "${shortText(cell('modelYear'), 20)}" is not a year.`);
    let productionMonth = parseMonth(cell('productionMonth'), today);
    if (productionMonth === undefined) {
      return bad('production-month', `Production month "${shortText(cell('productionMonth'), 20)}" is not a month (write 12/22, 2022-12 or a date).`);
    }
    let lastServiceDate = parseDate(cell('lastServiceDate'), today);
    if (lastServiceDate === undefined) {
      return bad('service-date', `Last service date "${shortText(cell('lastServiceDate'), 20)}" is not a date (write 2024-03-31 or 03/31/2024).`);
    }
    const warn = (kind: WarningKind, reason: string) => this.warnings.add(rec.line, kind, reason, a.vin);
    if (productionMonth && productionMonth > today.slice(0, 7)) {
      warn('future-month', `Production month ${productionMonth} is in the future: imported without it.`);
      productionMonth = null;
    }
    if (lastServiceDate && lastServiceDate > today) {
      warn('future-date', `Last service date ${lastServiceDate} is in the future: imported without it.`);
      lastServiceDate = null;
    }
    if (!a.checkDigitValid) {
      this.checkDigitMismatches++;
      warn('check-digit', `Position 9 is "${a.parts.checkDigit}", the rest of the VIN calls for "${a.expectedCheckDigit}": compare the VIN with the vehicle.`);
    }
    return {
      vin: a.vin,
      stockNumber: cell('stockNumber') || null,
      model: cell('model') || null,
      modelYear: modelYear ?? a.modelYear,
      productionMonth,
      condition: this.condition(cell('condition')),
      guestName: cell('guestName') || null,
      guestPhone: cell('guestPhone') || null,
      guestEmail: cell('guestEmail') || null,
      guestAddress: cell('guestAddress') || null,
      lastServiceDate,
    };
  }

  private header(rec: CsvRecord): void {
    if (rec.problem === 'too-long' || rec.fields.length > MAX_COLUMNS || rec.fields.some((c) => c.length > MAX_HEADER)) {
      throw new ApiError(
        'invalid-input',
        `${this.fileName}: line ${rec.line} is not a row of column headers (${rec.problem === 'too-long' ? `${count(rec.length ?? 0)} characters` : 'its cells are too long or too many'}).`,
        ['A DMS export starts with one line naming its columns (VIN, Model, Year, ...).'],
      );
    }
    const { columns, notes } = uniqueColumns(rec.fields.map((c) => c.trim()));
    this.columns = columns;
    this.notes = notes;
    this.mapping = detectMapping(this.columns, this.opts.mapping);
    this.idx = Object.fromEntries(VEHICLE_FIELDS.map((f) => [f, this.mapping[f] ? this.columns!.indexOf(this.mapping[f]!) : -1])) as Record<Field, number>;
    for (let c = 0; c < this.columns.length; c++) this.samples.push([]);
  }

  private sample(rec: CsvRecord): void {
    for (let c = 0; c < this.samples.length; c++) {
      const s = this.samples[c]!;
      if (s.length >= SAMPLES) continue;
      const v = shortText((rec.fields[c] ?? '').trim(), 40);
      if (v && !s.includes(v)) s.push(v);
    }
  }

  private condition(raw: string): VehicleCondition | null {
    const known = parseCondition(raw);
    if (known !== undefined) {
      if (known) this.countCondition(raw);
      return known;
    }
    this.countCondition(raw);
    const chosen = this.opts.conditions?.[raw];
    return chosen && chosen !== 'unknown' ? chosen : null;
  }

  private countCondition(raw: string): void {
    const n = this.conditionCounts.get(raw);
    if (n !== undefined) this.conditionCounts.set(raw, n + 1);
    else if (this.conditionCounts.size < CONDITION_VALUES) this.conditionCounts.set(raw, 1);
  }

  finish(): { preview: VehiclePreview; rows: VehicleRow[] } {
    const { fileName, rows } = this;
    const columns = this.columns;
    if (!columns) throw new ApiError('invalid-input', `${fileName} is empty: there is nothing to import.`);
    const inv = this.invalid.summary();
    const warn = this.warnings.summary();
    const blocking = !this.mapping.vin
      ? `${fileName}: no column is mapped to VIN, so no vehicle can be identified. Choose the column that holds the VIN (the file has ${plural(columns.length, 'column')}).`
      : rows.length === 0
        ? `${fileName} holds no usable vehicle: every line was rejected (the reasons are listed). Check the column mapping.`
        : null;
    return {
      rows: blocking ? [] : rows,
      preview: {
        columns,
        notes: this.notes,
        mapping: this.mapping,
        rowsRead: this.rowsRead,
        valid: blocking ? 0 : rows.length,
        duplicates: this.duplicates,
        invalid: inv.lines,
        invalidCount: inv.total,
        invalidByKind: inv.byKind,
        warnings: warn.lines,
        warningCount: warn.total,
        warningsByKind: warn.byKind,
        checkDigitMismatches: this.checkDigitMismatches,
        samples: Object.fromEntries(columns.map((c, i) => [c, this.samples[i]!])),
        conditionValues: [...this.conditionCounts].map(([value, n]) => {
          const known = parseCondition(value);
          const condition: ConditionChoice = known ?? this.opts.conditions?.[value] ?? 'unknown';
          return { value, count: n, condition, recognised: known !== undefined };
        }),
        blocking,
      },
    };
  }
}

/** Columns and characters a header row may have: more is not a header (and is never echoed). */
const MAX_COLUMNS = 500;
const MAX_HEADER = 200;

export function readVehicles(content: string, fileName: string, opts: ReadOptions): { preview: VehiclePreview; rows: VehicleRow[] } {
  const b = new VehiclesBuilder(fileName, opts);
  const reader = new CsvReader(b.accept, { multiline: true });
  reader.push(content);
  reader.end();
  return b.finish();
}

export async function readVehiclesStream(
  chunks: AsyncIterable<string>,
  fileName: string,
  opts: ReadOptions,
): Promise<{ preview: VehiclePreview; rows: VehicleRow[] }> {
  const b = new VehiclesBuilder(fileName, opts);
  const reader = new CsvReader(b.accept, { multiline: true });
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
  return b.finish();
}
