// The dealer-sized lists are filtered, searched and sorted here, over the rows already loaded: 20,000
// rows take a few milliseconds, where asking the services again took a third of a second and more.
// The work is deferred (React's useDeferredValue), so typing stays quick and a busy sign shows while
// a new view is being prepared.
import { useDeferredValue, useMemo } from 'react';

export function useListView<T, F, V>(
  rows: readonly T[] | undefined,
  filters: F,
  apply: (rows: readonly T[], filters: F) => V,
): { shown: V | null; pending: boolean } {
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => (rows ? apply(rows, deferred) : null), [rows, deferred, apply]);
  return { shown, pending: deferred !== filters };
}

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
