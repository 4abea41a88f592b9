// The service lane: booking (with the vehicle's other open campaigns and the remedy's availability),
// the day plan, status changes and completing the work.
import { recordClaim } from '../claims/service';
import { ApiError, type ParsedInputOf } from '../../shared/api';
import type { Appointment, BookingPreview, DayPlan } from '../../shared/appointments/contract';
import { addDays, localIsoDate, localMinute } from '../../shared/dates';
import { analyzeVin } from '../../shared/vin';
import { doNotDriveWarning, minutesText } from '../../shared/wording';
import type { CampaignStore } from '../campaigns/store';
import { type CampaignParts, loadCatalog } from '../parts/catalog';
import { ledgerOf, notCovered, recordMovement } from '../parts/service';
import type { CoreServices as Services } from '../core-services';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { openingHours } from '../settings/store';
import { setVehicleCampaignStatus } from '../vehicles/status';
import { appointmentRow, appointmentRows, OPEN_FOR_VIN_SQL, toAppointments } from './store';
import { courseOf, hasCourse, technicianOrThrow } from './techs';
import { campaignOffer, remedyUnknown, vehicleSummary } from './vehicle';

type Lane = Pick<Services, 'db' | 'campaigns' | 'lookup' | 'now' | 'accounts'>;

const bulletinLookup = (campaigns: CampaignStore) => (code: string) => {
  const id = campaigns.idForCode(code);
  return id === null ? null : campaigns.byId(id).bulletin;
};

/** `decoded`: the vehicle as NHTSA vPIC decodes the VIN (the handler decodes first), so booking shows it and its rules use it. */
export function previewBooking(s: Lane, input: ParsedInputOf<'previewBooking'>, decoded: DecodedVehicle | null = null): BookingPreview {
  return offersFor(s, input, decoded).preview;
}

/** The booking preview, and the campaigns whose remedy status the lookup does not know (see remedyUnknown). */
function offersFor(s: Lane, input: ParsedInputOf<'previewBooking'>, decoded: DecodedVehicle | null = null) {
  const result = s.lookup.lookup({ vin: input.vin, model: input.model ?? null, productionMonth: input.productionMonth ?? null, decoded });
  const catalog = loadCatalog(s.db, s.campaigns);
  const open = openAppointments(s.db, result.vin);
  const preview: BookingPreview = {
    vehicle: vehicleSummary(result),
    campaigns: result.campaigns.map((hit) => {
      const c = catalog.find((x) => x.code === hit.code);
      return { ...campaignOffer(hit, c!.bulletin, c?.parts ?? []), openAppointment: open.get(hit.code) ?? null };
    }),
  };
  return { preview, unknown: new Set(result.campaigns.filter(remedyUnknown).map((h) => h.code)) };
}

/** The open (booked or arrived) appointment holding each campaign for a VIN, the earliest first. */
function openAppointments(db: Lane['db'], vin: string, except: number | null = null): Map<string, { id: number; at: string }> {
  const rows = db.sqlite
    .prepare<[string, number], [number, string, string]>(OPEN_FOR_VIN_SQL)
    .raw(true)
    .all(vin, except ?? 0);
  const out = new Map<string, { id: number; at: string }>();
  for (const [id, at, code] of rows) if (!out.has(code)) out.set(code, { id, at });
  return out;
}

const when = (at: string) => at.replace('T', ' ');
const codesOf = (offers: { code: string }[]) => offers.map((o) => o.code).join(', ');

/** A time already gone is refused: an appointment is for work to come. */
function notInThePast(s: Lane, at: string): void {
  const now = localMinute(s.now());
  if (at < now)
    throw new ApiError('invalid-input', `${when(at)} is in the past (it is now ${when(now)}): book a time to come.`, [
      `Write the date and time as YYYY-MM-DDTHH:MM, e.g. ${addDays(localIsoDate(s.now()), 1)}T09:00 for tomorrow at 09:00.`,
    ]);
}

