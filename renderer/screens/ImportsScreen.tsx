import { useEffect, useState } from 'react';
import { ApiError, type CampaignSummary, type ImportStatus, type OutputOf } from '../../shared/api';
import { localIsoDate } from '../../shared/age';
import { VEHICLE_FIELDS, VEHICLE_FIELD_LABEL } from '../../shared/vehicle-fields';
import { api } from '../api';
import { ImportProgress } from '../components/ImportProgress';
import { Notice } from '../components/Notice';
import { PreviewCounts } from '../components/PreviewCounts';
import { TextFilePicker, type TextFile } from '../components/TextFilePicker';

type Problem = { message: string; details: string[] };
const problemOf = (e: unknown): Problem => (e instanceof ApiError ? { message: e.message, details: e.details } : { message: (e as Error).message, details: [] });

export function ImportsScreen({ onDataChanged }: { onDataChanged: () => void }) {
  return (
    <div className="imports">
      <VinListImport onDataChanged={onDataChanged} />
      <VehicleImport onDataChanged={onDataChanged} />
    </div>
  );
}

function VinListImport({ onDataChanged }: { onDataChanged: () => void }) {
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [campaign, setCampaign] = useState('');
  const [listDate, setListDate] = useState(localIsoDate(new Date()));
  const [complete, setComplete] = useState(true);
  const [file, setFile] = useState<TextFile | null>(null);
  const [preview, setPreview] = useState<OutputOf<'previewVinList'> | null>(null);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listCampaigns({}).then((l) => {
      setCampaigns(l);
      setCampaign((c) => c || (l[0]?.code ?? ''));
    }, (e) => setProblem(problemOf(e)));
  }, []);

  const read = async (f: TextFile) => {
    setBusy(true);
    setProblem(null);
    setPreview(null);
    setJob(null);
    try {
      setPreview(await api.previewVinList({ campaign, fileName: f.name, content: f.content, listDate, complete }));
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="list-title">
      <h2 id="list-title">Affected-VIN list</h2>
      <p className="muted">From TIS, Dealer Daily or the manufacturer: one VIN a line, or a CSV with a VIN column. Listed VINs become "confirmed".</p>
      <div className="form-grid">
        <label htmlFor="list-campaign">Campaign</label>
        <select id="list-campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
          {campaigns.map((c) => (
            <option key={c.code} value={c.code}>{c.code}: {c.title}</option>
          ))}
        </select>
        <label htmlFor="list-date">Date of the list</label>
        <input id="list-date" className="mono date-input" value={listDate} onChange={(e) => setListDate(e.target.value)} placeholder="YYYY-MM-DD" />
        <span />
        <label className="check">
          <input type="checkbox" checked={complete} onChange={(e) => setComplete(e.target.checked)} /> This is the complete list for the campaign (VINs not on it are
          "not on the list")
        </label>
        <label htmlFor="list-file">File</label>
        <TextFilePicker
          id="list-file"
          onFile={(loaded) => {
            setFile(loaded);
            void read(loaded);
          }}
        />
      </div>
      {busy && <p className="muted">Reading the file…</p>}
      {problem && <Notice kind="error" message={problem.message} details={problem.details} testId="list-problem" />}
      {preview && file && !job && (
        <>
          <p data-testid="list-summary">
            <strong>{preview.campaign.code}</strong> {preview.campaign.title}: list of {preview.listDate}
            {preview.complete ? ', complete' : ', partial'}. {preview.replaces ? `Replaces the list of ${preview.replaces.listDate} (${preview.replaces.rows.toLocaleString('en-US')} VINs).` : 'No list loaded yet for this campaign.'}{' '}
            VIN column: {preview.columns.vin}
            {preview.columns.phase ? `, phase: ${preview.columns.phase}` : ''}.
          </p>
          <PreviewCounts p={preview} fileName={file.name} what="VINs" />
          <div className="button-row">
            <button className="primary" onClick={() => void api.commitImport({ importId: preview.importId }).then(setJob, (e) => setProblem(problemOf(e)))}>
              Import {preview.valid.toLocaleString('en-US')} VINs
            </button>
            <button onClick={() => void read(file)}>Read again (after changing date or campaign)</button>
            <button onClick={() => (setPreview(null), setFile(null))}>Discard</button>
          </div>
        </>
      )}
      {job && <ImportProgress start={job} onFinished={(s) => s.state === 'done' && onDataChanged()} />}
    </section>
  );
}

