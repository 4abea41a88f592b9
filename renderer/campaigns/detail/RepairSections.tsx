import type { CampaignDetail } from '../../../shared/api';
import { dash, Section } from './Section';

/** The repair: parts, ordering, labor and who may do it. */
export function RepairSections({ b }: { b: CampaignDetail['bulletin'] }) {
  return (
    <>
      <Section title="Parts" empty={b.parts.length === 0}>
        <table>
          <thead>
            <tr>
              <th>Part number</th>
              <th>Description</th>
              <th>Qty</th>
              <th>MAC code</th>
              <th>Per VIN</th>
              <th>Released</th>
            </tr>
          </thead>
          <tbody>
            {b.parts.map((p, i) => (
              <tr key={i}>
                <td className="mono">{p.partNumber ?? <span className="unknown">not yet released</span>}</td>
                <td>
                  {p.description}
                  {p.note ? <div className="muted">{p.note}</div> : null}
                </td>
                <td>{dash(p.quantity)}</td>
                <td>{p.macCode ?? <span className="unknown">see Dealer Daily</span>}</td>
                <td>{p.partNumberPerVin === null ? <span className="unknown">unknown</span> : p.partNumberPerVin ? 'Yes: look up in CPOR' : 'No'}</td>
                <td className={p.released ? 'good' : 'bad'}>{p.released ? 'Yes' : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Parts ordering" empty={b.partsOrdering.length === 0}>
        <ul>
          {b.partsOrdering.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </Section>

      <Section title="Labor: op codes and flat rate" empty={b.opCodes.length === 0 && b.repairTimeMinutes === null}>
        {b.opCodes.length > 0 && (
          <table>
            <thead>
              <tr>
                <th>Op code</th>
                <th>Description</th>
                <th>Flat rate hours</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {b.opCodes.map((o) => (
                <tr key={o.code}>
                  <td className="mono">{o.code}</td>
                  <td>{o.description}</td>
                  <td>{dash(o.flatRateHours)}</td>
                  <td className="muted">{o.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          Appointment time: {b.repairTimeMinutes ? `${b.repairTimeMinutes} minutes` : <span className="unknown">not stated</span>}
          {b.guestBrings.length > 0 ? ` · The guest brings: ${b.guestBrings.join('; ')}` : ''}
        </p>
      </Section>

      <Section title="Technician requirements" empty={b.technicianRequirements.length === 0}>
        <ul>
          {b.technicianRequirements.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </Section>
    </>
  );
}
