import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CporRequest, SuggestionLine } from '../../shared/parts/contract';
import { suggestionsCsv } from '../../shared/parts/csv';
import {
  acceptedText,
  acceptText,
  chooseLineLabel,
  chooseShownText,
  chosenText,
  moreToPlaceText,
  NOTHING_TO_PLACE,
  requestStateText,
  STANDING_HELP,
  STANDING_TITLE,
  standingCountText,
  FOR_FILTER,
  forText,
  GROUPING,
  groupText,
  PICK_HELP,
  shownText,
} from '../../shared/parts/wording';
import { localIsoDate } from '../../shared/dates';
import { METHOD_LABEL } from '../../shared/wording';
import { Can } from '../accounts/Can';
import { useScreenActive } from '../navigation';
import { apiQuery, useApiMutation } from '../queries';
import { FilterSelect } from '../reports/ListTools';
import { type Column, VirtualTable } from '../reports/VirtualTable';
import { downloadText } from '../ui/download';
import { ErrorNotice, Notice } from '../ui/Notice';
import { ByField } from './ByField';
import { useByName } from './useByName';
import './orders.css';

type ForFilter = (typeof FOR_FILTER)[number][0];
type Grouping = (typeof GROUPING)[number][0];
type Filters = { campaign: string; for: ForFilter | ''; from: string; to: string; grouping: Grouping | '' };
type Row = { kind: 'line'; line: SuggestionLine } | { kind: 'group'; id: string; label: string; keys: string[] };

const ROW_HEIGHT = 54;
const HEAD_HEIGHT = 38;
const orders = (l: SuggestionLine) => (l.method === 'stock' || l.method === 'cpor') && l.quantity > 0;

function matches(l: SuggestionLine, f: Filters): boolean {
  if (f.campaign && l.campaign !== f.campaign) return false;
  if (f.for === 'nothing' ? orders(l) : f.for && l.source !== f.for) return false;
  if (f.from || f.to) {
    const day = l.bookedAt?.slice(0, 10);
    if (!day || (f.from && day < f.from) || (f.to && day > f.to)) return false;
  }
  return true;
}

/** The shown lines, in groups (each headed by its row) or as they come. */
function arrange(lines: readonly SuggestionLine[], grouping: Filters['grouping']): Row[] {
  if (!grouping) return lines.map((line) => ({ kind: 'line', line }));
  const groups = new Map<string, SuggestionLine[]>();
  for (const l of lines) {
    const id = grouping === 'campaign' ? l.campaign : (l.part ?? `${l.campaign} (no part number)`);
    const g = groups.get(id);
    if (g) g.push(l);
    else groups.set(id, [l]);
  }
  const rows: Row[] = [];
  for (const [id, ls] of groups) {
    const label = grouping === 'campaign' ? id : `${id}${ls[0]!.part ? ` (${[...new Set(ls.map((l) => l.campaign))].join(', ')})` : ''}`;
    rows.push({ kind: 'group', id: `group:${id}`, label, keys: ls.filter(orders).map((l) => l.key) });
    for (const line of ls) rows.push({ kind: 'line', line });
  }
  return rows;
}

