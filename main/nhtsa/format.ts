// The NHTSA import's preview as a counter person reads it in a terminal.
import type { NhtsaPreview } from '../../shared/nhtsa/contract';
import { count } from '../../shared/wording';

export function formatNhtsaPreview(p: NhtsaPreview): string {
  const lines = [
    `${p.fileName}: NHTSA's recall file, ${p.fields} fields a row${p.fields === 27 ? ' (a file from before May 2025: no do-not-drive / park-outside columns)' : ''}${p.part === 'pre-2010' ? ', recalls before 2010' : ''}`,
    `  rows read:          ${count(p.rowsRead)}`,
    `  vehicle rows kept:  ${count(p.kept)}${p.rejoined ? ` (${count(p.rejoined)} of them cut over several lines, joined back)` : ''}`,
    `  rows refused:       ${count(p.refused.reduce((n, r) => n + r.count, 0))}`,
    ...p.refused.map((r) => `    ${String(count(r.count)).padStart(8)}  ${r.text}`),
  ];
  if (p.newestReportDate) lines.push(`  newest report:      ${p.newestReportDate}`);
  if (p.replaces) lines.push(`  replaces ${p.replaces.fileName} imported ${p.replaces.importedAt.slice(0, 10)} (${count(p.replaces.rowsKept)} vehicle rows)`);
  return lines.join('\n');
}
