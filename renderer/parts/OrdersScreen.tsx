import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useEffect, useState } from 'react';
import { suggestionsCsv } from '../../shared/parts/csv';
import { localIsoDate } from '../../shared/dates';
import { METHOD_LABEL } from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { apiQuery, useApiMutation } from '../queries';
import { downloadText } from '../ui/download';
import { ErrorNotice, Notice } from '../ui/Notice';
import { ByField } from './ByField';
import { useByName } from './useByName';

/** Order suggestions (F9): every line says why; accepting records the stock and CPOR lines as orders. */
export function OrdersScreen() {
  const active = useScreenActive();
  const [horizon, setHorizon] = useState('14');
  const days = Number(horizon);
  const valid = Number.isInteger(days) && days >= 1 && days <= 365;
  const [by, setBy] = useByName();
  const s = useQuery({ ...apiQuery('suggestOrders', valid ? { horizonDays: days } : null), placeholderData: keepPreviousData, subscribed: active });
  const accept = useApiMutation('acceptSuggestions');
  const { reset } = accept;
  // "N orders recorded" is news once: coming back to the screen shows only the lines as they are now.
  useEffect(() => {
    if (!active) reset();
  }, [active, reset]);
  const orderable = s.data?.lines.filter((l) => (l.method === 'stock' || l.method === 'cpor') && l.quantity > 0).length ?? 0;
  return (
    <div className="report lane" data-testid="orders">
      <header className="report-head">
        <h2>Order suggestions</h2>
        <div className="button-row no-print">
          <label>
            Booked work within <input aria-label="Horizon in days" value={horizon} onChange={(e) => setHorizon(e.target.value)} size={4} inputMode="numeric" />{' '}
            days
          </label>
          {s.data && (
            <button type="button" onClick={() => downloadText(`order-suggestions-${localIsoDate(new Date())}.csv`, suggestionsCsv(s.data))}>
              Export CSV
            </button>
          )}
        </div>
      </header>
      {!valid && <Notice kind="error" message="The horizon is a whole number of days from 1 to 365, e.g. 14." />}
      {s.error && <ErrorNotice error={s.error} />}
      {s.data && (
        <>
          <table aria-label="Suggested orders">
            <thead>
              <tr>
                <th>Campaign</th>
                <th>Part number</th>
                <th>How</th>
                <th>Qty</th>
                <th>VIN</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {s.data.lines.map((l, i) => (
                <tr key={`${l.campaign}-${l.partNumber}-${l.vin}-${i}`} className={`method-${l.method}`}>
                  <td>
                    <span className="code mono">{l.campaign}</span>
                  </td>
                  <td className="mono">{l.partNumber ?? <span className="unknown">none</span>}</td>
                  <td>{METHOD_LABEL[l.method]}</td>
                  <td>{l.quantity || ''}</td>
                  <td className="mono">{l.vin}</td>
                  <td>{l.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Can op="acceptSuggestions">
            <form
              className="lane-form"
              onSubmit={(e) => {
                e.preventDefault();
                accept.mutate({ horizonDays: days, by });
              }}
            >
              <ByField value={by} onChange={setBy} />
              <button type="submit" className="primary" disabled={orderable === 0 || accept.isPending}>
                Accept {orderable} order line{orderable === 1 ? '' : 's'} (stock and CPOR)
              </button>
            </form>
          </Can>
          {accept.error && <ErrorNotice error={accept.error} />}
          {accept.data && <Notice kind="ok" message={`${accept.data.recorded.length} order(s) recorded in the stock ledger.`} testId="accepted" />}
        </>
      )}
    </div>
  );
}
