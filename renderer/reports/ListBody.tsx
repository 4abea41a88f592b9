// The lower half of a dealer-sized list (holds, follow-up): how many entries are shown, a word when
// the filters leave none, and the virtual table of entries, one row each or one row per vehicle,
// fetched a window at a time (report-parts.ts).
import type { ComponentProps } from 'react';
import type { ListWindow, VehicleRows } from './report-parts';
import type { SortState } from './VirtualTable';
import { VirtualTable } from './VirtualTable';

/** A table's own props: the list, the sort and the pending state are ListBody's. */
type TableProps<T> = Omit<ComponentProps<typeof VirtualTable<T>>, 'rows' | 'count' | 'rowAt' | 'onRange' | 'sort' | 'onSort'>;

export function ListBody<R>({
  list,
  countText,
  countTestId,
  filtered,
  pending,
  sort,
  onSort,
  flat,
  grouped,
}: {
  list: ListWindow<R>;
  /** "120 of 4,000 holds shown". */
  countText: string;
  countTestId: string;
  /** A search or a filter is set: when nothing is shown, say how to see rows again. */
  filtered: boolean;
  /** A new view is being worked out: the rows shown are the previous view's. */
  pending: boolean;
  sort: SortState;
  onSort: (column: string) => void;
  flat: TableProps<R>;
  grouped: TableProps<VehicleRows<R>>;
}) {
  return (
    <>
      <p className="list-count">
        <span data-testid={countTestId}>{countText}</span>
        {filtered && !pending && list.count === 0 && <span className="hint">Nothing matches: clear the search or a filter.</span>}
      </p>
      <div className={pending ? 'updating' : undefined} aria-busy={pending || undefined}>
        {list.grouped ? (
          <VirtualTable {...grouped} count={list.count} rowAt={list.at} onRange={list.onRange} sort={sort} onSort={onSort} />
        ) : (
          <VirtualTable {...flat} count={list.count} rowAt={list.at} onRange={list.onRange} sort={sort} onSort={onSort} />
        )}
      </div>
    </>
  );
}

/** The switch between one row per entry and one row per vehicle. */
export function GroupedToggle({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} /> One row per vehicle
    </label>
  );
}
