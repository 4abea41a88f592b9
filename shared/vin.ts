// VIN rules shared by the renderer (instant feedback while typing) and main (the lookup).
// 49 CFR 565.15: check digit, digits at positions 14-17, model-year cycles; ISO 3779: structure.
import { VIN_WORDING } from './wording';

export const VIN_LENGTH = 17;
const EMPTY_VIN = 'Enter or scan a VIN: 17 letters and digits.';

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

// Position-10 codes in cycle order; the same letters mean 1980-2009 and 2010-2039.
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

const FORBIDDEN_HINT: Record<string, string> = { I: '1', O: '0', Q: '0' };

export type VinIssue = {
  /** 1-based position in the normalised VIN, when the problem is at one character. */
  position?: number;
  message: string;
};

export type VinParts = {
  wmi: string;
  vds: string;
  checkDigit: string;
  yearCode: string;
  plant: string;
  /**
   * Who made the vehicle: the WMI, or for a low-volume manufacturer (a "9" in position 3, fewer than
   * 1,000 vehicles a year) the WMI and positions 12-14 (49 CFR 565.15(a), (d)(3)).
   */
  manufacturerId: string;
  /** The number the manufacturer assigns in sequence: positions 12-17, or 15-17 for a low-volume manufacturer. */
  sequence: string;
  /** Positions 11-17: the "serial" of a bulletin's VIN-range table. */
  serial: string;
};

export type VinAnalysis =
  | {
      ok: true;
      input: string;
      vin: string;
      parts: VinParts;
      modelYear: number;
      expectedCheckDigit: string;
      checkDigitValid: boolean;
      region: BuildRegion | null;
      warnings: string[];
    }
  | { ok: false; input: string; vin: string; errors: VinIssue[] };

export type BuildRegion = 'North America' | 'Japan' | 'Europe' | 'Asia' | 'Other';

/**
 * What a person or a scanner typed, made comparable: case, spaces, dashes, and the leading "I" that
 * Code 39 scanners prepend (18 characters starting with I, never valid in a VIN).
 */
export function normalizeVin(raw: string): string {
  let vin = raw
    .trim()
    .toUpperCase()
    .replace(/[\s\-_.]+/g, '');
  if (vin.length === VIN_LENGTH + 1 && vin.startsWith('I')) vin = vin.slice(1);
  return vin;
}

export function transliterate(ch: string): number | undefined {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  return TRANSLITERATION[ch];
}

// Value of each character by char code, for the hot loops (imports of a million lines).
const VALUE_BY_CODE = new Int8Array(128).fill(-1);
for (let d = 0; d <= 9; d++) VALUE_BY_CODE[48 + d] = d;
for (const [ch, v] of Object.entries(TRANSLITERATION)) VALUE_BY_CODE[ch.charCodeAt(0)] = v;
// Position 10 is never U, Z or 0; positions 14-17 are digits in every VIN (49 CFR 565.15(d)).
const ANY = 'A-HJ-NPR-Z0-9';
const CLEAN_CLASSES = [...Array(9).fill(ANY), 'A-HJ-NPR-TV-Y1-9', ...Array(3).fill(ANY), ...Array(4).fill('0-9')] as string[];
const CLEAN_VIN = new RegExp(`^${CLEAN_CLASSES.map((c) => `[${c}]`).join('')}$`);
/** The same classes by char code: bit p is set where the character may stand at position p + 1. */
const CLEAN_AT = new Int32Array(128);
CLEAN_CLASSES.forEach((c, p) => {
  const one = new RegExp(`^[${c}]$`);
  for (let code = 0; code < 128; code++) if (one.test(String.fromCharCode(code))) CLEAN_AT[code]! |= 1 << p;
});

/**
 * What cleanVinAt reads a character by, for a hot loop of its own (an affected-VIN list checks and
 * packs each VIN in one read: main/imports/vin-pack.ts): bit p of `allowedAt[code]` is set where the
 * character may stand at position p + 1, `values[code]` is its check-digit value, `weights[p]` the
 * weight of position p + 1. cleanVinAt's own arrays: read them, never write them.
 */