/** Order suggestions (F9): every line says why; the chosen stock and CPOR lines are recorded as orders. */
export function OrdersScreen() {
  const active = useScreenActive();
  const [horizon, setHorizon] = useState('14');
  const days = Number(horizon);
  const valid = Number.isInteger(days) && days >= 1 && days <= 365;
  const [by, setBy] = useByName();
  const s = useQuery({ ...apiQuery('suggestOrders', valid ? { horizonDays: days } : null), placeholderData: keepPreviousData, subscribed: active });
  const accept = useApiMutation('acceptSuggestions');
  const { reset } = accept;
  // "N orders recorded" is news once: coming back to the screen shows only the lines as they are now.
  useEffect(() => {
    if (!active) reset();
  }, [active, reset]);

  const [filters, setFilters] = useState<Filters>({ campaign: '', for: '', from: '', to: '', grouping: '' });
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);

  const all = s.data?.lines ?? [];
  const campaigns = useMemo(() => [...new Set(all.map((l) => l.campaign))].map((c) => [c, c] as const), [all]);
  const shown = useMemo(() => all.filter((l) => matches(l, filters)), [all, filters]);
  const rows = useMemo(() => arrange(shown, filters.grouping), [shown, filters.grouping]);
  /** The order lines in the order the screen shows them: what a Shift-click range runs over. */
  const order = useMemo(() => rows.flatMap((r) => (r.kind === 'line' && orders(r.line) ? [r.line.key] : [])), [rows]);
  const orderable = useMemo(() => new Set(all.filter(orders).map((l) => l.key)), [all]);
  // A chosen line another desk accepted (or that is no longer suggested) drops out of the choice.
  const chosen = useMemo(() => [...picked].filter((k) => orderable.has(k)), [picked, orderable]);
  const shownKeys = useMemo(() => new Set(order), [order]);
  const hidden = chosen.filter((k) => !shownKeys.has(k)).length;

  const choose = useCallback(
    (key: string, range: boolean) => {
      // The anchor as it is now: the update runs later, after the anchor has moved to this line.
      const from = range && anchor.current ? order.indexOf(anchor.current) : -1;
      setPicked((prev) => {
        const next = new Set(prev);
        const on = !prev.has(key);
        const to = order.indexOf(key);
        if (from >= 0 && to >= 0) {
          for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
            if (on) next.add(order[i]!);
            else next.delete(order[i]!);
          }
        } else if (on) next.add(key);
        else next.delete(key);
        return next;
      });
      anchor.current = key;
    },
    [order],
  );
  const chooseGroup = (keys: string[]) =>
    setPicked((prev) => {
      const next = new Set(prev);
      const on = keys.some((k) => !prev.has(k));
      for (const k of keys) on ? next.add(k) : next.delete(k);
      return next;
    });

  // Up and Down move between the lines' boxes, scrolling the list so the next one is drawn.
  const box = useRef<HTMLDivElement>(null);
  const moveTo = (key: string) => {
    const at = rows.findIndex((r) => r.kind === 'line' && r.line.key === key);
    const scroller = box.current?.querySelector<HTMLElement>('.vlist');
    if (at < 0 || !scroller) return;
    const top = HEAD_HEIGHT + at * ROW_HEIGHT;
    if (top < scroller.scrollTop + HEAD_HEIGHT) scroller.scrollTop = top - HEAD_HEIGHT;
    else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    let tries = 0;
    const focus = () => {
      const el = scroller.querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(key)}"]`);
      if (el) el.focus();
      else if (tries++ < 20) requestAnimationFrame(focus);
    };
    focus();
  };
  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>, key: string) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = order[order.indexOf(key) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) moveTo(next);
    }
    // Space ticks the box through its click (Shift+Space arrives as a Shift-click: a range).
  };

  const columns: Column<Row>[] = [
    {
      id: 'pick',
      label: '',
      width: '2.4rem',
      render: (r) => {
        if (r.kind === 'group') {
          const n = r.keys.filter((k) => picked.has(k)).length;
          return r.keys.length ? (
            <input
              type="checkbox"
              aria-label={`Choose every line of ${r.label}`}
              checked={n > 0 && n === r.keys.length}
              ref={(el) => {
                if (el) el.indeterminate = n > 0 && n < r.keys.length;
              }}
              onChange={() => chooseGroup(r.keys)}
            />
          ) : null;
        }
        const l = r.line;
        if (!orders(l)) return null;
        return (
          <input
            type="checkbox"
            data-key={l.key}
            aria-label={chooseLineLabel(l)}
            checked={picked.has(l.key)}
            onClick={(e: MouseEvent<HTMLInputElement>) => choose(l.key, e.shiftKey)}
            onChange={() => {}}
            onKeyDown={(e) => onBoxKey(e, l.key)}
          />
        );
      },
    },
    {
      id: 'campaign',
      label: 'Campaign',
      width: '6.5rem',
      render: (r) =>
        r.kind === 'group' ? (
          <strong className="one-line">{groupText(r.label, r.keys.length, r.keys.filter((k) => picked.has(k)).length)}</strong>
        ) : (
          <span className="code mono">{r.line.campaign}</span>
        ),
    },
    {
      id: 'part',
      label: 'Part number',
      width: '8.5rem',
      render: (r) => (r.kind === 'line' ? <span className="mono">{r.line.partNumber ?? <span className="unknown">none</span>}</span> : null),
    },
    { id: 'how', label: 'How', width: '10.5rem', render: (r) => (r.kind === 'line' ? METHOD_LABEL[r.line.method] : null) },
    { id: 'qty', label: 'Qty', width: '2.8rem', render: (r) => (r.kind === 'line' ? r.line.quantity || '' : null) },
    { id: 'vin', label: 'VIN', width: '11.5rem', render: (r) => (r.kind === 'line' ? <span className="mono">{r.line.vin}</span> : null) },
    { id: 'for', label: 'For', width: '13rem', render: (r) => (r.kind === 'line' ? forText(r.line) : null) },
    {
      id: 'why',
      label: 'Why',
      width: 'minmax(12rem, 1fr)',
      render: (r) =>
        r.kind === 'line' ? (
          <span className="two-lines" title={r.line.reason}>
            {r.line.reason}
          </span>
        ) : null,
    },
  ];

  const submit = () => {
    if (chosen.length === 0) return;
    accept.mutate(
      { horizonDays: days, by, keys: chosen },
      {
        onSuccess: () => {
          setPicked(new Set());
          anchor.current = null;
        },
      },
    );
  };

  return (
    <div className="report lane orders" data-testid="orders" ref={box}>
      <header className="report-head">
        <h2>Order suggestions</h2>
        <div className="button-row no-print">
          <label>
            Booked work within <input aria-label="Horizon in days" value={horizon} onChange={(e) => setHorizon(e.target.value)} size={4} inputMode="numeric" />{' '}
            days
          </label>
          {s.data && (
            <button type="button" onClick={() => downloadText(`order-suggestions-${localIsoDate(new Date())}.csv`, suggestionsCsv(s.data))}>
              Export CSV
            </button>
          )}
        </div>
      </header>
      <StandingRequests by={by} />
      {!valid && <Notice kind="error" message="The horizon is a whole number of days from 1 to 365, e.g. 14." />}
      {s.error && <ErrorNotice error={s.error} />}
      {s.data && (
        <>
          <fieldset className="list-tools no-print" aria-label="Filters">
            <FilterSelect label="Campaign" value={filters.campaign} onChange={(v) => set('campaign', v)} any="All campaigns" options={campaigns} />
            <FilterSelect<ForFilter> label="For" value={filters.for} onChange={(v) => set('for', v)} any="Every line" options={FOR_FILTER} />
            <label>
              Booked from
              <input type="date" aria-label="Booked from" value={filters.from} onChange={(e) => set('from', e.target.value)} />
            </label>
            <label>
              to
              <input type="date" aria-label="Booked to" value={filters.to} onChange={(e) => set('to', e.target.value)} />
            </label>
            <FilterSelect<Grouping> label="Group" value={filters.grouping} onChange={(v) => set('grouping', v)} any="No groups" options={GROUPING} />
          </fieldset>
          <div className="list-count no-print">
            <span data-testid="orders-shown">{shownText(shown.length, all.length)}</span>
            <button type="button" disabled={order.length === 0} onClick={() => setPicked((prev) => new Set([...prev, ...order]))}>
              {chooseShownText(order.length)}
            </button>
            <button
              type="button"
              disabled={chosen.length === 0}
              onClick={() => {
                setPicked(new Set());
                anchor.current = null;
              }}
            >
              Clear the choice
            </button>
            <span className="muted">{PICK_HELP}</span>
          </div>
          <VirtualTable<Row>
            label="Suggested orders"
            rows={rows}
            columns={columns}
            rowHeight={ROW_HEIGHT}
            rowKey={(r) => (r.kind === 'group' ? r.id : r.line.key)}
            rowClass={(r) => (r.kind === 'group' ? 'pick-group' : `method-${r.line.method}${picked.has(r.line.key) ? ' picked' : ''}`)}
            rowTestId="order-line"
            sort={null}
            onSort={() => {}}
          />
          <Can op="acceptSuggestions">
            <form
              className="pick-bar"
              aria-label="Accept the chosen lines"
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <span data-testid="chosen">{chosenText(chosen.length, hidden)}</span>
              <ByField value={by} onChange={setBy} />
              <button type="submit" className="primary" disabled={chosen.length === 0 || accept.isPending}>
                {acceptText(chosen.length)}
              </button>
              {accept.error && <ErrorNotice error={accept.error} testId="accept-error" />}
              {accept.data && <Notice kind="ok" message={acceptedText(accept.data.recorded.length)} testId="accepted" />}
            </form>
          </Can>
        </>
      )}
    </div>
  );
}

