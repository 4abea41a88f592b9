// Which line of the file each of a list's valid rows came from, for the few rows a preview names (a
// repeat that disagrees with its kept line). Rows follow lines one for one except where a line was left
// out (blank, invalid): a break is noted where the next row's line is not the one after the last row's,
// so a million-row list of consecutive lines costs a few entries, not a number a row.
export class RowLines {
  private readonly rows: number[] = [];
  private readonly lines: number[] = [];

  /** Row `row` (the next one added) is on line `line`. */
  mark(row: number, line: number): void {
    const k = this.rows.length - 1;
    if (k >= 0 && this.lines[k]! + (row - this.rows[k]!) === line) return;
    this.rows.push(row);
    this.lines.push(line);
  }

  /** The line of row `row` (0 if no row was marked). */
  lineOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    if (hi < 0) return 0;
    // The last mark at or before the row.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rows[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]! + (row - this.rows[lo]!);
  }
}
