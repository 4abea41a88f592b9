import { PrintButton } from '../forms/PrintButton';
import { useCallback, useMemo, useState } from 'react';
import { followUpCsv } from '../../shared/csv-out';
import type { FollowUpList } from '../../shared/reports/contract';
import { CERTAINTY_LABEL, count, plural, remedyShort, severityLine } from '../../shared/wording';
import { useScreenActive } from '../navigation';
import { useFollowUpWindows } from './report-parts';
import { Busy } from '../ui/Busy';
import { downloadText } from '../ui/download';
import { ErrorNotice } from '../ui/Notice';
import { NhtsaFollowUp } from '../nhtsa/NhtsaFollowUp';
import { GroupedToggle, ListBody } from './ListBody';
import { FilterSelect, SearchBox } from './ListTools';
import { type Column, nextSort, type SortState } from './VirtualTable';
import { FOLLOW_UP_COMPARE, FOLLOW_UP_VEHICLE_COMPARE, type FollowUpView } from '../../shared/reports/view';

type Row = FollowUpList['rows'][number];
type Certainty = keyof typeof CERTAINTY_LABEL;
/** One vehicle with every open campaign it has (grouped view). */
type VehicleRows = { vin: string; rows: Row[] };

type Booked = 'not-booked' | 'booked' | '';

const unknown = (text: string) => <span className="unknown">{text}</span>;
const contact = (r: Row) => [r.guestPhone, r.guestEmail].filter(Boolean).join(' · ');

const vehicleCell = (r: Row) => (
  <>
    <span className="mono">{r.vin}</span>
    <div className="muted one-line">
      {r.modelYear} {r.model ?? ''}
    </div>
  </>
);
const guestCell = (r: Row) => <span className="one-line">{r.guestName ?? unknown('unknown')}</span>;
const contactCell = (r: Row) => (
  <>
    <span className="one-line">{contact(r) || unknown('none on file')}</span>
    <div className="muted one-line">{r.guestAddress}</div>
  </>
);

const ROW_COLUMNS: Column<Row>[] = [
  {
    id: 'campaign',
    label: 'Campaign',
    width: '7rem',
    compare: FOLLOW_UP_COMPARE.campaign,
    render: (r) => (
      <>
        <span className="code mono">{r.code}</span>
        {r.severity.length > 0 && <div className="severity-text one-line">{severityLine(r.severity)}</div>}
      </>
    ),
  },
  { id: 'vehicle', label: 'Vehicle', width: '15rem', compare: FOLLOW_UP_COMPARE.vehicle, render: vehicleCell },
  { id: 'guest', label: 'Guest', width: 'minmax(9rem, 1fr)', compare: FOLLOW_UP_COMPARE.guest, render: guestCell },
  { id: 'contact', label: 'Contact', width: 'minmax(0, 1.6fr)', render: contactCell },
  { id: 'service', label: 'Last service', width: '8rem', compare: FOLLOW_UP_COMPARE.service, render: (r) => r.lastServiceDate },
  {
    id: 'remedy',
    label: 'Remedy',
    width: '8.5rem',
    compare: FOLLOW_UP_COMPARE.remedy,
    render: (r) => (
      <>
        <span className={r.remedyAvailable ? 'good' : ''}>{remedyShort(r.remedyAvailable)}</span>
        <div className="muted one-line">
          {r.appointment
            ? `Booked ${r.appointment.at.replace('T', ' ')} (#${r.appointment.id})`
            : r.waitingSince
              ? `Waiting list since ${r.waitingSince.slice(0, 10)}`
              : CERTAINTY_LABEL[r.certainty]}
        </div>
      </>
    ),
  },
];

const first = (g: VehicleRows) => g.rows[0]!;
const VEHICLE_COLUMNS: Column<VehicleRows>[] = [
  { id: 'vehicle', label: 'Vehicle', width: '15rem', compare: FOLLOW_UP_VEHICLE_COMPARE.vehicle, render: (g) => vehicleCell(first(g)) },
  {
    id: 'guest',
    label: 'Guest',
    width: 'minmax(9rem, 1fr)',
    compare: FOLLOW_UP_VEHICLE_COMPARE.guest,
    render: (g) => guestCell(first(g)),
  },
  { id: 'contact', label: 'Contact', width: 'minmax(0, 1.4fr)', render: (g) => contactCell(first(g)) },
  {
    id: 'service',
    label: 'Last service',
    width: '8rem',
    compare: FOLLOW_UP_VEHICLE_COMPARE.service,
    render: (g) => first(g).lastServiceDate,
  },
  {
    id: 'campaign',
    label: 'Open campaigns',
    width: 'minmax(10rem, 1fr)',
    compare: FOLLOW_UP_VEHICLE_COMPARE.campaign,
    render: (g) => (
      <div className="vrow-list one-line">
        {g.rows.map((r) => (
          <span key={r.code}>
            <span className="code mono">{r.code}</span> <span className="muted">{remedyShort(r.remedyAvailable)}</span>
          </span>
        ))}
      </div>
    ),
  },
];

