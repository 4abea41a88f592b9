import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CampaignPart } from '../../shared/parts/contract';
import { count, MOVEMENT_LABEL, SOURCE_LABEL } from '../../shared/wording';
import { useCan } from '../accounts/auth';
import { apiQuery, useApiMutation } from '../queries';
import { ErrorNotice, Notice } from '../ui/Notice';
import { ByField } from './ByField';
import { useByName } from './useByName';

const KINDS = ['receive', 'order', 'use', 'return', 'count'] as const;

/** One part: its amendments, stock per VIN, the ledger history, and forms to record movements. */
export function PartDetail({ part }: { part: CampaignPart }) {
  const pn = part.partNumber;
  const history = useQuery(apiQuery('stockHistory', pn ? { part: pn } : null));
  const canRecord = useCan('recordMovement');
  const canSetLevel = useCan('setStockingLevel');
  return (
    <section className="panel part-detail" aria-label={`Part ${pn ?? part.description}`}>
      <h3>
        {part.campaign} <span className="mono">{pn ?? 'not released'}</span> {part.description}
      </h3>
      {part.bulletin?.note && <p className="muted">Bulletin: {part.bulletin.note}</p>}
      <BulletinBeside part={part} />
      {part.amendments.length > 0 && (
        <ul aria-label="Amendments">
          {part.amendments.map((a) => (
            <li key={a.id}>
              Amended {a.madeAt.slice(0, 10)} by {a.madeBy}: {a.changes.join(', ')}
            </li>
          ))}
        </ul>
      )}
      {part.superseded.map((s) => (
        <Notice key={s} kind="ok" message={s} />
      ))}
      {part.perVinStock.length > 0 && <h4>Held per VIN</h4>}
      {part.perVinStock.length > 0 && (
        <table aria-label="Held per VIN">
          <thead>
            <tr>
              <th>VIN</th>
              <th>On hand</th>
              <th>On order</th>
            </tr>
          </thead>
          <tbody>
            {part.perVinStock.map((s) => (
              <tr key={s.vin}>
                <td className="mono">{s.vin}</td>
                <td>{count(s.onHand)}</td>
                <td>{count(s.onOrder)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pn && canRecord && <h4>Record a movement</h4>}
      {pn && canRecord && <MovementForm part={pn} perVin={part.perVin === true || part.isPattern || part.macCode === 'C'} />}
      {pn && canSetLevel && !(part.perVin === true || part.isPattern || part.macCode === 'C') && <LevelForm part={pn} level={part.stockingLevel} />}
      {history.error && <ErrorNotice error={history.error} />}
      {history.data && <h4>Ledger history</h4>}
      {history.data && (
        <table aria-label="Ledger history">
          <thead>
            <tr>
              <th>#</th>
              <th>When</th>
              <th>Movement</th>
              <th>Qty</th>
              <th>Number / VIN</th>
              <th>Reference</th>
              <th>By</th>
              <th>Effect</th>
            </tr>
          </thead>
          <tbody>
            {history.data.movements.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No movements yet.
                </td>
              </tr>
            )}
            {history.data.movements.map((m) => (
              <tr key={m.id} className={m.reversedBy ? 'reversed' : undefined}>
                <td>{m.id}</td>
                <td className="nowrap">{m.madeAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{MOVEMENT_LABEL[m.kind]}</td>
                <td>{m.quantity}</td>
                <td className="mono">
                  {m.partNumber}
                  {m.vin && <div>{m.vin}</div>}
                </td>
                <td>
                  {m.ref}
                  {m.expectedOn && <div className="muted">expected {m.expectedOn}</div>}
                </td>
                <td>{m.madeBy}</td>
                <td>{m.effect}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const FIELDS = [
  ['partNumber', 'Part number'],
  ['description', 'Description'],
  ['quantity', 'Quantity per vehicle'],
  ['macCode', 'MAC code'],
  ['released', 'Released'],
  ['perVin', 'Per VIN'],
] as const;
const shown = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? 'not stated' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

/** The bulletin's own value beside the one in use, and where that one comes from. */
function BulletinBeside({ part }: { part: CampaignPart }) {
  return (
    <table aria-label="Bulletin and amendments">
      <thead>
        <tr>
          <th>Fact</th>
          <th>The bulletin says</th>
          <th>In use</th>
          <th>From</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map(([field, label]) => (
          <tr key={field}>
            <td>{label}</td>
            <td>{part.bulletin ? shown(part.bulletin[field]) : <span className="unknown">not in the bulletin</span>}</td>
            <td className={part.sources[field] === 'amendment' ? 'amended' : undefined}>{shown(part[field])}</td>
            <td>{SOURCE_LABEL[part.sources[field]]}</td>
          </tr>
        ))}
        {part.allocation !== null && (
          <tr>
            <td>MAC allocation</td>
            <td>
              <span className="unknown">not stated</span>
            </td>
            <td className="amended">{part.allocation}</td>
            <td>{SOURCE_LABEL[part.sources.allocation]}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function MovementForm({ part, perVin }: { part: string; perVin: boolean }) {
  const [kind, setKind] = useState<(typeof KINDS)[number]>('receive');
  const [qty, setQty] = useState('1');
  const [number, setNumber] = useState(part);
  const [vin, setVin] = useState('');
  const [expected, setExpected] = useState('');
  const [ref, setRef] = useState('');
  const [by, setBy] = useByName();
  const save = useApiMutation('recordMovement');
  return (
    <form
      className="lane-form"
      aria-label="Record a movement"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          kind,
          part: number,
          quantity: Number(qty),
          vin: vin.trim() || null,
          expectedOn: kind === 'order' && expected ? expected : null,
          ref: ref || null,
          by,
        });
      }}
    >
      <select aria-label="Movement" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {MOVEMENT_LABEL[k]}
          </option>
        ))}
      </select>
      <input aria-label="Quantity" value={qty} onChange={(e) => setQty(e.target.value)} size={4} inputMode="numeric" />
      <input aria-label="Part number" className="mono" value={number} onChange={(e) => setNumber(e.target.value)} size={14} />
      {perVin && <input aria-label="VIN" className="mono" value={vin} onChange={(e) => setVin(e.target.value)} placeholder="VIN" size={19} />}
      {kind === 'order' && (
        <input aria-label="Expected" className="mono" value={expected} onChange={(e) => setExpected(e.target.value)} placeholder="MM/DD/YYYY" size={11} />
      )}
      <input aria-label="Reference" value={ref} onChange={(e) => setRef(e.target.value)} placeholder="CPOR / invoice" size={12} />
      <ByField value={by} onChange={setBy} />
      <button type="submit" className="primary" disabled={save.isPending}>
        Record
      </button>
      {save.error && <ErrorNotice error={save.error} testId="movement-error" />}
      {save.data && (
        <Notice
          kind="ok"
          message={`Recorded: ${save.data.movement.effect}. Now on hand ${save.data.position.onHand}, on order ${save.data.position.onOrder}.`}
        />
      )}
    </form>
  );
}

function LevelForm({ part, level }: { part: string; level: number }) {
  const [value, setValue] = useState(String(level));
  const [by, setBy] = useByName();
  const save = useApiMutation('setStockingLevel');
  return (
    <form
      className="lane-form"
      aria-label="Stocking level"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ part, level: Number(value), by });
      }}
    >
      <label>
        Keep on the shelf <input aria-label="Keep on the shelf" value={value} onChange={(e) => setValue(e.target.value)} size={4} inputMode="numeric" />
      </label>
      <ByField value={by} onChange={setBy} />
      <button type="submit" disabled={save.isPending}>
        Set level
      </button>
      {save.error && <ErrorNotice error={save.error} />}
    </form>
  );
}
