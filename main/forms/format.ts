// The forms domain as terminal text: what was saved and what the advisor does next, and the log.
import { dateTimeText } from '../../shared/dates';
import type { FormRecord, RenderedForm } from '../../shared/forms/contract';
import { FORM_KIND_LABEL, plural } from '../../shared/wording';

export function formatSaved(form: RenderedForm, file: string, pages: number, record: FormRecord | null, replaced = false): string {
  const lines = [replaced ? `Replaced ${file} with ${form.title} (${plural(pages, 'page')}).` : `Saved ${form.title} to ${file} (${plural(pages, 'page')}).`];
  if (record)
    lines.push(
      `Recorded in the forms log: ${FORM_KIND_LABEL[record.kind]}, ${record.campaign}${record.vin ? `, ${record.vin}` : ''}${record.staff ? `, by ${record.staff}` : ''}, ${dateTimeText(record.date)}.`,
    );
  for (const n of form.advisorNotes) lines.push(`Advisor note: ${n}`);
  for (const c of form.copies) lines.push(`Copy: ${c}`);
  if (form.mail) lines.push(`E-mail: to ${form.mail.to}, subject "${form.mail.subject}", attach ${file}`, `Mail draft: ${form.mail.href}`);
  return lines.join('\n');
}

export function formatFormsLog(forms: FormRecord[], vin: string | null): string {
  if (forms.length === 0) return vin ? `No form recorded for ${vin}.` : 'No form recorded yet.';
  const rows = forms.map((f) => [FORM_KIND_LABEL[f.kind], f.campaign, f.vin ?? '', dateTimeText(f.date), f.staff ?? '']);
  const head = ['Form', 'Campaign', 'VIN', 'Date', 'Staff'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [fmt(head), ...rows.map(fmt)].join('\n');
}
