// The forms domain: printable documents (the disclosure form, owner letters, the guest FAQ and the
// lists) rendered to one HTML document each, and the log of forms printed for vehicles.
import { z } from '../lazy-zod';
import { defineEffects, defineOperations, read, write } from '../contract';
import { ADVISORS } from '../accounts/roles';
import { CampaignCode, Vin } from '../schemas';
import { Paper } from '../settings/contract';
import { FollowUpView, HoldView } from '../reports/view';
import { PAPER_ROOM } from './room';

export const LIST_KINDS = ['holds', 'followup', 'orders', 'claims'] as const;
export const LOGGED_KINDS = ['disclosure', 'owner-letter', 'faq'] as const;
export const FormKind = z.enum([...LOGGED_KINDS, ...LIST_KINDS]);
export const LoggedKind = z.enum(LOGGED_KINDS);

/** Checked once at the gate (shared/schemas.ts). */
const vin = Vin;
const guestText = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`).nullish();
const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'production month must be written YYYY-MM, e.g. 2022-12 (door-jamb label)')
  .nullish();

// What the one-page disclosure form has room for: a 120-character name, a 4-line address.
export const Guest = z.object({
  name: guestText(PAPER_ROOM.guestName),
  email: guestText(PAPER_ROOM.guestEmail),
  address: guestText(PAPER_ROOM.guestAddress).refine(
    (a) => !a || a.split('\n').length <= PAPER_ROOM.guestAddressLines,
    `has more than ${PAPER_ROOM.guestAddressLines} lines; the form has room for ${PAPER_ROOM.guestAddressLines}`,
  ),
  phone: guestText(PAPER_ROOM.phone),
  mobilePhone: guestText(PAPER_ROOM.phone),
});

export const FormRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('disclosure'),
    vin,
    /** Which campaign's form; null: the one campaign covering the VIN that has a disclosure form. */
    campaign: CampaignCode.nullish(),
    staff: z.string().trim().min(1, 'name the staff member who completes the form').max(80),
    guest: Guest.default({}),
    model: z.string().trim().max(PAPER_ROOM.model).nullish(),
    productionMonth: month,
  }),
  z.object({ kind: z.literal('owner-letter'), campaign: CampaignCode, vin }),
  z.object({ kind: z.literal('faq'), campaign: CampaignCode }),
  z.object({
    kind: z.literal('holds'),
    /** One campaign's lines only (the CLI's --campaign). */
    campaign: z.string().trim().max(12).nullish(),
    /** The screen's search, filters, sort and grouping: the paper shows the lines the screen shows. */
    view: HoldView.nullish(),
  }),
  z.object({ kind: z.literal('followup'), campaign: z.string().trim().max(12).nullish(), view: FollowUpView.nullish() }),
  z.object({
    kind: z.enum(['orders', 'claims']),
    /** The list as the screen filters it: one campaign's lines only. */
    campaign: z.string().trim().max(12).nullish(),
  }),
]);

export const RenderedForm = z.object({
  kind: FormKind,
  title: z.string(),
  fileName: z.string(),
  html: z.string(),
  paper: Paper,
  campaign: z.string().nullable(),
  vin: z.string().nullable(),
  /** For the advisor, on screen and in the CLI, never on the guest's paper. */
  advisorNotes: z.array(z.string()),
  /** The copies the bulletin asks for. */
  copies: z.array(z.string()),
  /** The e-mail step: the address and subject the bulletin gives, with the VIN. */
  mail: z.object({ to: z.string(), subject: z.string(), href: z.string() }).nullable(),
});

export const FormRecord = z.object({
  id: z.number().int(),
  kind: LoggedKind,
  campaign: z.string(),
  vin: z.string().nullable(),
  date: z.string(),
  staff: z.string().nullable(),
});

export const formOperations = defineOperations({
  renderForm: { input: FormRequest, output: RenderedForm },
  /** Records a printed form (who and when); called when the form is printed from the screen. */
  recordForm: {
    input: z.object({ kind: LoggedKind, campaign: CampaignCode, vin: vin.nullish(), staff: z.string().trim().max(80).nullish() }),
    output: FormRecord,
  },
  listForms: { input: z.object({ vin: vin.nullish() }), output: z.object({ forms: z.array(FormRecord) }) },
  /** Renders the document to PDF in the forms folder; a disclosure form, owner letter or FAQ is recorded. */
  saveFormPdf: {
    input: FormRequest,
    output: z.object({ path: z.string(), fileName: z.string(), pdfBase64: z.string(), pages: z.number().int(), record: FormRecord.nullable() }),
  },
  showInFolder: { input: z.object({ path: z.string().max(4096) }), output: z.object({ shown: z.boolean() }) },
});

export const formEffects = defineEffects(formOperations, {
  renderForm: read(['settings', 'library', 'forms'], 'print forms', 'anyone', 'staff'),
  recordForm: write(['forms'], 'record printed forms', ADVISORS, 'staff'),
  listForms: read(['forms'], 'see the forms log'),
  saveFormPdf: write(['forms'], 'save forms', ADVISORS, 'staff'),
  showInFolder: read([], 'show a saved form'),
});

export type FormRequest = z.output<typeof FormRequest>;
export type FormRequestInput = z.input<typeof FormRequest>;
export type RenderedForm = z.output<typeof RenderedForm>;
export type FormRecord = z.output<typeof FormRecord>;
export type FormKind = z.output<typeof FormKind>;
export type Guest = z.output<typeof Guest>;