/** A time more than a year ahead is most often a mistyped year: booked, with a warning. */
function farAheadWarning(s: Lane, at: string): string[] {
  const yearAhead = addDays(localIsoDate(s.now()), 366);
  return at.slice(0, 10) > yearAhead ? [`${when(at)} is more than a year ahead: check the year.`] : [];
}

/**
 * The dealer's opening hours (Settings; none set by default): a time outside them, or work that would
 * run past closing (the bulletins' stated minutes), is a warning, not a refusal.
 */
function hoursWarning(s: Lane, at: string, minutes: number): string[] {
  const hours = openingHours(s.db);
  if (!hours) return [];
  const t = at.slice(11);
  if (t < hours.opens || t >= hours.closes)
    return [`${when(at)} is outside the opening hours set in Settings (${hours.opens}-${hours.closes}): check the time with the guest.`];
  const end = Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) + minutes;
  const endText = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  return endText > hours.closes
    ? [
        `${when(at)}: the work (${minutesText(minutes)}) would end at ${endText}, after closing (opening hours in Settings: ${hours.opens}-${hours.closes}): check the time with the guest.`,
      ]
    : [];
}

/**
 * A VIN whose check digit does not match is booked (some real VINs are check-digit exceptions), with a
 * warning: it is most often a typo, and no part is ordered for it as typed (the ledger refuses it).
 */
function checkDigitWarning(vin: string): string[] {
  const v = analyzeVin(vin);
  if (!v.ok || v.checkDigitValid) return [];
  return [
    `VIN ${v.vin}: the check digit does not match (position 9 is "${v.vin[8]}", the rest of the VIN calls for "${v.expectedCheckDigit}"): probably a typo; check the VIN against the vehicle. Booked as typed, but no part can be ordered for this VIN: if it is a typo, cancel this appointment and book the right VIN.`,
  ];
}

