import { PrintButton } from '../forms/PrintButton';
import { useCallback, useMemo, useState } from 'react';
import { holdsCsv } from '../../shared/csv-out';
import { dateTimeText } from '../../shared/dates';
import type { HoldReport } from '../../shared/reports/contract';
import {
  CERTAINTY_LABEL,
  CONDITION_LABEL,
  conditionText,
  count,
  HOLD_LABEL,
  HOLD_SHORT_LABEL,
  NEED_LABEL,
  remedyShort,
  severityLine,
} from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { useHoldWindows } from './report-parts';
import { Busy } from '../ui/Busy';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';
import { GroupedToggle, ListBody } from './ListBody';
import { FilterSelect, SearchBox } from './ListTools';
import { REMEDY_FILTER, type RemedyFilter } from './list-view';
import { type Column, nextSort, type SortState } from './VirtualTable';
import { HOLD_COMPARE, HOLD_VEHICLE_COMPARE, type HoldView, holdCertaintyText, strongestHold } from '../../shared/reports/view';

type Hold = HoldReport['holds'][number];
type HoldKind = Hold['hold'];
type Condition = keyof typeof CONDITION_LABEL;
type Certainty = keyof typeof CERTAINTY_LABEL;
/** One vehicle with every hold it has (grouped view). */
type VehicleHolds = { vin: string; rows: Hold[] };

/** How loud a hold is in the table: a stop, or a caution. */
const HOLD_CLASS = {
  'do-not-deliver-until-remedied': 'hold-stop',
  'deliver-with-disclosure-if-unavailable': 'hold-caution',
  'perform-before-delivery': 'hold-caution',
  'check-by-vin-before-delivery': 'hold-caution',
} as const;

const vehicleText = (h: Hold) => `${h.modelYear} ${h.model ?? ''} · ${conditionText(h.condition)}`;
const needsText = (h: Hold) => (h.needs.length ? `Needs ${h.needs.map((n) => NEED_LABEL[n]).join(' and ')}` : null);

const HOLD_COLUMNS: Column<Hold>[] = [
  {
    id: 'stock',
    label: 'Stock #',
    width: '7rem',
    compare: HOLD_COMPARE.stock,
    render: (h) => <span className="mono">{h.stockNumber ?? '—'}</span>,
  },
  {
    id: 'vehicle',
    label: 'Vehicle',
    width: '16.5rem',
    compare: HOLD_COMPARE.vehicle,
    render: (h) => (
      <>
        <span className="mono">{h.vin}</span>
        <div className="muted one-line">{vehicleText(h)}</div>
      </>
    ),
  },
  {
    id: 'campaign',
    label: 'Campaign',
    width: '7.5rem',
    compare: HOLD_COMPARE.campaign,
    render: (h) => (
      <>
        <span className="code mono">{h.code}</span>
        {h.severity.length > 0 && <div className="severity-text one-line">{severityLine(h.severity)}</div>}
        <div className="muted one-line">{holdCertaintyText(h)}</div>
      </>
    ),
  },
  {
    id: 'hold',
    label: 'Hold',
    width: 'minmax(14rem, 1fr)',
    compare: HOLD_COMPARE.hold,
    render: (h) => (
      <span className="two-lines" title={[HOLD_LABEL[h.hold], needsText(h)].filter(Boolean).join('. ')}>
        <strong className={HOLD_CLASS[h.hold]}>{HOLD_LABEL[h.hold]}</strong>
        {needsText(h) && <span className="muted"> · {needsText(h)}</span>}
      </span>
    ),
  },
  {
    id: 'why',
    label: 'Why',
    width: 'minmax(0, 1.5fr)',
    render: (h) => (
      <>
        <span className="one-line" title={h.reason}>
          {h.reason}
        </span>
        {/* A 23LJ01 vehicle's key: to place in CPOR, on order since, received (main/parts/cpor.ts). */}
        <div className="muted one-line" title={h.parts ? `${h.parts} · ${h.source}` : h.source}>
          {h.parts && (
            <strong className="parts-state" data-testid="hold-parts">
              {h.parts}
              {' · '}
            </strong>
          )}
          {h.source}
        </div>
      </>
    ),
  },
];

