// The order suggestions and the claims as CSV, identical from the window and the CLI.
import type { Claim } from '../claims/contract';
import { toCsv } from '../csv-out';
import { METHOD_LABEL } from '../wording';
import type { Suggestions } from './contract';

export function suggestionsCsv(s: Suggestions): string {
  return toCsv(
    ['Campaign', 'Part number', 'Method', 'Quantity', 'VIN', 'Reason'],
    s.lines.map((l) => [l.campaign, l.partNumber, METHOD_LABEL[l.method], l.quantity, l.vin, l.reason]),
  );
}

export function claimsCsv(claims: Claim[]): string {
  return toCsv(
    ['Claim', 'VIN', 'Campaign', 'Op code', 'Flat-rate hours', 'Repair order', 'Technician', 'Verified by', 'Completed', 'Note', 'Corrections'],
    claims.map((c) => [
      c.id,
      c.vin,
      c.campaign,
      c.opCode,
      c.hours,
      c.repairOrder,
      c.technician,
      c.verifiedBy,
      c.completedOn,
      c.note,
      c.history
        .map((h) => `${h.field === 'vin' ? 'VIN' : 'op code'} ${h.oldValue ?? '(none)'} → ${h.newValue} (${h.reason}; ${h.madeBy} ${h.madeAt.slice(0, 10)})`)
        .join('; '),
    ]),
  );
}
