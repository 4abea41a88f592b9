// An import's impact and "What changed" as a counter person reads them in a terminal.
import { dateTimeText } from '../../shared/dates';
import type { Change, ChangeSource, Impact } from '../../shared/changes/contract';
import { describeSource, impactSummary, renumberedText } from '../../shared/changes/wording';
import { HOLD_LABEL, severityLine } from '../../shared/wording';

const SHOWN = 20;

export function formatImpact(i: Impact): string[] {
  const lines = [`Impact: ${impactSummary(i)}.`];
  const list = <T>(title: string, rows: T[], line: (r: T) => string) => {
    if (!rows.length) return;
    lines.push(`  ${title}:`);
    for (const r of rows.slice(0, SHOWN)) lines.push(`    ${line(r)}`);
    if (rows.length > SHOWN) lines.push(`    … and ${rows.length - SHOWN} more (--json lists them all)`);
  };
  const vehicle = (r: { vin: string; stockNumber: string | null; model: string | null; modelYear: number }) =>
    `${r.vin}${r.stockNumber ? ` stock ${r.stockNumber}` : ''}  ${r.modelYear} ${r.model ?? 'model not known'}`;
  list('Newly held', i.holds.added, (h) => `${h.campaign}  ${vehicle(h)}  ${HOLD_LABEL[h.hold]}${h.severity.length ? `  [${severityLine(h.severity)}]` : ''}`);
  list('Released', i.holds.released, (h) => `${h.campaign}  ${vehicle(h)}  ${HOLD_LABEL[h.hold]}`);
  list(
    'Remedy now available',
    i.remedyNowAvailable,
    (r) => `${r.campaign}  ${vehicle(r)}  ${r.bookedAt ? `booked ${dateTimeText(r.bookedAt)}` : 'not booked'}`,
  );
  list('Newly confirmed', i.confirmed.added, (r) => `${r.campaign}  ${vehicle(r)}`);
  list('No longer listed', i.confirmed.removed, (r) => `${r.campaign}  ${vehicle(r)}`);
  list('CPOR requests the list numbers otherwise', i.cporRenumbered, (r) => `${r.campaign}  ${vehicle(r)}  ${renumberedText(r)}`);
  list('Part demand', i.parts, (p) => `${p.campaign}  ${p.partNumber ?? 'part number not stated'} ${p.description}: ${p.before} → ${p.after} vehicles`);
  return lines;
}

export function formatChanges(changes: Change[]): string {
  if (!changes.length) return 'No import has been applied in that time.';
  return changes
    .flatMap((c) => ['', `${c.at}  ${describeSource(c.source as ChangeSource)}${c.by ? `  by ${c.by}` : ''}`, ...formatImpact(c.impact)])
    .join('\n');
}
