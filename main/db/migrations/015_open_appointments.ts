// 015: the lane's open work found without reading its history. A dealership keeps every appointment
// (completed, no-show, cancelled: years of them), and only open ones (booked, arrived) are asked for: the
// order suggestions' demand and overdue work by status and time, every booking's check for one already
// open by VIN and status. appointments_at alone made those walk every past appointment before the day
// asked: with three years of history (60,000), each order suggestion read them all.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m015_open_appointments: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX appointments_status_at ON appointments (status, at)`.execute(db);
    await sql`CREATE INDEX appointments_vin_status ON appointments (vin, status)`.execute(db);
  },
};
