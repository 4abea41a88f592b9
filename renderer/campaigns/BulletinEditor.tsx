import { useMemo, useState } from 'react';
import type { BulletinInput } from '../../shared/bulletin';
import {
  bulletinToDraft,
  checkDraft,
  type Draft,
  draftToBulletin,
  emptyRow,
  type Field,
  type FormRow,
  type FormValue,
  NOT_STATED_HINT,
  SECTIONS,
  type Section,
} from '../../shared/bulletin-form';
import { parseVinRangeTable, type RangeTableResult, toVinRanges } from '../../shared/vin-range-table';
import { SEVERITY_LABEL } from '../../shared/wording';
import { BulletinApply, type BulletinFile } from './BulletinApply';

type Props = {
  /** The current revision to start a new one from; null: a new campaign. */
  from: BulletinInput | null;
  onClose: () => void;
};

type InputProps = { field: Field; value: FormValue; onChange: (v: FormValue) => void; label: string; id?: string; compact?: boolean };

/** Characters an input of a row shows: a serial or a VDS whole, a year, a date. */
const SIZE: Partial<Record<Field['kind'], number>> = { number: 6, date: 11, text: 12 };

function Input({ field, value, onChange, label, id, compact = false }: InputProps) {
  const placeholder = field.optional ? (compact ? 'not stated' : NOT_STATED_HINT) : compact ? '' : (field.hint ?? '');
  switch (field.kind) {
    case 'long':
    case 'lines':
      return (
        <textarea
          id={id}
          aria-label={label}
          value={value as string}
          placeholder={placeholder}
          rows={field.kind === 'lines' ? 3 : 2}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'bool':
      return field.optional ? (
        <select id={id} aria-label={label} value={value as string} onChange={(e) => onChange(e.target.value)}>
          <option value="">not stated</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      ) : (
        <input id={id} aria-label={label} type="checkbox" checked={value as boolean} onChange={(e) => onChange(e.target.checked)} />
      );
    case 'select':
      return (
        <select id={id} aria-label={label} value={value as string} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.optional ? 'not stated' : '— choose —'}</option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'flags':
      return (
        <fieldset aria-label={label} className="flags">
          {field.options?.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                checked={(value as string[]).includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...(value as string[]), o] : (value as string[]).filter((x) => x !== o))}
              />{' '}
              {SEVERITY_LABEL[o as keyof typeof SEVERITY_LABEL] ?? o}
            </label>
          ))}
        </fieldset>
      );
    default:
      return (
        <input
          id={id}
          aria-label={label}
          className={field.kind === 'date' || field.kind === 'number' ? 'mono' : undefined}
          size={compact ? SIZE[field.kind] : undefined}
          value={value as string}
          placeholder={field.kind === 'date' ? (field.optional && !compact ? `YYYY-MM-DD, ${NOT_STATED_HINT}` : 'YYYY-MM-DD') : placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

/** ALE-style table pasted from the letter: read line by line and shown back as a table before it is added. */
function RangePaste({ onAdd }: { onAdd: (rows: FormRow[]) => void }) {
  const [text, setText] = useState('');
  const [read, setRead] = useState<RangeTableResult | null>(null);
  return (
    <div className="range-paste">
      <label htmlFor="range-paste">Paste the VIN table as copied from the letter (model, WMI, model year, VDS, serial from - to, UIO)</label>
      <textarea id="range-paste" rows={6} className="mono" value={text} onChange={(e) => setText(e.target.value)} />
      <div className="button-row">
        <button type="button" onClick={() => setRead(parseVinRangeTable(text))} disabled={!text.trim()}>
          Read the table
        </button>
      </div>
      {read && (
        <div data-testid="range-parsed">
          <p>
            {read.rows.length} rows read{read.refused.length ? `, ${read.refused.length} lines refused` : ''}. Cells in <em>italics</em> were blank in the
            letter and carried down from the line above: check them, and correct any model label before adding.
          </p>
          {read.warnings.map((w) => (
            <p key={w.line} className="warn-text" data-testid="range-warning">
              Line {w.line}: {w.message}
            </p>
          ))}
          {read.refused.map((r) => (
            <p key={r.line} className="error-text" data-testid="range-refused">
              Line {r.line} refused: {r.reason} ({r.text})
            </p>
          ))}
          <table className="data" data-testid="range-table">
            <thead>
              <tr>
                <th>Line</th>
                <th>Model</th>
                <th>WMI</th>
                <th>Year</th>
                <th>VDS</th>
                <th>Serial from</th>
                <th>Serial to</th>
                <th>UIO</th>
              </tr>
            </thead>
            <tbody>
              {read.rows.map((r, i) => {
                const c = (f: 'model' | 'wmi' | 'modelYear' | 'vds', v: string | number) => (
                  <td className={r.carried.includes(f) ? 'carried' : undefined}>{v}</td>
                );
                return (
                  <tr key={r.line} className={read.warnings.some((w) => w.line === r.line) ? 'warn-row' : undefined}>
                    <td>{r.line}</td>
                    <td className={r.carried.includes('model') ? 'carried' : undefined}>
                      <input
                        aria-label={`Model on line ${r.line}`}
                        value={r.model}
                        onChange={(e) => setRead({ ...read, rows: read.rows.map((x, k) => (k === i ? { ...x, model: e.target.value } : x)) })}
                      />
                    </td>
                    {c('wmi', r.wmi)}
                    {c('modelYear', r.modelYear)}
                    {c('vds', r.vds)}
                    <td className="mono">{r.serialFrom}</td>
                    <td className="mono">{r.serialTo}</td>
                    <td>{r.uio ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={!read.rows.length}
              onClick={() => {
                const section = SECTIONS.find((s) => s.id === 'vinRanges')!;
                onAdd(
                  toVinRanges(read.rows).map((r) => ({
                    ...emptyRow(section),
                    ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
                  })),
                );
                setRead(null);
                setText('');
              }}
            >
              Add these {read.rows.length} rows to the VIN ranges
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function SectionForm({ s, value, set, problems }: { s: Section; value: Draft[string]; set: (v: Draft[string]) => void; problems: string[] }) {
  const body = () => {
    if (s.rows) {
      const rows = (value as FormRow[]) ?? [];
      return (
        <>
          {s.id === 'vinRanges' && <RangePaste onAdd={(added) => set([...rows, ...added])} />}
          {rows.length > 0 && (
            <div className="rows-scroll">
              <table className="data editor-rows">
                <thead>
                  <tr>
                    {s.fields.map((fl) => (
                      <th key={fl.key}>{fl.label}</th>
                    ))}
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={i}>
                      {s.fields.map((fl) => (
                        <td key={fl.key}>
                          <Input
                            compact
                            field={fl}
                            label={`${s.title} row ${i + 1} ${fl.label}`}
                            value={row[fl.key]!}
                            onChange={(v) => set(rows.map((r, k) => (k === i ? { ...r, [fl.key]: v } : r)))}
                          />
                        </td>
                      ))}
                      <td>
                        <button type="button" aria-label={`Remove ${s.title} row ${i + 1}`} onClick={() => set(rows.filter((_, k) => k !== i))}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <button type="button" onClick={() => set([...rows, emptyRow(s)])}>
            Add a row to {s.title}
          </button>
        </>
      );
    }
    const row = value as FormRow | null;
    return (
      <>
        {s.nullable && (
          <label className="check">
            <input type="checkbox" checked={row !== null} onChange={(e) => set(e.target.checked ? emptyRow(s) : null)} /> The letter has one
          </label>
        )}
        {row && (
          <div className="form-grid">
            {s.fields.map((fl) => {
              const id = `ed-${s.id}-${fl.key}`;
              return [
                <label key={`${id}-l`} htmlFor={id}>
                  {fl.label}
                  {fl.hint && <span className="muted"> ({fl.hint})</span>}
                </label>,
                <Input key={id} id={id} field={fl} label={fl.label} value={row[fl.key]!} onChange={(v) => set({ ...row, [fl.key]: v })} />,
              ];
            })}
          </div>
        )}
      </>
    );
  };
  return (
    <fieldset className="editor-section" data-testid={`editor-${s.id}`}>
      <legend>{s.title}</legend>
      {s.hint && <p className="muted">{s.hint}</p>}
      {body()}
      {problems.map((p) => (
        <p key={p} className="error-text" data-testid="editor-problem">
          {p}
        </p>
      ))}
    </fieldset>
  );
}

/**
 * The guided editor: every part of the bulletin format in plain forms. It saves the format itself,
 * through the same import as a file (impact first, then Apply or Cancel).
 */
export function BulletinEditor({ from, onClose }: Props) {
  // A new revision starts from the current one; its date and label are the new letter's to state.
  const [draft, setDraft] = useState<Draft>(() => {
    const d = bulletinToDraft(from);
    if (from) d.revision = { ...(d.revision as FormRow), revisionDate: '', revisionLabel: '' };
    return d;
  });
  const [tried, setTried] = useState(false);
  const [file, setFile] = useState<BulletinFile | null>(null);
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const problemsOf = (id: string) => (tried ? checked.problems.filter((p) => p.section === id).map((p) => p.message) : []);
  const save = () => {
    setTried(true);
    if (checked.problems.length) return setFile(null);
    const b = draftToBulletin(draft);
    setFile({ name: `${b.code}-${b.revisionDate}.json`, content: JSON.stringify(b, null, 2) });
  };
  return (
    <div className="bulletin-editor" data-testid="bulletin-editor">
      <h2>{from ? `New revision of ${from.code}` : 'New campaign'}</h2>
      <p className="muted">Write only what the letter states: a field left empty is shown as "not stated" wherever it is used.</p>
      {SECTIONS.map((s) => (
        <SectionForm key={s.id} s={s} value={draft[s.id]!} set={(v) => setDraft((d) => ({ ...d, [s.id]: v }))} problems={problemsOf(s.id)} />
      ))}
      {tried && checked.problems.length > 0 && (
        <p className="error-text" data-testid="editor-problems">
          {checked.problems.length} {checked.problems.length === 1 ? 'thing needs' : 'things need'} fixing before this can be saved (shown under each part).
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={save}>
          Check and see the impact
        </button>
        <button type="button" onClick={onClose}>
          Close the editor
        </button>
      </div>
      <BulletinApply file={file} onDone={() => setFile(null)} />
    </div>
  );
}
