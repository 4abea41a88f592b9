// The NHTSA import's preview as a counter person reads it in a terminal.
import type { NhtsaFollowUpLine, NhtsaPreview } from '../../shared/nhtsa/contract';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { count, severityLine } from '../../shared/wording';

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
  if (p.olderThanInForce && p.replaces?.newestReportDate) lines.push(`  ${NHTSA_WORDING.olderThanInForce(p.newestReportDate, p.replaces.newestReportDate)}`);
  return lines.join('\n');
}

/** The follow-up list's "check by VIN at NHTSA" lines, after the open campaigns (never counted with them). */
export function* nhtsaFollowUpText(lines: readonly NhtsaFollowUpLine[]): Generator<string> {
  if (!lines.length) return;
  yield `${NHTSA_WORDING.followUpTitle}: ${count(lines.length)} vehicle${lines.length === 1 ? '' : 's'} (NHTSA's file lists recalls by model and year, not by VIN).`;
  for (const l of lines) {
    yield `${l.vin}  ${l.modelYear} ${l.model ?? ''}  last service ${l.lastServiceDate}  ${l.guestName ?? ''} ${l.guestPhone ?? ''}`;
    for (const r of l.recalls) yield `  ${r.code}${r.severity.length ? `  ${severityLine(r.severity)}` : ''}  ${r.component}`;
  }
}