export function bookAppointment(s: Lane, input: ParsedInputOf<'bookAppointment'>) {
  const wanted = [...new Set(input.campaigns.map((c) => s.campaigns.idOf(c).code))];
  const { preview, unknown } = offersFor(s, input);
  const offers = wanted.map((code) => {
    const offer = preview.campaigns.find((o) => o.code === code);
    if (!offer)
      throw notCovered(
        code,
        preview.vehicle.vin,
        preview.campaigns.map((o) => o.code),
      );
    if (offer.completed) throw new ApiError('conflict', `${code} is already recorded as done on ${preview.vehicle.vin}: nothing to book.`);
    return offer;
  });
  const unavailable = offers.filter((o) => !o.available);
  // A remedy whose status is unknown reads "unknown", never "not available": what decides it is said.
  const allUnknown = unavailable.length > 0 && unavailable.every((o) => unknown.has(o.code));
  const noGoodwill = unavailable.filter((o) => o.goodwill === null);
  if (noGoodwill.length > 0) {
    const headline = noGoodwill.every((o) => unknown.has(o.code))
      ? `The remedy's status is unknown for this vehicle (its phase is not known) and its bulletin offers no goodwill for it: it cannot be booked until the remedy is known to be available. Give the model and production month, or check the VIN on TIS.`
      : `The remedy is not available for this vehicle and its bulletin offers no goodwill for it: it cannot be booked yet.`;
    throw new ApiError('invalid-input', headline, [
      ...noGoodwill.map((o) => o.warning!),
      'Put the vehicle on the waiting list instead (recall-desk wait VIN --campaign CODE): the follow-up list shows it, to call the guest when the remedy arrives.',
    ]);
  }
  if (unavailable.length > 0 && !input.goodwill) {
    throw new ApiError(
      'invalid-input',
      allUnknown
        ? `The remedy's status is unknown for this vehicle (its phase is not known): it may not be available yet. Give the model and production month, or check the VIN on TIS; or book it only with a goodwill reason (e.g. a lost only key, an urgent need).`
        : unavailable.some((o) => unknown.has(o.code))
          ? `The remedy is not available for this vehicle for ${codesOf(unavailable.filter((o) => !unknown.has(o.code)))}, and its status is unknown for ${codesOf(unavailable.filter((o) => unknown.has(o.code)))} (its phase is not known): book it only with a goodwill reason (e.g. a lost only key, an urgent need).`
          : `The remedy is not available for this vehicle: book it only with a goodwill reason (e.g. a lost only key, an urgent need).`,
      [
        ...unavailable.map((o) => `${o.warning} Goodwill is offered by ${o.goodwill}.`),
        allUnknown
          ? 'Give the model and production month with --model MODEL --produced YYYY-MM (on screen: "Model", "Production month"), or the reason with --goodwill REASON (on screen: "Goodwill reason").'
          : 'Give the reason with --goodwill REASON (on screen: "Goodwill reason").',
      ],
    );
  }
  notInThePast(s, input.at);
  const warnings = [
    ...checkDigitWarning(preview.vehicle.vin),
    ...farAheadWarning(s, input.at),
    ...hoursWarning(
      s,
      input.at,
      offers.reduce((m, o) => m + (o.minutes ?? 0), 0),
    ),
    ...unavailable.map((o) => `${o.warning} Booked as goodwill (${o.goodwill}): ${input.goodwill}.`),
    // A reason given where none is needed is not kept (the claim would read as goodwill): said, not dropped silently.
    ...(input.goodwill && unavailable.length === 0
      ? [`The remedy is available for ${wanted.join(', ')}: no goodwill reason is needed, and "${input.goodwill}" was not recorded.`]
      : []),
  ];
  // A later visit for a vehicle its owner is told not to drive: the advisor is told first, every time.
  const doNotDrive = preview.campaigns.filter((o) => !o.completed && o.severity.includes('do-not-drive'));
  if (doNotDrive.length > 0) warnings.unshift(doNotDriveWarning(doNotDrive.map((o) => o.code)));
  const others = preview.campaigns.filter((o) => !wanted.includes(o.code) && !o.completed);
  if (others.length > 0)
    warnings.push(
      `Also open on this vehicle: ${others.map((o) => `${o.code} (${o.title})`).join(', ')}: book them in the same visit (--campaign ${[...wanted, ...others.map((o) => o.code)].join(',')}).`,
    );
  const at = s.now().toISOString();
  const id = s.db.sqlite
    .transaction(() => {
      // Checked in the write transaction: two counters booking the same VIN at once cannot both pass.
      const open = openAppointments(s.db, preview.vehicle.vin);
      const held = wanted.filter((c) => open.has(c));
      if (held.length > 0) {
        const first = open.get(held[0]!)!;
        throw new ApiError(
          'conflict',
          `${preview.vehicle.vin} already has an open appointment for ${held.join(', ')}: appointment ${first.id} on ${when(first.at)}. Move it instead of booking again.`,
          [`Move it: recall-desk appointment ${first.id} move --at YYYY-MM-DDTHH:MM (on screen: Move).`],
        );
      }
      const r = s.db.sqlite
        .prepare(
          `INSERT INTO appointments (vin, at, status, model, production_month, goodwill_reason, created_at, updated_at)
           VALUES (?, ?, 'booked', ?, ?, ?, ?, ?)`,
        )
        .run(preview.vehicle.vin, input.at, input.model ?? null, input.productionMonth ?? null, unavailable.length ? input.goodwill! : null, at, at);
      const add = s.db.sqlite.prepare('INSERT INTO appointment_campaigns (appointment_id, campaign_code, remedy_available, warning) VALUES (?, ?, ?, ?)');
      const waited = s.db.sqlite.prepare('UPDATE waiting_list SET closed_at = ? WHERE vin = ? AND campaign_code = ? AND closed_at IS NULL');
      for (const o of offers) {
        add.run(r.lastInsertRowid, o.code, o.available ? 1 : 0, o.warning);
        waited.run(at, preview.vehicle.vin, o.code);
      }
      return Number(r.lastInsertRowid);
    })
    .immediate();
  return { id, warnings, vehicle: preview.vehicle };
}

