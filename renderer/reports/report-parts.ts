// The dealer-sized lists first rows first: the first FIRST_ROWS rows of the report are asked for and
// drawn at once, the rest is asked for right after and joined to them when it arrives (same report:
// same generatedAt and total). Each text arrives once per part (shared/reports/parts.ts).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { FollowUpList, FollowUpPart, HoldReport, HoldReportPart } from '../../shared/reports/contract';
import { decodeFollowUp, decodeHolds } from '../../shared/reports/parts';
import { apiQuery } from '../queries';

/** The rest came from a newer report than the first rows (the data changed between): ask for the first rows again. */
function useSameReport(first: { data?: { generatedAt: string }; isFetching: boolean; refetch: () => unknown }, rest: { data?: { generatedAt: string } }) {
  const stale = !first.isFetching && first.data !== undefined && rest.data !== undefined && rest.data.generatedAt > first.data.generatedAt;
  useEffect(() => {
    if (stale) void first.refetch();
  }, [stale, first]);
}

/** About two screens of rows: what is drawn first. */
export const FIRST_ROWS = 200;
const REST = 1_000_000;

type Parted<R> = {
  /** The report with the rows loaded so far (all of them once `complete`). */
  report: R;
  complete: boolean;
  /** Rows in the whole report. */
  total: number;
};

function join<P extends { generatedAt: string; total: number; texts: string[]; from: number }, Row, R>(
  first: P | undefined,
  rest: P | undefined,
  decode: (p: P) => Row[],
  build: (summary: Omit<P, 'texts' | 'from' | 'total'>, rows: Row[]) => R,
): Parted<R> | undefined {
  if (!first) return undefined;
  const more = first.total > FIRST_ROWS;
  const same = rest !== undefined && rest.generatedAt === first.generatedAt && rest.total === first.total;
  const rows = same ? decode(first).concat(decode(rest)) : decode(first);
  const { texts: _t, from: _f, total: _n, ...summary } = first;
  return { report: build(summary, rows), complete: !more || same, total: first.total };
}

export function useHoldReport(subscribed: boolean) {
  const first = useQuery({ ...apiQuery('holdReportPart', { from: 0, count: FIRST_ROWS }), subscribed, structuralSharing: false });
  const more = (first.data?.total ?? 0) > FIRST_ROWS;
  const rest = useQuery({ ...apiQuery('holdReportPart', more ? { from: FIRST_ROWS, count: REST } : null), subscribed, structuralSharing: false });
  useSameReport(first, rest);
  const data = useMemo(
    () =>
      join<HoldReportPart, HoldReport['holds'][number], HoldReport>(first.data, rest.data, decodeHolds, (s, holds) => {
        const { holds: _, ...summary } = s as HoldReportPart;
        return { ...summary, holds };
      }),
    [first.data, rest.data],
  );
  return {
    data,
    error: first.error ?? rest.error,
    isFetching: first.isFetching || rest.isFetching,
    refetch: () => {
      void first.refetch();
      if (more) void rest.refetch();
    },
  };
}

export function useFollowUpList(subscribed: boolean) {
  const first = useQuery({ ...apiQuery('followUpPart', { from: 0, count: FIRST_ROWS }), subscribed, structuralSharing: false });
  const more = (first.data?.total ?? 0) > FIRST_ROWS;
  const rest = useQuery({ ...apiQuery('followUpPart', more ? { from: FIRST_ROWS, count: REST } : null), subscribed, structuralSharing: false });
  useSameReport(first, rest);
  const data = useMemo(
    () =>
      join<FollowUpPart, FollowUpList['rows'][number], FollowUpList>(first.data, rest.data, decodeFollowUp, (s, rows) => {
        const { rows: _, ...summary } = s as FollowUpPart;
        return { ...summary, rows };
      }),
    [first.data, rest.data],
  );
  return { data, error: first.error ?? rest.error, isFetching: first.isFetching || rest.isFetching };
}
