import { type Conflict, conflictLine, conflictsSummary, moreConflicts } from '../../shared/imports/duplicate-wording';

/**
 * Repeats of a VIN with another phase or part number than the line kept: how many, and the first few by
 * line (the part number is the number the key is ordered by). Nothing when every repeat is exact.
 */
export function DuplicateConflicts({ p }: { p: { duplicates: number; conflictingDuplicates: number; duplicateConflicts: Conflict[] } }) {
  if (!p.conflictingDuplicates) return null;
  const shown = p.duplicateConflicts;
  return (
    <div className="line-table" data-testid="duplicate-conflicts">
      <p className="warn-text">{conflictsSummary(p.conflictingDuplicates, p.duplicates)}:</p>
      <ul className="mono">
        {shown.map((c) => (
          <li key={c.line}>{conflictLine(c)}</li>
        ))}
      </ul>
      {p.conflictingDuplicates > shown.length && <p className="muted">{moreConflicts(p.conflictingDuplicates - shown.length)}</p>}
    </div>
  );
}