const STOCK_MODES = [
  ['none', 'Service history (does not change what is in stock)'],
  ['add', 'Vehicles in stock (adds to the stock)'],
  ['replace', 'The complete stock list (vehicles not in the file are no longer in stock)'],
] as const;

function VehicleImport({ onDataChanged }: { onDataChanged: () => void }) {
  const [file, setFile] = useState<TextFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [inStock, setInStock] = useState<'none' | 'add' | 'replace'>('replace');
  const [preview, setPreview] = useState<OutputOf<'previewVehicles'> | null>(null);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const read = async (f: TextFile, m: Record<string, string>, mode: typeof inStock) => {
    setProblem(null);
    setJob(null);
    try {
      const p = await api.previewVehicles({ fileName: f.name, content: f.content, mapping: m, inStock: mode });
      setPreview(p);
      setMapping(Object.fromEntries(Object.entries(p.mapping).map(([k, v]) => [k, v ?? ''])));
    } catch (e) {
      setPreview(null);
      setProblem(problemOf(e));
    }
  };

  return (
    <section className="panel" aria-labelledby="vehicles-title">
      <h2 id="vehicles-title">Vehicles from the DMS</h2>
      <p className="muted">A CSV export: stock (stock number, condition) or service history (guest, last service). Known vehicles are updated.</p>
      <div className="form-grid">
        <label htmlFor="vehicles-file">File</label>
        <TextFilePicker
          id="vehicles-file"
          onFile={(loaded) => {
            setFile(loaded);
            void read(loaded, {}, inStock);
          }}
        />
        <span>What the file is</span>
        <div role="radiogroup" aria-label="What the file is">
          {STOCK_MODES.map(([mode, label]) => (
            <label key={mode} className="check">
              <input type="radio" name="in-stock" checked={inStock === mode} onChange={() => (setInStock(mode), file && void read(file, mapping, mode))} /> {label}
            </label>
          ))}
        </div>
      </div>
      {problem && <Notice kind="error" message={problem.message} details={problem.details} testId="vehicles-problem" />}
      {preview && file && !job && (
        <>
          <h3>Columns</h3>
          <div className="mapping" data-testid="mapping">
            {VEHICLE_FIELDS.map((f) => (
              <label key={f}>
                <span>{VEHICLE_FIELD_LABEL[f]}</span>
                <select
                  aria-label={`Column for ${VEHICLE_FIELD_LABEL[f]}`}
                  value={mapping[f] ?? ''}
                  onChange={(e) => {
                    const m = { ...mapping, [f]: e.target.value };
                    setMapping(m);
                    void read(file, m, inStock);
                  }}
                >
                  <option value="">(none)</option>
                  {preview.columns.map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {preview.blocking && <Notice kind="error" message={preview.blocking} testId="vehicles-blocking" />}
          <PreviewCounts p={preview} fileName={file.name} what="vehicles" />
          <div className="button-row">
            <button
              className="primary"
              disabled={!preview.importId}
              onClick={() => preview.importId && void api.commitImport({ importId: preview.importId }).then(setJob, (e) => setProblem(problemOf(e)))}
            >
              Import {preview.valid.toLocaleString('en-US')} vehicles
            </button>
            <button onClick={() => (setPreview(null), setFile(null))}>Discard</button>
          </div>
        </>
      )}
      {job && <ImportProgress start={job} onFinished={(s) => s.state === 'done' && onDataChanged()} />}
    </section>
  );
}
