// An affected-VIN list from TIS/Dealer Daily or the manufacturer: one VIN a line, or a CSV with a
// VIN column and optional phase, part number and status columns. Read whole, checked line by line,
// and summarised for a preview before anything is written.
import { ApiError } from '../../shared/contract';
import { analyzeVin, quickVin } from '../../shared/vin';
import { parseCsv, type CsvRecord } from './csv';

export type InvalidLine = { line: number; text: string; reason: string };

export type ListRows = { vins: string[]; phases: (string | null)[]; partNumbers: (string | null)[]; statuses: (string | null)[] };

export type ListPreview = {
  rowsRead: number;
  valid: number;
  duplicates: number;
  invalid: InvalidLine[];
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
const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Which column holds VINs, and whether line 1 is a header: by name first, then by content. */
export function findVinColumn(records: CsvRecord[], fileName: string): { index: number; hasHeader: boolean } {
  const first = records[0];
  if (!first) throw new ApiError('invalid-input', `${fileName} is empty: there is nothing to import.`);
  const byName = first.fields.findIndex((f) => VIN_HEADER.test(clean(f)));
  if (byName >= 0) return { index: byName, hasHeader: true };
  const sample = records.slice(0, 50);
  const width = Math.max(...sample.map((r) => r.fields.length));
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < width; c++) {
    const n = sample.filter((r) => analyzeVin(clean(r.fields[c])).ok).length;
    if (n > bestCount) [best, bestCount] = [c, n];
  }
  if (best < 0 || bestCount < Math.ceil(sample.length / 2) - 1) {
    throw new ApiError('invalid-input', `${fileName} is not a VIN list: none of its columns holds VINs.`, [
      `Line ${first.line} reads "${shorten(first.fields.join(','))}".`,
      'A VIN list has one 17-character VIN a line, or a CSV with a column headed VIN.',
    ]);
  }
  const hasHeader = !analyzeVin(clean(first.fields[best])).ok && /[a-z]/i.test(clean(first.fields[best]));
  return { index: best, hasHeader };
}

export function readVinList(content: string, fileName: string): { preview: ListPreview; rows: ListRows } {
  const records = parseCsv(content);
  const { index, hasHeader } = findVinColumn(records, fileName);
  const header = hasHeader ? records[0]!.fields.map(clean) : [];
  const col = (re: RegExp) => (hasHeader ? header.findIndex((h) => re.test(h)) : -1);
  const phaseCol = col(OPTIONAL.phase);
  const partCol = col(OPTIONAL.partNumber);
  const statusCol = col(OPTIONAL.status);

  const rows: ListRows = { vins: [], phases: [], partNumbers: [], statuses: [] };
  const seen = new Set<string>();
  const invalid: InvalidLine[] = [];
  let duplicates = 0;
  let checkDigitMismatches = 0;
  const data = hasHeader ? records.slice(1) : records;
  for (const r of data) {
    const raw = r.fields[index] ?? '';
    let a: { vin: string; checkDigitValid: boolean } | null = quickVin(raw);
    if (!a) {
      const full = analyzeVin(raw);
      if (!full.ok) {
        const text = clean(raw);
        invalid.push({ line: r.line, text: shorten(text || r.fields.join(',')), reason: text ? full.errors[0]!.message : 'No VIN on this line.' });
        continue;
      }
      a = full;
    }
    if (seen.has(a.vin)) {
      duplicates++;
      continue;
    }
    seen.add(a.vin);
    if (!a.checkDigitValid) checkDigitMismatches++;
    rows.vins.push(a.vin);
    rows.phases.push(phaseCol >= 0 ? clean(r.fields[phaseCol]) || null : null);
    rows.partNumbers.push(partCol >= 0 ? clean(r.fields[partCol]) || null : null);
    rows.statuses.push(statusCol >= 0 ? clean(r.fields[statusCol]) || null : null);
  }
  if (rows.vins.length === 0 || (data.length >= 5 && invalid.length > rows.vins.length)) {
    throw new ApiError('invalid-input', `${fileName} is not a VIN list: ${invalid.length} of ${data.length} lines are not VINs.`, [
      ...invalid.slice(0, 5).map((i) => `Line ${i.line}: ${i.reason}`),
      'Check that this is the affected-VIN export, not another file.',
    ]);
  }
  const name = (c: number) => (c >= 0 ? header[c]! : null);
  return {
    rows,
    preview: {
      rowsRead: data.length,
      valid: rows.vins.length,
      duplicates,
      invalid,
      checkDigitMismatches,
      hasHeader,
      columns: { vin: hasHeader ? header[index]! : `column ${index + 1}`, phase: name(phaseCol), partNumber: name(partCol), status: name(statusCol) },
    },
  };
}