/**
 * A vehicle whose remedy does not exist yet (no part released, no repair: ALE) waits: the follow-up list
 * shows it, to call the guest when the remedy arrives. Booking the campaign later closes the entry.
 */
export function addToWaitingList(s: Lane, input: ParsedInputOf<'addToWaitingList'>) {
  const vin = input.vin;
  const code = s.campaigns.idOf(input.campaign).code;
  const offer = previewBooking(s, { vin }).campaigns.find((o) => o.code === code);
  if (!offer) throw new ApiError('invalid-input', `${code} does not cover ${vin} by the library's rules: check the VIN and the campaign.`);
  if (offer.completed) throw new ApiError('conflict', `${code} is already recorded as done on ${vin}: nothing to wait for.`);
  if (offer.available)
    throw new ApiError('conflict', `The remedy of ${code} is available for ${vin}: book it instead (recall-desk book ${vin} --campaign ${code}).`);
  const addedAt = s.now().toISOString();
  return s.db.sqlite
    .transaction(() => {
      const open = s.db.sqlite
        .prepare<[string, string], string>('SELECT added_at FROM waiting_list WHERE vin = ? AND campaign_code = ? AND closed_at IS NULL')
        .pluck()
        .get(vin, code);
      if (open !== undefined) throw new ApiError('conflict', `${vin} is already on the waiting list for ${code} (since ${open.slice(0, 10)}).`);
      const r = s.db.sqlite
        .prepare('INSERT INTO waiting_list (vin, campaign_code, note, added_by, added_at) VALUES (?, ?, ?, ?, ?)')
        .run(vin, code, input.note ?? null, input.by, addedAt);
      return { id: Number(r.lastInsertRowid), vin, campaign: code, addedAt };
    })
    .immediate();
}

/** Moves an open appointment to another time (the offer made when the same work is booked twice). */
export function moveAppointment(s: Lane, input: ParsedInputOf<'moveAppointment'>) {
  notInThePast(s, input.at);
  return s.db.sqlite
    .transaction(() => {
      const row = appointmentRow(s.db, input.id);
      if (row.status !== 'booked') throw new ApiError('conflict', `Appointment ${row.id} is ${row.status}: only a booked appointment can be moved.`);
      s.db.sqlite.prepare('UPDATE appointments SET at = ?, updated_at = ? WHERE id = ?').run(input.at, s.now().toISOString(), row.id);
      const appointment = toAppointments(s.db, [appointmentRow(s.db, row.id)], bulletinLookup(s.campaigns))[0]!;
      return { appointment, warnings: hoursWarning(s, input.at, appointment.minutes ?? 0) };
    })
    .immediate();
}

export function listAppointments(s: Lane, input: ParsedInputOf<'listAppointments'>): { appointments: Appointment[]; days: DayPlan[] } {
  if (input.from && input.to && input.from > input.to) throw new ApiError('invalid-input', `--from ${input.from} is after --to ${input.to}.`);
  const appointments = s.db.sqlite
    .transaction(() => toAppointments(s.db, appointmentRows(s.db, input.from ?? null, input.to ?? null), bulletinLookup(s.campaigns)))
    .deferred();
  return { appointments, days: dayPlans(appointments) };
}

/** Booked work per day, in flat-rate hours and in minutes: what a manager plans technicians with. */
export function dayPlans(appointments: Appointment[]): DayPlan[] {
  const days = new Map<string, DayPlan>();
  for (const a of appointments) {
    if (a.status === 'cancelled' || a.status === 'no-show') continue;
    const date = a.at.slice(0, 10);
    let d = days.get(date);
    if (!d) days.set(date, (d = { date, appointments: 0, flatRateHours: 0, minutes: 0, unknownTime: [] }));
    d.appointments++;
    d.flatRateHours = Math.round((d.flatRateHours + (a.flatRateHours ?? 0)) * 100) / 100;
    d.minutes += a.minutes ?? 0;
    for (const c of a.unknownTime) if (!d.unknownTime.includes(c)) d.unknownTime.push(c);
  }
  return [...days.values()];
}

