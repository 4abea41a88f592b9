// What a dealer-sized list shows (holds, follow-up): its search, filters, sort and per-vehicle grouping,
// as one plain object. The screen sends it with each window it asks for and the reports service applies
// these functions to the kept report; Print / Save PDF send it too and the forms service applies the very
// same functions, so screen, paper, PDF and CSV show the same lines, in the same order.
import { z } from '../lazy-zod';
import { VehicleCondition } from '../bulletin';
import { NHTSA_WORDING } from '../nhtsa/wording';
import { Certainty } from '../schemas';
import { CERTAINTY_LABEL, conditionText, HOLD_LABEL } from '../wording';
import type { FollowUpList, HoldReport } from './contract';
import { HoldKind } from './hold-kind';

type Hold = HoldReport['holds'][number];
type FollowUpRow = FollowUpList['rows'][number];

export const SortState = z.object({ column: z.string().trim().max(20), descending: z.boolean() }).nullable();
export type SortState = z.output<typeof SortState>;

const search = z.string().max(200, 'is longer than 200 characters').default('');
const campaign = z.string().trim().toUpperCase().max(12).default('');

/** The hold report as the screen shows it. */
export const HoldView = z.object({
  search,
  campaign,
  hold: z.union([HoldKind, z.literal('')]).default(''),
  condition: z.union([VehicleCondition, z.literal('')]).default(''),
  remedy: z.enum(['', 'available', 'not-yet', 'unknown']).default(''),
  certainty: z.union([Certainty, z.literal('')]).default(''),
  sort: SortState.default(null),
  grouped: z.boolean().default(false),
});
export type HoldView = z.output<typeof HoldView>;
export type HoldViewInput = z.input<typeof HoldView>;

/** The follow-up list as the screen shows it. */
export const FollowUpView = z.object({
  search,
  campaign,
  availableOnly: z.boolean().default(false),
  certainty: z.union([Certainty, z.literal('')]).default(''),
  booked: z.enum(['', 'booked', 'not-booked']).default(''),
  sort: SortState.default(null),
  grouped: z.boolean().default(false),
});
export type FollowUpView = z.output<typeof FollowUpView>;
export type FollowUpViewInput = z.input<typeof FollowUpView>;

/** What a list shows: one row per entry of the report, or one per vehicle. */
export type ListShown<R> = { grouped: false; rows: readonly R[] } | { grouped: true; vehicles: readonly { vin: string; rows: R[] }[] };

export const flatRows = <R>(shown: ListShown<R>): readonly R[] => (shown.grouped ? shown.vehicles.flatMap((g) => g.rows) : shown.rows);
export const shownCount = <R>(shown: ListShown<R>): number => (shown.grouped ? shown.vehicles.length : shown.rows.length);

const texts = new WeakMap<readonly object[], string[]>();

/**
 * What a search looks in, per row, lower-cased once per loaded list (not per keystroke), and only once
 * a search is typed: opening the screen does not pay for it.
 */
export function searchTexts<R extends object>(rows: readonly R[], text: (row: R) => string): string[] {
  let t = texts.get(rows);
  if (!t) texts.set(rows, (t = rows.map((r) => text(r).toLowerCase())));
  return t;
}

/** The words of a search, lower-cased; every one must appear in a row for it to show. */
export const searchWords = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

export function matchesWords(haystack: string, words: readonly string[]): boolean {
  for (const w of words) if (!haystack.includes(w)) return false;
  return true;
}

/** Rows of the same vehicle, in the order they come, under one entry per VIN. */
export function groupByVin<T extends { vin: string }>(rows: readonly T[]): { vin: string; rows: T[] }[] {
  const groups = new Map<string, { vin: string; rows: T[] }>();
  for (const r of rows) {
    const g = groups.get(r.vin);
    if (g) g.rows.push(r);
    else groups.set(r.vin, { vin: r.vin, rows: [r] });
  }
  return [...groups.values()];
}

/** The remedy filter's choices, and the remedy value (true / false / null for unknown) each one keeps. */
export const REMEDY_FILTER = { available: true, 'not-yet': false, unknown: null } as const;
export type RemedyFilter = keyof typeof REMEDY_FILTER | '';

/** Plain comparisons (no locale collation): fast over 20,000 rows, and VINs and dates sort right. */
export const byText = (a: string | null, b: string | null): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

export type Compare<T> = (a: T, b: T) => number;

