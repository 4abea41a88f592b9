import type { CampaignDetail } from '../../../shared/api';
import { CONDITION_LABEL, DELIVERY_LABEL, WHEN_LABEL } from '../../../shared/wording';
import { Section } from './Section';

/** What the counter does and says: delivery rules, next actions, Q&A, contacts. */
export function CounterSections({ b }: { b: CampaignDetail['bulletin'] }) {
  return (
    <>
      <Section title="Vehicles in dealer inventory" empty={b.delivery.length === 0}>
        <table>
          <thead>
            <tr>
              <th>Condition</th>
              <th>Rule</th>
              <th>What the bulletin says</th>
            </tr>
          </thead>
          <tbody>
            {b.delivery.map((r) => (
              <tr key={r.condition}>
                <td>{CONDITION_LABEL[r.condition]}</td>
                <td>
                  <strong>{DELIVERY_LABEL[r.rule]}</strong>
                </td>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="What to do" empty={b.actions.length === 0}>
        <table>
          <tbody>
            {b.actions.map((a) => (
              <tr key={a.text}>
                <td className="muted">{WHEN_LABEL[a.when]}</td>
                <td className="muted">{a.role}</td>
                <td>{a.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={`Questions and answers (${b.qa.length})`} empty={b.qa.length === 0}>
        <dl className="qa">
          {b.qa.map((q) => (
            <div key={q.id} className={q.audience}>
              <dt>
                <span className="mono">{q.id}</span> {q.question} {q.audience === 'internal' && <span className="badge internal">Internal only</span>}
              </dt>
              <dd>{q.answer}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title="Contacts" empty={b.contacts.length === 0}>
        <ul className="contacts">
          {b.contacts.map((c) => (
            <li key={c.name}>
              {c.audience === 'internal' ? (
                <span className="badge internal">Internal only: never give to guests</span>
              ) : (
                <span className="badge kind">For guests</span>
              )}{' '}
              <strong>{c.name}</strong> {c.phone ?? ''}: {c.purpose}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