const NEXT: Record<string, readonly string[]> = { booked: ['arrived', 'no-show', 'cancelled'], arrived: ['cancelled'] };

export function setAppointmentStatus(s: Lane, input: ParsedInputOf<'setAppointmentStatus'>): Appointment {
  return s.db.sqlite
    .transaction(() => {
      const row = appointmentRow(s.db, input.id);
      if (!NEXT[row.status]?.includes(input.status))
        throw new ApiError('conflict', `Appointment ${row.id} is ${row.status}: it cannot become ${input.status}.`);
      s.db.sqlite.prepare('UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?').run(input.status, s.now().toISOString(), row.id);
      return toAppointments(s.db, [appointmentRow(s.db, row.id)], bulletinLookup(s.campaigns))[0]!;
    })
    .immediate();
}

/** Every course the campaigns' bulletins require (not the verification, which is its own check). */
export function requiredCourses(catalog: CampaignParts[], codes: string[]): { campaign: string; course: string }[] {
  return catalog
    .filter((c) => codes.includes(c.code))
    .flatMap((c) => c.bulletin.technicianRequirements.map((r) => ({ campaign: c.code, course: courseOf(r) })))
    .filter((r): r is { campaign: string; course: string } => r.course !== null);
}

/**
 * The verifier, as a known person: a name on the staff list (Settings) or the technicians roster, in
 * its own spelling; never free text. With accounts, the account and its password are the check.
 */
function knownPerson(db: Lane['db'], name: string): string {
  const found = db.sqlite
    .prepare<[string, string], string>(
      'SELECT name FROM staff WHERE name = ? COLLATE NOCASE UNION ALL SELECT name FROM technicians WHERE name = ? COLLATE NOCASE',
    )
    .pluck()
    .get(name.trim(), name.trim());
  if (found === undefined)
    throw new ApiError(
      'invalid-input',
      `"${name.trim()}" is not a known person: the verifier is chosen from the staff list (Settings) or the technicians roster.`,
      ['Add them first: recall-desk settings staff add NAME (or techs add NAME).'],
    );
  return found;
}

/**
 * Work booked for a later day is not done yet: completing it would use the part, close the campaign and
 * make a claim dated before the vehicle is here. A guest who comes early is moved to today, then completed.
 */
function notAheadOfToday(s: Lane, row: { id: number; at: string }): void {
  const today = localIsoDate(s.now());
  if (row.at.slice(0, 10) <= today) return;
  throw new ApiError(
    'conflict',
    `Appointment ${row.id} is booked for ${when(row.at)}, a later day than today (${today}): work is completed on the day the vehicle is here.`,
    [
      `If the guest came early, move the appointment to today first: recall-desk appointment ${row.id} move --at ${localMinute(s.now())} (on screen: Book, look the VIN up, then "Move it to the time below"), then complete it.`,
    ],
  );
}

