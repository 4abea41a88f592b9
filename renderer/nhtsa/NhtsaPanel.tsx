import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { count } from '../../shared/wording';
import { ImpactPreview, useImpactReady } from '../changes/ImpactPreview';
import { ImportProgress } from '../imports/ImportProgress';
import { useImportJob } from '../imports/useImportJob';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice } from '../ui/Notice';

/**
 * NHTSA's recall file in the campaign library: the import in force (date, rows, a warning past 30
 * days), and "Import NHTSA recall file…": the file read first (rows read, kept, refused by reason),
 * its impact, then Import with progress and Cancel.
 */
export function NhtsaPanel() {
  const status = useQuery(apiQuery('nhtsaStatus', {}));
  const [open, setOpen] = useState(false);
  const [filePath, setFilePath] = useState('');
  const preview = useApiMutation('previewNhtsa');
  const job = useImportJob();
  const p = preview.data;
  const impactInput = p && !preview.isPending && !job.status ? { importId: p.importId } : null;
  const impactReady = useImpactReady(impactInput);
  const problem = preview.error ?? job.error ?? status.error;
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
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            job.reset();
            preview.mutate({ path: filePath });
          }}
        >
          <label htmlFor="nhtsa-path">File on this computer</label>
          <input
            id="nhtsa-path"
            className="mono"
            value={filePath}
            onChange={(e) => setFilePath(e.target.value)}
            placeholder="e.g. C:\Users\parts\Downloads\FLAT_RCL_POST_2010.zip"
          />
          <span />
          <button type="submit" disabled={!filePath.trim() || preview.isPending}>
            Read the file
          </button>
        </form>
      )}
      {preview.isPending && <p className="muted">Reading NHTSA's file…</p>}
      {problem && <ErrorNotice error={problem} testId="nhtsa-problem" />}
      {p && !job.status && (
        <>
          <p data-testid="nhtsa-summary">
            {p.fileName}: {count(p.rowsRead)} rows read, {count(p.kept)} vehicle rows kept
            {p.rejoined ? ` (${count(p.rejoined)} cut over several lines, joined back)` : ''}, {count(p.refused.reduce((n, r) => n + r.count, 0))} refused.
            {p.replaces ? ` Replaces ${p.replaces.fileName} of ${p.replaces.importedAt.slice(0, 10)}.` : ''}
          </p>
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
            <button type="button" onClick={() => preview.reset()}>
              Discard
            </button>
          </div>
        </>
      )}
      {job.status && <ImportProgress status={job.status} onCancel={job.cancel} cancelling={job.cancelling} />}
    </section>
  );
}
