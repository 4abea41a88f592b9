// The forms domain's service: picks a document's data (bulletin, dealer settings, lookup, reports),
// renders its one HTML, prints it to PDF, and keeps the forms log (who printed what for which VIN,
// and when; no guest data).
import fs from 'node:fs';
import path from 'node:path';
import { localIsoDate } from '../../shared/dates';
import type { Bulletin, Documents } from '../../shared/bulletin';
import { ApiError } from '../../shared/contract';
import type { FormRecord, FormRequest, Guest, RenderedForm } from '../../shared/forms/contract';
import { disclosureHtml } from '../../shared/forms/disclosure';
import { fileNameFor } from '../../shared/forms/html';
import type { Sourced } from '../../shared/forms/lists';
import type { CampaignHit, HoldReport, LookupResult } from '../../shared/api';
import { faqHtml, guestQa, noGuestOnFileNote, ownerLetterHtml } from '../../shared/forms/letters';
import { claimsHtml, followUpHtml, holdsHtml, ordersHtml } from '../../shared/forms/lists';
import { mailDraft } from '../../shared/forms/mail';
import { cporAdvisorNote } from '../../shared/parts/next-steps';
import { CONDITION_LABEL, FORM_KIND_LABEL } from '../../shared/wording';
import type { LoggedFormKind, Row } from '../db/schema';
import { vehicleCpor } from '../parts/cpor';
import { WriteOutError, writeOut } from '../files/write-out';
import { reportsOf } from '../reports/service';
import type { SettingsStore } from '../settings/store';
import { NoChromiumError, pdfPageCount, type PdfPrinter } from './pdf';
import { claimRows, type FormSources, orderRows } from './sources';

const NO_DOCUMENTS: Documents = { ownerLetter: null, disclosureForm: null, faq: null };
/** Bulletins imported before documents were part of the format carry none. */
const documentsOf = (b: Bulletin): Documents => b.documents ?? NO_DOCUMENTS;

type Vehicle = Pick<Row<'vehicles'>, 'model' | 'production_month' | 'condition' | 'guest_name' | 'guest_email' | 'guest_address' | 'guest_phone'>;
type LogRow = Pick<Row<'forms_log'>, 'id' | 'kind' | 'campaign_code' | 'vin' | 'staff' | 'printed_at'>;

const toRecord = (r: LogRow): FormRecord => ({ id: r.id, kind: r.kind, campaign: r.campaign_code, vin: r.vin, date: r.printed_at, staff: r.staff });

export class FormsService {
  constructor(
    private readonly s: FormSources,
    private readonly settings: SettingsStore,
    private readonly printer: PdfPrinter,
  ) {}

  /** The folder saved forms go to: beside the database, private like it. */
  get folder(): string {
    return path.join(path.dirname(this.s.db.path), 'forms');
  }

  private bulletin(code: string): Bulletin {
    const { id } = this.s.campaigns.idOf(code);
    return this.s.campaigns.byId(id).bulletin;
  }

  private vehicle(vin: string): Vehicle | undefined {
    return this.s.db.sqlite
      .prepare<[string], Vehicle>('SELECT model, production_month, condition, guest_name, guest_email, guest_address, guest_phone FROM vehicles WHERE vin = ?')
      .get(vin);
  }

