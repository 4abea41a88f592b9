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
  'check-by-vin-before-delivery': 'Check by VIN before delivery',
} as const;

/** Short column headings for the same holds (tables, per-campaign counts). */
export const HOLD_SHORT_LABEL = {
  'do-not-deliver-until-remedied': 'Do not deliver',
  'deliver-with-disclosure-if-unavailable': 'With disclosure form',
  'perform-before-delivery': 'Perform before delivery',
  'check-by-vin-before-delivery': 'Check by VIN',
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

/**
 * 1234 → "1,234": every count a user reads. Whole numbers are grouped here: the first toLocaleString
 * of a process starts ICU's number formatting, a tenth of a CLI lookup's CPU. Others (and -0) as en-US does.
 */
export const count = (n: number): string =>
  Number.isSafeInteger(n) && !Object.is(n, -0) ? `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')}` : n.toLocaleString('en-US');

/** "1 campaign" / "3 campaigns". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

// Parts, appointments and claims (issue 8).
/** How a suggestion line orders, as the suggestions, the CSV and the printed order list say it. */
export const METHOD_LABEL = { stock: 'Stock order', cpor: 'Order through CPOR', 'mac-report': 'Refer to the MAC report', none: 'No order' } as const;
/** After a part's value: the bulletin's own (nothing) or the counter's amendment (*). */
export const SOURCE_MARK = { bulletin: '', amendment: '*', 'not-stated': '' } as const;
/**
 * A part's MAC code as the counter reads it. No code from the bulletin means the bulletin gives none
 * (its parts information is on Dealer Daily), not that the part has none; "no MAC code" is what the
 * counter recorded from Dealer Daily (an amendment).
 */
export function macCodeText(code: string | null, source: 'bulletin' | 'amendment' | 'not-stated'): string {
  if (code) return code;
  return source === 'amendment' ? 'no MAC code' : 'not in the bulletin: check Dealer Daily';
}
export const SOURCE_LABEL = { bulletin: 'Bulletin', amendment: 'Local amendment', 'not-stated': 'Not stated' } as const;
export const MOVEMENT_LABEL = {
  receive: 'Received',
  order: 'Ordered',
  use: 'Used in a repair',
  return: 'Returned to the shelf',
  count: 'Physical count',
  reverse: 'Reversal',
} as const;
export const APPOINTMENT_STATUS_LABEL = { booked: 'Booked', arrived: 'Arrived', completed: 'Completed', 'no-show': 'No-show', cancelled: 'Cancelled' } as const;
export const yesNoUnknown = (v: boolean | null): string => (v === null ? 'not stated' : v ? 'yes' : 'no');
/** A claim's correction as the Claims screen and its CSV say it: "Op code was (none) → 23LJ01R1: why (Pat, 2026-11-24)". */
export const claimChangeText = (h: {
  field: 'op_code' | 'vin';
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  madeBy: string;
  madeAt: string;
}): string =>
  `${h.field === 'vin' ? 'VIN' : 'Op code'} was ${h.oldValue ?? '(none)'} → ${h.newValue ?? '(none)'}: ${h.reason} (${h.madeBy}, ${h.madeAt.slice(0, 10)})`;
/** A lookup's warning when NHTSA's decoder could not be opened: the decode's facts are missing, and why. */
export const decoderUnavailableText = (reason: string): string =>
  `The VIN was not decoded: NHTSA's decoder (vPIC) could not be opened (${reason}). The answer rests on the VIN's own characters and the bulletins.`;
/** The part number an imported affected-VIN list gives a VIN, as the card says it (the window's and the terminal's). */
export const listedPartText = (partNumber: string, listDate: string): string => `${partNumber} for this VIN (the affected-VIN list of ${listDate})`;
/** The same inside a bulletin's step that prints the part's pattern ("part 04002-****, the exact number is per VIN"). */
export const listedPartInStep = (partNumber: string, listDate: string): string => `${partNumber}, this VIN’s number on the affected-VIN list of ${listDate}`;
/** A claim of work booked as goodwill, as the Claims screen, its list on paper and the terminal mark it. */
export const goodwillClaimText = (reason: string): string => `Goodwill: ${reason}`;
/** 0.4 → "0.4 h"; minutes → "1 h 30 min". */
export const hoursText = (h: number): string => `${Math.round(h * 100) / 100} h`;
export const minutesText = (m: number): string => (m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`);
// Forms and settings (the forms domain): document names, paper sizes, dealer fields.
export const FORM_KIND_LABEL = {
  disclosure: 'Disclosure form',
  'owner-letter': 'Owner letter',
  faq: 'Guest FAQ',
  holds: 'Stock hold report',
  followup: 'Follow-up list',
  orders: 'Order suggestions / CPOR list',
  claims: 'Claims list',
} as const;
export const PAPER_LABEL = { letter: 'US Letter', a4: 'A4' } as const;
export const DEALER_FIELD_LABEL = { name: 'dealer name', address: 'dealer address', code: 'dealer code', phone: 'dealer phone' } as const;
// ---- lookup domain: what the answer says about what was checked, old data, the make and the decode ----

/** A bulletin revision older than this is shown as old data, loudly. */
export const OLD_BULLETIN_DAYS = 365;

/** "Nothing applies" is never "safe": it says what was checked and where the full record is. */
export function nothingApplies(campaignsChecked: number, newestRevisionDate: string | null): { title: string; detail: string } {
  return {
    title: 'No campaign in this library applies to this VIN.',
    detail:
      `Checked against ${plural(campaignsChecked, 'campaign')} (newest bulletin revision ${newestRevisionDate ?? 'none'}). ` +
      'That is not a clean record: the library knows only the bulletins loaded here. TIS (or NHTSA, nhtsa.gov/recalls) holds the full record for this VIN.',
  };
}

/** The banner on a card whose bulletin revision is more than a year old. */
export function oldBulletinText(revisionDate: string, age: string): string {
  return `The newest revision loaded for this campaign is dated ${revisionDate} (${age}). What it says about the remedy and parts may have changed since: check TIS for a newer revision before you answer.`;
}

/** A hit whose VIN's make no source could confirm: kept, never silently dropped, never silently matched. */
export const makeUnconfirmedText = (make: string): string =>
  `The make could not be confirmed from this VIN (its manufacturer code is not in the bulletin or NHTSA's data). This campaign is for ${make} vehicles only: check the make on the vehicle.`;

/** The decode as one line: "2006 Lexus RX 330 · built in Canada (vPIC: plant code C)". */
export function decodedLine(
  modelYear: number,
  d: {
    make: string | null;
    model: string | null;
    ruleModel: string | null;
    plantCountry: string | null;
    plantCountrySource?: 'plant-code' | 'wmi' | null;
    plantCountryKey?: string | null;
  },
): string {
  const name = [String(modelYear), d.make, d.ruleModel ?? d.model ?? 'model not in vPIC'].filter(Boolean).join(' ');
  return d.plantCountry ? `${name} · built in ${builtInText(d.plantCountry, d.plantCountrySource ?? null, d.plantCountryKey ?? null)}` : name;
}

/** "Canada (vPIC: plant code C)" / "Canada (vPIC: the country of WMI 2T2)": the country and where it comes from. */
export function builtInText(country: string, source: 'plant-code' | 'wmi' | null, key: string | null): string {
  if (source === 'plant-code') return `${country} (vPIC: plant code${key ? ` ${key}` : ''})`;
  if (source === 'wmi') return `${country} (vPIC: the country of WMI${key ? ` ${key}` : ''})`;
  return country;
}

/** Where the VIN alone says a vehicle was built: its first character's region (ISO 3780). */
export const regionText = (region: string | null): string => (region ? `${region} (VIN position 1)` : 'unknown');

export const DECODED_LABEL = 'Decoded from the VIN (NHTSA vPIC)';

/** An in-stock vehicle's hold, as the card banner and the CLI say it: "In stock (used): Do not deliver until remedied". */
export const stockHoldTitle = (hold: keyof typeof HOLD_LABEL, condition: keyof typeof CONDITION_LABEL): string =>
  `In stock (${CONDITION_LABEL[condition].toLowerCase()}): ${HOLD_LABEL[hold]}`;
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
// Imports: why a line was left out, and what to check on a line that was read.
export const INVALID_KIND_LABEL = {
  'no-vin': 'No VIN',
  'not-a-vin': 'Not a VIN',
  'unbalanced-quote': 'Unbalanced quote',
  'too-long': 'Line too long',
  'cell-count': 'Wrong number of cells',
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
/** The CLI's word when --db (or the default place) named no file: a new, empty database was made there. */
export const newDatabaseCreated = (file: string): string => `New database created at ${file}`;
/**
 * Said (stderr, or the window's notice) when a read-only database was read from a copy taken at open
 * (Db.asOpened, main/db/read-only.ts): its folder cannot be written by this user, so SQLite cannot keep
 * its own files beside it. Someone else may still write it: what they change is not seen until reopened.
 */
export const readAsOpenedNote = (file: string): string =>
  `Read-only: ${file} was read as it stood when opened (its folder cannot be written by this user). Changes someone with write access to that folder makes meanwhile are not seen until it is opened again.`;
/** A lookup's answer on a database without any affected-VIN list or vehicle: it rests on the bulletins alone. */
export const EMPTY_DATABASE_NOTE =
  'This database has no affected-VIN list and no vehicles: the answer rests on the bulletins alone. If lists or vehicles were imported, this is not that database: check --db PATH (or the file the app opened).';
export const IMPORT_REASON = {
  unbalancedQuote: 'A quote (") on this line is not closed: the line was read on its own. Fix the quote in the file.',
  spansLines: (to: number) => `A quote on this line runs over the line ends to line ${count(to)}: those lines were read as one. Fix the quote in the file.`,
  tooLong: (chars: number) => `The line has ${count(chars)} characters: no line of a VIN list or DMS export is that long.`,
  noVin: 'No VIN on this line.',
  cellCount: (cells: number, header: number) =>
    `The line has ${count(cells)} cells; the header names ${count(header)}.${cells > header ? ' A comma inside a value that is not in quotes?' : ''} Fix the line in the file.`,
} as const;
// VIN rules (shared/vin.ts): what is wrong with a VIN, in words a counter person can check on the vehicle.
export const VIN_WORDING = {
  /** A VIN of the wrong length (counted as normalised: letters and digits, spaces and dashes left out). */
  wrongLength: (length: number) =>
    length < 17
      ? `A VIN has 17 characters; this has ${length} (${17 - length} missing).`
      : `A VIN has 17 characters; this has ${length} (${length - 17} too many).`,
  /** 49 CFR 565.15(d): the last four characters of every VIN are digits. */
  digitRequired: (position: number, ch: string) =>
    `Position ${position}: "${ch}" is a letter; positions 14-17 of every VIN are digits (49 CFR 565.15(d)). Compare the VIN with the vehicle.`,
  /** The last five are digits for cars, MPVs and trucks up to 10,000 lb: the VIN alone does not say which it is. */
  letterAt13: (ch: string) =>
    `Position 13 is a letter ("${ch}"): for a car, SUV, van or truck of 10,000 lb or less, positions 13-17 are digits (49 CFR 565.15(d)); only heavier trucks, buses, trailers and motorcycles may have a letter there. Compare the VIN with the vehicle.`,
} as const;

/**
 * The remedy of a VIN on the affected-VIN list of a campaign whose bulletin says only launched phases
 * are listed: available, and why. `phase`: the phase the bulletin states for it (its name and what the
 * bulletin revision said of it), or null when neither the list nor the bulletin names one.
 */
export function listedLaunchedText(statement: string, phase: { name: string; stated: string } | null): string {
  const because = `the VIN is on the affected-VIN list, and the bulletin says: "${statement}"`;
  return phase
    ? `Remedy available (${phase.name}): ${because} The bulletin revision said of ${phase.name}: ${phase.stated.replace(/\.$/, '')}; the list shows it launched since.`
    : `Remedy available: ${because} The list does not say which phase, and neither does the bulletin for this model and month: TIS/SLP shows it.`;
}

/** 7 → "7th", 21 → "21st": the day of a window's edge, as a person says it. */
export function ordinalDay(day: number): string {
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

/**
 * A production month that straddles a window's edge (`from`/`to` YYYY-MM-DD, null when open): which
 * days of the month the window covers. Never "inside": the month alone cannot say.
 */
export function windowEdgeText(month: string, from: string | null, to: string | null): string {
  const first = from ?? '';
  const last = to ?? '';
  const day = (iso: string) => ordinalDay(Number(iso.slice(8, 10)));
  if (first.startsWith(month) && last.startsWith(month)) {
    return `the window runs from ${first} to ${last}, inside that month: built from the ${day(first)} to the ${day(last)}, it is covered; built on another day, it is not.`;
  }
  if (first.startsWith(month)) {
    return `the window starts on ${first}, the ${day(first)} of that month: built from the ${day(first)} on, it is covered; built before, it is not.`;
  }
  return `the window ends on ${last}, the ${day(last)} of that month: built up to the ${day(last)}, it is covered; built after, it is not.`;
}

/**
 * A production month inside a model window, as a sentence: the window's dates where the bulletin gives
 * them, its own words where it gives none (BLC: "Certain 2004 - early 2007"), never a "?".
 */
export function windowMonthText(from: string | null, to: string | null, note: string | null): string {
  const said = note ? ` (the bulletin: "${note}")` : '';
  if (from && to) return `inside the window ${from} to ${to}.`;
  if (from) return `inside the window from ${from}, which has no end date${said}.`;
  if (to) return `inside the window up to ${to}, which has no start date${said}.`;
  return `the bulletin gives no production dates for this model${note ? `, only "${note}"` : ''}, so the month neither confirms nor rules it out: verify in TIS.`;
}

/** A window's other statement (ModelWindowRule.alsoStated), for the campaign's screens: where, how, and the months it names. */
export function alsoStatedText(w: { alsoStated: string | null; alsoStatedFrom: string | null; alsoStatedTo: string | null }): string {
  if (!w.alsoStated) return '';
  const months = w.alsoStatedFrom || w.alsoStatedTo ? ` (months ${w.alsoStatedFrom ?? 'not stated'} to ${w.alsoStatedTo ?? 'not stated'})` : '';
  return `Stated otherwise in ${w.alsoStated}${months}.`;
}

/** A window's dates as a phrase: "2022-11-07 to 2022-12-28", "from 2022-11-08", "up to 2023-01-10". */
export function windowSpanText(from: string | null, to: string | null): string {
  if (from && to) return `${from} to ${to}`;
  if (from) return `from ${from}`;
  return to ? `up to ${to}` : 'with no dates';
}

/**
 * A production month against a window that another document of the bulletin states otherwise: `inside`
 * says whether the window's dates cover the month. Neither wins: the sentence names both.
 */
export function windowDiffersText(month: string, windowText: string, alsoStated: string, inside: boolean): string {
  return inside
    ? ` But ${alsoStated} leaves ${month} out: the bulletin's documents differ.`
    : `outside the window ${windowText}, but ${alsoStated} takes in ${month}: the bulletin's documents differ, so the month neither confirms nor rules it out.`;
}

/** What to do where the bulletin's documents state a model's production window differently. */
export const WINDOW_DIFFERS_ACTION =
  "The bulletin's documents differ on this model's production window: confirm the vehicle in TIS/SLP by its VIN before you answer.";

/** What to do about a production month that straddles a window's edge. */
export const WINDOW_EDGE_ACTION =
  'Read the build date from the door-jamb label if it shows the day; if it shows only the month, confirm the vehicle in TIS/SLP before you answer.';

/** Where a model the campaigns are matched on came from, as the sentence that names it says it. */
export const MODEL_SOURCE_SAYS = {
  stated: 'you stated',
  'vehicle-record': "the dealer's vehicle record names",
  'vin-range': "the bulletin's VIN range names",
} as const;

/** The model used and vPIC's, where they differ: both, each with its source. */
export const modelConflictText = (model: string, source: keyof typeof MODEL_SOURCE_SAYS, decoded: string): string =>
  `Two models: ${MODEL_SOURCE_SAYS[source]} ${model}; NHTSA vPIC decodes ${decoded}. The campaigns are matched on ${model}: check the model on the vehicle.`;

/**
 * A letter at position 9 (never a check digit) in a VIN whose rest NHTSA vPIC decodes: softer than
 * "probably a typo", since manufacturers have issued such VINs (Genesis), but still asks to compare.
 */
export const checkDigitLetterText = (ch: string, expected: string, decoded: string): string =>
  `Position 9 is "${ch}", a letter where a check digit (0-9 or X) belongs; the rest of the VIN calls for "${expected}". NHTSA vPIC decodes the rest of it (${decoded}): manufacturers have issued VINs like this. Compare the VIN with the vehicle's label; results are shown.`;

// Severity (issue 15): NHTSA's advisories, in words an advisor can say to a guest as they stand.
/** Short label of each flag (lists, badges, CSV). */
export const SEVERITY_LABEL = {
  'do-not-drive': 'Do not drive',
  'park-outside': 'Park outside',
  'stop-sale': 'Stop sale',
} as const;
/** What the guest is told, first on the card: the manufacturer's advisory in plain words. */
export const SEVERITY_GUEST_TEXT = {
  'do-not-drive':
    'Do not drive this vehicle. The manufacturer advises owners not to drive it until the recall repair is done: arrange a tow or a mobile repair, not a later visit.',
  'park-outside':
    'Park this vehicle outside and away from buildings until the recall repair is done: the manufacturer warns it could catch fire even when switched off.',
  'stop-sale': 'Stop sale: this vehicle may not be sold, leased or delivered until the recall repair is done.',
} as const;
/** Most urgent first: the order flags are shown and lists sorted in. */
export const SEVERITY_ORDER = ['do-not-drive', 'park-outside', 'stop-sale'] as const;
/** A campaign's flags, most urgent first. */
export const orderedSeverity = <S extends keyof typeof SEVERITY_LABEL>(flags: readonly S[]): S[] => SEVERITY_ORDER.filter((f) => flags.includes(f as S)) as S[];
/** 0 for do-not-drive ... 3 for no flag: what lists sort by first. */
export const severityRank = (flags: readonly (keyof typeof SEVERITY_LABEL)[]): number => {
  for (let i = 0; i < SEVERITY_ORDER.length; i++) if (flags.includes(SEVERITY_ORDER[i]!)) return i;
  return SEVERITY_ORDER.length;
};
/** The flags as one line ("Do not drive · Stop sale"); "" when none. */
export const severityLine = (flags: readonly (keyof typeof SEVERITY_LABEL)[]): string =>
  orderedSeverity(flags)
    .map((f) => SEVERITY_LABEL[f])
    .join(' · ');
/** What booking a later visit says first when a campaign of the vehicle is flagged do-not-drive. */
export const doNotDriveWarning = (codes: readonly string[]): string =>
  `DO NOT DRIVE (${codes.join(', ')}): ${SEVERITY_GUEST_TEXT['do-not-drive']} Tell the guest before agreeing a date.`;

/** The hold report's summary: "7 vehicles in stock, 6 held."; narrowed to one campaign, whose count it is: "7 vehicles in stock, 1 held for BLC." */
export const holdsSummaryText = (inStock: number, held: number, campaign = ''): string =>
  `${plural(inStock, 'vehicle')} in stock, ${count(held)} held${campaign ? ` for ${campaign}` : ''}.`;
/** No stock vehicle held (for the campaign the report is narrowed to). */
export const noHoldText = (inStock: number, campaign = ''): string =>
  `No vehicle in stock is held${campaign ? ` for ${campaign}` : ''} (${plural(inStock, 'vehicle')} in stock).`;
