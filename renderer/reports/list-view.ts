// The dealer-sized lists are filtered, searched and sorted here, over the rows already loaded: 20,000
// rows take a few milliseconds, where asking the services again took a third of a second and more.
// The work is deferred (React's useDeferredValue), so typing stays quick and a busy sign shows while
// a new view is being prepared. What a view keeps and in which order is shared/reports/view.ts: the
// printed list and the PDF apply the same functions to the same view.
import { useDeferredValue, useMemo } from 'react';

export {
  flatRows,
  groupByVin,
  type ListShown,
  matchesWords,
  REMEDY_FILTER,
  type RemedyFilter,
  searchTexts,
  searchWords,
  shownCount,
} from '../../shared/reports/view';

export function useListView<T, F, V>(
  rows: readonly T[] | undefined,
  filters: F,
  apply: (rows: readonly T[], filters: F) => V,
): { shown: V | null; pending: boolean } {
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => (rows ? apply(rows, deferred) : null), [rows, deferred, apply]);
  return { shown, pending: deferred !== filters };
}
