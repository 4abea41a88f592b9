// `recall-desk check FILE`: one lookup per VIN of a file, as the same JSON as `lookup --json`.
// A bad line is reported and skipped, never fatal: a list of 10,000 VINs should not stop at one typo.
import type { LookupResult } from '../../shared/api';
import { ApiError } from '../../shared/contract';
import { parseCsv } from '../imports/csv';
import { findVinColumn, type InvalidLine } from '../imports/vinlist';
import type { LookupService } from './service';

export function checkFile(lookup: LookupService, content: string, fileName: string): { results: LookupResult[]; bad: InvalidLine[] } {
  const records = parseCsv(content);
  const { index, hasHeader } = findVinColumn(records, fileName);
  const results: LookupResult[] = [];
  const bad: InvalidLine[] = [];
  lookup.batch(() => {
    for (const r of hasHeader ? records.slice(1) : records) {
      const raw = (r.fields[index] ?? '').trim();
      try {
        results.push(lookup.lookup({ vin: raw }));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        bad.push({ line: r.line, text: raw, reason: raw ? err.message : 'No VIN on this line.' });
      }
    }
  });
  return { results, bad };
}