  render(req: FormRequest): RenderedForm {
    const { dealer, paper } = this.settings.dealerForForms();
    const date = localIsoDate(this.s.now());
    const base = { paper, advisorNotes: [] as string[], copies: [] as string[], mail: null, campaign: null, vin: null };
    switch (req.kind) {
      case 'disclosure':
        return this.disclosure(req, dealer, paper, date);
      case 'owner-letter': {
        // Checked at the gate (shared/schemas.ts Vin).
        const vin = req.vin;
        const b = this.bulletin(req.campaign);
        const letter = documentsOf(b).ownerLetter;
        if (!letter) throw new ApiError('not-found', `The ${b.code} bulletin has no owner letter: there is nothing to print.`);
        // The letter says "...which includes your vehicle": only for a VIN the campaign may apply to ("verify" included).
        const covered = coveredBy(this.s.lookup.lookup({ vin, model: null, productionMonth: null }));
        if (!covered.some((h) => h.code === b.code)) {
          const others = covered.length ? `campaigns that may apply: ${covered.map((h) => h.code).join(', ')}` : 'no campaign in the library covers it';
          throw new ApiError(
            'invalid-input',
            `No ${b.code} owner letter for ${vin}: ${b.code} does not cover this VIN by the library's rules (${others}). Check the VIN and the campaign.`,
          );
        }
        const v = this.vehicle(vin);
        const guest = v && (v.guest_name || v.guest_address) ? { name: v.guest_name, address: v.guest_address } : null;
        const html = ownerLetterHtml({ letter, campaign: b.code, title: b.title, vin, dealer, guest, date, paper });
        return {
          ...base,
          advisorNotes: guest ? [] : [noGuestOnFileNote(vin)],
          kind: 'owner-letter',
          title: `${b.code} owner letter`,
          fileName: fileNameFor(b.code, 'owner-letter', vin),
          html,
          campaign: b.code,
          vin,
        };
      }
      case 'faq': {
        const b = this.bulletin(req.campaign);
        const faq = documentsOf(b).faq;
        if (guestQa(b).length === 0)
          throw new ApiError('not-found', `The ${b.code} bulletin has no questions and answers for guests: there is no FAQ to print.`);
        const title = faq?.title ?? `${b.title}: questions and answers`;
        const html = faqHtml({ bulletin: b, title, intro: faq?.intro ?? null, dealerName: dealer.name, date, paper });
        return { ...base, kind: 'faq', title, fileName: fileNameFor(b.code, 'guest-FAQ', date), html, campaign: b.code };
      }
      default: {
        const header = { dealerName: dealer.name, date, paper };
        const only = req.campaign ? this.s.campaigns.idOf(req.campaign).code : null;
        // The screen's view (search, filters, sort, grouping) when printed from the screen; --campaign from the CLI.
        const html =
          req.kind === 'holds'
            ? req.view
              ? holdsHtml(reportsOf(this.s).holdReport(), header, { ...req.view, campaign: req.view.campaign || only || '' })
              : holdsHtml(onlyCampaign(reportsOf(this.s).holdReport(), only), header, { grouped: true }, only ?? '')
            : req.kind === 'followup'
              ? req.view
                ? followUpHtml(reportsOf(this.s).followUpList({ campaign: null, remedyAvailableOnly: false, booked: 'all' }), header, {
                    ...req.view,
                    campaign: req.view.campaign || only || '',
                  })
                : followUpHtml(reportsOf(this.s).followUpList({ campaign: only, remedyAvailableOnly: false, booked: 'all' }), header)
              : req.kind === 'orders'
                ? ordersHtml(sourcedOf(orderRows(this.s), only), header)
                : claimsHtml(sourcedOf(claimRows(this.s), only), header);
        return {
          ...base,
          kind: req.kind,
          title: FORM_KIND_LABEL[req.kind],
          fileName: only ? fileNameFor(FORM_KIND_LABEL[req.kind], only, date) : fileNameFor(FORM_KIND_LABEL[req.kind], date),
          html,
          campaign: only,
        };
      }
    }
  }

  private disclosure(
    req: Extract<FormRequest, { kind: 'disclosure' }>,
    dealer: ReturnType<SettingsStore['dealerForForms']>['dealer'],
    paper: 'letter' | 'a4',
    date: string,
  ): RenderedForm {
    const result = this.s.lookup.lookup({ vin: req.vin, model: req.model ?? null, productionMonth: req.productionMonth ?? null });
    const vehicle = this.vehicle(result.vin);
    // Covered: a campaign that may apply and has a form.
    const covered = coveredBy(result);
    const withForm = covered.filter((h) => documentsOf(this.bulletin(h.code)).disclosureForm);
    const wanted = req.campaign?.trim().toUpperCase();
    const hit = wanted ? withForm.find((h) => h.code === wanted) : withForm[0];
    if (!hit) {
      const why = wanted
        ? covered.some((h) => h.code === wanted)
          ? `the ${wanted} bulletin has no disclosure form`
          : `${wanted} does not cover this VIN`
        : covered.length
          ? `none of the campaigns that may apply (${covered.map((h) => h.code).join(', ')}) has a disclosure form`
          : 'no campaign in the library covers this VIN';
      throw new ApiError('invalid-input', `No disclosure form for ${result.vin}: ${why}.`);
    }
    const form = documentsOf(this.bulletin(hit.code)).disclosureForm!;
    // Stated details first; the dealer's record of the guest fills what was not stated.
    const g: Guest = {
      name: req.guest.name || vehicle?.guest_name || null,
      email: req.guest.email || vehicle?.guest_email || null,
      address: req.guest.address || vehicle?.guest_address || null,
      phone: req.guest.phone || vehicle?.guest_phone || null,
      mobilePhone: req.guest.mobilePhone || null,
    };
    const condition = vehicle?.condition ?? null;
    const advisorNotes = form.advisorNotes
      .filter((n) => n.condition === null || condition === null || n.condition === condition)
      .map((n) => (n.condition && condition === null ? `If this vehicle is ${CONDITION_LABEL[n.condition].toLowerCase()}: ${n.text}` : n.text));
    // The vehicle's own part for this campaign, where the counter has it: requested, on order, or on the shelf.
    for (const p of vehicleCpor(this.s, { vin: result.vin }).parts) if (p.campaign === hit.code) advisorNotes.unshift(cporAdvisorNote(p, p.what));
    const html = disclosureHtml({
      form,
      campaign: hit.code,
      vin: result.vin,
      model: result.model,
      modelYear: result.modelYear,
      dealer,
      staff: req.staff,
      guest: g,
      date,
      paper,
    });
    return {
      kind: 'disclosure',
      title: `${form.title}, ${result.vin}`,
      fileName: fileNameFor(hit.code, 'disclosure', result.vin),
      html,
      paper,
      campaign: hit.code,
      vin: result.vin,
      advisorNotes,
      copies: form.copies,
      mail: form.email ? mailDraft(form.email.to, form.email.subject, result.vin) : null,
    };
  }

