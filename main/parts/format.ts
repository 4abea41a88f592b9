// The parts list, a part's history and the suggestions as a terminal reads them.
import type { CporRequest, PartsList, StockHistory, Suggestions } from '../../shared/parts/contract';
import {
  CPOR_REQUEST_REF,
  cporPhrase,
  cporSentence,
  ENTER_REFERENCE_HINT,
  NOTHING_TO_PLACE,
  onOrderText,
  partWord,
  requestStateText,
  requestText,
  standingCountText,
} from '../../shared/parts/wording';
import { macCodeText, METHOD_LABEL, SOURCE_MARK, yesNoUnknown } from '../../shared/wording';

export function formatParts(l: PartsList): string {
  const lines: string[] = [];
  for (const p of l.parts) {
    const v = (value: string, source: keyof typeof p.sources) => `${value}${SOURCE_MARK[p.sources[source]]}`;
    lines.push(
      `${p.campaign}  ${v(p.partNumber ?? 'not released', 'partNumber')}  ${v(p.description, 'description')}  qty ${v(p.quantity === null ? 'not stated' : String(p.quantity), 'quantity')}  MAC ${v(macCodeText(p.macCode, p.sources.macCode), 'macCode')}  released ${v(p.released ? 'yes' : 'no', 'released')}  per VIN ${v(yesNoUnknown(p.perVin), 'perVin')}`,
    );
    // A per-VIN part's requests: to place vs on order, each vehicle's in the words of the part's window.
    const open = { toPlace: 0, onOrder: 0 };
    for (const s of p.perVinStock) if (s.cpor && s.cpor.state !== 'received') open[s.cpor.state === 'to-place' ? 'toPlace' : 'onOrder']++;
    lines.push(
      `  level ${p.stockingLevel}  on hand ${p.onHand}  ${onOrderText(p.onOrder, open)}${p.allocation !== null ? `  allocation ${p.allocation}` : ''}`,
    );
    for (const s of p.perVinStock)
      lines.push(`  VIN ${s.vin}: on hand ${s.onHand}, on order ${s.onOrder}${s.cpor ? `: ${cporSentence(s.cpor, partWord(p.description))}` : ''}`);
    for (const a of p.amendments) lines.push(`  amended ${a.madeAt.slice(0, 10)} by ${a.madeBy}: ${a.changes.join(', ')}`);
    for (const s of p.superseded) lines.push(`  ${s}`);
  }
  for (const n of l.notes) lines.push(`${n.campaign}  ${n.note}`);
  lines.push('', '* = local amendment (the bulletin does not state it, or an older revision did not)');
  return lines.join('\n');
}

export function formatHistory(h: StockHistory): string {
  const lines = [`${h.number ?? h.part}: on hand ${h.position.onHand}, ${onOrderText(h.position.onOrder, h.requests)}`];
  for (const m of h.movements) {
    // An open CPOR request says where it stands (its reference in it); the placeholder ref "CPOR" the
    // ledger keeps until a reference is entered is no reference, and an entered one is said as CPOR's.
    const ref = m.cpor ? null : m.cporReference ? `CPOR ${m.cporReference}` : m.ref === CPOR_REQUEST_REF ? null : m.ref;
    const effect = m.cpor ? cporPhrase(m.cpor, h.what) : m.effect;
    lines.push(
      `#${m.id}  ${m.madeAt.slice(0, 16).replace('T', ' ')}  ${m.kind} ${m.quantity}  ${m.partNumber}${m.vin ? `  VIN ${m.vin}` : ''}${m.expectedOn ? `  expected ${m.expectedOn}` : ''}${ref ? `  ${ref}` : ''}  by ${m.madeBy}  → ${effect}${m.reversedBy ? ` (reversed by #${m.reversedBy})` : ''}`,
    );
  }
  return lines.join('\n');
}

export function formatSuggestions(s: Suggestions, accepted?: number): string {
  const lines = [`Order suggestions for the next ${s.horizonDays} days:`];
  for (const l of s.lines)
    lines.push(
      `${l.campaign}  ${l.partNumber ?? '-'}  ${METHOD_LABEL[l.method]}${l.quantity ? ` ${l.quantity}` : ''}${l.vin ? `  VIN ${l.vin}` : ''}`,
      `  ${l.reason}`,
    );
  if (accepted !== undefined) lines.push('', `${accepted} order${accepted === 1 ? '' : 's'} recorded in the stock ledger.`);
  return lines.join('\n');
}

/** The CPOR requests to place (and on order, with --all): one line each, its order number first. */
export function formatRequests(r: { toPlace: number; onOrder: number; requests: CporRequest[] }): string {
  const lines = [r.toPlace === 0 && r.requests.length === 0 ? NOTHING_TO_PLACE : `${standingCountText(r.toPlace, r.onOrder)}:`];
  for (const q of r.requests) lines.push(`#${q.id}  ${requestText(q)}: ${requestStateText(q)}`);
  if (r.toPlace > 0) lines.push('', ENTER_REFERENCE_HINT);
  return lines.join('\n');
}
