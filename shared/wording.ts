// Every word a user reads for one of the contract's codes, in one place: the screens, the CLI, CSV
// exports and printed forms all take them from here, so a hold reads the same on paper and on screen.
// Pure data and tiny functions: no React, no Node.

export const KIND_LABEL = {
  'safety-recall': 'Safety recall',
  'service-campaign': 'Service campaign',
  'customer-program': 'Customer program',
  other: 'Campaign',
} as const;

/** The bulletins' three vehicle conditions, as the counter says them. */
export const CONDITION_LABEL = { new: 'New', used: 'Used', 'certified-pre-owned': 'Certified pre-owned' } as const;

/** A stock vehicle's hold, as the hold report, the lookup card and the printed list say it. */
export const HOLD_LABEL = {
  'do-not-deliver-until-remedied': 'Do not deliver until remedied',
  'deliver-with-disclosure-if-unavailable': 'Deliver only with the disclosure form if the remedy is not available',
  'perform-before-delivery': 'Perform before delivery',
} as const;

/** Short column headings for the same holds (tables, per-campaign counts). */
export const HOLD_SHORT_LABEL = {
  'do-not-deliver-until-remedied': 'Do not deliver',
  'deliver-with-disclosure-if-unavailable': 'With disclosure form',
  'perform-before-delivery': 'Perform before delivery',
} as const;

/** A bulletin's delivery rule, which includes "no rule stated". */
export const DELIVERY_LABEL = { ...HOLD_LABEL, 'no-rule-stated': 'No rule stated' } as const;

export const PHASE_STATUS_LABEL = {
  'remedy-available': 'Remedy available',
  'announcement-expected': 'Announcement expected',
  'parts-not-released': 'Parts not released',
  unknown: 'Not stated',
} as const;

export const WHEN_LABEL = {
  always: 'Always',
  verify: 'Until confirmed',
  'remedy-available': 'Remedy available',
  'remedy-not-available': 'Remedy not yet available',
  'remedy-unknown': 'Phase unknown',
} as const;

/** How sure the answer is: "confirmed" needs the VIN on an imported affected-VIN list. */
export const CERTAINTY_LABEL = { confirmed: 'Confirmed', verify: 'Verify in TIS' } as const;

/** The remedy, from `available` (true / false / null for unknown). */
export function remedyLabel(available: boolean | null): string {
  if (available === true) return 'Remedy available';
  if (available === false) return 'Remedy not yet available';
  return 'Remedy status unknown';
}

/** The same in a table cell, where the column already says "remedy". */
export function remedyShort(available: boolean | null): string {
  if (available === true) return 'Available';
  if (available === false) return 'Not yet';
  return 'Unknown';
}

export const VEHICLE_STATUS_LABEL = {
  open: 'Open',
  'completed-here': 'Completed here',
  'completed-elsewhere': 'Completed elsewhere',
  'not-applicable': 'Not applicable',
} as const;

export const NEED_LABEL = { model: 'the model', productionMonth: 'the production month' } as const;

export const conditionText = (c: keyof typeof CONDITION_LABEL | null): string => (c ? CONDITION_LABEL[c] : 'Condition unknown');

/** 1234 → "1,234": every count a user reads. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** "1 campaign" / "3 campaigns". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

// Imports: why a line was left out, and what to check on a line that was read.
export const INVALID_KIND_LABEL = {
  'no-vin': 'No VIN',
  'not-a-vin': 'Not a VIN',
  'unbalanced-quote': 'Unbalanced quote',
  'too-long': 'Line too long',
  'model-year': 'Model year unreadable',
  'production-month': 'Production month unreadable',
  'service-date': 'Service date unreadable',
} as const;
export const WARNING_KIND_LABEL = {
  'check-digit': 'Check digit does not match (imported)',
  'future-date': 'Service date in the future (date left out)',
  'future-month': 'Production month in the future (month left out)',
} as const;
/** What a condition value of a DMS file is read as; "unknown" imports the vehicle without a condition. */
export const CONDITION_CHOICE_LABEL = { new: 'New', used: 'Used', 'certified-pre-owned': 'Certified pre-owned', unknown: 'Unknown (no condition)' } as const;
export const IMPORT_REASON = {
  unbalancedQuote: 'A quote (") on this line is not closed: the line was read on its own. Fix the quote in the file.',
  spansLines: (to: number) => `A quote on this line runs over the line ends to line ${count(to)}: those lines were read as one. Fix the quote in the file.`,
  tooLong: (chars: number) => `The line has ${count(chars)} characters: no line of a VIN list or DMS export is that long.`,
  noVin: 'No VIN on this line.',
} as const;