  record(kind: LoggedFormKind, campaign: string, vin: string | null, staff: string | null): FormRecord {
    const code = this.s.campaigns.idOf(campaign).code;
    const row = this.s.db.sqlite
      .prepare<[string, string, string | null, string | null, string], LogRow>(
        'INSERT INTO forms_log (kind, campaign_code, vin, staff, printed_at) VALUES (?, ?, ?, ?, ?) RETURNING id, kind, campaign_code, vin, staff, printed_at',
      )
      .get(kind, code, vin, staff, this.s.now().toISOString())!;
    return toRecord(row);
  }

  list(vin: string | null): FormRecord[] {
    const rows = vin
      ? this.s.db.sqlite
          .prepare<[string], LogRow>('SELECT id, kind, campaign_code, vin, staff, printed_at FROM forms_log WHERE vin = ? ORDER BY printed_at DESC, id DESC')
          .all(vin)
      : this.s.db.sqlite.prepare<[], LogRow>('SELECT id, kind, campaign_code, vin, staff, printed_at FROM forms_log ORDER BY printed_at DESC, id DESC').all();
    return rows.map(toRecord);
  }

  async pdf(form: RenderedForm): Promise<{ pdf: Buffer; pages: number }> {
    let pdf: Buffer;
    try {
      pdf = await this.printer.toPdf(form.html);
    } catch (err) {
      // No Chromium to print with is said as such (exit 2 in the CLI), not as an internal fault.
      if (err instanceof NoChromiumError) throw new ApiError('conflict', err.message);
      throw err;
    }
    return { pdf, pages: pdfPageCount(pdf) };
  }

  /** Renders, prints to the forms folder and, for a per-vehicle document, records it once written. */
  async save(req: FormRequest, out?: string): Promise<{ form: RenderedForm; path: string; pdf: Buffer; pages: number; record: FormRecord | null }> {
    const form = this.render(req);
    const { pdf, pages } = await this.pdf(form);
    const file = out ?? path.join(this.folder, form.fileName);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeOut(file, pdf);
    } catch (err) {
      if (err instanceof WriteOutError) throw new ApiError('conflict', err.message);
      throw err;
    }
    const record =
      form.kind === 'disclosure' || form.kind === 'owner-letter' || form.kind === 'faq'
        ? this.record(form.kind, form.campaign!, form.vin, req.kind === 'disclosure' ? req.staff : null)
        : null;
    return { form, path: file, pdf, pages, record };
  }

  /** Only files in the forms folder are shown: the renderer may not point the file manager anywhere else. */
  isSavedForm(file: string): boolean {
    const resolved = path.resolve(file);
    return resolved.startsWith(path.resolve(this.folder) + path.sep) && fs.existsSync(resolved);
  }
}

/** The campaigns that may apply to the VIN: found by the lookup and not ruled out by a complete affected-VIN list. */
function coveredBy(result: LookupResult): CampaignHit[] {
  return result.campaigns.filter((h) => !(h.affectedList?.complete && !h.affectedList.listed));
}

/** A printed list's rows of one campaign only. */
function sourcedOf<T extends { campaign: string }>(l: Sourced<T>, code: string | null): Sourced<T> {
  if (!code) return l;
  const rows = l.rows.filter((r) => r.campaign === code);
  return { rows, note: rows.length ? l.note : `Nothing for ${code}.` };
}

/** The hold report with only one campaign's lines and counts, as the screen shows it filtered. */
function onlyCampaign(r: HoldReport, code: string | null): HoldReport {
  if (!code) return r;
  const holds = r.holds.filter((h) => h.code === code);
  return { ...r, holds, vehiclesHeld: new Set(holds.map((h) => h.vin)).size, perCampaign: r.perCampaign.filter((c) => c.code === code) };
}
