// What a list's preview says of repeats that disagree with the line kept (a VIN listed twice with
// another phase or part number): the terminal and the window word them alike. Only the list's own
// columns are named: the VIN, the phase and the part number, never another cell of the line.
import { count } from '../wording';

type Pair = { value: string | null; kept: string | null };
export type Conflict = { line: number; vin: string; keptLine: number; phase: Pair | null; partNumber: Pair | null };

/** "3 of the 5 duplicates disagree with the line kept (the first line of each VIN is kept; check these VINs with TIS)" */
export const conflictsSummary = (conflicting: number, duplicates: number): string =>
  `${count(conflicting)} of the ${count(duplicates)} duplicates ${conflicting === 1 ? 'disagrees' : 'disagree'} with the line kept (the first line of each VIN is kept; check these VINs with TIS)`;

const cell = (v: string | null): string => v ?? '(empty)';
/** "phase 4, part number (empty)": the cells that differ, the repeat's or the kept line's. */
const cells = (c: Conflict, side: keyof Pair): string =>
  [c.phase && `phase ${cell(c.phase[side])}`, c.partNumber && `part number ${cell(c.partNumber[side])}`].filter(Boolean).join(', ');

/** "line 88 repeats JTH… (line 2): part number 04002-22222; kept line 2: part number 04002-12345" */
export const conflictLine = (c: Conflict): string =>
  `line ${count(c.line)} repeats ${c.vin} (line ${count(c.keptLine)}): ${cells(c, 'value')}; kept line ${count(c.keptLine)}: ${cells(c, 'kept')}`;

/** After the lines named: "... and 12 more." */
export const moreConflicts = (more: number): string => `... and ${count(more)} more.`;