export const CLEAN_VIN_TABLES: { readonly allowedAt: Int32Array; readonly values: Int8Array; readonly weights: readonly number[] } = {
  allowedAt: CLEAN_AT,
  values: VALUE_BY_CODE,
  weights: WEIGHTS,
};

/**
 * quickVin without a string or an object: the 17 characters of `text` from `at` (a VIN cell inside a
 * line of a million-line list) read in place. -1: not a clean VIN (the full analysis says why);
 * 0: clean, its check digit holds; 1: clean, its check digit does not.
 */
export function cleanVinAt(text: string, at: number): -1 | 0 | 1 {
  if (at < 0 || at + VIN_LENGTH > text.length) return -1;
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const c = text.charCodeAt(at + i);
    if (c >= 128 || (CLEAN_AT[c]! & (1 << i)) === 0) return -1;
    sum += VALUE_BY_CODE[c]! * WEIGHTS[i]!;
  }
  const rem = sum % 11;
  return text.charCodeAt(at + 8) === (rem === 10 ? 88 : 48 + rem) ? 0 : 1;
}

/**
 * The fast answer for a well-formed VIN: its normalised form and whether the check digit holds, or
 * null when it needs the full analysis (to normalise it, or to say what is wrong with it).
 */
export function quickVin(raw: string): { vin: string; checkDigitValid: boolean } | null {
  const vin = raw.length === VIN_LENGTH ? raw : raw.trim();
  if (vin.length !== VIN_LENGTH) return null;
  const clean = cleanVinAt(vin, 0);
  return clean < 0 ? null : { vin, checkDigitValid: clean === 0 };
}

/** The check digit a VIN that CLEAN_VIN accepts calls for: every character has a value. */
function cleanCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) sum += VALUE_BY_CODE[vin.charCodeAt(i)]! * WEIGHTS[i]!;
  const rem = sum % 11;
  return rem === 10 ? 'X' : String(rem);
}

/** The check digit (position 9) that positions 1-8 and 10-17 call for; null if a character has no value. */
export function computeCheckDigit(vin: string): string | null {
  if (vin.length !== VIN_LENGTH) return null;
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const value = transliterate(vin[i]!);
    if (value === undefined) return null;
    sum += value * WEIGHTS[i]!;
  }
  const rem = sum % 11;
  return rem === 10 ? 'X' : String(rem);
}

/**
 * Model year from position 10. The letter/digit repeats every 30 years. 49 CFR 565.15(d)(1), note to
 * Table VII: for passenger cars, MPVs and trucks up to 10,000 lb, a letter at position 7 means
 * 2010-2039 and a digit 1980-2009. That rule binds vehicles made under it (model year 2010 on): an
 * older VIN may carry a letter at position 7, so a year more than one year after `thisYear` (the
 * caller's clock: a model year is never later than the next calendar year) is read in the cycle before.
 */
export function modelYearOf(vin: string, thisYear: number = new Date().getFullYear()): number | null {
  const code = vin[9];
  if (!code) return null;
  const idx = YEAR_CODES.indexOf(code);
  if (idx < 0) return null;
  const pos7 = vin[6] ?? '';
  const laterCycle = pos7 >= 'A' && pos7 <= 'Z';
  const year = 1980 + idx + (laterCycle ? 30 : 0);
  return laterCycle && year > thisYear + 1 ? year - 30 : year;
}

/** The inverse for a given year: the position-10 code. */
export function yearCodeOf(modelYear: number): string | null {
  const idx = (modelYear - 1980) % 30;
  if (modelYear < 1980 || modelYear > 2039) return null;
  return YEAR_CODES[idx] ?? null;
}

/** Where a vehicle was built, from the first WMI character (ISO 3780 regions). */
export function regionOf(vin: string): BuildRegion | null {
  const c = vin[0];
  if (!c) return null;
  if (c >= '1' && c <= '5') return 'North America';
  if (c === 'J') return 'Japan';
  if (c >= 'S' && c <= 'Z') return 'Europe';
  if (c >= 'K' && c <= 'R') return 'Asia';
  return 'Other';
}

/**
 * A cell read from a file, as analyzeVin reads it, but a cell of the wrong length has that as its only
 * fault: there, a fault "at position 27" would only describe the name or phone typed in the VIN's place.
 */
