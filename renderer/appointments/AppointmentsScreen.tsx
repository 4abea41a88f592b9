import { useQuery } from '@tanstack/react-query';
import { useAuth, useCan } from '../accounts/auth';
import { Can } from '../accounts/Can';
import { useState } from 'react';
import type { Appointment } from '../../shared/appointments/contract';
import { APPOINTMENT_STATUS_LABEL, hoursText, minutesText } from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { BookingForm } from './BookingForm';

/** Appointments (F8): book with the vehicle's open campaigns, the day plan in flat-rate hours and time, status, completion. */
export function AppointmentsScreen() {
  const active = useScreenActive();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = useQuery({
    ...apiQuery('listAppointments', { from: from || null, to: to || null }),
    subscribed: active,
  });
  const byDay = new Map<string, Appointment[]>();
  for (const a of list.data?.appointments ?? []) byDay.set(a.at.slice(0, 10), [...(byDay.get(a.at.slice(0, 10)) ?? []), a]);
  return (
    <div className="report lane" data-testid="appointments">
      <header className="report-head">
        <h2>Appointments</h2>
      </header>
      <Can op="bookAppointment">
        <BookingForm />
      </Can>
      <section className="panel" aria-label="Day view">
        <h3>Day view</h3>
        <div className="button-row">
          <label>
            From <input aria-label="From" className="mono" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="YYYY-MM-DD" size={11} />
          </label>
          <label>
            To <input aria-label="To" className="mono" value={to} onChange={(e) => setTo(e.target.value)} placeholder="YYYY-MM-DD" size={11} />
          </label>
        </div>
        {list.error && <ErrorNotice error={list.error} />}
        {list.data?.appointments.length === 0 && <p className="muted">No appointments in this period.</p>}
        {list.data?.days.map((d) => (
          <div key={d.date} className="day">
            <h4 data-testid={`day-${d.date}`}>
              {d.date}: {d.appointments} appointment{d.appointments === 1 ? '' : 's'} · {hoursText(d.flatRateHours)} flat rate · {minutesText(d.minutes)} of
              work
              {d.unknownTime.length > 0 && <span className="muted"> (no time stated for {d.unknownTime.join(', ')})</span>}
            </h4>
            {(byDay.get(d.date) ?? []).map((a) => (
              <AppointmentRow key={a.id} a={a} />
            ))}
          </div>
        ))}
        {[...byDay.entries()]
          .filter(([date]) => !list.data?.days.some((d) => d.date === date))
          .map(([date, as]) => (
            <div key={date} className="day">
              <h4>{date}: nothing open</h4>
              {as.map((a) => (
                <AppointmentRow key={a.id} a={a} />
              ))}
            </div>
          ))}
      </section>
    </div>
  );
}

function AppointmentRow({ a }: { a: Appointment }) {
  const status = useApiMutation('setAppointmentStatus');
  const canChange = useCan('setAppointmentStatus');
  const open = a.status === 'booked' || a.status === 'arrived';
  return (
    <article className="appointment" aria-label={`Appointment ${a.id}`}>
      <div>
        <strong>{a.at.slice(11)}</strong> <span className="mono">{a.vin}</span> {a.model ?? ''} · {a.campaigns.map((c) => c.code).join(', ')} ·{' '}
        {a.flatRateHours !== null ? hoursText(a.flatRateHours) : 'no flat rate stated'} · {a.minutes !== null ? minutesText(a.minutes) : 'no time stated'} ·{' '}
        <span className="badge" data-testid="status">
          {APPOINTMENT_STATUS_LABEL[a.status]}
        </span>
      </div>
      {a.goodwillReason && <div className="warn-text">Goodwill: {a.goodwillReason}</div>}
      {a.status === 'completed' && (
        <div className="muted">
          Done {a.completedOn} by {a.technician}, verified by {a.verifiedBy}
          {a.repairOrder ? `, RO ${a.repairOrder}` : ''}
        </div>
      )}
      {open && canChange && (
        <div className="button-row">
          {a.status === 'booked' && (
            <button type="button" onClick={() => status.mutate({ id: a.id, status: 'arrived' })}>
              Arrived
            </button>
          )}
          {a.status === 'booked' && (
            <button type="button" onClick={() => status.mutate({ id: a.id, status: 'no-show' })}>
              No-show
            </button>
          )}
          <button type="button" onClick={() => status.mutate({ id: a.id, status: 'cancelled' })}>
            Cancel
          </button>
          {status.error && <ErrorNotice error={status.error} />}
        </div>
      )}
      {open && (
        <Can op="completeAppointment">
          <CompleteForm id={a.id} />
        </Can>
      )}
    </article>
  );
}

function CompleteForm({ id }: { id: number }) {
  const auth = useAuth();
  const techs = useQuery(apiQuery('listTechnicians', {}));
  // With accounts, the technician and the verifier are people who can sign in; without, the verifier
  // is still a known person (the staff list or the technicians roster), never free text.
  const accounts = useQuery(apiQuery('listPeople', auth ? {} : null));
  const settings = useQuery(apiQuery('getSettings', auth ? null : {}));
  const [tech, setTech] = useState('');
  const [verifier, setVerifier] = useState('');
  const [verifierPassword, setVerifierPassword] = useState('');
  const [ro, setRo] = useState('');
  const done = useApiMutation('completeAppointment');
  const roster = techs.data?.technicians.map((t) => t.name) ?? [];
  const techNames = auth ? (accounts.data?.people.filter((p) => p.roles.includes('technician')).map((p) => p.name) ?? []) : roster;
  const known = auth ? (accounts.data?.people.map((p) => p.name) ?? []) : [...(settings.data?.staff ?? []), ...roster];
  const verifierNames = [...new Set(known)].filter((n) => n !== tech).sort((a, b) => a.localeCompare(b));
  return (
    <details>
      <summary>Complete…</summary>
      <form
        className="lane-form"
        aria-label={`Complete appointment ${id}`}
        onSubmit={(e) => {
          e.preventDefault();
          done.mutate(
            { id, technician: tech, verifiedBy: verifier, verifierPassword: auth ? verifierPassword : null, repairOrder: ro || null },
            { onSettled: () => setVerifierPassword('') },
          );
        }}
      >
        <select aria-label="Technician" value={tech} onChange={(e) => setTech(e.target.value)}>
          <option value="">Technician…</option>
          {techNames.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <select aria-label="Verified by" value={verifier} onChange={(e) => setVerifier(e.target.value)}>
          <option value="">Verified by (not the technician)…</option>
          {verifierNames.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        {auth && (
          <input
            type="password"
            aria-label="Verifier's password"
            value={verifierPassword}
            onChange={(e) => setVerifierPassword(e.target.value)}
            placeholder="Verifier's password"
            size={14}
          />
        )}
        <input aria-label="Repair order" value={ro} onChange={(e) => setRo(e.target.value)} placeholder="RO number" size={10} />
        <button type="submit" className="primary" disabled={done.isPending}>
          Complete
        </button>
      </form>
      {done.error && <ErrorNotice error={done.error} testId="complete-error" />}
      {done.data && <Notice kind="ok" message={`Completed. Claim line(s) ${done.data.claimIds.map((c) => `#${c}`).join(', ')} recorded.`} />}
    </details>
  );
}
