import { invalidLinesCsv } from '../../shared/csv-out';
import { count } from '../../shared/wording';
import { downloadText } from '../ui/download';

type Preview = { rowsRead: number; valid: number; duplicates: number; invalid: { line: number; text: string; reason: string }[] };

const SHOWN = 50;

/** What a file holds before anything is written: counts, and every rejected line with its reason. */
export function PreviewCounts({ p, fileName, what }: { p: Preview; fileName: string; what: string }) {
  return (
    <div className="preview" data-testid="preview">
      <dl className="counts">
        <div>
          <dt>Rows read</dt>
          <dd>{count(p.rowsRead)}</dd>
        </div>
        <div>
          <dt>Valid {what}</dt>
          <dd className="good">{count(p.valid)}</dd>
        </div>
        <div>
          <dt>Duplicates</dt>
          <dd>{count(p.duplicates)}</dd>
        </div>
        <div>
          <dt>Invalid</dt>
          <dd className={p.invalid.length ? 'bad' : ''}>{count(p.invalid.length)}</dd>
        </div>
      </dl>
      {p.invalid.length > 0 && (
        <>
          <table className="invalid" aria-label="Invalid lines">
            <thead>
              <tr>
                <th>Line</th>
                <th>Text</th>
                <th>Why it was left out</th>
              </tr>
            </thead>
            <tbody>
              {p.invalid.slice(0, SHOWN).map((i) => (
                <tr key={i.line}>
                  <td>{i.line}</td>
                  <td className="mono">{i.text}</td>
                  <td>{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {p.invalid.length > SHOWN && (
              <span className="muted">
                Showing {SHOWN} of {count(p.invalid.length)}.{' '}
              </span>
            )}
            <button type="button" onClick={() => downloadText(`${fileName.replace(/\.[^.]+$/, '')}-invalid-lines.csv`, invalidLinesCsv(p.invalid))}>
              Export invalid lines (CSV)
            </button>
          </p>
        </>
      )}
    </div>
  );
}
