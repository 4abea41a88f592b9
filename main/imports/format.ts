// Import previews as the terminal shows them before anything is written.
import type { OutputOf } from '../../shared/api';
import { count } from '../../shared/wording';

type Preview = { rowsRead: number; valid: number; duplicates: number; invalid: { line: number; text: string; reason: string }[] };

function previewLines(p: Preview): string[] {
  const lines = [`${count(p.rowsRead)} rows read: ${count(p.valid)} valid, ${count(p.duplicates)} duplicates, ${count(p.invalid.length)} invalid.`];
  for (const i of p.invalid.slice(0, 20)) lines.push(`  line ${i.line}: ${i.reason} (${i.text})`);
  if (p.invalid.length > 20) lines.push(`  ... and ${count(p.invalid.length - 20)} more invalid lines.`);
  return lines;
}

export function formatListPreview(p: OutputOf<'previewVinList'>): string {
  const replacing = p.replaces ? `, replacing the list of ${p.replaces.listDate} (${count(p.replaces.rows)} VINs)` : '';
  return [`${p.campaign.code} ${p.campaign.title}: affected-VIN list of ${p.listDate}${p.complete ? '' : ' (partial)'}${replacing}.`, ...previewLines(p)].join(
    '\n',
  );
}

export function formatVehiclePreview(p: OutputOf<'previewVehicles'>): string {
  const mapped = Object.entries(p.mapping)
    .filter(([, col]) => col)
    .map(([f, col]) => `${f}=${col}`)
    .join(', ');
  return [`Columns: ${mapped}. In stock: ${p.inStock}.`, ...previewLines(p)].join('\n');
}
