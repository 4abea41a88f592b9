// The lists of a change as CSV, identical from any screen: the newly held stock (for the sales
// managers) and the call list for "remedy now available" (with the guests' contacts, read at export).
import { dateTimeText } from '../dates';
import { HOLD_LABEL, severityLine } from '../wording';
import type { HoldChange, Impact } from './contract';

export const HELD_CSV_HEADER = ['Stock number', 'VIN', 'Model year', 'Model', 'Campaign', 'Hold', 'Severity'];
export const heldCsvRow = (h: HoldChange) => [h.stockNumber, h.vin, h.modelYear, h.model, h.campaign, HOLD_LABEL[h.hold], severityLine(h.severity)];

export const CALL_CSV_HEADER = ['Guest', 'Phone', 'E-mail', 'VIN', 'Model year', 'Model', 'Campaign', 'Booked', 'In stock'];
export const callCsvRow = (r: Impact['remedyNowAvailable'][number] & { guestName: string | null; guestPhone: string | null; guestEmail: string | null }) => [
  r.guestName,
  r.guestPhone,
  r.guestEmail,
  r.vin,
  r.modelYear,
  r.model,
  r.campaign,
  r.bookedAt ? dateTimeText(r.bookedAt) : 'not booked',
  r.inStock ? 'yes' : 'no',
];
