import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, type CampaignDetail, type CampaignSummary } from '../../shared/api';
import { describeAge } from '../../shared/age';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { CONDITION_LABEL, DELIVERY_LABEL, KIND_LABEL, PHASE_STATUS_LABEL, WHEN_LABEL } from '../labels';

type Notice = { kind: 'ok' | 'error'; message: string; details: string[] };

export function LibraryScreen({ initialCode, onLibraryChanged }: { initialCode: string | null; onLibraryChanged: () => void }) {
  const [list, setList] = useState<CampaignSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(initialCode);
  const [detail, setDetail] = useState<CampaignDetail | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => {
    api.listCampaigns({}).then(setList, (e: Error) => setNotice({ kind: 'error', message: e.message, details: [] }));
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    if (!selected) return setDetail(null);
    api.getCampaign({ code: selected }).then(setDetail, (e: Error) => setNotice({ kind: 'error', message: e.message, details: [] }));
  }, [selected]);

  const importFile = async (file: File) => {
    try {
      const r = await api.importBulletin({ fileName: file.name, content: await file.text() });
      const what = { added: 'added to the library', updated: `updated (was ${r.previousRevisionDate})`, unchanged: 'already loaded: nothing changed' }[r.outcome];
      setNotice({ kind: 'ok', message: `${r.code} ${r.title}, revision ${r.revisionDate}: ${what}.`, details: [] });
      reload();
      onLibraryChanged();
      setSelected(r.code);
    } catch (e) {
      const err = e as ApiError;
      setNotice({ kind: 'error', message: err.message, details: err.details ?? [] });
    }
  };

  return (
    <div className="library">
      <section className="library-list" aria-label="Campaigns">
        <div className="library-tools">
          <h2>Campaigns</h2>
          <button onClick={() => fileInput.current?.click()}>Import bulletin…</button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="bulletin-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
        {notice && <Notice kind={notice.kind} message={notice.message} details={notice.details} testId="library-notice" />}
        {!list ? (
          <p className="muted">Loading…</p>
        ) : (
          <ul className="campaign-list">
            {list.map((c) => (
              <li key={c.code}>
                <button className={c.code === selected ? 'campaign-row active' : 'campaign-row'} onClick={() => setSelected(c.code)}>
                  <span className="row1">
                    <span className="code mono">{c.code}</span> <span className="badge kind">{KIND_LABEL[c.kind]}</span>
                  </span>
                  <span className="title">{c.title}</span>
                  <span className="muted">
                    Revision {c.revisionDate} ({describeAge(c.ageDays)}) · {c.origin}
                  </span>
                  <span className="muted">{c.remedySummary}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="library-detail" aria-label="Campaign detail">
        {detail ? <Detail d={detail} /> : <p className="hint">Choose a campaign to see everything its bulletin states.</p>}
      </section>
    </div>
  );
}

function Section({ title, children, empty }: { title: string; children: ReactNode; empty?: boolean }) {
  return (
    <section className="detail-section">
      <h3>{title}</h3>
      {empty ? <p className="muted">Not stated in this bulletin.</p> : children}
    </section>
  );
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined ? <span className="unknown">unknown</span> : v);

function Detail({ d }: { d: CampaignDetail }) {
  const b = d.bulletin;
  return (
    <article data-testid="campaign-detail">
      <header className="detail-head">
        <h2>
          <span className="code mono">{b.code}</span> {b.title}
        </h2>
        <p>
          <span className="badge kind">{KIND_LABEL[b.kind]}</span> {b.make ?? ''} · {b.revisionLabel}, {b.revisionDate} (
          {describeAge(d.summary.ageDays)}) · {d.summary.origin}
        </p>
        <p className="summary">{b.summary}</p>
      </header>

      <Section title="Vehicles">
        <table>
          <tbody>
            <tr><th>Models</th><td>{b.models.map((m) => `${m.name} (${m.modelYears})`).join(', ')}</td></tr>
            <tr><th>Vehicles</th><td>{dash(b.vehicleCount)}</td></tr>
            <tr><th>Production</th><td>{dash(b.productionPeriod)}</td></tr>
            <tr><th>Eligibility</th><td>{dash(b.eligibilityNote)}</td></tr>
          </tbody>
        </table>
      </Section>

      <Section title="Phases and remedy">
        <table>
          <thead><tr><th>Phase</th><th>Status</th><th>Expected timing</th><th>Vehicles</th><th>Guest mailing</th></tr></thead>
          <tbody>
            {b.phases.map((p) => (
              <tr key={p.id}>
                <td className="nowrap">{p.name}</td>
                <td className={p.status === 'remedy-available' ? 'good' : 'bad'}>{PHASE_STATUS_LABEL[p.status]}</td>
                <td>{p.expectedTiming ?? (p.status === 'remedy-available' ? <span className="muted">already available</span> : dash(null))}</td>
                <td>{dash(p.vehicles)}</td>
                <td>{dash(p.mailing)}{p.note ? <div className="muted">{p.note}</div> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      {b.vinRanges.length > 0 && (
        <Section title={`VIN ranges (${b.vinRanges.length})`}>
          <table className="mono-cols">
            <thead><tr><th>Model</th><th>Year</th><th>WMI</th><th>VDS</th><th>Serial from</th><th>Serial to</th><th>UIO</th></tr></thead>
            <tbody>
              {b.vinRanges.map((r, i) => (
                <tr key={i}><td>{r.model}</td><td>{r.modelYear}</td><td>{r.wmi}</td><td>{r.vds}</td><td>{r.serialFrom}</td><td>{r.serialTo}</td><td>{dash(r.uio)}</td></tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}

      {b.modelWindows.length > 0 && (
        <Section title={`Models and production windows (${b.modelWindows.length})`}>
          <table>
            <thead><tr><th>Model</th><th>Model years</th><th>Built in</th><th>Produced from</th><th>to</th><th>Vehicles</th><th>Detail</th></tr></thead>
            <tbody>
              {b.modelWindows.map((w) => (
                <tr key={w.id}>
                  <td>{w.model}</td>
                  <td>{w.modelYearFrom === w.modelYearTo ? w.modelYearFrom : `${w.modelYearFrom}-${w.modelYearTo}`}</td>
                  <td>{w.builtIn ?? 'any'}</td>
                  <td>{w.producedFrom ?? <span className="unknown">not stated</span>}</td>
                  <td>{w.producedTo ?? (w.windowNote ? <span className="muted">{w.windowNote}</span> : <span className="unknown">not stated</span>)}</td>
                  <td>{dash(w.approxVehicles)}</td>
                  <td className="muted">{w.detail ?? (w.producedFrom ? '' : w.windowNote)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {b.phaseChart.length > 0 && (
            <p className="muted">
              Known phase per model and production month: {b.phaseChart.map((c) => `${c.window} ${c.month} → phase ${c.phase}`).join('; ')}. Every other
              month's phase is unknown: check TIS/SLP.
            </p>
          )}
        </Section>
      )}

      <Section title="Parts" empty={b.parts.length === 0}>
        <table>
          <thead><tr><th>Part number</th><th>Description</th><th>Qty</th><th>MAC code</th><th>Per VIN</th><th>Released</th></tr></thead>
          <tbody>
            {b.parts.map((p, i) => (
              <tr key={i}>
                <td className="mono">{p.partNumber ?? <span className="unknown">not yet released</span>}</td>
                <td>{p.description}{p.note ? <div className="muted">{p.note}</div> : null}</td>
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
        <ul>{b.partsOrdering.map((t) => <li key={t}>{t}</li>)}</ul>
      </Section>

      <Section title="Labor: op codes and flat rate" empty={b.opCodes.length === 0 && b.repairTimeMinutes === null}>
        {b.opCodes.length > 0 && (
          <table>
            <thead><tr><th>Op code</th><th>Description</th><th>Flat rate hours</th><th>Note</th></tr></thead>
            <tbody>
              {b.opCodes.map((o) => (
                <tr key={o.code}><td className="mono">{o.code}</td><td>{o.description}</td><td>{dash(o.flatRateHours)}</td><td className="muted">{o.note}</td></tr>
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
        <ul>{b.technicianRequirements.map((t) => <li key={t}>{t}</li>)}</ul>
      </Section>

      <Section title="Vehicles in dealer inventory" empty={b.delivery.length === 0}>
        <table>
          <thead><tr><th>Condition</th><th>Rule</th><th>What the bulletin says</th></tr></thead>
          <tbody>
            {b.delivery.map((r) => (
              <tr key={r.condition}><td>{CONDITION_LABEL[r.condition]}</td><td><strong>{DELIVERY_LABEL[r.rule]}</strong></td><td>{r.text}</td></tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="What to do" empty={b.actions.length === 0}>
        <table>
          <tbody>
            {b.actions.map((a) => (
              <tr key={a.text}><td className="muted">{WHEN_LABEL[a.when]}</td><td className="muted">{a.role}</td><td>{a.text}</td></tr>
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
              {c.audience === 'internal' ? <span className="badge internal">Internal only: never give to guests</span> : <span className="badge kind">For guests</span>}{' '}
              <strong>{c.name}</strong> {c.phone ?? ''}: {c.purpose}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Revision history">
        <table>
          <thead><tr><th>Date</th><th>Change (as published)</th></tr></thead>
          <tbody>
            {b.revisionHistory.map((r, i) => (
              <tr key={i}><td>{r.date}</td><td>{r.change}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Loaded here: {d.revisions.map((r) => `${r.revisionDate} ${r.revisionLabel} (${r.origin}, ${r.loadedAt.slice(0, 10)})`).join('; ')}
        </p>
      </Section>

      <Section title="Notes" empty={b.notes.length === 0}>
        <ul>{b.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      </Section>

      <p className="muted source">
        Source: {b.source.title}
        {b.source.originalDate ? `, first published ${b.source.originalDate}` : ''}
        {b.source.file ? ` (${b.source.file})` : ''}.
      </p>
    </article>
  );
}
