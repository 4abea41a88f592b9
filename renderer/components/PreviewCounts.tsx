import { invalidLinesCsv } from '../../shared/csv-out';
import { downloadText } from '../download';

type Preview = { rowsRead: number; valid: number; duplicates: number; invalid: { line: number; text: string; reason: string }[] };

const SHOWN = 50;

/** What a file holds before anything is written: counts, and every rejected line with its reason. */
export function PreviewCounts({ p, fileName, what }: { p: Preview; fileName: string; what: string }) {
  return (
    <div className="preview" data-testid="preview">
      <dl className="counts">
        <div><dt>Rows read</dt><dd>{p.rowsRead.toLocaleString('en-US')}</dd></div>
        <div><dt>Valid {what}</dt><dd className="good">{p.valid.toLocaleString('en-US')}</dd></div>
        <div><dt>Duplicates</dt><dd>{p.duplicates.toLocaleString('en-US')}</dd></div>
        <div><dt>Invalid</dt><dd className={p.invalid.length ? 'bad' : ''}>{p.invalid.length.toLocaleString('en-US')}</dd></div>
      </dl>
      {p.invalid.length > 0 && (
        <>
          <table className="invalid" aria-label="Invalid lines">
            <thead><tr><th>Line</th><th>Text</th><th>Why it was left out</th></tr></thead>
            <tbody>
              {p.invalid.slice(0, SHOWN).map((i) => (
                <tr key={i.line}><td>{i.line}</td><td className="mono">{i.text}</td><td>{i.reason}</td></tr>
              ))}
            </tbody>
          </table>
          <p>
            {p.invalid.length > SHOWN && <span className="muted">Showing {SHOWN} of {p.invalid.length.toLocaleString('en-US')}. </span>}
            <button onClick={() => downloadText(`${fileName.replace(/\.[^.]+$/, '')}-invalid-lines.csv`, invalidLinesCsv(p.invalid))}>
              Export invalid lines (CSV)
            </button>
          </p>
        </>
      )}
    </div>
  );
}
