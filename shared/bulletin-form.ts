// The bulletin editor's forms, as data: every part of the bulletin format as plain fields, and the
// conversion between a bulletin and the form's values. The editor has no model of its own: it edits
// the format's own fields and saves exactly the format (validated by the same schema, imported by the
// same path). A field left empty is "not stated" (null) wherever the format allows it; nothing the
// letter does not state is filled in.
import {
  Audience,
  BuildRegion,
  Bulletin,
  BULLETIN_FORMAT,
  type BulletinInput,
  CampaignKind,
  DeliveryRuleKind,
  describeIssues,
  PhaseStatus,
  Severity,
  VehicleCondition,
} from './bulletin';

export type FieldKind = 'text' | 'long' | 'number' | 'date' | 'bool' | 'select' | 'lines' | 'list' | 'flags';
export type Field = {
  key: string;
  label: string;
  kind: FieldKind;
  /** Empty means "not stated" (null); otherwise the field must be filled. */
  optional?: boolean;
  options?: readonly string[];
  hint?: string;
};
export type Section = {
  id: string;
  title: string;
  hint?: string;
  /** Where the section's values live in the bulletin ([] = the top level; ['documents', 'faq'] = a nested object). */
  at: string[];
  /** A nested object the bulletin may leave out altogether (null): an "include" box. */
  nullable?: boolean;
  /** A list of rows (each row these fields) rather than one object. */
  rows?: boolean;
  fields: Field[];
};

const opt = (f: Omit<Field, 'optional'>): Field => ({ ...f, optional: true });
const NOT_STATED = 'not stated';
export const NOT_STATED_HINT = `leave empty: ${NOT_STATED}`;

