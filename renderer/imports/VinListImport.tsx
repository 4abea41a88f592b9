import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { localIsoDate } from '../../shared/age';
import { count } from '../../shared/wording';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice } from '../ui/Notice';
import { TextFilePicker, type TextFile } from '../ui/TextFilePicker';
import { ImportProgress } from './ImportProgress';
import { PreviewCounts } from './PreviewCounts';
import { useImportJob } from './useImportJob';

/** An affected-VIN list for one campaign: read and checked first (nothing written), then imported. */
export function VinListImport() {
  const campaigns = useQuery(apiQuery('listCampaigns', {}));
  const [chosen, setChosen] = useState<string | null>(null);
  const campaign = chosen ?? campaigns.data?.[0]?.code ?? '';
  const [listDate, setListDate] = useState(() => localIsoDate(new Date()));
  const [complete, setComplete] = useState(true);
  const [file, setFile] = useState<TextFile | null>(null);
  const preview = useApiMutation('previewVinList');
  const job = useImportJob();

  const read = (f: TextFile) => {
    job.reset();
    preview.mutate({ campaign, fileName: f.name, content: f.content, listDate, complete });
  };
  const discard = () => {
    preview.reset();
    setFile(null);
  };

  const p = preview.data;
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
          it are "not on the list")
        </label>
        <label htmlFor="list-file">File</label>
        <TextFilePicker
          id="list-file"
          onFile={(loaded) => {
            setFile(loaded);
            read(loaded);
          }}
        />
      </div>
      {preview.isPending && <p className="muted">Reading the file…</p>}
      {problem && <ErrorNotice error={problem} testId="list-problem" />}
      {p && file && !job.status && (
        <>
          <p data-testid="list-summary">
            <strong>{p.campaign.code}</strong> {p.campaign.title}: list of {p.listDate}
            {p.complete ? ', complete' : ', partial'}.{' '}
            {p.replaces ? `Replaces the list of ${p.replaces.listDate} (${count(p.replaces.rows)} VINs).` : 'No list loaded yet for this campaign.'} VIN column:{' '}
            {p.columns.vin}
            {p.columns.phase ? `, phase: ${p.columns.phase}` : ''}.
          </p>
          <PreviewCounts p={p} fileName={file.name} what="VINs" />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => job.start(p.importId)}>
              Import {count(p.valid)} VINs
            </button>
            <button type="button" onClick={() => read(file)}>
              Read again (after changing date or campaign)
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