/** Rows in the chosen order; ties keep the report's order. */
export function sortBy<T>(rows: readonly T[], compares: Readonly<Record<string, Compare<T>>>, sort: SortState): readonly T[] {
  const compare = sort ? compares[sort.column] : undefined;
  if (!compare || !sort) return rows;
  const sign = sort.descending ? -1 : 1;
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((a, b) => sign * compare(a.row, b.row) || a.i - b.i);
  return indexed.map((x) => x.row);
}

// ---- the hold report ----

export const HOLD_ORDER: Record<Hold['hold'], number> = {
  'do-not-deliver-until-remedied': 0,
  'deliver-with-disclosure-if-unavailable': 1,
  'perform-before-delivery': 2,
  'check-by-vin-before-delivery': 3,
};

/** How sure a hold is, in the screen's words: a recall from NHTSA's file is verified at NHTSA, never in TIS. */
export const holdCertaintyText = (h: Pick<Hold, 'certainty' | 'origin'>): string =>
  h.origin === 'nhtsa' ? NHTSA_WORDING.verifyBadge : CERTAINTY_LABEL[h.certainty];

type VehicleHolds = { vin: string; rows: Hold[] };
const firstOf = <R>(g: { rows: R[] }): R => g.rows[0]!;
/** A vehicle's loudest hold: it sets the row's colour and the order of "Holds". */
export const strongestHold = (g: VehicleHolds): Hold['hold'] => g.rows.reduce((a, h) => (HOLD_ORDER[h.hold] < HOLD_ORDER[a] ? h.hold : a), firstOf(g).hold);

const byHoldVehicle: Compare<Hold> = (a, b) => a.modelYear - b.modelYear || byText(a.model, b.model) || byText(a.vin, b.vin);

/** The columns a hold line sorts by (the screen's column ids). */
export const HOLD_COMPARE: Record<string, Compare<Hold>> = {
  stock: (a, b) => byText(a.stockNumber, b.stockNumber),
  vehicle: byHoldVehicle,
  campaign: (a, b) => byText(a.code, b.code),
  hold: (a, b) => HOLD_ORDER[a.hold] - HOLD_ORDER[b.hold],
};
/** The columns a vehicle with holds sorts by (one row per vehicle). */
export const HOLD_VEHICLE_COMPARE: Record<string, Compare<VehicleHolds>> = {
  stock: (a, b) => byText(firstOf(a).stockNumber, firstOf(b).stockNumber),
  vehicle: (a, b) => byHoldVehicle(firstOf(a), firstOf(b)),
  hold: (a, b) => HOLD_ORDER[strongestHold(a)] - HOLD_ORDER[strongestHold(b)],
  campaigns: (a, b) => a.rows.length - b.rows.length,
};

/** What a hold search looks in: VIN, stock number, model. */
const holdSearchText = (h: Hold) => `${h.vin} ${h.stockNumber ?? ''} ${h.modelYear} ${h.model ?? ''}`;

/** The report's holds that pass the view's filters, in its order, flat or one entry per vehicle. */
export function holdsShown(rows: readonly Hold[], input: HoldViewInput | HoldView): ListShown<Hold> {
  const f = HoldView.parse(input);
  const words = searchWords(f.search);
  const kept: Hold[] = [];
  const remedy = f.remedy === '' ? undefined : REMEDY_FILTER[f.remedy];
  const text = words.length ? searchTexts(rows, holdSearchText) : null;
  for (let i = 0; i < rows.length; i++) {
    const h = rows[i]!;
    if (f.campaign && h.code !== f.campaign) continue;
    if (f.hold && h.hold !== f.hold) continue;
    if (f.condition && h.condition !== f.condition) continue;
    if (remedy !== undefined && h.remedyAvailable !== remedy) continue;
    if (f.certainty && h.certainty !== f.certainty) continue;
    if (text && !matchesWords(text[i]!, words)) continue;
    kept.push(h);
  }
  if (f.grouped) return { grouped: true, vehicles: sortBy(groupByVin(kept), HOLD_VEHICLE_COMPARE, f.sort) };
  return { grouped: false, rows: sortBy(kept, HOLD_COMPARE, f.sort) };
}

// ---- the follow-up list ----

type VehicleRows = { vin: string; rows: FollowUpRow[] };
const byFollowUpVehicle: Compare<FollowUpRow> = (a, b) => a.modelYear - b.modelYear || byText(a.model, b.model) || byText(a.vin, b.vin);
const REMEDY_ORDER = (v: boolean | null) => (v === true ? 0 : v === false ? 1 : 2);