const first = (g: VehicleHolds) => g.rows[0]!;

const VEHICLE_COLUMNS: Column<VehicleHolds>[] = [
  {
    id: 'stock',
    label: 'Stock #',
    width: '7rem',
    compare: HOLD_VEHICLE_COMPARE.stock,
    render: (g) => HOLD_COLUMNS[0]!.render(first(g)),
  },
  {
    id: 'vehicle',
    label: 'Vehicle',
    width: '16.5rem',
    compare: HOLD_VEHICLE_COMPARE.vehicle,
    render: (g) => HOLD_COLUMNS[1]!.render(first(g)),
  },
  {
    id: 'hold',
    label: 'Holds',
    width: 'minmax(0, 1fr)',
    compare: HOLD_VEHICLE_COMPARE.hold,
    render: (g) => (
      <div className="vrow-list one-line">
        {g.rows.map((h) => (
          <span key={`${h.code}-${h.hold}`} title={`${HOLD_LABEL[h.hold]}: ${h.reason}${h.parts ? ` (${h.parts})` : ''}`}>
            <span className="code mono">{h.code}</span> <strong className={HOLD_CLASS[h.hold]}>{HOLD_SHORT_LABEL[h.hold]}</strong>
            <span className="muted"> · {holdCertaintyText(h)}</span>
          </span>
        ))}
      </div>
    ),
  },
  {
    id: 'campaigns',
    label: 'Campaigns',
    width: '7rem',
    compare: HOLD_VEHICLE_COMPARE.campaigns,
    render: (g) => count(new Set(g.rows.map((h) => h.code)).size),
  },
];

