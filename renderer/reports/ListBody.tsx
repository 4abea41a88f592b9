// The lower half of a dealer-sized list (holds, follow-up): how many entries are shown, a word when
// the filters leave none, and the virtual table of entries, one row each or one row per vehicle.
import type { ComponentProps } from 'react';
import { type ListShown, shownCount } from './list-view';
import type { SortState } from './VirtualTable';
import { VirtualTable } from './VirtualTable';

type VehicleRows<R> = { vin: string; rows: R[] };
/** A table's own props: the list, the sort and the pending state are ListBody's. */
type TableProps<T> = Omit<ComponentProps<typeof VirtualTable<T>>, 'rows' | 'sort' | 'onSort'>;

export function ListBody<R>({
  shown,
  countText,
  countTestId,
  filtered,
  pending,
  sort,
  onSort,
  flat,
  grouped,
}: {
  shown: ListShown<R>;
  /** "120 of 4,000 holds shown". */
  countText: string;
  countTestId: string;
  /** A search or a filter is set: when nothing is shown, say how to see rows again. */
  filtered: boolean;
  /** A filter is being applied: the rows shown are the previous filter's. */
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
        {filtered && shownCount(shown) === 0 && <span className="hint">Nothing matches: clear the search or a filter.</span>}
      </p>
      <div className={pending ? 'updating' : undefined} aria-busy={pending || undefined}>
        {shown.grouped ? (
          <VirtualTable {...grouped} rows={shown.vehicles} sort={sort} onSort={onSort} />
        ) : (
          <VirtualTable {...flat} rows={shown.rows} sort={sort} onSort={onSort} />
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
