// The parts domain's words a person reads in more than one place: a vehicle's CPOR request as the part,
// the vehicle's campaign card and the hold report say it; what the order suggestions screen says about
// picking lines. Pure: no React, no Node.
import { dateTimeText } from '../dates';
import { count, plural } from '../wording';
import type { CporRequest, SuggestionLine, SuggestionSource } from './contract';

export type CporStateName = 'to-place' | 'on-order' | 'received';
/** How a CPOR request was recorded: an accepted suggestion line, or a per-VIN part ordered by hand (stock order). */
export type RecordedAs = 'accepted' | 'ordered';
export type CporState = {
  state: CporStateName;
  since: string;
  reference: string | null;
  partNumber: string;
  /** A newer list's number for the VIN, when it is not the request's: said with what to do. */
  listedNow: { partNumber: string; date: string } | null;
};

/** What a per-VIN part is called in a sentence: "key" for a key, else "part". */
export const partWord = (description: string): 'key' | 'part' => (/key/i.test(description) ? 'key' : 'part');

/** "key 04002-78010 on order since 2026-11-23 (CPOR CP-123)" for a card, a part or the hold report; the day in the one date format. */
export function cporPhrase(s: CporState, what: string): string {
  const day = dateTimeText(s.since).slice(0, 10);
  const listed = listedNowText(s, what);
  if (s.state === 'received') return `${what} ${s.partNumber} received ${day}${listed}`;
  if (s.state === 'on-order') return `${what} ${s.partNumber} on order since ${day} (CPOR ${s.reference})${listed}`;
  return `${what} ${s.partNumber} to place in CPOR since ${day} (no CPOR reference yet)${listed}`;
}

/**
 * "; the affected-VIN list of 2026-12-01 gives 04002-99999 for this VIN: " and what to do in the
 * request's state, or nothing when the list agrees. The ledger keeps what was recorded; the person acts.
 */
export const listedNowText = (s: Pick<CporState, 'state' | 'listedNow'>, what: string): string =>
  s.listedNow
    ? `; the affected-VIN list of ${s.listedNow.date} gives ${s.listedNow.partNumber} for this VIN: ${
        s.state === 'to-place'
          ? 'reverse this request and accept its line again'
          : s.state === 'on-order'
            ? 'check the order in Service Lane'
            : `check the ${what} received against TIS`
      }`
    : '';

/** The same at the start of a line: "Key 04002-78010 ...". */
export const cporSentence = (s: CporState, what: string): string => {
  const p = cporPhrase(s, what);
  return p.charAt(0).toUpperCase() + p.slice(1);
};

// The order suggestions screen: who a line orders for, the filters, the groups and the action bar.

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
export const moreToPlaceText = (n: number) =>
  `and ${plural(n, 'more request')}: "recall-desk stock to-place --all" lists them all; "recall-desk stock cpor ID --ref REFERENCE" enters a reference.`;

// The standing list of CPOR requests (the order suggestions screen and `stock to-place`).
export const STANDING_TITLE = 'To place in Service Lane';
export const STANDING_HELP =
  'Every accepted CPOR request stays here until its CPOR reference is entered: place it in Service Lane, then enter the reference CPOR gives. It is then on order until the part is received for that VIN.';
export const standingCountText = (toPlace: number, onOrder: number) => `${plural(toPlace, 'request')} to place${onOrder ? `, ${count(onOrder)} on order` : ''}`;
/**
 * A part's "on order" figure: a per-VIN part with open CPOR requests tells those to place from those on
 * order ("3 requests to place, 1 on order"), the words of the standing list; else the ledger's count.
 */
export const onOrderText = (onOrder: number, cpor: { toPlace: number; onOrder: number } | null | undefined): string =>
  cpor && cpor.toPlace + cpor.onOrder > 0 ? standingCountText(cpor.toPlace, cpor.onOrder) : `on order ${onOrder}`;
export const NOTHING_TO_PLACE = 'No CPOR request to place: every accepted request has its CPOR reference.';
/**
 * A request's state on its line: "to place since 2026-11-23 09:30, accepted by Pat" (a suggestion line
 * accepted), "..., ordered by Pat" (ordered by hand), or "on order since ... (CPOR CP-1, entered by Pat)".
 */
export function requestStateText(
  r: Pick<CporRequest, 'state' | 'since' | 'reference' | 'acceptedBy' | 'enteredBy' | 'recordedAs' | 'listedNow' | 'what'>,
): string {
  const listed = listedNowText(r, r.what);
  if (r.state === 'to-place')
    return `to place since ${dateTimeText(r.since)}, ${r.recordedAs === 'ordered' ? 'ordered' : 'accepted'} by ${r.acceptedBy}${listed}`;
  return `on order since ${dateTimeText(r.since)} (CPOR ${r.reference}${r.enteredBy ? `, entered by ${r.enteredBy}` : ''})${listed}`;
}
/** The request itself: "key 04002-78010 for JTH… (23LJ01)". */
export const requestText = (r: Pick<CporRequest, 'what' | 'partNumber' | 'vin' | 'campaign'>) =>
  `${r.what} ${r.partNumber} for ${r.vin}${r.campaign ? ` (${r.campaign})` : ''}`;
export const ENTER_REFERENCE_HINT = 'Enter a reference: recall-desk stock cpor ID --ref REFERENCE';

// A stock movement recorded (the part's window and `stock receive|order|...`): what it did, in the CPOR
// states where it is a vehicle's request.
type Recorded = { movement: { id: number; kind: string; effect: string }; position: { onHand: number; onOrder: number }; cpor: CporState | null };
/** A per-VIN part ordered by hand is a request to place in CPOR until its reference is entered, as an accepted line is. */
const isRequestToPlace = (r: Recorded) => r.movement.kind === 'order' && r.cpor?.state === 'to-place';
/** "+1 on hand, fills 1 on order. Now on hand 1, on order 0." or, for a request, "recorded as a request to place in CPOR ...". */
export function movementDoneText(r: Recorded): string {
  const what = isRequestToPlace(r) ? 'recorded as a request to place in CPOR (Service Lane), not placed yet' : r.movement.effect;
  return `${what}. Now on hand ${r.position.onHand}, on order ${r.position.onOrder}.`;
}
/** What to do next with a request just recorded by hand, or null. */
export const placeRequestHint = (r: Recorded): string | null =>
  isRequestToPlace(r)
    ? `Place it in Service Lane, then enter the CPOR reference it gives: recall-desk stock cpor ${r.movement.id} --ref REFERENCE (on screen: Order suggestions, "${STANDING_TITLE}").`
    : null;
/** A receipt against a request whose CPOR reference was never entered: accepted, and said. */
export const receivedBeforeReferenceText = (orderId: number, vin: string) =>
  `Received before its CPOR reference was entered: order #${orderId} for ${vin} was still to place. Enter the reference CPOR gave: recall-desk stock cpor ${orderId} --ref REFERENCE.`;