/** Follow-up (F6): vehicles last serviced here with open campaigns, for calls and mailings. */
export function FollowUpScreen() {
  const active = useScreenActive();
  const [search, setSearch] = useState('');
  const [campaign, setCampaign] = useState('');
  const [availableOnly, setAvailableOnly] = useState(false);
  const [certainty, setCertainty] = useState<Certainty | ''>('');
  // Guests already booked are not called again: they are left out until asked for.
  const [booked, setBooked] = useState<Booked>('not-booked');
  const [grouped, setGrouped] = useState(false);
  const [sort, setSort] = useState<SortState>(null);
  const [exporting, setExporting] = useState(false);

  // The view: what the screen shows, and what Print / Save PDF and the CSV show (shared/reports/view.ts).
  // The services apply it to the kept list and send its rows a window at a time (first rows first).
  const filters = useMemo<FollowUpView>(
    () => ({ search, campaign, availableOnly, certainty, booked, sort, grouped }),
    [search, campaign, availableOnly, certainty, booked, sort, grouped],
  );
  const windows = useFollowUpWindows(filters, active);
  const onSort = useCallback((column: string) => setSort((s) => nextSort(s, column)), []);

  const l = windows.head;
  const list = windows.list;
  const filtered = search.trim() !== '' || campaign || availableOnly || certainty || booked;
  const exportCsv = async () => {
    if (!l) return;
    setExporting(true);
    try {
      downloadText(`follow-up-${campaign || 'all'}-${l.generatedAt.slice(0, 10)}.csv`, followUpCsv({ ...l, rows: await windows.everything() }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="report" data-testid="followup">
      <header className="report-head">
        <h2>Follow-up: vehicles serviced here with open campaigns</h2>
        <div className="button-row no-print">
          {(windows.isFetching || exporting) && <Busy label={exporting ? 'Preparing the CSV…' : windows.pending ? 'Filtering…' : 'Checking…'} />}
          {l && (
            <button type="button" disabled={windows.pending || exporting} onClick={() => void exportCsv()}>
              Export CSV
            </button>
          )}
          {/* The lines the screen shows on paper (a legend, page numbers), not the rows drawn. */}
          <PrintButton kind="followup" campaign={campaign} view={filters} />
        </div>
      </header>
      {windows.error ? (
        <ErrorNotice error={windows.error} />
      ) : !l || !list ? null : (
        <div data-testid="followup-list">
          <p className="lead">
            {plural(l.reportTotal, 'open campaign')} · {plural(l.vehiclesServiced, 'vehicle')} with a service visit here on file
          </p>
          {l.vehiclesServiced === 0 && <p className="hint">No service history on file. Import a DMS service export under Imports (F4).</p>}
          {l.perCampaign.length > 0 && (
            <div className="per-campaign-box">
              <table className="per-campaign" aria-label="Not yet remedied per campaign">
                <thead>
                  <tr>
                    <th>Campaign</th>
                    <th>Not yet remedied (last serviced here)</th>
                  </tr>
                </thead>
                <tbody>
                  {l.perCampaign.map((c) => (
                    <tr key={c.code}>
                      <td>
                        <span className="code mono">{c.code}</span> {c.title}
                      </td>
                      <td>{count(c.notYetRemedied)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {l.reportTotal > 0 && (
            <>
              <div className="list-tools no-print">
                <SearchBox label="Search" hint="VIN, model, guest's name or phone" value={search} onChange={setSearch} />
                <FilterSelect
                  label="Booked"
                  any="Booked or not"
                  value={booked}
                  onChange={setBooked}
                  options={[
                    ['not-booked', 'Not booked (to call)'],
                    ['booked', 'Booked'],
                  ]}
                />
                <FilterSelect
                  label="Campaign"
                  any="All campaigns"
                  value={campaign}
                  onChange={setCampaign}
                  options={l.perCampaign.map((c) => [c.code, c.code] as const)}
                />
                <FilterSelect
                  label="Certainty"
                  any="Any certainty"
                  value={certainty}
                  onChange={setCertainty}
                  options={Object.entries(CERTAINTY_LABEL) as [Certainty, string][]}
                />
                <label className="check">
                  <input type="checkbox" checked={availableOnly} onChange={(e) => setAvailableOnly(e.target.checked)} /> Remedy available now
                </label>
                <GroupedToggle value={grouped} onChange={setGrouped} />
              </div>
              <ListBody
                list={list}
                countTestId="followup-shown"
                countText={list.grouped ? `${count(list.count)} vehicles shown` : `${count(list.count)} of ${count(l.reportTotal)} open campaigns shown`}
                filtered={Boolean(filtered)}
                pending={windows.pending}
                sort={sort}
                onSort={onSort}
                flat={{ label: 'Vehicles to contact', columns: ROW_COLUMNS, rowHeight: 58, rowKey: (r) => `${r.vin}-${r.code}`, rowTestId: 'followup-row' }}
                grouped={{ label: 'Vehicles to contact', columns: VEHICLE_COLUMNS, rowHeight: 58, rowKey: (g) => g.vin, rowTestId: 'followup-vehicle-row' }}
              />
            </>
          )}
          <NhtsaFollowUp lines={l.checkAtNhtsa} campaign={campaign} shown={!availableOnly && booked !== 'booked'} />
        </div>
      )}
    </div>
  );
}
