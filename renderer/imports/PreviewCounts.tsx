import { invalidLinesCsv } from '../../shared/csv-out';
import { encodingSentence, type FileEncoding } from '../../shared/imports/encoding';
import { count } from '../../shared/wording';
import { downloadText } from '../ui/download';

type Line = { line: number; text: string; reason: string };
type ByKind = { kind: string; label: string; count: number }[];
type Preview = {
  encoding: FileEncoding;
  notes: string[];
  rowsRead: number;
  valid: number;
  duplicates: number;
  invalid: Line[];
  invalidCount: number;
  invalidByKind: ByKind;
};

/** What a file holds before anything is written: counts, and the first rejected lines of each kind. */
export function PreviewCounts({ p, fileName, what }: { p: Preview; fileName: string; what: string }) {
  return (
    <div className="preview" data-testid="preview">
      <p className="muted" data-testid="encoding">
        {encodingSentence(p.encoding)}
      </p>
      {p.notes.map((n) => (
        <p key={n} className="warn-text" data-testid="file-note">
          {n}
        </p>
      ))}
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
          <dd className={p.invalidCount ? 'bad' : ''}>{count(p.invalidCount)}</dd>
        </div>
      </dl>
      <LineTable title="Invalid lines" why="Why it was left out" lines={p.invalid} total={p.invalidCount} byKind={p.invalidByKind} fileName={fileName} />
    </div>
  );
}

/** Lines with a reason: the count per kind, the first lines of each kind, and a CSV of those. */
export function LineTable({
  title,
  why,
  lines,
  total,
  byKind,
  fileName,
}: {
  title: string;
  why: string;
  lines: Line[];
  total: number;
  byKind: ByKind;
  fileName: string;
}) {
  if (total === 0) return null;
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <div className="line-table">
      <p data-testid={`${slug}-kinds`}>
        <strong>{title}:</strong> {byKind.map((k) => `${k.label} ${count(k.count)}`).join(' · ')}
      </p>
      <table className="invalid" aria-label={title}>
        <thead>
          <tr>
            <th>Line</th>
            <th>Text</th>
            <th>{why}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((i) => (
            <tr key={`${i.line}-${i.reason}`}>
              <td>{count(i.line)}</td>
              <td className="mono">{i.text}</td>
              <td>{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {total > lines.length && (
          <span className="muted">
            Showing the first {count(lines.length)} of {count(total)} (the first of each kind).{' '}
          </span>
        )}
        <button type="button" onClick={() => downloadText(`${fileName.replace(/\.[^.]+$/, '')}-${slug}.csv`, invalidLinesCsv(lines))}>
          Export {title.toLowerCase()} (CSV)
        </button>
      </p>
    </div>
  );
}
