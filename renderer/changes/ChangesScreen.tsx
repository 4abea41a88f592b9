import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Change } from '../../shared/changes/contract';
import { CALL_CSV_HEADER, callCsvRow, HELD_CSV_HEADER, heldCsvRow } from '../../shared/changes/csv';
import { describeSource, impactSummary } from '../../shared/changes/wording';
import { toCsv } from '../../shared/csv-out';
import { useScreenActive } from '../navigation';
import { api } from '../api';
import { apiQuery, useApiMutation } from '../queries';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';
import { ImpactView } from './ImpactView';

const day = (at: string) => at.slice(0, 10);

function ChangeEntry({ c, open }: { c: Change; open: boolean }) {
  const [problem, setProblem] = useState<Error | null>(null);
  const callList = async () => {
    try {
      const rows = await api.changeCallList({ id: c.id });
      downloadText(`call-list-${day(c.at)}-${c.id}.csv`, toCsv(CALL_CSV_HEADER, rows.map(callCsvRow)));
    } catch (err) {
      setProblem(err as Error);
    }
  };
  return (
    <details className={`change${c.seen ? '' : ' unseen'}`} open={open} data-testid="change">
      <summary>
        <span className="mono">{c.at.replace('T', ' ').slice(0, 16)}</span> {describeSource(c.source)}
        {c.by ? ` · by ${c.by}` : ''} {!c.seen && <span className="badge verify">new</span>}
        <div className="muted">{impactSummary(c.impact)}</div>
      </summary>
      <div className="button-row no-print">
        <button type="button" disabled={!c.impact.remedyNowAvailable.length} onClick={callList}>
          Export call list (remedy now available)
        </button>
        <button
          type="button"
          disabled={!c.impact.holds.added.length}
          onClick={() => downloadText(`newly-held-${day(c.at)}-${c.id}.csv`, toCsv(HELD_CSV_HEADER, c.impact.holds.added.map(heldCsvRow)))}
        >
          Export newly held stock
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {problem && <ErrorNotice error={problem} />}
      <ImpactView impact={c.impact} />
    </details>
  );
}

/** What changed: every applied import with who, when, what it was and its impact; newest first. */
export function ChangesScreen() {
  const [since, setSince] = useState('');
  const valid = since === '' || /^\d{4}-\d{2}-\d{2}$/.test(since);
  const list = useQuery(apiQuery('listChanges', valid ? { since: since || null } : null));
  const seen = useApiMutation('markChangesSeen');
  const active = useScreenActive();
  const unseen = list.data?.unseen ?? 0;
  // Looking at the screen is seeing the changes: the top bar's count goes once they are shown.
  useEffect(() => {
    if (active && unseen > 0 && !seen.isPending) seen.mutate({});
  }, [active, unseen, seen.isPending, seen.mutate]);
  return (
    <section className="panel" aria-labelledby="changes-title">
      <h2 id="changes-title">What changed</h2>
      <p className="muted">Every import applied here (bulletins, affected-VIN lists, DMS files) and what it did to the stock and the follow-up.</p>
      <div className="form-grid no-print">
        <label htmlFor="changes-since">Since</label>
        <input id="changes-since" className="mono date-input" value={since} onChange={(e) => setSince(e.target.value)} placeholder="YYYY-MM-DD" />
      </div>
      {!valid && <p className="error-text">Write the date as YYYY-MM-DD.</p>}
      {list.error && <ErrorNotice error={list.error} />}
      {list.data && list.data.changes.length === 0 && <p className="hint">No import has been applied{since ? ' since then' : ' yet'}.</p>}
      {list.data?.changes.map((c, i) => (
        <ChangeEntry key={c.id} c={c} open={i === 0} />
      ))}
    </section>
  );
}