export const SECTIONS: Section[] = [
  {
    id: 'campaign',
    title: 'Campaign',
    at: [],
    fields: [
      { key: 'code', label: 'Campaign code', kind: 'text', hint: 'e.g. ALE or 23LJ01' },
      { key: 'kind', label: 'Kind', kind: 'select', options: CampaignKind.options },
      { key: 'make', label: 'Make', kind: 'text', hint: 'the make the letter is for, e.g. Lexus' },
      {
        key: 'wmis',
        label: 'WMIs (VIN positions 1-3)',
        kind: 'list',
        hint: 'separated by commas, e.g. JTH, JTJ; only those the letter or the manufacturer states',
      },
      opt({ key: 'wmisSource', label: 'Where the WMIs come from', kind: 'long', hint: 'only when the letter states none, e.g. NHTSA vPIC' }),
      { key: 'title', label: 'Title', kind: 'text' },
      { key: 'summary', label: 'Summary', kind: 'long' },
      { key: 'nhtsaRecallNumber', label: 'NHTSA recall number', kind: 'text', optional: true, hint: 'e.g. 10V303' },
      { key: 'severity', label: 'Severity (NHTSA advisories)', kind: 'flags', options: Severity.options, hint: 'only what the letter states' },
    ],
  },
  {
    id: 'revision',
    title: 'This revision and where it comes from',
    at: [],
    fields: [
      { key: 'revisionDate', label: 'Revision date', kind: 'date', hint: 'the date printed on the letter, YYYY-MM-DD' },
      { key: 'revisionLabel', label: 'Revision label', kind: 'text', hint: 'e.g. Preliminary notice, Update 3' },
    ],
  },
  {
    id: 'source',
    title: 'Source',
    at: ['source'],
    fields: [
      { key: 'title', label: 'Source (letter) title', kind: 'text' },
      opt({ key: 'originalDate', label: 'Date of the original letter', kind: 'date' }),
      opt({ key: 'file', label: 'File name of the letter', kind: 'text' }),
    ],
  },
  {
    id: 'vehicles',
    title: 'Vehicles',
    at: [],
    fields: [
      opt({ key: 'vehicleCount', label: 'Vehicles involved (as published)', kind: 'text', hint: 'e.g. approximately 138,000' }),
      opt({ key: 'eligibilityNote', label: 'Why a match is only "verify"', kind: 'long', hint: 'e.g. Not all vehicles in the VIN range are affected' }),
      opt({ key: 'productionPeriod', label: 'Production period', kind: 'text' }),
    ],
  },
  { id: 'models', title: 'Models and years', at: ['models'], rows: true, fields: [f('name', 'Model'), f('modelYears', 'Model years (as printed)')] },
  {
    id: 'vinRanges',
    title: 'VIN ranges',
    hint: 'Paste the letter\'s table below, or edit the rows. Blank cells in a pasted table mean "same as above".',
    at: ['vinRanges'],
    rows: true,
    fields: [
      f('model', 'Model'),
      { key: 'modelYear', label: 'Year', kind: 'number' },
      f('wmi', 'WMI'),
      f('vds', 'VDS'),
      f('serialFrom', 'Serial from'),
      f('serialTo', 'Serial to'),
      opt({ key: 'uio', label: 'UIO', kind: 'text' }),
      opt({ key: 'phase', label: 'Phase', kind: 'text' }),
    ],
  },
  {
    id: 'modelWindows',
    title: 'Model and production windows',
    at: ['modelWindows'],
    rows: true,
    fields: [
      f('id', 'Id'),
      f('model', 'Model'),
      { key: 'modelYearFrom', label: 'Year from', kind: 'number' },
      { key: 'modelYearTo', label: 'Year to', kind: 'number' },
      opt({ key: 'builtIn', label: 'Built in', kind: 'select', options: BuildRegion.options }),
      opt({ key: 'producedFrom', label: 'Produced from', kind: 'date' }),
      opt({ key: 'producedTo', label: 'Produced to', kind: 'date' }),
      opt({ key: 'windowNote', label: 'Window as worded', kind: 'text' }),
      opt({ key: 'alsoStatedFrom', label: 'Another document: from month (YYYY-MM)', kind: 'text' }),
      opt({ key: 'alsoStatedTo', label: 'Another document: to month (YYYY-MM)', kind: 'text' }),
      opt({ key: 'alsoStated', label: 'Another document: where and how it says it', kind: 'text' }),
      opt({ key: 'detail', label: 'Detail', kind: 'text' }),
      opt({ key: 'approxVehicles', label: 'Vehicles', kind: 'text' }),
      opt({ key: 'phase', label: 'Phase', kind: 'text' }),
    ],
  },
  {
    id: 'phases',
    title: 'Phases',
    hint: 'A campaign with one phase has one row.',
    at: ['phases'],
    rows: true,
    fields: [
      f('id', 'Id'),
      f('name', 'Name'),
      { key: 'status', label: 'Status', kind: 'select', options: PhaseStatus.options },
      opt({ key: 'expectedTiming', label: 'Timing', kind: 'text' }),
      opt({ key: 'vehicles', label: 'Vehicles', kind: 'text' }),
      opt({ key: 'mailing', label: 'Guest mailing', kind: 'text' }),
      opt({ key: 'note', label: 'Note', kind: 'text' }),
      opt({ key: 'statusBasis', label: 'Why that status', kind: 'text', hint: 'when the letter does not say it outright' }),
    ],
  },
  {
    id: 'listedVehicles',
    title: 'Affected-VIN lists',
    hint: 'Include only where the letter says which vehicles the manufacturer’s system lists.',
    at: ['listedVehicles'],
    nullable: true,
    fields: [
      { key: 'phase', label: 'A listed VIN is in', kind: 'select', options: ['launched'] },
      { key: 'statement', label: 'The letter’s words', kind: 'long' },
    ],
  },
  {
    id: 'phaseChart',
    title: 'Phase chart (window, month, phase)',
    at: ['phaseChart'],
    rows: true,
    fields: [f('window', 'Window id'), f('month', 'Month (YYYY-MM)'), f('phase', 'Phase')],
  },
  {
    id: 'parts',
    title: 'Parts',
    at: ['parts'],
    rows: true,
    fields: [
      opt({ key: 'partNumber', label: 'Number or pattern', kind: 'text' }),
      opt({ key: 'partNumberPerVin', label: 'Number per VIN', kind: 'bool' }),
      f('description', 'Description'),
      opt({ key: 'quantity', label: 'Quantity', kind: 'number' }),
      opt({ key: 'macCode', label: 'MAC code', kind: 'text' }),
      { key: 'released', label: 'Released', kind: 'bool' },
      opt({ key: 'note', label: 'Note', kind: 'text' }),
    ],
  },
  { id: 'partsOrdering', title: 'Parts ordering', at: [], fields: [{ key: 'partsOrdering', label: 'Ordering guidelines (one a line)', kind: 'lines' }] },
  {
    id: 'opCodes',
    title: 'Op codes and flat-rate hours',
    at: ['opCodes'],
    rows: true,
    fields: [
      f('code', 'Op code'),
      f('description', 'Description'),
      opt({ key: 'flatRateHours', label: 'Hours', kind: 'number' }),
      opt({ key: 'note', label: 'Note', kind: 'text' }),
    ],
  },
  {
    id: 'work',
    title: 'The work',
    at: [],
    fields: [
      { key: 'technicianRequirements', label: 'Required courses and rules (one a line)', kind: 'lines' },
      opt({ key: 'repairTimeMinutes', label: 'Repair time (minutes)', kind: 'number' }),
      { key: 'guestBrings', label: 'What the guest brings (one a line)', kind: 'lines' },
    ],
  },
  {
    id: 'delivery',
    title: 'Delivery rules per vehicle condition',
    at: ['delivery'],
    rows: true,
    fields: [
      { key: 'condition', label: 'Condition', kind: 'select', options: VehicleCondition.options },
      { key: 'rule', label: 'Rule', kind: 'select', options: DeliveryRuleKind.options },
      f('text', 'As the letter says it', 'long'),
    ],
  },
  {
    id: 'actions',
    title: 'What to do next',
    at: ['actions'],
    rows: true,
    fields: [
      { key: 'when', label: 'When', kind: 'select', options: ['always', 'remedy-available', 'remedy-not-available', 'remedy-unknown', 'verify'] },
      { key: 'role', label: 'Who', kind: 'select', options: ['advisor', 'parts', 'sales', 'technician', 'all'] },
      f('text', 'Action', 'long'),
    ],
  },
  {
    id: 'qa',
    title: 'Questions and answers',
    at: ['qa'],
    rows: true,
    fields: [
      f('id', 'Id'),
      f('question', 'Question', 'long'),
      f('answer', 'Answer', 'long'),
      { key: 'audience', label: 'For', kind: 'select', options: Audience.options },
    ],
  },
  {
    id: 'contacts',
    title: 'Contacts',
    at: ['contacts'],
    rows: true,
    fields: [
      f('name', 'Name'),
      opt({ key: 'phone', label: 'Phone', kind: 'text' }),
      f('purpose', 'Purpose'),
      { key: 'audience', label: 'For', kind: 'select', options: Audience.options },
    ],
  },
  {
    id: 'ownerLetter',
    title: 'Owner letter',
    hint: 'Write [VIN] where the vehicle identification number goes.',
    at: ['documents', 'ownerLetter'],
    nullable: true,
    fields: [
      { key: 'heading', label: 'Heading lines', kind: 'lines' },
      f('salutation', 'Salutation'),
      { key: 'paragraphs', label: 'Paragraphs (one a line)', kind: 'lines' },
      { key: 'closing', label: 'Closing lines', kind: 'lines' },
    ],
  },
  {
    id: 'faq',
    title: 'Guest FAQ',
    at: ['documents', 'faq'],
    nullable: true,
    fields: [f('title', 'Title'), opt({ key: 'intro', label: 'Introduction', kind: 'long' })],
  },
  {
    id: 'disclosureForm',
    title: 'Disclosure form',
    at: ['documents', 'disclosureForm'],
    nullable: true,
    fields: [
      f('title', 'Title'),
      opt({ key: 'issuer', label: 'Issuer', kind: 'text' }),
      { key: 'headerStatements', label: "The form's own statements (one a line)", kind: 'lines' },
      { key: 'acknowledgement', label: 'What the guest acknowledges (one a line)', kind: 'lines' },
      f('statusCheck', 'Where the guest checks recall status'),
      opt({ key: 'contactUse', label: 'Use of contact details', kind: 'long' }),
      { key: 'copies', label: 'Copies (one a line)', kind: 'lines' },
    ],
  },
  {
    id: 'advisorNotes',
    title: 'Disclosure form: notes to the advisor (not printed)',
    at: ['documents', 'disclosureForm', 'advisorNotes'],
    rows: true,
    fields: [opt({ key: 'condition', label: 'For vehicles', kind: 'select', options: VehicleCondition.options }), f('text', 'Note', 'long')],
  },
  {
    id: 'disclosureEmail',
    title: 'Disclosure form e-mail',
    at: ['documents', 'disclosureForm', 'email'],
    nullable: true,
    fields: [f('to', 'To'), f('subject', 'Subject')],
  },
  {
    id: 'revisionHistory',
    title: 'Revision history',
    at: ['revisionHistory'],
    rows: true,
    fields: [{ key: 'date', label: 'Date', kind: 'date' }, f('change', 'Change', 'long')],
  },
  { id: 'notes', title: 'Notes', at: [], fields: [{ key: 'notes', label: 'Notes (one a line)', kind: 'lines' }] },
];

