// Which of a file's columns an affected-VIN list preview reads, as the window and the terminal say it:
// the VIN's, and the optional phase, part number and status (the part number is the one a key is
// ordered by, so a preview that does not name it hides whether it was read).
import { shortText } from './short-text';

type Columns = { vin: string; phase: string | null; partNumber: string | null; status: string | null };

/** 'Columns: VIN "VIN", phase "Phase", part number "Part Number", status "Status".' or 'Columns: VIN column 1.' */
export function listColumnsText(p: { columns: Columns; hasHeader: boolean }): string {
  const c = p.columns;
  const named = [
    ['phase', c.phase],
    ['part number', c.partNumber],
    ['status', c.status],
  ].flatMap(([what, name]) => (name ? [`${what} "${shortText(name)}"`] : []));
  return `Columns: ${[p.hasHeader ? `VIN "${c.vin}"` : `VIN ${c.vin}`, ...named].join(', ')}.`;
}