export const FOLLOW_UP_COMPARE: Record<string, Compare<FollowUpRow>> = {
  campaign: (a, b) => byText(a.code, b.code),
  vehicle: byFollowUpVehicle,
  guest: (a, b) => byText(a.guestName, b.guestName),
  service: (a, b) => byText(a.lastServiceDate, b.lastServiceDate),
  remedy: (a, b) => REMEDY_ORDER(a.remedyAvailable) - REMEDY_ORDER(b.remedyAvailable),
};
export const FOLLOW_UP_VEHICLE_COMPARE: Record<string, Compare<VehicleRows>> = {
  vehicle: (a, b) => byFollowUpVehicle(firstOf(a), firstOf(b)),
  guest: (a, b) => byText(firstOf(a).guestName, firstOf(b).guestName),
  service: (a, b) => byText(firstOf(a).lastServiceDate, firstOf(b).lastServiceDate),
  campaign: (a, b) => a.rows.length - b.rows.length,
};

/** What a follow-up search looks in: VIN, model, the guest's name, the phone (as written and as digits only). */
const followUpSearchText = (r: FollowUpRow) =>
  `${r.vin} ${r.modelYear} ${r.model ?? ''} ${r.guestName ?? ''} ${r.guestPhone ?? ''} ${(r.guestPhone ?? '').replace(/\D/g, '')}`;

export function followUpShown(rows: readonly FollowUpRow[], input: FollowUpViewInput | FollowUpView): ListShown<FollowUpRow> {
  const f = FollowUpView.parse(input);
  const words = searchWords(f.search);
  const kept: FollowUpRow[] = [];
  const text = words.length ? searchTexts(rows, followUpSearchText) : null;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (f.campaign && r.code !== f.campaign) continue;
    if (f.availableOnly && r.remedyAvailable !== true) continue;
    if (f.certainty && r.certainty !== f.certainty) continue;
    if (f.booked === 'booked' ? r.appointment === null : f.booked === 'not-booked' && r.appointment !== null) continue;
    if (text && !matchesWords(text[i]!, words)) continue;
    kept.push(r);
  }
  if (f.grouped) return { grouped: true, vehicles: sortBy(groupByVin(kept), FOLLOW_UP_VEHICLE_COMPARE, f.sort) };
  return { grouped: false, rows: sortBy(kept, FOLLOW_UP_COMPARE, f.sort) };
}

// ---- the view in words, for the top of the paper ----

const HOLD_SORT_LABEL: Record<string, string> = { stock: 'stock #', vehicle: 'vehicle', campaign: 'campaign', hold: 'hold', campaigns: 'campaigns' };
const FOLLOW_UP_SORT_LABEL: Record<string, string> = { campaign: 'campaign', vehicle: 'vehicle', guest: 'guest', service: 'last service', remedy: 'remedy' };
const REMEDY_WORDS = { available: 'remedy available', 'not-yet': 'remedy not yet available', unknown: 'remedy status unknown' } as const;
const sortWords = (sort: SortState, labels: Record<string, string>) =>
  sort && labels[sort.column] ? [`sorted by ${labels[sort.column]}${sort.descending ? ' (descending)' : ''}`] : [];

/** "Campaign ALE; search "S2"; sorted by stock # (descending)": what the screen had set, for the paper. */
export function holdViewWords(v: HoldView): string[] {
  return [
    ...(v.campaign ? [`Campaign ${v.campaign}`] : []),
    ...(v.hold ? [HOLD_LABEL[v.hold]] : []),
    ...(v.condition ? [conditionText(v.condition)] : []),
    ...(v.remedy ? [REMEDY_WORDS[v.remedy]] : []),
    ...(v.certainty ? [CERTAINTY_LABEL[v.certainty]] : []),
    ...(v.search.trim() ? [`search "${v.search.trim()}"`] : []),
    ...sortWords(v.sort, HOLD_SORT_LABEL),
  ];
}

export function followUpViewWords(v: FollowUpView): string[] {
  return [
    ...(v.campaign ? [`Campaign ${v.campaign}`] : []),
    ...(v.booked === 'booked' ? ['booked only'] : v.booked === 'not-booked' ? ['not booked (to call)'] : []),
    ...(v.availableOnly ? ['remedy available now'] : []),
    ...(v.certainty ? [CERTAINTY_LABEL[v.certainty]] : []),
    ...(v.search.trim() ? [`search "${v.search.trim()}"`] : []),
    ...sortWords(v.sort, FOLLOW_UP_SORT_LABEL),
  ];
}
