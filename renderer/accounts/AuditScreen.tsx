import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toCsv } from '../../shared/csv-out';
import { dateTimeText } from '../../shared/dates';
import { apiQuery } from '../queries';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';

const factText = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === null ? '' : String(v));

/** Who did what and when (managers and admins): filters, and the rows shown as CSV. */
export function AuditScreen() {
  const [since, setSince] = useState('');
  const [user, setUser] = useState('');
  const [operation, setOperation] = useState('');
  const entries = useQuery(apiQuery('auditTrail', { since: since || null, user: user || null, operation: operation || null, limit: 5000 }));
  const rows = entries.data?.entries ?? [];
  return (
    <section className="audit" aria-label="Audit trail">
      <h2>Audit trail</h2>
      <div className="list-tools">
        <label>
          Since <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label>
          Person <input value={user} onChange={(e) => setUser(e.target.value)} size={14} />
        </label>
        <label>
          Operation <input value={operation} onChange={(e) => setOperation(e.target.value)} size={18} placeholder="e.g. recordMovement" />
        </label>
        <button
          type="button"
          disabled={rows.length === 0}
          onClick={() =>
            downloadText(
              'audit-trail.csv',
              toCsv(
                ['When', 'Person', 'What', 'Facts'],
                rows.map((e) => [
                  dateTimeText(e.at),
                  e.user ?? '',
                  e.does,
                  Object.entries(e.facts)
                    .map(([k, v]) => `${k}: ${factText(v)}`)
                    .join('; '),
                ]),
              ),
              'text/csv',
            )
          }
        >
          Export CSV
        </button>
      </div>
      {entries.error && <ErrorNotice error={entries.error} />}
      <table data-testid="audit-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Person</th>
            <th>What</th>
            <th>Record</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id}>
              <td>{dateTimeText(e.at)}</td>
              <td>{e.user ?? '(no account)'}</td>
              <td>{e.does}</td>
              <td>
                {Object.entries(e.facts)
                  .map(([k, v]) => `${k}: ${factText(v)}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
