import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { localIsoDate } from '../../shared/dates';
import { listColumnsText } from '../../shared/imports/list-columns';
import { count } from '../../shared/wording';
import { apiQuery } from '../queries';
import { ErrorNotice } from '../ui/Notice';
import { ImportFilePicker } from './ImportFilePicker';
import { SendingProgress } from './SendingProgress';
import { useFilePreview } from './useFilePreview';
import { ImportProgress } from './ImportProgress';
import { DuplicateConflicts } from './DuplicateConflicts';
import { PreviewCounts } from './PreviewCounts';
import { useImportJob } from './useImportJob';
import { ImpactPreview, useImpactReady } from '../changes/ImpactPreview';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An affected-VIN list for one campaign: read and checked first (nothing written), then imported. The
 * preview belongs to the campaign, date and completeness it was read with: changing any of them reads
 * the file again, and the import names them (the server refuses a preview read with others).
 */
export function VinListImport() {
  const campaigns = useQuery(apiQuery('listCampaigns', {}));
  const [chosen, setChosen] = useState<string | null>(null);
  const campaign = chosen ?? campaigns.data?.[0]?.code ?? '';
  const [listDate, setListDate] = useState(() => localIsoDate(new Date()));
  // A dealer's TIS export is rarely the national list: complete only when the user says so.
  const [complete, setComplete] = useState(false);
  // The picked file itself: sent streamed to the PC that keeps the database, never read whole here.
  const [file, setFile] = useState<File | null>(null);
  const preview = useFilePreview('previewVinList');
  const job = useImportJob();
  const { mutate, reset } = preview;

  // The file, campaign, date or completeness changed: the preview on screen no longer matches.
  useEffect(() => {
    if (!file || !campaign || !ISO_DATE.test(listDate)) return;
    job.reset();
    mutate({ file, inputs: { campaign, listDate, complete } });
  }, [file, campaign, listDate, complete, mutate, job.reset]);

  const discard = () => {
    reset();
    setFile(null);
  };

  const p = preview.data;
  const current = p && !preview.isPending && p.campaign.code === campaign && p.listDate === listDate && p.complete === complete;
  // What the list would change (holds, remedy now available, follow-up), before Import does anything.
  const impactInput =
    current && file && !job.status ? { importId: p.importId, expect: { campaign: p.campaign.code, listDate: p.listDate, complete: p.complete } } : null;
  const impactReady = useImpactReady(impactInput);
  const problem = preview.error ?? job.error ?? campaigns.error;
  return (
    <section className="panel" aria-labelledby="list-title">
      <h2 id="list-title">Affected-VIN list</h2>
      <p className="muted">From TIS, Dealer Daily or the manufacturer: one VIN a line, or a CSV with a VIN column. Listed VINs become "confirmed".</p>
      <div className="form-grid">
        <label htmlFor="list-campaign">Campaign</label>
        <select id="list-campaign" value={campaign} onChange={(e) => setChosen(e.target.value)}>
          {campaigns.data?.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code}: {c.title}
            </option>
          ))}
        </select>
        <label htmlFor="list-date">Date of the list</label>
        <input id="list-date" className="mono date-input" value={listDate} onChange={(e) => setListDate(e.target.value)} placeholder="YYYY-MM-DD" />
        <span />
        <label className="check">
          <input type="checkbox" checked={complete} onChange={(e) => setComplete(e.target.checked)} /> This is the complete list for the campaign (VINs not on
          it are "not on the list"). Leave it off for a dealer's own TIS export.
        </label>
        <label htmlFor="list-file">File</label>
        <ImportFilePicker id="list-file" onFile={setFile} />
      </div>
      {file && !ISO_DATE.test(listDate) && <p className="error-text">Write the date of the list as YYYY-MM-DD.</p>}
      {file && (
        <SendingProgress fileName={file.name} sending={preview.sending} pending={preview.isPending} cancelled={preview.cancelled} onCancel={preview.cancel} />
      )}
      {problem && <ErrorNotice error={problem} testId="list-problem" />}
      {p && file && !job.status && (
        <>
          <p data-testid="list-summary">
            <strong>{p.campaign.code}</strong> {p.campaign.title}: list of {p.listDate}
            {p.complete ? ', complete' : ', partial'}.{' '}
            {p.replaces ? `Replaces the list of ${p.replaces.listDate} (${count(p.replaces.rows)} VINs).` : 'No list loaded yet for this campaign.'}{' '}
            {listColumnsText(p)}
            {p.checkDigitMismatches > 0 && ` ${count(p.checkDigitMismatches)} VINs have a check digit that does not match (imported as listed).`}
          </p>
          <PreviewCounts p={p} fileName={file.name} what="VINs" />
          <DuplicateConflicts p={p} />
          <ImpactPreview input={impactInput} />
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={!current || !impactReady}
              onClick={() => job.start(p.importId, { campaign: p.campaign.code, listDate: p.listDate, complete: p.complete })}
            >
              Import {count(p.valid)} VINs into {p.campaign.code} ({p.complete ? 'complete' : 'partial'} list of {p.listDate})
            </button>
            <button type="button" onClick={discard}>
              Discard
            </button>
          </div>
        </>
      )}
      {job.status && <ImportProgress status={job.status} onCancel={job.cancel} cancelling={job.cancelling} />}
    </section>
  );
}
