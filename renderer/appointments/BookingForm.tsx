import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { parseProductionMonth } from '../../shared/month';
import { doNotDriveWarning, hoursText, minutesText, SEVERITY_GUEST_TEXT, SEVERITY_LABEL, orderedSeverity } from '../../shared/wording';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';

type Facts = { vin: string; model: string | null; productionMonth: string | null };

/** Book: look the VIN up, see the vehicle and every open campaign, choose them, and book (goodwill when needed). */
export function BookingForm() {
  const [vin, setVin] = useState('');
  const [model, setModel] = useState('');
  const [month, setMonth] = useState('');
  const [facts, setFacts] = useState<Facts | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [at, setAt] = useState('');
  const [day, setDay] = useState('');
  const [goodwill, setGoodwill] = useState('');
  const preview = useQuery(apiQuery('previewBooking', facts));
  const book = useApiMutation('bookAppointment');
  const move = useApiMutation('moveAppointment');
  const wait = useApiMutation('addToWaitingList');
  const offers = preview.data?.campaigns ?? [];
  const needsGoodwill = offers.some((o) => chosen.includes(o.code) && !o.available && o.goodwill);
  // The campaigns offered come ticked: those that can be booked (available, or with goodwill offered) and not held by another appointment.
  useEffect(() => {
    setChosen((preview.data?.campaigns ?? []).filter((o) => !o.completed && !o.openAppointment && (o.available || o.goodwill)).map((o) => o.code));
  }, [preview.data]);
  return (
    <section className="panel" aria-label="Book an appointment">
      <h3>Book</h3>
      <form
        className="lane-form"
        onSubmit={(e) => {
          e.preventDefault();
          const produced = month.trim() ? parseProductionMonth(month) : null;
          setFacts({ vin: vin.trim(), model: model.trim() || null, productionMonth: produced });
          // Every booking starts from an empty form: nothing of the previous one is carried over.
          setChosen([]);
          setAt('');
          setDay('');
          setGoodwill('');
          book.reset();
          move.reset();
          wait.reset();
        }}
      >
        <input aria-label="VIN to book" className="mono" value={vin} onChange={(e) => setVin(e.target.value)} placeholder="VIN" size={19} />
        <input aria-label="Model" value={model} onChange={(e) => setModel(e.target.value)} placeholder="Model (if needed)" size={10} />
        <input aria-label="Production month" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="MM/YY" size={6} />
        <button type="submit">Look up</button>
      </form>
      {preview.error && <ErrorNotice error={preview.error} />}
      {preview.data && (
        <div data-testid="booking-vehicle">
          <p className="lead">
            <span className="mono">{preview.data.vehicle.vin}</span> · {preview.data.vehicle.description}
          </p>
          {offers.some((o) => !o.completed && o.severity.includes('do-not-drive')) && (
            <div className="banner severity do-not-drive" role="alert" data-testid="booking-do-not-drive">
              {doNotDriveWarning(offers.filter((o) => !o.completed && o.severity.includes('do-not-drive')).map((o) => o.code))}
            </div>
          )}
          {offers.length === 0 && <p className="muted">No open campaign applies to this vehicle.</p>}
          <ul className="offers" aria-label="Open campaigns">
            {offers.map((o) => (
              <li key={o.code}>
                <label className="check">
                  <input
                    type="checkbox"
                    disabled={o.completed}
                    checked={chosen.includes(o.code)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
                  />{' '}
                  <span className="code mono">{o.code}</span> {o.title}
                  {o.completed ? ' — already done' : ''}
                </label>{' '}
                <span className="muted">
                  {o.flatRateHours !== null ? hoursText(o.flatRateHours) : 'no flat rate stated'} ·{' '}
                  {o.minutes !== null ? minutesText(o.minutes) : 'no time stated'}
                </span>
                {!o.completed &&
                  orderedSeverity(o.severity).map((f) => (
                    <div key={f} className="warn-text" data-testid={`offer-severity-${f}`}>
                      <strong>{SEVERITY_LABEL[f]}:</strong> {SEVERITY_GUEST_TEXT[f]}
                    </div>
                  ))}
                {!o.completed && (o.warning ? <div className="warn-text">{o.warning}</div> : <div className="good">Remedy available</div>)}
                {!o.completed && !o.available && o.goodwill && <div className="muted">Goodwill is possible: {o.goodwill}.</div>}
                {!o.completed && !o.available && !o.goodwill && (
                  <div>
                    <span className="muted">No goodwill for this: the remedy does not exist yet. </span>
                    <button type="button" onClick={() => wait.mutate({ vin: facts!.vin, campaign: o.code, note: null, by: 'counter' })}>
                      Put on the waiting list (call when the remedy arrives)
                    </button>
                  </div>
                )}
                {o.openAppointment && (
                  <div className="warn-text" data-testid={`open-appointment-${o.code}`}>
                    Already booked: appointment {o.openAppointment.id} on {o.openAppointment.at.replace('T', ' ')}.{' '}
                    <button type="button" disabled={!at} onClick={() => move.mutate({ id: o.openAppointment!.id, at })}>
                      Move it to the time below
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {offers.filter((o) => !o.completed).length > 1 && <p className="hint">Book every open campaign in the same visit where you can.</p>}
          <form
            className="lane-form"
            onSubmit={(e) => {
              e.preventDefault();
              book.mutate({
                vin: facts!.vin,
                model: facts!.model,
                productionMonth: facts!.productionMonth,
                campaigns: chosen,
                at,
                // A reason typed for another vehicle is never sent with this one.
                goodwill: needsGoodwill ? goodwill.trim() || null : null,
              });
            }}
          >
            <label>
              Day{' '}
              <input
                aria-label="Day"
                type="date"
                value={day}
                onChange={(e) => {
                  setDay(e.target.value);
                  if (at && at.slice(0, 10) !== e.target.value) setAt('');
                }}
              />
            </label>
            <input
              aria-label="Date and time"
              type="datetime-local"
              step={900}
              value={at}
              onChange={(e) => {
                setAt(e.target.value);
                if (e.target.value) setDay(e.target.value.slice(0, 10));
              }}
            />
            {needsGoodwill && (
              <input
                aria-label="Goodwill reason"
                value={goodwill}
                onChange={(e) => setGoodwill(e.target.value)}
                placeholder="Why book without the remedy (a lost only key, an urgent need)"
                size={40}
              />
            )}
            <button type="submit" className="primary" disabled={chosen.length === 0 || book.isPending}>
              Book {chosen.join(', ')}
            </button>
          </form>
          {day && <DaySlots day={day} hours={workHours(offers.filter((o) => chosen.includes(o.code)))} at={at} onPick={setAt} />}
          {book.error && <ErrorNotice error={book.error} testId="book-error" />}
          {book.data && <Notice kind="ok" message={`Booked: appointment ${book.data.id}.`} details={book.data.warnings} testId="booked" />}
          {move.error && <ErrorNotice error={move.error} />}
          {move.data && (
            <Notice
              kind="ok"
              message={`Moved: appointment ${move.data.appointment.id} is now ${move.data.appointment.at.replace('T', ' ')}.`}
              details={move.data.warnings}
            />
          )}
          {wait.error && <ErrorNotice error={wait.error} />}
          {wait.data && <Notice kind="ok" message={`${wait.data.vin} is on the waiting list for ${wait.data.campaign}: the follow-up list shows it.`} />}
        </div>
      )}
    </section>
  );
}

/** The flat-rate hours of the chosen work (what a slot must hold); null when none is stated (one slot). */
function workHours(chosen: { flatRateHours: number | null }[]): number | null {
  const h = chosen.reduce((sum, o) => sum + (o.flatRateHours ?? 0), 0);
  return h > 0 ? Math.round(h * 100) / 100 : null;
}

/** The day's free slots for the chosen work: the technicians' hours less the flat-rate hours booked; a click fills the time. */
function DaySlots({ day, hours, at, onPick }: { day: string; hours: number | null; at: string; onPick: (at: string) => void }) {
  const slots = useQuery(apiQuery('freeSlots', { date: day, hours }));
  if (slots.error) return <ErrorNotice error={slots.error} />;
  const d = slots.data;
  if (!d) return null;
  return (
    <section className="slots" aria-label="Free slots" data-testid="free-slots">
      <h4>
        Free slots on {d.date}
        {d.opening ? ` (open ${d.opening.opens}-${d.opening.closes})` : ''}
      </h4>
      {d.opening && d.technicians > 0 && (
        <p className="muted" data-testid="slots-hours">
          {d.technicians} technician{d.technicians === 1 ? '' : 's'}: {hoursText(d.capacityHours)} of work, {hoursText(d.bookedHours)} booked,{' '}
          {hoursText(d.freeHours)} free · each slot for {hoursText(d.needHours)} of work
          {d.unknownTime.length > 0 ? ` · no time stated for ${d.unknownTime.join(', ')} (counted as one slot)` : ''}
        </p>
      )}
      {d.note && (
        <p className={d.full ? 'warn-text' : 'muted'} data-testid="slots-note">
          {d.note}
        </p>
      )}
      {d.slots.length > 0 && (
        <div className="slot-list">
          {d.slots.map((s) => (
            <button key={s.at} type="button" className="slot" aria-pressed={at === s.at} onClick={() => onPick(s.at)}>
              {s.at.slice(11)} <span className="muted">{s.free} free</span>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
