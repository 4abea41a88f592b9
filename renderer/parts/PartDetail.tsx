import { useQueries, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { dateTimeText } from '../../shared/dates';
import type { CampaignPart, LedgerLine } from '../../shared/parts/contract';
import { cporSentence, movementDoneText, partWord, placeRequestHint } from '../../shared/parts/wording';
import { count, MOVEMENT_LABEL, SOURCE_LABEL } from '../../shared/wording';
import { useCan } from '../accounts/auth';
import { apiQuery, useApiMutation } from '../queries';
import { type Column, VirtualTable } from '../reports/VirtualTable';
import { ErrorNotice, Notice } from '../ui/Notice';
import { ByField } from './ByField';
import { useByName } from './useByName';

const KINDS = ['receive', 'order', 'use', 'return', 'count'] as const;

/** One part: its amendments, stock per VIN, the ledger history, and forms to record movements. */
export function PartDetail({ part }: { part: CampaignPart }) {
  const pn = part.partNumber;
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
              <th>CPOR</th>
            </tr>
          </thead>
          <tbody>
            {part.perVinStock.map((s) => (
              <tr key={s.vin}>
                <td className="mono">{s.vin}</td>
                <td>{count(s.onHand)}</td>
                <td>{count(s.onOrder)}</td>
                <td data-testid={`cpor-${s.vin}`}>{s.cpor ? cporSentence(s.cpor, partWord(part.description)) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pn && canRecord && <h4>Record a movement</h4>}
      {pn && canRecord && <MovementForm part={pn} perVin={part.perVin === true || part.isPattern || part.macCode === 'C'} />}
      {pn && canSetLevel && !(part.perVin === true || part.isPattern || part.macCode === 'C') && <LevelForm part={pn} level={part.stockingLevel} />}
      {pn && <LedgerHistory part={pn} />}
    </section>
  );
}

/** A row of the ledger not yet fetched: the scrollbar spans every movement from the first page on. */
type Pending = { pending: true; index: number };
type Line = LedgerLine | Pending;
const isPending = (m: Line): m is Pending => 'pending' in m;
const cell =
  (render: (m: LedgerLine) => ReactNode, pending: ReactNode = null) =>
  (m: Line) =>
    isPending(m) ? pending : render(m);

const LEDGER_COLUMNS: readonly Column<Line>[] = [
  { id: 'id', label: '#', width: '4.5rem', render: cell((m) => m.id, '…') },
  { id: 'at', label: 'When', width: '9.5rem', render: cell((m) => <span className="nowrap">{dateTimeText(m.at)}</span>) },
  { id: 'kind', label: 'Movement', width: 'minmax(0, 1fr)', render: cell((m) => MOVEMENT_LABEL[m.kind], <span className="muted">Loading…</span>) },
  { id: 'quantity', label: 'Qty', width: '3.5rem', render: cell((m) => m.quantity) },
  {
    id: 'number',
    label: 'Number / VIN',
    width: '12rem',
    render: cell((m) => (
      <span className="mono">
        <span className="one-line">{m.partNumber}</span>
        {m.vin && <span className="one-line">{m.vin}</span>}
      </span>
    )),
  },
  {
    id: 'ref',
    label: 'Reference',
    width: 'minmax(0, 1fr)',
    render: cell((m) => (
      <>
        <span className="one-line">{m.ref}</span>
        {m.expectedOn && <span className="one-line muted">expected {m.expectedOn}</span>}
      </>
    )),
  },
  { id: 'by', label: 'By', width: 'minmax(0, 1fr)', render: cell((m) => <span className="one-line">{m.by}</span>) },
  { id: 'effect', label: 'Effect', width: 'minmax(0, 2fr)', render: cell((m) => <span className="two-lines">{m.effect}</span>) },
];

/** The first page is drawn at once; the rest follows in pages, while the first rows are already read. */
const FIRST_PAGE = 200;
const PAGE = 2000;

/**
 * The part's ledger, newest first: a part with 10,000 movements opens at once (the first page is
 * drawn, the rest is fetched behind it; only the rows in view are drawn, the scrollbar spans them all).
 */
function LedgerHistory({ part }: { part: string }) {
  const head = useQuery(apiQuery('partLedger', { part, offset: 0, limit: FIRST_PAGE }));
  const total = head.data?.total ?? 0;
  const offsets: number[] = [];
  for (let o = FIRST_PAGE; o < total; o += PAGE) offsets.push(o);
  const pages = useQueries({ queries: offsets.map((offset) => apiQuery('partLedger', { part, offset, limit: PAGE })) });
  // Built on each render of this panel (a data answer, not a scroll): a few milliseconds at 10,000.
  const rows: Line[] = [];
  if (head.data) {
    rows.push(...head.data.movements);
    for (const [k, offset] of offsets.entries()) {
      const got = pages[k]?.data?.movements;
      for (let i = 0; i < Math.min(PAGE, total - offset); i++) rows.push(got?.[i] ?? { pending: true, index: offset + i });
    }
  }
  const error = head.error ?? pages.find((p) => p.error)?.error;
  if (error) return <ErrorNotice error={error} />;
  if (!head.data) return null;
  const { position } = head.data;
  return (
    <>
      <h4>Ledger history</h4>
      <p className="muted" data-testid="ledger-count">
        {total === 0
          ? 'No movements yet.'
          : `${count(total)} movement${total === 1 ? '' : 's'}, newest first · on hand ${count(position.onHand)}, on order ${count(position.onOrder)}`}
      </p>
      {total > 0 && (
        <VirtualTable
          label="Ledger history"
          rows={rows}
          columns={LEDGER_COLUMNS}
          rowHeight={46}
          rowKey={(m) => (isPending(m) ? `pending-${m.index}` : String(m.id))}
          rowClass={(m) => (!isPending(m) && m.reversed ? 'reversed' : undefined)}
          rowTestId="ledger-row"
          sort={null}
          onSort={() => {}}
        />
      )}
    </>
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
          message={`Recorded: ${movementDoneText(save.data)}`}
          details={[...save.data.warnings, placeRequestHint(save.data) ?? ''].filter(Boolean)}
          testId="movement-recorded"
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