export function analyzeVinCell(raw: string, thisYear: number = new Date().getFullYear()): VinAnalysis {
  const vin = normalizeVin(raw);
  if (vin.length === VIN_LENGTH) return analyzeVin(raw, thisYear);
  return { ok: false, input: raw, vin, errors: [{ message: vin.length === 0 ? EMPTY_VIN : VIN_WORDING.wrongLength(vin.length) }] };
}

/** `thisYear`: the calendar year of the caller's clock (the services pass their injected one). */
export function analyzeVin(raw: string, thisYear: number = new Date().getFullYear()): VinAnalysis {
  // A scanned VIN is already clean: one test instead of normalising and checking each character.
  if (raw.length === VIN_LENGTH && CLEAN_VIN.test(raw)) return wellFormed(raw, raw, thisYear);
  const vin = normalizeVin(raw);
  const errors: VinIssue[] = [];
  if (vin.length === 0) {
    return { ok: false, input: raw, vin, errors: [{ message: EMPTY_VIN }] };
  }
  for (let i = 0; i < vin.length; i++) {
    const ch = vin[i]!;
    const pos = i + 1;
    if (ch in FORBIDDEN_HINT) {
      errors.push({
        position: pos,
        message: `Position ${pos}: "${ch}" never appears in a VIN; did you mean "${FORBIDDEN_HINT[ch]}"?`,
      });
    } else if (!/[A-Z0-9]/.test(ch)) {
      errors.push({ position: pos, message: `Position ${pos}: "${ch}" is not a letter or digit.` });
    }
  }
  if (vin.length !== VIN_LENGTH) errors.push({ message: VIN_WORDING.wrongLength(vin.length) });
  // 49 CFR 565.15(d): "the last four (4) characters shall be numeric for all other vehicles" (and the
  // last five for cars, MPVs and light trucks: position 13 is a warning below, the VIN cannot say which).
  if (vin.length === VIN_LENGTH) {
    for (let pos = 14; pos <= VIN_LENGTH; pos++) {
      const ch = vin[pos - 1]!;
      if (ch >= 'A' && ch <= 'Z' && errors.every((e) => e.position !== pos)) errors.push({ position: pos, message: VIN_WORDING.digitRequired(pos, ch) });
    }
  }
  if (vin.length >= 10 && errors.every((e) => e.position !== 10)) {
    const code = vin[9]!;
    if (code === 'U' || code === 'Z' || code === '0') {
      errors.push({
        position: 10,
        message: `Position 10 (model year) cannot be "${code}"; U, Z and 0 are never used there.`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, input: raw, vin, errors };
  return wellFormed(raw, vin, thisYear);
}

/** The analysis of a VIN with no error (CLEAN_VIN holds). */
function wellFormed(raw: string, vin: string, thisYear: number): VinAnalysis {
  const expected = cleanCheckDigit(vin);
  const checkDigitValid = vin[8] === expected;
  const warnings: string[] = [];
  if (!checkDigitValid) {
    warnings.push(
      `Check digit mismatch: position 9 is "${vin[8]}", the rest of the VIN calls for "${expected}". ` +
        'Probably a typo: compare the VIN with the vehicle. Results are shown anyway.',
    );
  }
  const p13 = vin.charCodeAt(12);
  if (p13 >= 65 && p13 <= 90) warnings.push(VIN_WORDING.letterAt13(vin[12]!));
  const lowVolume = vin[2] === '9';
  return {
    ok: true,
    input: raw,
    vin,
    parts: {
      wmi: vin.slice(0, 3),
      vds: vin.slice(3, 8),
      checkDigit: vin[8]!,
      yearCode: vin[9]!,
      plant: vin[10]!,
      manufacturerId: lowVolume ? vin.slice(0, 3) + vin.slice(11, 14) : vin.slice(0, 3),
      sequence: vin.slice(lowVolume ? 14 : 11),
      serial: vin.slice(10),
    },
    modelYear: modelYearOf(vin, thisYear)!,
    expectedCheckDigit: expected,
    checkDigitValid,
    region: regionOf(vin),
    warnings,
  };
}
