import { useState } from 'react';
import type { OutputOf } from '../../shared/api';
import { VEHICLE_FIELD_LABEL, VEHICLE_FIELDS } from '../../shared/vehicle-fields';
import { count } from '../../shared/wording';
import { useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { TextFilePicker, type TextFile } from '../ui/TextFilePicker';
import { ImportProgress } from './ImportProgress';
import { PreviewCounts } from './PreviewCounts';
import { useImportJob } from './useImportJob';

type Preview = OutputOf<'previewVehicles'>;
type StockMode = Preview['inStock'];
type Mapping = Record<string, string>;

const STOCK_MODES = [
  ['none', 'Service history (does not change what is in stock)'],
  ['add', 'Vehicles in stock (adds to the stock)'],
  ['replace', 'The complete stock list (vehicles not in the file are no longer in stock)'],
] as const satisfies readonly (readonly [StockMode, string])[];

/** Vehicles from the DMS (a CSV export): which column is which, what the file is, then the import. */
export function VehicleImport() {
  const [file, setFile] = useState<TextFile | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [inStock, setInStock] = useState<StockMode>('replace');
  // The last preview stays on screen while the file is read again with another mapping (no flicker).
  const [p, setPreview] = useState<Preview | null>(null);
  const preview = useApiMutation('previewVehicles');
  const job = useImportJob();

  /** Reads the file again with this mapping; the answer fills in the columns it recognised. */
  const read = (f: TextFile, m: Mapping, mode: StockMode) => {
    job.reset();
    preview.mutate(
      { fileName: f.name, content: f.content, mapping: m, inStock: mode },
      {
        onSuccess: (answer) => {
          setPreview(answer);
          setMapping(Object.fromEntries(Object.entries(answer.mapping).map(([k, v]) => [k, v ?? ''])));
        },
        onError: () => setPreview(null),
      },
    );
  };
  const problem = preview.error ?? job.error;
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
            read(loaded, {}, inStock);
          }}
        />
        <span>What the file is</span>
        <div role="radiogroup" aria-label="What the file is">
          {STOCK_MODES.map(([mode, label]) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name="in-stock"
                checked={inStock === mode}
                onChange={() => {
                  setInStock(mode);
                  if (file) read(file, mapping, mode);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </div>
      </div>
      {problem && <ErrorNotice error={problem} testId="vehicles-problem" />}
      {p && file && !job.status && (
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
                    read(file, m, inStock);
                  }}
                >
                  <option value="">(none)</option>
                  {p.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {p.blocking && <Notice kind="error" message={p.blocking} testId="vehicles-blocking" />}
          <PreviewCounts p={p} fileName={file.name} what="vehicles" />
          <div className="button-row">
            <button type="button" className="primary" disabled={!p.importId || preview.isPending} onClick={() => p.importId && job.start(p.importId)}>
              Import {count(p.valid)} vehicles
            </button>
            <button
              type="button"
              onClick={() => {
                preview.reset();
                setPreview(null);
                setFile(null);
              }}
            >
              Discard
            </button>
          </div>
        </>
      )}
      {job.status && <ImportProgress status={job.status} onCancel={job.cancel} cancelling={job.cancelling} />}
    </section>
  );
}
