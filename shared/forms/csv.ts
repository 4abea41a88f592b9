// The forms log as CSV, in the words of the forms log screen: the form as it is named there, the one
// date format (shared/dates.ts).
import { toCsv } from '../csv-out';
import { dateTimeText } from '../dates';
import { FORM_KIND_LABEL } from '../wording';
import type { FormRecord } from './contract';

export const FORMS_LOG_CSV_HEADER = ['Form', 'Campaign', 'VIN', 'Date', 'Staff'];

export function formsLogCsv(forms: FormRecord[]): string {
  return toCsv(
    FORMS_LOG_CSV_HEADER,
    forms.map((f) => [FORM_KIND_LABEL[f.kind], f.campaign, f.vin ?? '', dateTimeText(f.date), f.staff ?? '']),
  );
}
