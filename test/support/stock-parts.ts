// Synthetic campaigns with parts as the order suggestions meet them: a stock part everywhere, a per-VIN
// part (CPOR) on every third campaign, a MAC code C part on some, phases named two ways, and a delivery
// rule per condition. Shared by the tests that compare the suggestions' stock lines with lookups.
import type { Bulletin } from '../../shared/bulletin';
import type { SuggestionLine } from '../../shared/parts/contract';
import { CONDITION_LABEL } from '../../shared/wording';

export const RULES = ['do-not-deliver-until-remedied', 'perform-before-delivery', 'deliver-with-disclosure-if-unavailable', 'no-rule-stated'] as const;

/** The words of a line's reason for each delivery rule (shared/wording's, as a stock line states them). */
export const BEFORE: Record<(typeof RULES)[number], string> = {
  'do-not-deliver-until-remedied': 'must have it before delivery',
  'perform-before-delivery': 'must have it before delivery',
  'deliver-with-disclosure-if-unavailable': 'should have it before delivery (else only with the disclosure form)',
  'no-rule-stated': 'should have it before delivery',
};

const CONDITIONS = ['new', 'used', 'certified-pre-owned'] as const;
const CONDITION_TEXT = { new: 'Rule for new vehicles.', used: 'Rule for used vehicles.', 'certified-pre-owned': 'Rule for certified vehicles.' } as const;

/**
 * Gives campaign `c` its parts, phase names and delivery rules (the first `conditions` conditions).
 * Every `doubleEvery`th campaign's per-VIN part takes 2 a vehicle.
 */
export function withStockParts(b: Bulletin, c: number, { doubleEvery, conditions }: { doubleEvery: number; conditions: 2 | 3 }): void {
  const perVin: Bulletin['parts'][number] = {
    partNumber: `V${c}-****`,
    partNumberPerVin: true,
    description: 'Per-VIN part',
    quantity: c % doubleEvery === 0 ? 2 : 1,
    macCode: null,
    released: true,
    note: null,
  };
  const shelf: Bulletin['parts'][number] = { ...perVin, partNumber: `P${c}-A`, partNumberPerVin: false, quantity: 1, description: 'Stock part' };
  b.parts = c % 3 === 0 ? [shelf, perVin] : c % 7 === 1 ? [{ ...shelf, partNumber: `C${c}`, macCode: 'C' }] : [shelf];
  b.phases = b.phases.map((p) => ({ ...p, name: c % 2 ? 'Phase 1' : 'Remedy notice' }));
  b.delivery = CONDITIONS.slice(0, conditions).map((condition, i) => ({ condition, rule: RULES[(c + i) % 4]!, text: CONDITION_TEXT[condition] }));
}

/**
 * The in-stock CPOR line the tests expect for a vehicle, worded as a stock line states it: the number the
 * affected list gives (or none), how the part is ordered, why the vehicle is due and what before delivery.
 */
export function expectedStockLine(o: {
  code: string;
  part: string;
  vin: string;
  quantity: number;
  listedNumber: string | null;
  how: string;
  why: string;
  before: string;
  stockNumber: string | null;
  condition: keyof typeof CONDITION_LABEL | null;
}): SuggestionLine {
  const order = o.listedNumber
    ? `${o.quantity} × ${o.listedNumber} (the affected list's number for this VIN) through CPOR`
    : `${o.quantity} through CPOR for this VIN (${o.how})`;
  return {
    key: `${o.code}|${o.listedNumber ?? o.part}|${o.vin}`,
    campaign: o.code,
    partNumber: o.listedNumber ?? o.part,
    part: o.part,
    method: 'cpor',
    quantity: o.quantity,
    vin: o.vin,
    reason: `In stock${o.stockNumber ? ` #${o.stockNumber}` : ''}${o.condition ? ` (${CONDITION_LABEL[o.condition]})` : ''}, ${o.why}: ${o.before}; no CPOR order recorded: order ${order}.`,
    source: 'in-stock',
    bookedAt: null,
  };
}