function f(key: string, label: string, kind: FieldKind = 'text'): Field {
  return { key, label, kind };
}

/** Form values: every leaf a string (text, number, date, select, lines), a boolean or a list of flags. */
export type FormValue = string | boolean | string[];
export type FormRow = Record<string, FormValue>;
/** The form: per section, one row (an object) or the rows (a list); null: a nullable part left out. */
export type Draft = Record<string, FormRow | FormRow[] | null>;

type Json = Record<string, unknown>;
const at = (b: Json, path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), b);

function toValue(field: Field, v: unknown): FormValue {
  if (field.kind === 'flags') return Array.isArray(v) ? (v as string[]) : [];
  if (field.kind === 'lines') return Array.isArray(v) ? (v as string[]).join('\n') : '';
  if (field.kind === 'list') return Array.isArray(v) ? (v as string[]).join(', ') : '';
  if (field.kind === 'bool') return field.optional ? (v === true ? 'yes' : v === false ? 'no' : '') : v === true;
  return v === null || v === undefined ? '' : String(v);
}

function fromValue(field: Field, v: FormValue | undefined): unknown {
  if (field.kind === 'flags') return Array.isArray(v) ? v : [];
  if (field.kind === 'lines')
    return String(v ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  if (field.kind === 'list')
    return String(v ?? '')
      .split(/[,\s]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
  if (field.kind === 'bool') return field.optional ? (v === 'yes' ? true : v === 'no' ? false : null) : v === true;
  const s = String(v ?? '').trim();
  // Empty is "not stated" where the format allows it; otherwise left empty for the schema to name.
  if (s === '') return field.optional ? null : field.kind === 'number' ? undefined : '';
  if (field.kind === 'number') return Number.isNaN(Number(s)) ? s : Number(s);
  return s;
}

const rowOf = (fields: Field[], o: unknown): FormRow => Object.fromEntries(fields.map((fl) => [fl.key, toValue(fl, o ? (o as Json)[fl.key] : undefined)]));
export const emptyRow = (s: Section): FormRow => rowOf(s.fields, undefined);

/** A bulletin (a revision to start from) as the form's values. */
export function bulletinToDraft(b: BulletinInput | null): Draft {
  const d: Draft = {};
  for (const s of SECTIONS) {
    const v = b ? at(b as Json, s.at) : undefined;
    if (s.rows) d[s.id] = Array.isArray(v) ? v.map((o) => rowOf(s.fields, o)) : [];
    else if (s.nullable) d[s.id] = v ? rowOf(s.fields, v) : null;
    else d[s.id] = rowOf(s.fields, s.at.length ? v : b);
  }
  return d;
}

/** The form's values as a bulletin file's content (the format exactly), before validation. */
export function draftToBulletin(d: Draft): Json {
  const out: Json = { format: BULLETIN_FORMAT, documents: { ownerLetter: null, disclosureForm: null, faq: null } };
  const place = (path: string[], value: unknown) => {
    let o = out;
    for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Json;
    o[path.at(-1)!] = value;
  };
  const objectOf = (s: Section, row: FormRow) =>
    Object.fromEntries(s.fields.map((fl) => [fl.key, fromValue(fl, row[fl.key])]).filter(([, v]) => v !== undefined));
  for (const s of SECTIONS) {
    const v = d[s.id];
    // A part of a part left out (the disclosure form's e-mail and notes without the form) is left out too.
    const underLeftOut = SECTIONS.some((p) => p.nullable && p !== s && d[p.id] === null && s.at.length > p.at.length && p.at.every((k, i) => s.at[i] === k));
    if (underLeftOut) continue;
    if (s.rows)
      place(
        s.at,
        ((v as FormRow[] | null) ?? []).map((r) => objectOf(s, r)),
      );
    else if (s.nullable) {
      if (v) place(s.at, objectOf(s, v as FormRow));
      else place(s.at, null);
    } else if (s.at.length) place(s.at, objectOf(s, v as FormRow));
    else Object.assign(out, objectOf(s, v as FormRow));
  }
  return out;
}

export type FieldProblem = { path: string; section: string; message: string };

/** The bulletin the form describes, or each problem in plain words with the section it is in. */
export function checkDraft(d: Draft): { bulletin: Bulletin | null; problems: FieldProblem[] } {
  const parsed = Bulletin.safeParse(draftToBulletin(d));
  if (parsed.success) return { bulletin: parsed.data, problems: [] };
  const problems = describeIssues(parsed.error).map((line) => {
    const cut = line.indexOf(': ');
    const path = line.slice(0, cut);
    const section = sectionOfPath(path);
    return { path, section, message: plainProblem(path, line.slice(cut + 2)) };
  });
  return { bulletin: null, problems };
}

/** The section a problem's path ("vinRanges[2].serialTo", "documents.faq.title") belongs to. */
function sectionOfPath(path: string): string {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let best: Section | undefined;
  for (const s of SECTIONS) {
    const matchesAt = s.at.every((k, i) => parts[i] === k);
    const rest = parts.slice(s.at.length).filter((p) => !/^\d+$/.test(p));
    const field = s.at.length === 0 || s.rows ? rest[0] : rest[0];
    if (matchesAt && (s.at.length > 0 || s.fields.some((fl) => fl.key === field))) {
      if (!best || s.at.length > best.at.length) best = s;
    }
  }
  return best?.id ?? 'campaign';
}

/** "vinRanges[2].serialTo: must be ..." as "VIN ranges, row 3, Serial to: must be ...". */
function plainProblem(path: string, message: string): string {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const s = SECTIONS.find((x) => x.id === sectionOfPath(path))!;
  const rest = parts.slice(s.at.length);
  const row = s.rows && /^\d+$/.test(rest[0] ?? '') ? Number(rest.shift()) + 1 : null;
  const field = s.fields.find((fl) => fl.key === rest[0]);
  const where = [s.title, row !== null ? `row ${row}` : null, field?.label ?? (rest.length ? rest.join('.') : null)].filter(Boolean).join(', ');
  const choose = /^Invalid option: expected one of (.*)$/.exec(message);
  if (choose) return `${where}: choose one of ${choose[1]!.replaceAll('"', '').split('|').join(', ')}`;
  return `${where}: ${message.replace(/^Invalid input: expected (\w+), received undefined$/, 'must be filled in').replace(/^Invalid input: expected \w+, received null$/, 'must be filled in')}`;
}
