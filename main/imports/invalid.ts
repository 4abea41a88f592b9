// Rejected lines, kept in bounded memory whatever the file: the first few of each kind with their
// line number and reason, a count per kind and the total. A file of a million bad lines yields the
// same few hundred objects as one of a thousand.
import { shortText } from '../../shared/imports/short-text';

export type InvalidLine<K extends string = string> = { line: number; text: string; reason: string; kind: K };

/** Lines kept per kind: enough to see the pattern and fix the file; the counts say how many in all. */
export const KEPT_PER_KIND = 100;
export { shortText, TEXT_SHOWN } from '../../shared/imports/short-text';

/**
 * The longest cell a message shows: a VIN and a little (a scanner's leading I, a space). A longer cell
 * holds more than a VIN (a guest's name and phone typed in its place) and is not echoed at all.
 */
const VIN_CELL_SHOWN = 20;
export const shownVinCell = (cell: string): string => {
  const c = cell.trim();
  return c.length > VIN_CELL_SHOWN ? '' : c;
};

export type LineSummary<K extends string> = { lines: InvalidLine<K>[]; total: number; byKind: { kind: K; label: string; count: number }[] };

export class LineLog<K extends string> {
  private readonly kept: InvalidLine<K>[] = [];
  private readonly counts = new Map<K, number>();
  total = 0;

  constructor(private readonly labels: Record<K, string>) {}

  add(line: number, kind: K, reason: string, text: string): void {
    this.total++;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    // `text` is a line's VIN cell, never more (the other cells hold guests' names and phones).
    if (n <= KEPT_PER_KIND) this.kept.push({ line, kind, reason: shortText(reason, 200), text: shownVinCell(text) });
  }

  /** The first lines kept, in file order, with a count per kind. */
  summary(): LineSummary<K> {
    return {
      lines: [...this.kept].sort((a, b) => a.line - b.line),
      total: this.total,
      byKind: [...this.counts].map(([kind, count]) => ({ kind, label: this.labels[kind], count })),
    };
  }
}
