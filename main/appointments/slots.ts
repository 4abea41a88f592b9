// The free slots of a day, for booking: the technicians on the roster, each available for the opening
// hours set in Settings; each appointment of the day (booked, arrived or completed) holds one technician
// from its time for its flat-rate hours (the bulletin's; its minutes where no flat rate is stated; one
// slot where neither is). A slot is free where some technician is free for the whole work asked and the
// work ends by closing time. With n technicians, work fits from S for D wherever fewer than n
// appointments overlap any minute of [S, S+D): appointments that overlap at most n at a time can always
// be shared out among n technicians (an interval graph is coloured with as many colours as its largest
// overlap), so counting overlaps is exact without assigning anyone.
import type { FreeSlots } from '../../shared/appointments/contract';
import type { ParsedInputOf } from '../../shared/api';
import { localIsoDate, localMinute } from '../../shared/dates';
import { hoursText } from '../../shared/wording';
import type { CoreServices as Services } from '../core-services';
import { openingHours } from '../settings/store';
import { appointmentRows, toAppointments } from './store';

export const SLOT_MINUTES = 30;

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const round2 = (x: number) => Math.round(x * 100) / 100;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function freeSlots(s: Pick<Services, 'db' | 'campaigns' | 'now'>, input: ParsedInputOf<'freeSlots'>): FreeSlots {
  const { date } = input;
  const needMinutes = Math.max(1, Math.round((input.hours ?? SLOT_MINUTES / 60) * 60));
  const needHours = round2(needMinutes / 60);
  const opening = openingHours(s.db);
  const technicians = s.db.sqlite.prepare<[], number>('SELECT count(*) FROM technicians').pluck().get() ?? 0;
  const bulletinOf = (code: string) => {
    const id = s.campaigns.idForCode(code);
    return id === null ? null : s.campaigns.byId(id).bulletin;
  };
  const work = toAppointments(s.db, appointmentRows(s.db, date, date), bulletinOf).filter((a) => a.status !== 'cancelled' && a.status !== 'no-show');
  const lengthOf = (a: (typeof work)[number]) =>
    a.flatRateHours !== null ? Math.max(1, Math.round(a.flatRateHours * 60)) : a.minutes !== null ? Math.max(1, a.minutes) : SLOT_MINUTES;
  const bookedHours = round2(work.reduce((sum, a) => sum + lengthOf(a), 0) / 60);
  const unknownTime = [...new Set(work.filter((a) => a.flatRateHours === null && a.minutes === null).flatMap((a) => a.unknownTime))];
  const base = { date, opening, technicians, slotMinutes: SLOT_MINUTES, needHours, bookedHours, unknownTime };
  const none = (note: string, capacityHours = 0) => ({
    ...base,
    capacityHours,
    freeHours: round2(Math.max(0, capacityHours - bookedHours)),
    slots: [],
    full: false,
    note,
  });

  const today = localIsoDate(s.now());
  if (date < today) return none(`${date} is past: book a day to come.`);
  if (!opening) return none('No opening hours are set: set them in Settings (recall-desk settings hours 07:30-18:00) to see the free slots of a day.');
  const opens = minuteOf(opening.opens);
  const closes = minuteOf(opening.closes);
  const capacityHours = round2((technicians * (closes - opens)) / 60);
  if (technicians === 0)
    return none('No technician is on the roster: add them under Technicians (recall-desk techs add NAME) to see the free slots of a day.', capacityHours);

  // How many appointments hold a technician at each minute of the day.
  const busy = new Int32Array(24 * 60 + 24 * 60);
  for (const a of work) {
    const start = minuteOf(a.at.slice(11, 16));
    for (let m = start; m < Math.min(busy.length, start + lengthOf(a)); m++) busy[m]!++;
  }
  const earliest = date === today ? minuteOf(localMinute(s.now()).slice(11, 16)) : 0;
  const slots: { at: string; free: number }[] = [];
  for (let start = opens; start + needMinutes <= closes; start += SLOT_MINUTES) {
    if (start < earliest) continue;
    let most = 0;
    for (let m = start; m < start + needMinutes; m++) most = Math.max(most, busy[m]!);
    if (most < technicians) slots.push({ at: `${date}T${hhmm(start)}`, free: technicians - most });
  }
  const full = slots.length === 0 && (date > today || earliest < closes);
  return {
    ...base,
    capacityHours,
    freeHours: round2(Math.max(0, capacityHours - bookedHours)),
    slots,
    full,
    note: full
      ? `${date} is full: no technician is free for ${hoursText(needHours)} between ${opening.opens} and ${opening.closes} (${plural(technicians, 'technician')}, ${hoursText(bookedHours)} of ${hoursText(capacityHours)} booked). Choose another day.`
      : slots.length === 0
        ? `${date}: the opening hours are over for today. Choose another day.`
        : null,
  };
}
