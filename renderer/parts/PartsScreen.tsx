import { useQuery } from '@tanstack/react-query';
import { Can } from '../accounts/Can';
import { useState } from 'react';
import type { CampaignPart } from '../../shared/parts/contract';
import { localIsoDate } from '../../shared/dates';
import { partsCsv } from '../../shared/parts/csv';
import { count, macCodeText, SOURCE_LABEL, yesNoUnknown } from '../../shared/wording';
import { downloadText } from '../ui/download';
import { useScreenActive } from '../navigation';
import { apiQuery } from '../queries';
import { ErrorNotice } from '../ui/Notice';
import { AmendPartForm } from './AmendPartForm';
import { PartDetail } from './PartDetail';

const keyOf = (p: CampaignPart) => `${p.campaign} ${p.partNumber ?? p.description}`;

/** A value and where it comes from: the bulletin's own, or the counter's amendment (marked). */
export function Sourced({ value, source }: { value: string; source: keyof typeof SOURCE_LABEL }) {
  return (
    <span className={source === 'amendment' ? 'amended' : source === 'not-stated' ? 'unknown' : undefined} title={SOURCE_LABEL[source]}>
      {value}
      {source === 'amendment' && <sup> *</sup>}
    </span>
  );
}

/** Parts (F7): each campaign's parts as the bulletin states them and as amended here, with stock. */
export function PartsScreen() {
  const active = useScreenActive();
  const parts = useQuery({ ...apiQuery('listParts', {}), subscribed: active });
  const [selected, setSelected] = useState<string | null>(null);
  const list = parts.data;
  const current = list?.parts.find((p) => keyOf(p) === selected) ?? null;
  return (
    <div className="report lane" data-testid="parts">
      <header className="report-head">
        <h2>Campaign parts and stock</h2>
        <p className="hint">
          Values marked <sup>*</sup> are local amendments (dated, with who made them); the others are the bulletin's own. On hand and on order come from the
          stock ledger.
        </p>
        {list && (
          <div className="button-row no-print">
            <button type="button" onClick={() => downloadText(`campaign-parts-${localIsoDate(new Date())}.csv`, partsCsv(list))}>
              Export CSV
            </button>
          </div>
        )}
      </header>
      {parts.error && <ErrorNotice error={parts.error} />}
      {list && (
        <table aria-label="Campaign parts">
          <thead>
            <tr>
              <th>Campaign</th>
              <th>Part number</th>
              <th>Description</th>
              <th>Qty / vehicle</th>
              <th>MAC code</th>
              <th>Released</th>
              <th>Per VIN</th>
              <th>Keep on shelf</th>
              <th>On hand</th>
              <th>On order</th>
            </tr>
          </thead>
          <tbody>
            {list.parts.map((p) => (
              <tr key={keyOf(p)} className={keyOf(p) === selected ? 'selected' : undefined}>
                <td>
                  <span className="code mono">{p.campaign}</span>
                </td>
                <td className="mono">
                  <button type="button" className="link" onClick={() => setSelected(keyOf(p))} aria-pressed={keyOf(p) === selected}>
                    <Sourced value={p.partNumber ?? 'not released'} source={p.sources.partNumber} />
                  </button>
                </td>
                <td>
                  <Sourced value={p.description} source={p.sources.description} />
                </td>
                <td>
                  <Sourced value={p.quantity === null ? 'not stated' : String(p.quantity)} source={p.sources.quantity} />
                </td>
                <td>
                  <Sourced value={macCodeText(p.macCode, p.sources.macCode)} source={p.sources.macCode} />
                </td>
                <td>
                  <Sourced value={p.released ? 'yes' : 'no'} source={p.sources.released} />
                </td>
                <td>
                  <Sourced value={yesNoUnknown(p.perVin)} source={p.sources.perVin} />
                </td>
                <td>{count(p.stockingLevel)}</td>
                <td data-testid={`on-hand-${p.partNumber}`}>{count(p.onHand)}</td>
                <td>{count(p.onOrder)}</td>
              </tr>
            ))}
            {list.notes.map((n) => (
              <tr key={n.campaign}>
                <td>
                  <span className="code mono">{n.campaign}</span>
                </td>
                <td colSpan={9} className="unknown">
                  {n.note}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current ? <PartDetail part={current} /> : <p className="hint">Choose a part number to see its ledger and record movements.</p>}
      <Can op="setPart">
        <AmendPartForm campaigns={list ? [...new Set([...list.parts.map((p) => p.campaign), ...list.notes.map((n) => n.campaign)])].sort() : []} />
      </Can>
    </div>
  );
}
