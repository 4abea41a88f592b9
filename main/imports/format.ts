// Import previews as the terminal shows them before anything is written.
import type { OutputOf } from '../../shared/api';
import { conflictLine, conflictsSummary, moreConflicts } from '../../shared/imports/duplicate-wording';
import { encodingSentence } from '../../shared/imports/encoding';
import { listColumnsText } from '../../shared/imports/list-columns';
import { count } from '../../shared/wording';
import { shortText } from './invalid';

type Line = { line: number; text: string; reason: string };
type ByKind = { label: string; count: number }[];
type Preview = { rowsRead: number; valid: number; duplicates: number; invalid: Line[]; invalidCount: number; invalidByKind: ByKind };

/** Lines shown on the terminal; the counts per kind say how many there are in all. */
const SHOWN = 20;

/** A few lines and the count per kind: never the whole list (a bad file can have millions). */
function lineList(title: string, lines: Line[], total: number, byKind: ByKind): string[] {
  if (total === 0) return [];
  const out = [`${title}: ${byKind.map((k) => `${k.label} ${count(k.count)}`).join(', ')}.`];
  for (const i of lines.slice(0, SHOWN)) out.push(`  line ${count(i.line)}: ${i.reason}${i.text ? ` (${i.text})` : ''}`);
  if (total > SHOWN) out.push(`  ... and ${count(total - Math.min(SHOWN, lines.length))} more.`);
  return out;
}

function previewLines(p: Preview): string[] {
  return [
    `${count(p.rowsRead)} rows read: ${count(p.valid)} valid, ${count(p.duplicates)} duplicates, ${count(p.invalidCount)} invalid.`,
    ...lineList('Invalid', p.invalid, p.invalidCount, p.invalidByKind),
  ];
}

/** The columns read: 'Columns: VIN "VIN", phase "Phase", part number "Part Number".' or 'Columns: VIN column 1.' */

/** Repeats that disagree with the line kept: how many, and the first few by line. */
function conflictLines(p: OutputOf<'previewVinList'>): string[] {
  if (!p.conflictingDuplicates) return [];
  const shown = p.duplicateConflicts;
  return [
    `${conflictsSummary(p.conflictingDuplicates, p.duplicates)}:`,
    ...shown.map((c) => `  ${conflictLine(c)}`),
    ...(p.conflictingDuplicates > shown.length ? [`  ${moreConflicts(p.conflictingDuplicates - shown.length)}`] : []),
  ];
}

export function formatListPreview(p: OutputOf<'previewVinList'>): string {
  const replacing = p.replaces ? `, replacing the list of ${p.replaces.listDate} (${count(p.replaces.rows)} VINs)` : '';
  const checkDigits = p.checkDigitMismatches ? [`${count(p.checkDigitMismatches)} VINs with a check digit that does not match (imported as listed).`] : [];
  return [
    `${p.campaign.code} ${p.campaign.title}: affected-VIN list of ${p.listDate}${p.complete ? ' (complete)' : ' (partial)'}${replacing}.`,
    listColumnsText(p),
    encodingSentence(p.encoding),
    ...p.notes,
    ...previewLines(p),
    ...conflictLines(p),
    ...checkDigits,
  ].join('\n');
}

export function formatVehiclePreview(p: OutputOf<'previewVehicles'>): string {
  const mapped = Object.entries(p.mapping)
    .filter(([, col]) => col)
    .map(([f, col]) => `${f}=${col}`)
    .join(', ');
  const stock = p.stock
    ? [`Stock: ${count(p.stock.added)} added, ${count(p.stock.staying)} already in stock, ${count(p.stock.leaving)} leave the stock.`]
    : ['Stock: unchanged (service history).'];
  const unknown = p.conditionValues.filter((c) => !c.recognised);
  const conditions = unknown.length
    ? [`Condition values read as: ${unknown.map((c) => `${shortText(c.value)} → ${c.condition} (${count(c.count)})`).join(', ')}.`]
    : [];
  // Samples are not printed: they hold guests' names and phones, and stderr ends up in logs.
  return [
    `Columns: ${mapped}. In stock: ${p.inStock}.`,
    encodingSentence(p.encoding),
    ...p.notes,
    ...stock,
    ...previewLines(p),
    ...conditions,
    ...lineList('To check', p.warnings, p.warningCount, p.warningsByKind),
  ].join('\n');
}
