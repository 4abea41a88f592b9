// Vehicles from a DMS export: columns mapped to what Recall Desk knows (common headers recognised,
// any mapping overridable), values normalised, every rejected line kept with its reason.
import { ApiError } from '../../shared/contract';
import { parseProductionMonth } from '../../shared/month';
import { analyzeVin } from '../../shared/vin';
import { VEHICLE_FIELDS, type VehicleField } from '../../shared/vehicle-fields';
import type { VehicleCondition } from '../db/schema';
import { parseCsv } from './csv';
import type { InvalidLine } from './vinlist';

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
  mapping: Record<VehicleField, string | null>;
  rowsRead: number;
  valid: number;
  duplicates: number;
  invalid: InvalidLine[];
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
  guestPhone: /^(phone|home phone|mobile|mobile phone|cell|cell phone|customer phone|telephone)$/i,
  guestEmail: /^(e-?mail|customer e-?mail|email address)$/i,
  guestAddress: /^(address|street|customer address|mailing address)$/i,
  lastServiceDate: /^(last service( date)?|last ro( date)?|last visit|last service visit|last repair order date)$/i,
};

export function detectMapping(columns: string[], given: Mapping = {}): Record<VehicleField, string | null> {
  const out = {} as Record<VehicleField, string | null>;
  for (const field of VEHICLE_FIELDS) {
    const wanted = given[field];
    if (wanted !== undefined) {
      if (wanted !== '' && !columns.includes(wanted)) {
        throw new ApiError('invalid-input', `The mapping names a column "${wanted}" for ${field}, but the file has no such column.`, [
          `Columns in the file: ${columns.join(', ')}.`,
        ]);
      }
      out[field] = wanted || null;
    } else {
      out[field] = columns.find((c) => HEADERS[field].test(c.trim())) ?? null;
    }
  }
  return out;
}

/** "N", "New", "U", "Used", "C", "CPO", "Certified", "LCUV" → the three conditions the bulletins use. */
export function parseCondition(raw: string): VehicleCondition | null | undefined {
  const s = raw.trim().toLowerCase();
  if (!s) return null;
  if (/^(n|new)$/.test(s)) return 'new';
  if (/^(u|used|pre-?owned|preowned)$/.test(s)) return 'used';
  if (/^(c|cpo|certified|certified pre-?owned|lcuv|l\/certified)$/.test(s)) return 'certified-pre-owned';
  return undefined;
}

/** MM/DD/YYYY, M/D/YY, YYYY-MM-DD → YYYY-MM-DD; null when empty; undefined when unreadable. */
export function parseDate(raw: string): string | null | undefined {
  const s = raw.trim();
  if (!s) return null;
  let y: number, m: number, d: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (r) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s)))
    [m, d, y] = [Number(r[1]), Number(r[2]), r[3]!.length === 2 ? 2000 + Number(r[3]) : Number(r[3])];
  else return undefined;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

export function readVehicles(content: string, fileName: string, given: Mapping = {}): { preview: VehiclePreview; rows: VehicleRow[] } {
  const records = parseCsv(content);
  if (records.length === 0) throw new ApiError('invalid-input', `${fileName} is empty: there is nothing to import.`);
  const columns = records[0]!.fields.map((c) => c.trim());
  const mapping = detectMapping(columns, given);
  if (!mapping.vin) {
    return {
      rows: [],
      preview: {
        columns,
        mapping,
        rowsRead: records.length - 1,
        valid: 0,
        duplicates: 0,
        invalid: [],
        blocking: `${fileName}: no column is mapped to VIN, so no vehicle can be identified. Choose the column that holds the VIN (columns: ${columns.join(', ')}).`,
      },
    };
  }
  const idx = Object.fromEntries(VEHICLE_FIELDS.map((f) => [f, mapping[f] ? columns.indexOf(mapping[f]!) : -1])) as Record<VehicleField, number>;
  const rows: VehicleRow[] = [];
  const invalid: InvalidLine[] = [];
  const seen = new Map<string, number>();
  let duplicates = 0;
  for (const rec of records.slice(1)) {
    const get = (f: VehicleField) => (idx[f] >= 0 ? (rec.fields[idx[f]] ?? '').trim() : '');
    const bad = (reason: string) => invalid.push({ line: rec.line, text: get('vin') || rec.fields.join(',').slice(0, 60), reason });
    const a = analyzeVin(get('vin'));
    if (!a.ok) {
      bad(get('vin') ? a.errors[0]!.message : 'No VIN on this line.');
      continue;
    }
    const yearRaw = get('modelYear');
    const modelYear = yearRaw ? Number(yearRaw) : null;
    if (modelYear !== null && !(Number.isInteger(modelYear) && modelYear >= 1980 && modelYear <= 2100)) {
      bad(`Model year "${yearRaw}" is not a year.`);
      continue;
    }
    const monthRaw = get('productionMonth');
    const productionMonth = monthRaw ? (parseProductionMonth(monthRaw) ?? parseDate(monthRaw)?.slice(0, 7) ?? undefined) : null;
    if (productionMonth === undefined) {
      bad(`Production month "${monthRaw}" is not a month (write 12/22, 2022-12 or a date).`);
      continue;
    }
    const condition = parseCondition(get('condition'));
    if (condition === undefined) {
      bad(`Condition "${get('condition')}" is not new, used or certified pre-owned.`);
      continue;
    }
    const lastServiceDate = parseDate(get('lastServiceDate'));
    if (lastServiceDate === undefined) {
      bad(`Last service date "${get('lastServiceDate')}" is not a date (write 2024-03-31 or 03/31/2024).`);
      continue;
    }
    const row: VehicleRow = {
      vin: a.vin,
      stockNumber: get('stockNumber') || null,
      model: get('model') || null,
      modelYear: modelYear ?? a.modelYear,
      productionMonth,
      condition,
      guestName: get('guestName') || null,
      guestPhone: get('guestPhone') || null,
      guestEmail: get('guestEmail') || null,
      guestAddress: get('guestAddress') || null,
      lastServiceDate,
    };
    // The same VIN twice: the later line wins (exports list a vehicle once per visit, oldest first).
    const at = seen.get(a.vin);
    if (at !== undefined) {
      duplicates++;
      rows[at] = row;
    } else {
      seen.set(a.vin, rows.length);
      rows.push(row);
    }
  }
  const blocking =
    rows.length === 0 ? `${fileName} holds no usable vehicle: every line was rejected (the reasons are listed). Check the column mapping.` : null;
  return { rows, preview: { columns, mapping, rowsRead: records.length - 1, valid: rows.length, duplicates, invalid, blocking } };
}
