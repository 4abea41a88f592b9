import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dateTimeText, localIsoDate } from '../../shared/dates';
import { formsLogCsv } from '../../shared/forms/csv';
import { FORM_KIND_LABEL } from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { apiQuery } from '../queries';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';
import { PrintButton } from './PrintButton';
import './forms.css';

/** The forms log: which form was printed for which vehicle, by whom and when ("keep on file", provable). */
export function FormsLogScreen() {
  const [vin, setVin] = useState('');
  const wanted = vin.trim().length === 17 ? vin.trim() : null;
  const log = useQuery({ ...apiQuery('listForms', { vin: wanted }), subscribed: useScreenActive() });
  return (
    <div className="report forms-log" data-testid="forms-log">
      <header className="report-head">
        <h2>Forms printed</h2>
        <label>
          VIN <input className="mono" value={vin} onChange={(e) => setVin(e.target.value.toUpperCase())} placeholder="all vehicles" maxLength={18} />
        </label>
        <button
          type="button"
          className="no-print"
          disabled={!log.data || log.data.forms.length === 0}
          onClick={() => log.data && downloadText(`forms-log-${localIsoDate(new Date())}.csv`, formsLogCsv(log.data.forms))}
        >
          Export CSV
        </button>
      </header>
      <ul className="list-prints">
        {(['orders', 'claims'] as const).map((kind) => (
          <li key={kind}>
            <span>{FORM_KIND_LABEL[kind]}</span> <PrintButton kind={kind} />
          </li>
        ))}
      </ul>
      {log.error && <ErrorNotice error={log.error} />}
      {log.data &&
        (log.data.forms.length === 0 ? (
          <p className="muted">No form recorded{wanted ? ` for ${wanted}` : ''} yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Form</th>
                <th>Campaign</th>
                <th>VIN</th>
                <th>Date</th>
                <th>Staff</th>
              </tr>
            </thead>
            <tbody>
              {log.data.forms.map((f) => (
                <tr key={f.id}>
                  <td>{FORM_KIND_LABEL[f.kind]}</td>
                  <td className="mono">{f.campaign}</td>
                  <td className="mono">{f.vin ?? ''}</td>
                  <td>{dateTimeText(f.date)}</td>
                  <td>{f.staff ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
