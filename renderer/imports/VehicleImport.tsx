import { useState } from 'react';
import type { OutputOf } from '../../shared/api';
import { VEHICLE_FIELD_LABEL, VEHICLE_FIELDS } from '../../shared/vehicle-fields';
import { count } from '../../shared/wording';
import { ErrorNotice, Notice } from '../ui/Notice';
import { ImportFilePicker } from './ImportFilePicker';
import { SendingProgress } from './SendingProgress';
import { useFilePreview } from './useFilePreview';
import { ConditionMapping, type Conditions } from './ConditionMapping';
import { ImportProgress } from './ImportProgress';
import { LineTable, PreviewCounts } from './PreviewCounts';
import { StockEffect } from './StockEffect';
import { useImportJob } from './useImportJob';
import { ImpactPreview, useImpactReady } from '../changes/ImpactPreview';

type Preview = OutputOf<'previewVehicles'>;
type StockMode = Preview['inStock'];
type Mapping = Record<string, string>;

// Service history first: no choice the user did not make may take vehicles out of stock.
const STOCK_MODES = [
  ['none', 'Service history (does not change what is in stock)'],
  ['add', 'Vehicles in stock (adds to the stock)'],
  ['replace', 'The complete stock list (vehicles not in the file are no longer in stock)'],
] as const satisfies readonly (readonly [StockMode, string])[];

/** Vehicles from the DMS (a CSV export): which column is which, what the file is, then the import. */
export function VehicleImport() {
  // The picked file itself: sent streamed to the PC that keeps the database, never read whole here.
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [inStock, setInStock] = useState<StockMode>('none');
  const [conditions, setConditions] = useState<Conditions>({});
  // The last preview stays on screen while the file is read again with another mapping (no flicker).
  const [p, setPreview] = useState<Preview | null>(null);
  const preview = useFilePreview('previewVehicles');
  const job = useImportJob();

  /** Reads the file again with these choices; the answer fills in the columns it recognised. */
  const read = (f: File, m: Mapping, mode: StockMode, c: Conditions) => {
    job.reset();
    preview.mutate(
      { file: f, inputs: { mapping: m, inStock: mode, conditions: c } },
      {
        onSuccess: (answer) => {
          // Cancelled: what was on screen stays.
          if (!answer) return;
          setPreview(answer);
          setMapping(Object.fromEntries(Object.entries(answer.mapping).map(([k, v]) => [k, v ?? ''])));
        },
        onError: () => setPreview(null),
      },
    );
  };
  const problem = preview.error ?? job.error;
  const current = p && !preview.isPending && p.inStock === inStock;
  // What the import would change, before the Import button does anything.
  const impactInput = current && p.importId && !job.status ? { importId: p.importId, expect: { inStock: p.inStock } } : null;
  const impactReady = useImpactReady(impactInput);
  return (
    <section className="panel" aria-labelledby="vehicles-title">
      <h2 id="vehicles-title">Vehicles from the DMS</h2>
      <p className="muted">A CSV export: stock (stock number, condition) or service history (guest, last service). Known vehicles are updated.</p>
      <div className="form-grid">
        <label htmlFor="vehicles-file">File</label>
        <ImportFilePicker
          id="vehicles-file"
          onFile={(loaded) => {
            setFile(loaded);
            setConditions({});
            read(loaded, {}, inStock, {});
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
                  if (file) read(file, mapping, mode, conditions);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </div>
      </div>
      {file && (
        <SendingProgress fileName={file.name} sending={preview.sending} pending={preview.isPending} cancelled={preview.cancelled} onCancel={preview.cancel} />
      )}
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
                    read(file, m, inStock, conditions);
                  }}
                >
                  <option value="">(none)</option>
                  {p.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <span className="samples" data-testid={`samples-${f}`}>
                  {mapping[f] ? (p.samples[mapping[f]] ?? []).join(' · ') || '(empty)' : ''}
                </span>
              </label>
            ))}
          </div>
          {p.blocking && <Notice kind="error" message={p.blocking} testId="vehicles-blocking" />}
          <ConditionMapping
            values={p.conditionValues}
            onChange={(value, choice) => {
              const c = { ...conditions, [value]: choice };
              setConditions(c);
              read(file, mapping, inStock, c);
            }}
          />
          <StockEffect stock={p.stock} mode={p.inStock} />
          <PreviewCounts p={p} fileName={file.name} what="vehicles" />
          <LineTable title="Lines to check" why="What was done" lines={p.warnings} total={p.warningCount} byKind={p.warningsByKind} fileName={file.name} />
          <ImpactPreview input={impactInput} />
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={!p.importId || !current || !impactReady}
              onClick={() => p.importId && job.start(p.importId, { inStock: p.inStock })}
            >
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