/** Stock holds (F5): every vehicle in stock against every campaign, by its bulletin's delivery rule. */
export function HoldsScreen() {
  const active = useScreenActive();
  const [search, setSearch] = useState('');
  const [campaign, setCampaign] = useState('');
  const [hold, setHold] = useState<HoldKind | ''>('');
  const [condition, setCondition] = useState<Condition | ''>('');
  const [remedy, setRemedy] = useState<RemedyFilter>('');
  const [certainty, setCertainty] = useState<Certainty | ''>('');
  const [grouped, setGrouped] = useState(false);
  const [sort, setSort] = useState<SortState>(null);
  const [exporting, setExporting] = useState(false);

  // The view: what the screen shows, and what Print / Save PDF and the CSV show (shared/reports/view.ts).
  // The services apply it and send the rows a window at a time (first rows first); checked afresh each
  // time the screen is shown, not while another screen is in front.
  const filters = useMemo<HoldView>(
    () => ({ search, campaign, hold, condition, remedy, certainty, sort, grouped }),
    [search, campaign, hold, condition, remedy, certainty, sort, grouped],
  );
  const report = useHoldWindows(filters, active);
  const onSort = useCallback((column: string) => setSort((s) => nextSort(s, column)), []);

  if (report.error) return <ErrorNotice error={report.error} />;
  const r = report.head;
  const list = report.list;
  if (!r || !list) return <Busy label="Checking the stock…" />;
  const filtered = search.trim() !== '' || campaign || hold || condition || remedy || certainty;
  const exportCsv = async () => {
    setExporting(true);
    try {
      downloadText(`stock-holds-${r.generatedAt.slice(0, 10)}.csv`, holdsCsv({ ...r, holds: await report.everything() }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="report" data-testid="holds">
      <header className="report-head">
        <h2>Stock vehicles that may not be delivered</h2>
        <div className="button-row no-print">
          {(report.isFetching || exporting) && <Busy label={exporting ? 'Preparing the CSV…' : report.pending ? 'Filtering…' : 'Checking the stock…'} />}
          <button type="button" onClick={() => report.refetch()}>
            Refresh
          </button>
          <button type="button" disabled={report.pending || exporting} onClick={() => void exportCsv()}>
            Export CSV
          </button>
          {/* The lines the screen shows on paper (a legend, page numbers), not the rows drawn. */}
          <PrintButton kind="holds" campaign={campaign} view={filters} />
        </div>
      </header>
      <p className="lead" data-testid="holds-summary">
        <strong>{count(r.vehiclesHeld)}</strong> of {count(r.vehiclesInStock)} vehicles in stock have holds · checked {dateTimeText(r.generatedAt)}
      </p>
      {r.vehiclesInStock === 0 && <p className="hint">No vehicle is marked in stock. Import the DMS stock list under Imports (F4).</p>}
      {r.perCampaign.length > 0 && (
        <div className="per-campaign-box">
          <table className="per-campaign">
            <thead>
              <tr>
                <th>Campaign</th>
                <th>{HOLD_SHORT_LABEL['do-not-deliver-until-remedied']}</th>
                <th>{HOLD_SHORT_LABEL['deliver-with-disclosure-if-unavailable']}</th>
                <th>{HOLD_SHORT_LABEL['perform-before-delivery']}</th>
              </tr>
            </thead>
            <tbody>
              {r.perCampaign.map((c) => (
                <tr key={c.code}>
                  <td>
                    <span className="code mono">{c.code}</span> {c.title}
                  </td>
                  <td>{count(c.doNotDeliver)}</td>
                  <td>{count(c.withDisclosure)}</td>
                  <td>{count(c.performBefore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.reportTotal > 0 && (
        <>
          <div className="list-tools no-print">
            <SearchBox label="Search" hint="VIN, stock number or model" value={search} onChange={setSearch} />
            <FilterSelect
              label="Campaign"
              any="All campaigns"
              value={campaign}
              onChange={setCampaign}
              options={r.perCampaign.map((c) => [c.code, `${c.code} ${c.title}`] as const)}
            />
            <FilterSelect label="Hold" any="Every hold" value={hold} onChange={setHold} options={Object.entries(HOLD_SHORT_LABEL) as [HoldKind, string][]} />
            <FilterSelect
              label="Condition"
              any="Any condition"
              value={condition}
              onChange={setCondition}
              options={Object.entries(CONDITION_LABEL) as [Condition, string][]}
            />
            <FilterSelect
              label="Remedy"
              any="Any remedy status"
              value={remedy}
              onChange={setRemedy}
              options={(Object.keys(REMEDY_FILTER) as Exclude<RemedyFilter, ''>[]).map((k) => [k, remedyShort(REMEDY_FILTER[k])] as const)}
            />
            <FilterSelect
              label="Certainty"
              any="Any certainty"
              value={certainty}
              onChange={setCertainty}
              options={Object.entries(CERTAINTY_LABEL) as [Certainty, string][]}
            />
            <GroupedToggle value={grouped} onChange={setGrouped} />
          </div>
          <ListBody
            list={list}
            countTestId="holds-shown"
            countText={
              list.grouped
                ? `${count(list.count)} of ${count(r.vehiclesHeld)} vehicles with holds shown`
                : `${count(list.count)} of ${count(r.reportTotal)} holds shown`
            }
            filtered={Boolean(filtered)}
            pending={report.pending}
            sort={sort}
            onSort={onSort}
            flat={{
              label: 'Holds',
              columns: HOLD_COLUMNS,
              rowHeight: 60,
              rowKey: (h) => `${h.vin}-${h.code}-${h.hold}`,
              rowClass: (h) => HOLD_CLASS[h.hold],
              rowTestId: 'hold-row',
            }}
            grouped={{
              label: 'Vehicles with holds',
              columns: VEHICLE_COLUMNS,
              rowHeight: 58,
              rowKey: (g) => g.vin,
              rowClass: (g) => HOLD_CLASS[strongestHold(g)],
              rowTestId: 'hold-vehicle-row',
            }}
          />
        </>
      )}
    </div>
  );
}
