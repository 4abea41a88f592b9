// A table of any length that draws only the rows in view: fixed-height rows inside one scroll box whose
// scrollbar spans the whole list, so a 20,000-row report opens at once and a scrollbar drag lands
// anywhere. It is a real table (rows, column headers with their sort order) laid out as a grid, so
// assistive technology and tests read it as the table it shows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';
import './lists.css';

export type Column<T> = {
  id: string;
  label: string;
  /** A CSS grid track: "9rem", "minmax(0, 2fr)". */
  width: string;
  render: (row: T) => ReactNode;
  /** Columns without a comparator are not sortable. */
  compare?: (a: T, b: T) => number;
};

export type SortState = { column: string; descending: boolean } | null;

const HEAD_HEIGHT = 38;

export function VirtualTable<T>({
  label,
  rows,
  count = rows?.length ?? 0,
  rowAt = (i) => rows?.[i],
  onRange,
  columns,
  rowHeight,
  rowKey,
  rowClass,
  rowTestId,
  sort,
  onSort,
}: {
  label: string;
  /** The rows, all here; or `count` and `rowAt` for a list fetched a window at a time. */
  rows?: readonly T[];
  count?: number;
  /** A row, or undefined while its window is on its way (a placeholder row is drawn). */
  rowAt?: (i: number) => T | undefined;
  /** The rows in view (with the overscan), first and last index: where the windows are to be fetched. */
  onRange?: (first: number, last: number) => void;
  columns: readonly Column<T>[];
  rowHeight: number;
  rowKey: (row: T) => string;
  rowClass?: (row: T) => string | undefined;
  rowTestId: string;
  sort: SortState;
  onSort: (column: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: HEAD_HEIGHT,
    getItemKey: (i) => {
      const row = rowAt(i);
      return row === undefined ? `loading-${i}` : rowKey(row);
    },
  });
  const grid: CSSProperties = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items.at(-1)?.index ?? 0;
  useEffect(() => onRange?.(firstShown, lastShown), [onRange, firstShown, lastShown]);

  return (
    // The scroll box takes keyboard focus so PageDown, Home and End move through the list.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <div ref={scroller} className="vlist" tabIndex={0} data-testid={`${rowTestId}s`}>
      <table className="vtable" aria-label={label} aria-rowcount={count + 1}>
        <thead className="vlist-head" style={{ height: HEAD_HEIGHT }}>
          <tr aria-rowindex={1} className="vrow" style={grid}>
            {columns.map((c) => (
              <th key={c.id} aria-sort={sort?.column === c.id ? (sort.descending ? 'descending' : 'ascending') : c.compare ? 'none' : undefined}>
                {c.compare ? (
                  <button type="button" className="sort" onClick={() => onSort(c.id)} title={`Sort by ${c.label.toLowerCase()}`}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort?.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="vlist-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const style = { ...grid, height: rowHeight, transform: `translateY(${item.start - HEAD_HEIGHT}px)` };
            if (row === undefined)
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} aria-busy="true" className="vrow vrow-loading" style={style}>
                  <td className="muted">Loading…</td>
                </tr>
              );
            return (
              <tr key={item.key} aria-rowindex={item.index + 2} data-testid={rowTestId} className={`vrow ${rowClass?.(row) ?? ''}`} style={style}>
                {columns.map((c) => (
                  <td key={c.id}>{c.render(row)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Clicking a column sorts by it; clicking it again reverses; a third click goes back to the report's order. */
export function nextSort(current: SortState, column: string): SortState {
  if (current?.column !== column) return { column, descending: false };
  return current.descending ? null : { column, descending: true };
}

/** Rows in the chosen order; ties keep the report's order. */
export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: SortState): readonly T[] {
  const compare = sort && columns.find((c) => c.id === sort.column)?.compare;
  if (!compare || !sort) return rows;
  const sign = sort.descending ? -1 : 1;
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((a, b) => sign * compare(a.row, b.row) || a.i - b.i);
  return indexed.map((x) => x.row);
}

/** Plain comparisons (no locale collation): fast over 20,000 rows, and VINs and dates sort right. */
export const byText = (a: string | null, b: string | null): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
