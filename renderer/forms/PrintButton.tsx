import { useState } from 'react';
import type { FormRequestInput } from '../../shared/forms/contract';
import type { FollowUpView, HoldView } from '../../shared/reports/view';
import { api } from '../api';
import { ErrorNotice } from '../ui/Notice';
import { printDocument, savePdf } from './print';
import './forms.css';

type ListKind = 'holds' | 'followup' | 'orders' | 'claims';

/**
 * Print and Save PDF for a list screen (holds, follow-up, order suggestions, claims): the printed list
 * (dealer name, date, page numbers, one line per vehicle), not the screen.
 */
/**
 * `campaign`: the screen's campaign filter; `view` (holds, follow-up): the screen's search, filters, sort
 * and grouping. The paper and the PDF show the lines the screen shows, in its order.
 */
export function PrintButton({ kind, campaign = '', view }: { kind: ListKind; campaign?: string; view?: HoldView | FollowUpView }) {
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const request = { kind, campaign: campaign || null, ...(view ? { view } : {}) } as FormRequestInput;
  const run = async (what: 'print' | 'pdf') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'print') await printDocument((await api.renderForm(request)).html);
      else {
        const r = await api.saveFormPdf(request);
        await savePdf(r);
        setSaved(r.path);
      }
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="print-button no-print">
      <button type="button" disabled={busy !== null} onClick={() => void run('print')}>
        {busy === 'print' ? 'Preparing…' : 'Print'}
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void run('pdf')}>
        {busy === 'pdf' ? 'Saving…' : 'Save PDF'}
      </button>
      {saved && (
        <span className="muted saved">
          Saved to <span className="mono">{saved}</span>
        </span>
      )}
      {error && <ErrorNotice error={error} />}
    </span>
  );
}
