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

// Storage (robust): what a write says when another process holds the database for writing.
/** The message for a write that waited for another window's or command's write (an import) and gave up. */
export function busyWriting(holder: { what: string; since: string } | null): string {
  if (!holder) {
    return 'Another Recall Desk window or command is writing to the database (an import, most likely): nothing was changed. Try again when it has finished.';
  }
  const t = new Date(holder.since);
  const since = Number.isNaN(t.getTime()) ? '' : `, started ${t.toTimeString().slice(0, 5)}`;
  return `Another Recall Desk window or command is running an import (${holder.what}${since}): nothing was changed. Try again when that import has finished.`;
}

/** What an import says while it waits for another process's import to finish. */
export const waitingForWriter = (holder: { what: string } | null): string =>
  holder ? `Waiting for another window or command to finish its import (${holder.what})…` : 'Waiting for another window or command to finish writing…';
