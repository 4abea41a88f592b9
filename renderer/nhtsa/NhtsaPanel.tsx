import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { count } from '../../shared/wording';
import { ImpactPreview, useImpactReady } from '../changes/ImpactPreview';
import { ImportProgress, ProgressBar } from '../imports/ImportProgress';
import { useImportJob } from '../imports/useImportJob';
import { apiQuery } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { useNhtsaUpload } from './useNhtsaUpload';

/**
 * NHTSA's recall file in the campaign library: the import in force (date, rows, a warning past 30
 * days), and "Import NHTSA recall file…": the file picked (.txt or .zip as downloaded), sent to the PC
 * that keeps the database with its progress and Cancel, read there (rows read, kept, refused by reason),
 * its impact, then Import with progress and Cancel, as every import.
 */
export function NhtsaPanel() {
  const status = useQuery(apiQuery('nhtsaStatus', {}));
  const [open, setOpen] = useState(false);
  const upload = useNhtsaUpload();
  const job = useImportJob();
  const p = upload.preview;
  const impactInput = p && !job.status ? { importId: p.importId } : null;
  const impactReady = useImpactReady(impactInput);
  const problem = upload.error ?? job.error ?? status.error;
  const busy = upload.sending !== null || upload.reading !== null;
  const imports = status.data?.imports ?? [];
  return (
    <section className="nhtsa-panel" aria-label="NHTSA recall file" data-testid="nhtsa-panel">
      {imports.length === 0 && status.data && <p className="muted">{NHTSA_WORDING.none}</p>}
      {imports.map((i) => (
        <div key={i.part}>
          <p data-testid="nhtsa-status">{NHTSA_WORDING.status(i.fileName, i.importedAt.slice(0, 10), count(i.rowsKept))}</p>
          {i.stale && (
            <p className="error-text" role="alert" data-testid="nhtsa-stale">
              {NHTSA_WORDING.stale(i.ageDays)}
            </p>
          )}
        </div>
      ))}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {NHTSA_WORDING.importButton}
        </button>
      ) : (
        <div className="nhtsa-pick">
          <label htmlFor="nhtsa-file">
            <strong>{NHTSA_WORDING.pickLabel}</strong>
          </label>
          <input
            id="nhtsa-file"
            type="file"
            accept=".zip,.txt,application/zip,text/plain"
            disabled={busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              // The same file may be picked again (a newer download of the same name).
              e.target.value = '';
              if (!f) return;
              job.reset();
              upload.reset();
              upload.send(f);
            }}
          />
          <p className="muted">{NHTSA_WORDING.pickHint}</p>
        </div>
      )}
      {upload.sending && (
        <ProgressBar
          title={NHTSA_WORDING.sending(upload.sending.fileName)}
          label={NHTSA_WORDING.sending(upload.sending.fileName)}
          done={upload.sending.sent}
          total={upload.sending.size}
          amount={NHTSA_WORDING.sent(upload.sending.sent, upload.sending.size)}
          onCancel={upload.cancel}
          cancelling={false}
          cancelText={NHTSA_WORDING.cancelSending}
          testId="nhtsa-sending"
        />
      )}
      {upload.cancelled && <Notice kind="ok" message={NHTSA_WORDING.sendingCancelled(upload.cancelled)} testId="nhtsa-cancelled" />}
      {upload.reading && <p className="muted">{NHTSA_WORDING.reading(upload.reading)}</p>}
      {problem && <ErrorNotice error={problem} testId="nhtsa-problem" />}
      {p && !job.status && (
        <>
          <p data-testid="nhtsa-summary">
            {p.fileName}: {count(p.rowsRead)} rows read, {count(p.kept)} vehicle rows kept
            {p.rejoined ? ` (${count(p.rejoined)} cut over several lines, joined back)` : ''}, {count(p.refused.reduce((n, r) => n + r.count, 0))} refused.
            {p.replaces ? ` Replaces ${p.replaces.fileName} of ${p.replaces.importedAt.slice(0, 10)}.` : ''}
          </p>
          {p.olderThanInForce && p.replaces?.newestReportDate && (
            <p className="error-text" role="alert" data-testid="nhtsa-older">
              {NHTSA_WORDING.olderThanInForce(p.newestReportDate, p.replaces.newestReportDate)}
            </p>
          )}
          {p.refused.length > 0 && (
            <ul data-testid="nhtsa-refused">
              {p.refused.map((r) => (
                <li key={r.reason}>
                  {count(r.count)}: {r.text}
                </li>
              ))}
            </ul>
          )}
          <ImpactPreview input={impactInput} />
          <div className="button-row">
            <button type="button" className="primary" disabled={!impactReady} onClick={() => job.start(p.importId, undefined)}>
              Import {count(p.kept)} vehicle rows from NHTSA
            </button>
            <button type="button" onClick={upload.reset}>
              Discard
            </button>
          </div>
        </>
      )}
      {job.status && <ImportProgress status={job.status} onCancel={job.cancel} cancelling={job.cancelling} />}
    </section>
  );
}