/**
 * The CPOR requests to place in Service Lane, standing: every accepted request without its CPOR
 * reference, whenever it was accepted, then those on order until received. A reference is entered
 * for one line at any time; the line then reads "on order since ...".
 */
function StandingRequests({ by }: { by: string }) {
  const active = useScreenActive();
  const q = useQuery({ ...apiQuery('cporRequests', {}), subscribed: active });
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!q.data) return null;
  const { toPlace, onOrder, requests } = q.data;
  return (
    <section className="panel to-place no-print" aria-label={STANDING_TITLE}>
      <h3>
        {STANDING_TITLE}{' '}
        <span className="muted" data-testid="standing-count">
          {standingCountText(toPlace, onOrder)}
        </span>
      </h3>
      {requests.length === 0 ? (
        <p className="muted">{NOTHING_TO_PLACE}</p>
      ) : (
        <>
          <p className="muted">{STANDING_HELP}</p>
          <ul className="to-place-list">
            {requests.slice(0, SHOWN).map((r) => (
              <RequestRow key={r.id} r={r} by={by} />
            ))}
          </ul>
          {requests.length > SHOWN && <p className="muted">{moreToPlaceText(requests.length - SHOWN)}</p>}
        </>
      )}
    </section>
  );
}
const SHOWN = 200;

