import { useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useState } from 'react';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';

/** Technicians (F11): the roster and the courses each has completed (what the training gates check). */
export function TechniciansScreen() {
  const techs = useQuery(apiQuery('listTechnicians', {}));
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const add = useApiMutation('addTechnician', {
    onSuccess: () => {
      setChosen([]);
      setOther('');
    },
  });
  const known = techs.data?.courses ?? [];
  return (
    <div className="report lane" data-testid="technicians">
      <header className="report-head">
        <h2>Technicians</h2>
        <p className="hint">
          A technician may be recorded on campaign work only with every course its bulletin requires; another associate verifies the vehicle.
        </p>
      </header>
      {techs.error && <ErrorNotice error={techs.error} />}
      <table aria-label="Technician roster">
        <thead>
          <tr>
            <th>Name</th>
            <th>Courses completed</th>
          </tr>
        </thead>
        <tbody>
          {techs.data?.technicians.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.courses.length ? t.courses.join(' · ') : <span className="unknown">none recorded</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Can op="addTechnician">
        <form
          className="lane-form panel"
          aria-label="Add a technician"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ name, courses: chosen, otherCourses: other.trim() ? [other.trim()] : [] });
          }}
        >
          <input aria-label="Technician name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" />
          {/* Chosen from the bulletins' own spelling: a course can no longer miss the requirement by a word. */}
          <fieldset className="courses" aria-label="Courses completed">
            <legend>Courses completed</legend>
            {known.map((c) => (
              <label key={c.name}>
                <input
                  type="checkbox"
                  checked={chosen.includes(c.name)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, c.name] : chosen.filter((x) => x !== c.name))}
                />{' '}
                {c.name} <span className="muted">{c.requiredBy.length ? `(required by ${c.requiredBy.join(', ')})` : '(the dealer’s own)'}</span>
              </label>
            ))}
            <label>
              Another course (the dealer’s own) <input aria-label="Another course" value={other} onChange={(e) => setOther(e.target.value)} size={40} />
            </label>
          </fieldset>
          <button type="submit" className="primary" disabled={add.isPending}>
            Add / add courses
          </button>
          {add.error && <ErrorNotice error={add.error} />}
          {add.data && <Notice kind="ok" message={`${add.data.name}: ${add.data.courses.length} course(s) on record.`} />}
        </form>
      </Can>
    </div>
  );
}
