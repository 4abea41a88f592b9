// Appointments, the day plan and the technician roster as a terminal reads them.
import type { Appointment, DayPlan, Technician } from '../../shared/appointments/contract';
import { APPOINTMENT_STATUS_LABEL, hoursText, minutesText } from '../../shared/wording';

export function formatDays(days: DayPlan[]): string[] {
  return days.map(
    (d) =>
      `${d.date}: ${d.appointments} appointment${d.appointments === 1 ? '' : 's'}, ${hoursText(d.flatRateHours)} flat rate, ${minutesText(d.minutes)} of work${d.unknownTime.length ? ` (no time stated for ${d.unknownTime.join(', ')})` : ''}`,
  );
}

export function formatAppointments(r: { appointments: Appointment[]; days: DayPlan[] }): string {
  if (r.appointments.length === 0) return 'No appointments in this period.';
  const lines = formatDays(r.days);
  lines.push('');
  for (const a of r.appointments) {
    lines.push(
      `#${a.id}  ${a.at.replace('T', ' ')}  ${APPOINTMENT_STATUS_LABEL[a.status]}  ${a.vin}  ${a.campaigns.map((c) => c.code).join(', ')}  ${a.flatRateHours !== null ? hoursText(a.flatRateHours) : 'no flat rate stated'} ${a.minutes !== null ? minutesText(a.minutes) : 'no time stated'}`.trimEnd(),
    );
    if (a.goodwillReason) lines.push(`  goodwill: ${a.goodwillReason}`);
    if (a.status === 'completed')
      lines.push(`  done ${a.completedOn} by ${a.technician}, verified by ${a.verifiedBy}${a.repairOrder ? `, RO ${a.repairOrder}` : ''}`);
  }
  return lines.join('\n');
}

export function formatTechs(techs: Technician[]): string {
  if (techs.length === 0) return 'No technicians on the roster. Add one: recall-desk techs add NAME --course TEXT.';
  return techs.map((t) => `${t.name}\n${t.courses.map((c) => `  ${c}`).join('\n') || '  (no courses recorded)'}`).join('\n');
}
