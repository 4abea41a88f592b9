// The order suggestions and the claims as CSV, identical from the window and the CLI.
import type { Claim } from '../claims/contract';
import { toCsv } from '../csv-out';
import { claimChangeText, macCodeText, METHOD_LABEL, yesNoUnknown } from '../wording';
import type { CampaignPart, PartsList, Suggestions } from './contract';

export function suggestionsCsv(s: Suggestions): string {
  return toCsv(
    ['Campaign', 'Part number', 'Method', 'Quantity', 'VIN', 'Reason'],
    s.lines.map((l) => [l.campaign, l.partNumber ?? 'none', METHOD_LABEL[l.method], l.quantity, l.vin, l.reason]),
  );
}

export function claimsCsv(claims: Claim[]): string {
  return toCsv(
    ['Claim', 'VIN', 'Campaign', 'Op code', 'Flat-rate hours', 'Repair order', 'Technician', 'Verified by', 'Completed', 'Goodwill', 'Note', 'Corrections'],
    claims.map((c) => [
      c.id,
      c.vin,
      c.campaign,
      c.opCode ?? 'none',
      c.hours ?? 'not stated',
      c.repairOrder,
      c.technician,
      c.verifiedBy,
      c.completedOn,
      c.goodwill ?? 'no',
      c.note,
      c.history.map(claimChangeText).join('; '),
    ]),
  );
}

/** A value as the Parts screen shows it, marked " *" where it is the counter's own amendment. */
const sourced = (value: string, source: CampaignPart['sources'][keyof CampaignPart['sources']]) => (source === 'amendment' ? `${value} *` : value);

/** The Parts screen as CSV: each part's values in its words, amendments marked and listed; a campaign without parts says why. */
export function partsCsv(l: PartsList): string {
  return toCsv(
    ['Campaign', 'Part number', 'Description', 'Qty / vehicle', 'MAC code', 'Released', 'Per VIN', 'Keep on shelf', 'On hand', 'On order', 'Amendments'],
    [
      ...l.parts.map((p) => [
        p.campaign,
        sourced(p.partNumber ?? 'not released', p.sources.partNumber),
        sourced(p.description, p.sources.description),
        sourced(p.quantity === null ? 'not stated' : String(p.quantity), p.sources.quantity),
        sourced(macCodeText(p.macCode, p.sources.macCode), p.sources.macCode),
        sourced(p.released ? 'yes' : 'no', p.sources.released),
        sourced(yesNoUnknown(p.perVin), p.sources.perVin),
        p.stockingLevel,
        p.onHand,
        p.onOrder,
        p.amendments.map((a) => `${a.madeAt.slice(0, 10)} by ${a.madeBy}: ${a.changes.join(', ')}`).join('; '),
      ]),
      // A campaign without parts: what its bulletin says instead, in the description's column.
      ...l.notes.map((n) => [n.campaign, '', n.note, '', '', '', '', '', '', '', '']),
    ],
  );
}