function RequestRow({ r, by }: { r: CporRequest; by: string }) {
  const [reference, setReference] = useState('');
  const enter = useApiMutation('setCporReference');
  return (
    <li data-testid={`request-${r.id}`} className={`request ${r.state}`}>
      <span className="what">
        {r.what} <span className="mono">{r.partNumber}</span> for <span className="mono">{r.vin}</span>
        {r.campaign && (
          <>
            {' '}
            <span className="code mono">{r.campaign}</span>
          </>
        )}{' '}
        <span className="muted">(order #{r.id})</span>
      </span>{' '}
      <span className="state">{requestStateText(r)}</span>
      {r.state === 'to-place' && (
        <Can op="setCporReference">
          <form
            className="inline-form"
            aria-label={`CPOR reference for ${r.vin}`}
            onSubmit={(e) => {
              e.preventDefault();
              enter.mutate({ id: r.id, reference, by });
            }}
          >
            <input aria-label="CPOR reference" value={reference} onChange={(e) => setReference(e.target.value)} size={12} placeholder="e.g. CP-123" />
            <button type="submit" disabled={!reference.trim() || enter.isPending}>
              Enter reference
            </button>
          </form>
        </Can>
      )}
      {enter.error && <ErrorNotice error={enter.error} />}
    </li>
  );
}
