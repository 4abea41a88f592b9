import type { VinAnalysis } from '../../shared/vin';

/** Live, before Enter: how many characters, and which ones are wrong, at their positions. */
export function VinFeedback({ analysis }: { analysis: VinAnalysis }) {
  if (analysis.ok) {
    return (
      <p className={analysis.checkDigitValid ? 'feedback good' : 'feedback warn'}>
        17 characters · model year {analysis.modelYear}
        {analysis.checkDigitValid ? ' · check digit valid' : ` · check digit should be ${analysis.expectedCheckDigit}`}
      </p>
    );
  }
  const bad = new Set(analysis.errors.map((e) => e.position).filter((p): p is number => p !== undefined));
  return (
    <div className="feedback bad">
      <p className="mono chars" aria-hidden="true">
        {analysis.vin.split('').map((ch, i) => (
          <span key={i} className={bad.has(i + 1) ? 'char bad' : 'char'}>
            {ch}
          </span>
        ))}
        <span className="count">{analysis.vin.length}/17</span>
      </p>
      <ul>
        {analysis.errors.map((e) => (
          <li key={e.message}>{e.message}</li>
        ))}
      </ul>
    </div>
  );
}
