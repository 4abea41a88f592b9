// CSV exports, identical from the window and the CLI: quoted where needed, spreadsheet-safe.
import type { FollowUpList, HoldReport } from './api';
import { holdCertaintyText } from './reports/view';
import { CERTAINTY_LABEL, conditionText, HOLD_LABEL, NEED_LABEL, remedyShort } from './wording';

/**
 * A cell a spreadsheet would run as a formula (or a DDE command): one starting with = + - @ | (or
 * their full-width forms ＝ ＋ － ＠ ｜), a tab or a CR, also after leading spaces (ASCII or
 * ideographic) or NULs, which spreadsheets skip. Neutralised with a leading apostrophe, nothing lost.
 */
// NUL, tab and CR as a string escape: the regex literal's linter refuses control characters.
const FORMULA_START = new RegExp('^[ \\u0000\\u3000]*[=+\\-@|\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFF5C]');

export function csvField(value: string | number | boolean | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, without its line end. */
export const csvLine = (values: readonly (string | number | boolean | null | undefined)[]): string => values.map(csvField).join(',');

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return `${[header, ...rows].map(csvLine).join('\r\n')}\r\n`;
}

export const HOLDS_CSV_HEADER = [
  'Stock number',
  'VIN',
  'Model',
  'Model year',
  'Condition',
  'Campaign',
  'Title',
  'Hold',
  'Certainty',
  'Remedy',
  'Needs',
  'Reason',
  'Source',
  'Part (CPOR)',
];

/** A hold in the words the screen uses (never the internal codes). */
export const holdCsvRow = (h: HoldReport['holds'][number]) => [
  h.stockNumber,
  h.vin,
  h.model,
  h.modelYear,
  conditionText(h.condition),
  h.code,
  h.title,
  HOLD_LABEL[h.hold],
  holdCertaintyText(h),
  remedyShort(h.remedyAvailable),
  h.needs.map((n) => NEED_LABEL[n]).join(' and '),
  h.reason,
  h.source,
  h.parts,
];

export function holdsCsv(r: HoldReport): string {
  return toCsv(HOLDS_CSV_HEADER, r.holds.map(holdCsvRow));
}

export const FOLLOW_UP_CSV_HEADER = [
  'Campaign',
  'Title',
  'VIN',
  'Model',
  'Model year',
  'Last service',
  'Guest name',
  'Phone',
  'E-mail',
  'Address',
  'Certainty',
  'Remedy',
  'Appointment',
];

export const followUpCsvRow = (r: FollowUpList['rows'][number]) => [
  r.code,
  r.title,
  r.vin,
  r.model,
  r.modelYear,
  r.lastServiceDate,
  r.guestName,
  r.guestPhone,
  r.guestEmail,
  r.guestAddress,
  CERTAINTY_LABEL[r.certainty],
  remedyShort(r.remedyAvailable),
  r.appointment
    ? `Booked ${r.appointment.at.replace('T', ' ')} (#${r.appointment.id})`
    : r.waitingSince
      ? `Waiting list since ${r.waitingSince.slice(0, 10)}`
      : '',
];

export function followUpCsv(l: FollowUpList): string {
  return toCsv(FOLLOW_UP_CSV_HEADER, l.rows.map(followUpCsvRow));
}

export function invalidLinesCsv(lines: { line: number; text: string; reason: string }[]): string {
  return toCsv(
    ['Line', 'Text', 'Reason'],
    lines.map((l) => [l.line, l.text, l.reason]),
  );
}
