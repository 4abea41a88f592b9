import type { CampaignDetail } from '../../../shared/api';
import { Section } from './Section';

/** Where the answer comes from: revisions (published and loaded here), notes and the source. */
export function HistorySections({ d }: { d: CampaignDetail }) {
  const b = d.bulletin;
  return (
    <>
      <Section title="Revision history">
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Change (as published)</th>
            </tr>
          </thead>
          <tbody>
            {b.revisionHistory.map((r, i) => (
              <tr key={i}>
                <td>{r.date}</td>
                <td>{r.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Loaded here: {d.revisions.map((r) => `${r.revisionDate} ${r.revisionLabel} (${r.origin}, ${r.loadedAt.slice(0, 10)})`).join('; ')}
        </p>
      </Section>

      <Section title="Notes" empty={b.notes.length === 0}>
        <ul>
          {b.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </Section>

      <p className="muted source">
        Source: {b.source.title}
        {b.source.originalDate ? `, first published ${b.source.originalDate}` : ''}
        {b.source.file ? ` (${b.source.file})` : ''}.
      </p>
    </>
  );
}
