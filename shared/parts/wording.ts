// What the order suggestions screen says about picking lines: who a line orders for, the filters, the
// groups and the action bar.
import { count, plural } from '../wording';
import type { SuggestionLine, SuggestionSource } from './contract';

export const SOURCE_LABEL: Record<SuggestionSource, string> = { booked: 'Booked vehicle', 'in-stock': 'Vehicle in stock', shelf: 'The shelf' };
/** The "For" filter: who the line orders for, or the lines that order nothing. */
export const FOR_FILTER = [
  ['booked', 'Booked vehicles'],
  ['in-stock', 'Vehicles in stock'],
  ['shelf', 'The shelf (stock parts)'],
  ['nothing', 'Lines that order nothing'],
] as const;
export const GROUPING = [
  ['campaign', 'By campaign'],
  ['part', 'By part'],
] as const;

/** The "For" cell: "Booked 2026-11-25 09:00", "In stock", "Shelf". */
export const forText = (l: Pick<SuggestionLine, 'source' | 'bookedAt'>): string =>
  l.source === 'booked' ? `Booked ${l.bookedAt?.replace('T', ' ') ?? ''}` : l.source === 'in-stock' ? 'In stock' : l.source === 'shelf' ? 'Shelf' : '';

export const shownText = (shown: number, all: number) => (shown === all ? `${plural(all, 'line')}` : `${count(shown)} of ${plural(all, 'line')} shown`);
export const chosenText = (chosen: number, hidden: number) =>
  `${plural(chosen, 'line')} chosen${hidden ? ` (${count(hidden)} of them hidden by the filters, still chosen)` : ''}`;
export const acceptText = (n: number) => `Accept ${plural(n, 'chosen line')}`;
export const acceptedText = (n: number) => `${plural(n, 'order')} recorded in the stock ledger.`;
export const chooseShownText = (n: number) => `Choose the ${plural(n, 'order line')} shown`;
export const groupText = (label: string, lines: number, chosen: number) =>
  `${label}: ${plural(lines, 'order line')}${chosen ? `, ${count(chosen)} chosen` : ''}`;
export const PICK_HELP =
  'Tick a line to choose it; Shift-click (or Shift+Space) chooses every line between it and the last one ticked. Up and Down move between lines.';
export const chooseLineLabel = (l: Pick<SuggestionLine, 'campaign' | 'partNumber' | 'vin'>) =>
  `Choose ${l.campaign} ${l.partNumber ?? ''}${l.vin ? ` for ${l.vin}` : ''}`;

/** The ref an accepted CPOR line is recorded with until its CPOR reference is entered (main/parts/cpor.ts). */
export const CPOR_REQUEST_REF = 'CPOR';
export const TO_PLACE_TITLE = 'Requests to place in CPOR';
export const TO_PLACE_HELP =
  'Each accepted CPOR line is a request to place in Service Lane: it stays "to place" until its CPOR reference is entered, then it is on order until the part is received for that VIN.';
export const cporEnteredText = (reference: string) => `CPOR ${reference}: on order`;
export const moreToPlaceText = (n: number) => `and ${plural(n, 'more request')}: enter their references with "recall-desk stock cpor ID --ref REFERENCE".`;
