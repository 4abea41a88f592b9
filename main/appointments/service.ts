// The service lane: booking (with the vehicle's other open campaigns and the remedy's availability),
// the day plan, status changes and completing the work.
import { ApiError, type ParsedInputOf } from '../../shared/api';
import type { Appointment, BookingPreview, DayPlan } from '../../shared/appointments/contract';
import { localDate } from '../../shared/parts/dates';
import { doNotDriveWarning } from '../../shared/wording';
import type { CampaignStore } from '../campaigns/store';
import { type CampaignParts, loadCatalog } from '../parts/catalog';
import { checkedVin, ledgerOf, recordMovement } from '../parts/service';
import type { Services } from '../services';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { setVehicleCampaignStatus } from '../vehicles/status';
import { appointmentRow, appointmentRows, toAppointments } from './store';
import { courseOf, hasCourse, technicianOrThrow } from './techs';
import { campaignOffer, vehicleSummary } from './vehicle';

type Lane = Pick<Services, 'db' | 'campaigns' | 'lookup' | 'now'>;

const bulletinLookup = (campaigns: CampaignStore) => (code: string) => {
  const id = campaigns.idForCode(code);
  return id === null ? null : campaigns.byId(id).bulletin;
};

/** `decoded`: the vehicle as NHTSA vPIC decodes the VIN (the handler decodes first), so booking shows it and its rules use it. */
export function previewBooking(s: Lane, input: ParsedInputOf<'previewBooking'>, decoded: DecodedVehicle | null = null): BookingPreview {
  const result = s.lookup.lookup({ vin: input.vin, model: input.model ?? null, productionMonth: input.productionMonth ?? null, decoded });
  const catalog = loadCatalog(s.db, s.campaigns);
  return {
    vehicle: vehicleSummary(result),
    campaigns: result.campaigns.map((hit) => {
      const c = catalog.find((x) => x.code === hit.code);
      return campaignOffer(hit, c!.bulletin, c?.parts ?? []);
    }),
  };
}

export function bookAppointment(s: Lane, input: ParsedInputOf<'bookAppointment'>) {
  checkedVin(input.vin);
  const wanted = [...new Set(input.campaigns.map((c) => s.campaigns.idOf(c).code))];
  const preview = previewBooking(s, input);
  const offers = wanted.map((code) => {
    const offer = preview.campaigns.find((o) => o.code === code);
    if (!offer)
      throw new ApiError('invalid-input', `${code} does not cover ${preview.vehicle.vin} by the library's rules: check the VIN and the campaign.`, [
        `Campaigns that may apply: ${preview.campaigns.map((o) => o.code).join(', ') || 'none'}.`,
      ]);
    if (offer.completed) throw new ApiError('conflict', `${code} is already recorded as done on ${preview.vehicle.vin}: nothing to book.`);
    return offer;
  });
  const unavailable = offers.filter((o) => !o.available);
  if (unavailable.length > 0 && !input.goodwill) {
    throw new ApiError(
      'invalid-input',
      `The remedy is not available for this vehicle: book it only with a goodwill reason (e.g. a lost only key, an urgent need).`,
      [...unavailable.map((o) => o.warning!), 'Give the reason with --goodwill REASON (on screen: "Goodwill reason").'],
    );
  }
  const warnings = unavailable.map((o) => `${o.warning} Booked as goodwill: ${input.goodwill}.`);
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
      const r = s.db.sqlite
        .prepare(
          `INSERT INTO appointments (vin, at, status, model, production_month, goodwill_reason, created_at, updated_at)
           VALUES (?, ?, 'booked', ?, ?, ?, ?, ?)`,
        )
        .run(preview.vehicle.vin, input.at, input.model ?? null, input.productionMonth ?? null, unavailable.length ? input.goodwill! : null, at, at);
      const add = s.db.sqlite.prepare('INSERT INTO appointment_campaigns (appointment_id, campaign_code, remedy_available, warning) VALUES (?, ?, ?, ?)');
      for (const o of offers) add.run(r.lastInsertRowid, o.code, o.available ? 1 : 0, o.warning);
      return Number(r.lastInsertRowid);
    })
    .immediate();
  return { id, warnings, vehicle: preview.vehicle };
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
      const tech = technicianOrThrow(s.db, input.technician);
      const codes = s.db.sqlite.prepare<[number], string>('SELECT campaign_code FROM appointment_campaigns WHERE appointment_id = ?').pluck().all(row.id);
      const catalog = loadCatalog(s.db, s.campaigns);
      const missing = requiredCourses(catalog, codes).filter((r) => !hasCourse(tech.courses, r.course));
      if (missing.length > 0)
        throw new ApiError(
          'invalid-input',
          `${tech.name} may not do this work: ${missing.length === 1 ? 'a required course is' : 'required courses are'} missing.`,
          missing.map((m) => `${m.campaign} requires "${m.course}"; ${tech.name}'s courses: ${tech.courses.join('; ') || 'none recorded'}.`),
        );
      const today = localDate(s.now());
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
          partsUsed.push({ part: p.partNumber, quantity, vin });
        }
      }
      const claimIds: number[] = [];
      const at = s.now().toISOString();
      for (const code of codes) {
        const b = catalog.find((c) => c.code === code)!.bulletin;
        const op = b.opCodes[0] ?? null;
        setVehicleCampaignStatus(s.db, s.campaigns, null, s.now, {
          vin: row.vin,
          campaign: code,
          status: 'completed-here',
          completedOn: today,
          repairOrder: input.repairOrder ?? null,
        });
        const r = s.db.sqlite
          .prepare(
            `INSERT INTO claims (appointment_id, vin, campaign_code, op_code, hours, repair_order, technician, verified_by, completed_on, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(row.id, row.vin, code, op?.code ?? null, op?.flatRateHours ?? null, input.repairOrder ?? null, tech.name, input.verifiedBy, today, at);
        claimIds.push(Number(r.lastInsertRowid));
      }
      s.db.sqlite
        .prepare(
          "UPDATE appointments SET status = 'completed', technician = ?, verified_by = ?, repair_order = ?, completed_on = ?, updated_at = ? WHERE id = ?",
        )
        .run(tech.name, input.verifiedBy, input.repairOrder ?? null, today, at, row.id);
      return { appointment: toAppointments(s.db, [appointmentRow(s.db, row.id)], bulletinLookup(s.campaigns))[0]!, claimIds, partsUsed };
    })
    .immediate();
}