export function completeAppointment(s: Lane, input: ParsedInputOf<'completeAppointment'>) {
  if (input.technician.trim().toLowerCase() === input.verifiedBy.trim().toLowerCase())
    throw new ApiError(
      'invalid-input',
      `${input.verifiedBy} did the work and cannot also verify it: an associate other than the technician verifies the vehicle before delivery.`,
    );
  return s.db.sqlite
    .transaction(() => {
      const row = appointmentRow(s.db, input.id);
      if (row.status === 'cancelled' || row.status === 'no-show' || row.status === 'completed')
        throw new ApiError('conflict', `Appointment ${row.id} is ${row.status}: only booked or arrived work can be completed.`);
      notAheadOfToday(s, row);
      const tech = technicianOrThrow(s.db, input.technician);
      // With accounts the verifier is an account, confirmed with their password before this (accounts/service.ts).
      const verifiedBy = s.accounts.any() ? input.verifiedBy.trim() : knownPerson(s.db, input.verifiedBy);
      if (verifiedBy.toLowerCase() === tech.name.toLowerCase())
        throw new ApiError(
          'invalid-input',
          `${input.verifiedBy} did the work and cannot also verify it: an associate other than the technician verifies the vehicle before delivery.`,
        );
      const booked = s.db.sqlite
        .prepare<[number], [string, number]>('SELECT campaign_code, remedy_available FROM appointment_campaigns WHERE appointment_id = ?')
        .raw(true)
        .all(row.id);
      const codes = booked.map(([c]) => c);
      const asGoodwill = new Set(booked.filter(([, ok]) => ok === 0).map(([c]) => c));
      const catalog = loadCatalog(s.db, s.campaigns);
      const missing = requiredCourses(catalog, codes).filter((r) => !hasCourse(tech.courses, r.course));
      if (missing.length > 0)
        throw new ApiError(
          'invalid-input',
          `${tech.name} may not do this work: ${missing.length === 1 ? 'a required course is' : 'required courses are'} missing.`,
          missing.map((m) => `${m.campaign} requires "${m.course}"; ${tech.name}'s courses: ${tech.courses.join('; ') || 'none recorded'}.`),
        );
      const today = localIsoDate(s.now());
      const by = tech.name;
      const partsUsed: { part: string; quantity: number; vin: string | null }[] = [];
      for (const code of codes) {
        for (const p of catalog.find((c) => c.code === code)?.parts ?? []) {
          if (!p.released || p.partNumber === null)
            throw new ApiError('conflict', `${code}'s part "${p.description}" is not released: the repair cannot be completed with it.`, [
              'Record the released part number under Parts first (parts set CAMPAIGN PART --released).',
            ]);
          const quantity = p.quantity ?? 1;
          const vin = p.heldPerVin ? row.vin : null;
          // The vehicle's own number when one was received for it, so the ledger says which key went in.
          const number = (vin && ledgerOf(s.db).receivedNumber(p.partNumber, vin)) || p.partNumber;
          recordMovement(s, { kind: 'use', part: number, quantity, vin, expectedOn: null, ref: input.repairOrder ?? null, by }, row.id);
          partsUsed.push({ part: number, quantity, vin });
        }
      }
      const claimIds: number[] = [];
      const at = s.now().toISOString();
      for (const code of codes) {
        const b = catalog.find((c) => c.code === code)!.bulletin;
        const op = b.opCodes[0] ?? null;
        const offered = b.qa.find((q) => /goodwill/i.test(q.answer));
        const goodwill = asGoodwill.has(code) ? `${row.goodwill_reason ?? 'goodwill'}${offered ? ` (${code} FAQ ${offered.id})` : ''}` : null;
        setVehicleCampaignStatus(s.db, s.campaigns, null, s.now, {
          vin: row.vin,
          campaign: code,
          status: 'completed-here',
          completedOn: today,
          repairOrder: input.repairOrder ?? null,
        });
        claimIds.push(
          recordClaim(s.db, {
            appointmentId: row.id,
            vin: row.vin,
            campaign: code,
            opCode: op?.code ?? null,
            hours: op?.flatRateHours ?? null,
            repairOrder: input.repairOrder ?? null,
            technician: tech.name,
            verifiedBy,
            completedOn: today,
            createdAt: at,
            goodwillReason: goodwill,
          }),
        );
      }
      s.db.sqlite
        .prepare(
          "UPDATE appointments SET status = 'completed', technician = ?, verified_by = ?, repair_order = ?, completed_on = ?, updated_at = ? WHERE id = ?",
        )
        .run(tech.name, verifiedBy, input.repairOrder ?? null, today, at, row.id);
      return { appointment: toAppointments(s.db, [appointmentRow(s.db, row.id)], bulletinLookup(s.campaigns))[0]!, claimIds, partsUsed };
    })
    .immediate();
}
