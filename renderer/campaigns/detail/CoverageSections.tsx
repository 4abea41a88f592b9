import type { CampaignDetail } from '../../../shared/api';
import { alsoStatedText, PHASE_STATUS_LABEL } from '../../../shared/wording';
import { dash, Section } from './Section';

/** Which vehicles: models, counts, phases and remedy, VIN ranges, production windows. */
export function CoverageSections({ b }: { b: CampaignDetail['bulletin'] }) {
  return (
    <>
      <Section title="Vehicles">
        <table>
          <tbody>
            <tr>
              <th>Models</th>
              <td>{b.models.map((m) => `${m.name} (${m.modelYears})`).join(', ')}</td>
            </tr>
            <tr>
              <th>Vehicles</th>
              <td>{dash(b.vehicleCount)}</td>
            </tr>
            <tr>
              <th>Production</th>
              <td>{dash(b.productionPeriod)}</td>
            </tr>
            <tr>
              <th>Eligibility</th>
              <td>{dash(b.eligibilityNote)}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title="Phases and remedy">
        <table>
          <thead>
            <tr>
              <th>Phase</th>
              <th>Status</th>
              <th>Expected timing</th>
              <th>Vehicles</th>
              <th>Guest mailing</th>
            </tr>
          </thead>
          <tbody>
            {b.phases.map((p) => (
              <tr key={p.id}>
                <td className="nowrap">{p.name}</td>
                <td className={p.status === 'remedy-available' ? 'good' : 'bad'}>
                  {PHASE_STATUS_LABEL[p.status]}
                  {p.statusBasis ? <div className="muted">{p.statusBasis}</div> : null}
                </td>
                <td>{p.expectedTiming ?? (p.status === 'remedy-available' ? <span className="muted">already available</span> : dash(null))}</td>
                <td>{dash(p.vehicles)}</td>
                <td>
                  {dash(p.mailing)}
                  {p.note ? <div className="muted">{p.note}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      {b.vinRanges.length > 0 && (
        <Section title={`VIN ranges (${b.vinRanges.length})`}>
          <table className="mono-cols">
            <thead>
              <tr>
                <th>Model</th>
                <th>Year</th>
                <th>WMI</th>
                <th>VDS</th>
                <th>Serial from</th>
                <th>Serial to</th>
                <th>UIO</th>
              </tr>
            </thead>
            <tbody>
              {b.vinRanges.map((r, i) => (
                <tr key={i}>
                  <td>{r.model}</td>
                  <td>{r.modelYear}</td>
                  <td>{r.wmi}</td>
                  <td>{r.vds}</td>
                  <td>{r.serialFrom}</td>
                  <td>{r.serialTo}</td>
                  <td>{dash(r.uio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}

      {b.modelWindows.length > 0 && (
        <Section title={`Models and production windows (${b.modelWindows.length})`}>
          <table>
            <thead>
              <tr>
                <th>Model</th>
                <th>Model years</th>
                <th>Built in</th>
                <th>Produced from</th>
                <th>to</th>
                <th>Vehicles</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {b.modelWindows.map((w) => (
                <tr key={w.id}>
                  <td>{w.model}</td>
                  <td>{w.modelYearFrom === w.modelYearTo ? w.modelYearFrom : `${w.modelYearFrom}-${w.modelYearTo}`}</td>
                  <td>{w.builtIn ?? 'any'}</td>
                  <td>{w.producedFrom ?? <span className="unknown">not stated</span>}</td>
                  <td>{w.producedTo ?? (w.windowNote ? <span className="muted">{w.windowNote}</span> : <span className="unknown">not stated</span>)}</td>
                  <td>{dash(w.approxVehicles)}</td>
                  <td className="muted">
                    {w.detail ?? (w.producedFrom ? '' : w.windowNote)}
                    {w.alsoStated && <div>{alsoStatedText(w)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {b.phaseChart.length > 0 && (
            <p className="muted">
              Known phase per model and production month: {b.phaseChart.map((c) => `${c.window} ${c.month} → phase ${c.phase}`).join('; ')}. Every other month's
              phase is unknown: check TIS/SLP.
            </p>
          )}
        </Section>
      )}
    </>
  );
}
