// Appointments in SQL: rows, their campaigns, and the demand within a horizon that order suggestions read.
import type { Appointment } from '../../shared/appointments/contract';
import type { Bulletin } from '../../shared/bulletin';
import { ApiError } from '../../shared/contract';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import { workTime } from './vehicle';

type AppointmentRow = Row<'appointments'>;
type CampaignRow = Row<'appointment_campaigns'>;

/** Open work (booked or arrived) from `from` up to, not including, `until`; arrived work of earlier days too. */
export type Demand = { appointmentId: number; vin: string; at: string; campaign: string; remedyAvailable: boolean; goodwill: string | null };

/**
 * Open work by status and time (appointments_status_at, migration 015): never a walk through the
 * lane's history of completed, no-show and cancelled appointments.
 */
export const DEMAND_SQL = `SELECT a.id, a.vin, a.at, c.campaign_code, c.remedy_available, a.goodwill_reason
  FROM appointments a JOIN appointment_campaigns c ON c.appointment_id = a.id
 WHERE a.status IN ('booked', 'arrived') AND a.at < @until AND (a.status = 'arrived' OR a.at >= @from)
 ORDER BY a.at, a.id`;

export function demandWithin(db: Db, from: string, until: string): Demand[] {
  return db.sqlite
    .prepare<{ from: string; until: string }, [number, string, string, string, number, string | null]>(DEMAND_SQL)
    .raw(true)
    .all({ from, until })
    .map(([appointmentId, vin, at, campaign, ok, goodwill]) => ({ appointmentId, vin, at, campaign, remedyAvailable: ok === 1, goodwill }));
}

/**
 * Booked work of an earlier day that never arrived, counted per campaign. Not demand: the guest did not
 * come, and until someone marks it arrived (demand again), no-show or cancelled, the lines say so.
 */
export const OVERDUE_SQL = `SELECT c.campaign_code, count(*) FROM appointments a JOIN appointment_campaigns c ON c.appointment_id = a.id
 WHERE a.status = 'booked' AND a.at < ? GROUP BY c.campaign_code`;

export function overdueBooked(db: Db, today: string): Map<string, number> {
  const rows = db.sqlite.prepare<[string], [string, number]>(OVERDUE_SQL).raw(true).all(today);
  return new Map(rows);
}

/** A VIN's open appointments (but one, by id: 0 for none) with their campaigns, the earliest first (appointments_vin_status, migration 015). */
export const OPEN_FOR_VIN_SQL = `SELECT a.id, a.at, c.campaign_code FROM appointments a JOIN appointment_campaigns c ON c.appointment_id = a.id
 WHERE a.vin = ? AND a.status IN ('booked', 'arrived') AND a.id <> ? ORDER BY a.at, a.id`;

export function appointmentRows(db: Db, from: string | null, to: string | null): AppointmentRow[] {
  return db.sqlite
    .prepare<{ from: string; to: string }, AppointmentRow>('SELECT * FROM appointments WHERE at >= @from AND at < @to ORDER BY at, id')
    .all({ from: from ?? '0000', to: to ? `${to}T99` : '9999' });
}

export function appointmentRow(db: Db, id: number): AppointmentRow {
  const row = db.sqlite.prepare<[number], AppointmentRow>('SELECT * FROM appointments WHERE id = ?').get(id);
  if (!row) throw new ApiError('not-found', `No appointment ${id}.`, ['List them with: recall-desk appointments.']);
  return row;
}

export function toAppointments(db: Db, rows: AppointmentRow[], bulletinOf: (code: string) => Bulletin | null): Appointment[] {
  if (rows.length === 0) return [];
  const byAppointment = new Map<number, CampaignRow[]>();
  const stmt = db.sqlite.prepare<[number], CampaignRow>('SELECT * FROM appointment_campaigns WHERE appointment_id = ? ORDER BY campaign_code');
  for (const r of rows) byAppointment.set(r.id, stmt.all(r.id));
  return rows.map((r) => {
    const campaigns = byAppointment.get(r.id) ?? [];
    // null when no booked campaign states it; a sum of what is stated otherwise, with the gaps named.
    let hours: number | null = null;
    let minutes: number | null = null;
    const unknownTime: string[] = [];
    for (const c of campaigns) {
      const b = bulletinOf(c.campaign_code);
      const t = b ? workTime(b) : { flatRateHours: null, minutes: null };
      if (t.flatRateHours === null || t.minutes === null) unknownTime.push(c.campaign_code);
      if (t.flatRateHours !== null) hours = (hours ?? 0) + t.flatRateHours;
      if (t.minutes !== null) minutes = (minutes ?? 0) + t.minutes;
    }
    return {
      id: r.id,
      vin: r.vin,
      at: r.at,
      status: r.status,
      model: r.model,
      productionMonth: r.production_month,
      goodwillReason: r.goodwill_reason,
      campaigns: campaigns.map((c) => ({ code: c.campaign_code, remedyAvailable: c.remedy_available === 1, warning: c.warning })),
      flatRateHours: hours === null ? null : Math.round(hours * 100) / 100,
      minutes,
      unknownTime,
      technician: r.technician,
      verifiedBy: r.verified_by,
      repairOrder: r.repair_order,
      completedOn: r.completed_on,
    };
  });
}
