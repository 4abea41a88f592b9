// The dealer-sized lists a window at a time: the screen sends its view (search, filters, sort, grouping:
// shared/reports/view.ts, the object Print / Save PDF and the CSV use) and asks the services for the
// entries it has scrolled to, PAGE at a time. The services keep the report until the data changes and
// the view worked out for it, so a window is a slice: the first rows come at once whatever the size of
// the list, and nothing of the list is kept, sorted or filtered here.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { FollowUpList, FollowUpPart, HoldReport, HoldReportPart } from '../../shared/reports/contract';
import { decodeFollowUp, decodeHolds } from '../../shared/reports/parts';
import { type FollowUpView, groupByVin, type HoldView } from '../../shared/reports/view';
import { api } from '../api';
import { apiQuery } from '../queries';

/** Entries per window: about three screens of rows. */
export const PAGE = 100;
/** As many entries as the contract allows in one answer: the CSV of the whole view. */
const EVERYTHING = 1_000_000;

type Hold = HoldReport['holds'][number];
type FollowUpRow = FollowUpList['rows'][number];
export type VehicleRows<R> = { vin: string; rows: R[] };

type Part = HoldReportPart | FollowUpPart;
type Head<P extends Part> = Omit<P, 'holds' | 'rows' | 'texts'>;

/** What a list screen draws: entries by index (undefined while its window is on its way). */
export type ListWindow<R> = {
  count: number;
  onRange: (first: number, last: number) => void;
} & ({ grouped: false; at: (i: number) => R | undefined } | { grouped: true; at: (i: number) => VehicleRows<R> | undefined });

const decoded = new WeakMap<Part, unknown[]>();
/** A window's entries, decoded once per answer: rows, or (grouped) vehicles with their rows. */
function entriesOf<R extends { vin: string }>(p: Part, decode: (p: never) => R[]): (R | VehicleRows<R>)[] {
  let e = decoded.get(p) as (R | VehicleRows<R>)[] | undefined;
  if (!e) {
    const rows = decode(p as never);
    decoded.set(p, (e = p.grouped ? groupByVin(rows) : rows));
  }
  return e;
}

const pagesOf = (first: number, last: number): number[] => {
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) pages.push(p);
  return pages;
};

function useWindows<P extends Part, R extends { vin: string }>(
  name: 'holdReportPart' | 'followUpPart',
  view: HoldView | FollowUpView,
  active: boolean,
  decode: (p: P) => R[],
) {
  // The first window names the report (its generatedAt) and the view's size; checked afresh each time the
  // screen is shown. While a new view is on its way the previous one stays drawn (marked as updating).
  const first = useQuery({
    ...(apiQuery(name, { from: 0, count: PAGE, view } as never) as ReturnType<typeof apiQuery<'holdReportPart'>>),
    subscribed: active,
    structuralSharing: false,
    placeholderData: keepPreviousData,
  });
  const head = first.data as P | undefined;
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRange = useCallback((a: number, b: number) => setRange((r) => (r[0] === a && r[1] === b ? r : [a, b])), []);
  const current = head !== undefined && !first.isPlaceholderData;
  // The windows scrolled to, of the same report as the first (its generatedAt in the key): a change in
  // the data gives a new first window, hence new keys, hence windows of the new report.
  const wanted = current ? pagesOf(range[0], Math.min(range[1], Math.max(0, head.total - 1))).filter((p) => p > 0) : [];
  const pages = useQueries({
    queries: wanted.map((p) => {
      const input = { from: p * PAGE, count: PAGE, view };
      return {
        queryKey: [name, input, head?.generatedAt] as const,
        queryFn: () => (api[name] as (i: unknown) => Promise<P>)(input),
        enabled: active,
        structuralSharing: false,
        staleTime: Number.POSITIVE_INFINITY,
      };
    }),
  });

  const byPage = new Map<number, P>();
  if (head) byPage.set(0, head);
  wanted.forEach((p, k) => {
    const d = pages[k]?.data as P | undefined;
    if (d && head && d.generatedAt === head.generatedAt && d.total === head.total) byPage.set(p, d);
  });
  const at = (i: number) => {
    const p = byPage.get(Math.floor(i / PAGE));
    return p ? entriesOf(p, decode)[i - p.from] : undefined;
  };
  const list = head ? ({ grouped: head.grouped, count: head.total, at, onRange } as ListWindow<R>) : undefined;
  const error = first.error ?? pages.find((q) => q.error)?.error ?? null;
  return {
    head: head as Head<P> | undefined,
    list,
    /** A new view is being worked out: the rows drawn are the previous view's. */
    pending: first.isPlaceholderData,
    isFetching: first.isFetching || pages.some((q) => q.isFetching),
    error,
    refetch: () => void first.refetch(),
    /** Every row of the view, for the CSV (the lines the screen shows, in its order). */
    everything: async (): Promise<R[]> => decode(await (api[name] as (i: unknown) => Promise<P>)({ from: 0, count: EVERYTHING, view })),
  };
}

export function useHoldWindows(view: HoldView, active: boolean) {
  return useWindows<HoldReportPart, Hold>('holdReportPart', view, active, decodeHolds);
}

export function useFollowUpWindows(view: FollowUpView, active: boolean) {
  return useWindows<FollowUpPart, FollowUpRow>('followUpPart', view, active, decodeFollowUp);
}
