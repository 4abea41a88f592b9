// The parts counter's writes and reads: campaign parts with amendments, stock movements, stocking
// levels. Every ledger write is one BEGIN IMMEDIATE transaction: the position it checks is the one
// it writes against, whichever process (window, browser, CLI) writes at the same time.
import { ApiError, type ParsedInputOf } from '../../shared/api';
import type { CampaignPart, PartsList } from '../../shared/parts/contract';
import { localIsoDate } from '../../shared/dates';
import { receivedBeforeReferenceText } from '../../shared/parts/wording';
import { parseCounterDate } from '../../shared/vehicles/dates';
import { analyzeVin } from '../../shared/vin';
import type { Db } from '../db/open';
import type { CoreServices as Services } from '../core-services';
import { type CampaignParts, loadCatalog, type PartFacts, partOrThrow } from './catalog';
import { type CporState, cporStateOf, cporStates, listedPartNumbers, requestOf } from './cpor';
import { inexactVin, Ledger, malformedVin, toMovement } from './ledger';
import { matchesPart } from './pattern';

const ledgers = new WeakMap<Db, Ledger>();
/** One ledger (its prepared statements) per open database. */
export function ledgerOf(db: Db): Ledger {
  let l = ledgers.get(db);
  if (!l) ledgers.set(db, (l = new Ledger(db)));
  return l;
}

type PartServices = Pick<Services, 'db' | 'campaigns' | 'now'>;

/** The refusal of work or a part for a campaign the VIN's lookup does not give: booking and the ledger say the same. */
export function notCovered(code: string, vin: string, mayApply: string[]): ApiError {
  return new ApiError('invalid-input', `${code} does not cover ${vin} by the library's rules: check the VIN and the campaign.`, [
    `Campaigns that may apply: ${mayApply.join(', ') || 'none'}.`,
  ]);
}

/** MAC code D (Manual Allocation Control): the manufacturer allocates the part; the dealer does not order it freely. */
function macReportOnly(part: string, campaign: string, vin: string | null): ApiError {
  return new ApiError('invalid-input', `${part} (${campaign}) is under MAC code D: it is not ordered freely. Refer to the MAC report for instructions.`, [
    `What the MAC report allocates is recorded when it arrives: stock receive ${part} QTY${vin ? ` --vin ${vin}` : ''}.`,
  ]);
}

export function withStock(
  p: PartFacts,
  ledger: Ledger,
  positions = ledger.positions(),
  levels = ledger.levels(),
  states: Map<string, CporState> = new Map(),
): CampaignPart {
  const { key: _key, heldPerVin: _h, note: _n, ...facts } = p;
  const pos = p.partNumber ? positions.get(p.partNumber) : undefined;
  return {
    ...facts,
    stockingLevel: p.partNumber ? (levels.get(p.partNumber) ?? 0) : 0,
    onHand: pos?.onHand ?? 0,
    onOrder: pos?.onOrder ?? 0,
    perVinStock: pos
      ? [...pos.perVin].map(([vin, v]) => ({ vin, onHand: v.onHand, onOrder: v.onOrder, cpor: states.get(`${p.partNumber}\u0000${vin}`) ?? null }))
      : [],
  };
}

export function listParts({ db, campaigns }: PartServices): PartsList {
  const ledger = ledgerOf(db);
  return db.sqlite
    .transaction(() => {
      const catalog = loadCatalog(db, campaigns);
      const positions = ledger.positions();
      const levels = ledger.levels();
      const states = cporStates(db);
      return {
        parts: catalog.flatMap((c) => c.parts.map((p) => withStock(p, ledger, positions, levels, states))),
        notes: catalog.filter((c) => c.parts.length === 0).map((c) => ({ campaign: c.code, note: noPartsNote(c) })),
      };
    })
    .deferred();
}

/** What a bulletin that lists no parts says about them instead (BLC points to the recall's own cover letter). */
export function noPartsNote(c: CampaignParts): string {
  const ordering = c.bulletin.partsOrdering.find((t) => /part number/i.test(t)) ?? c.bulletin.partsOrdering[0];
  return `This bulletin gives no part number.${ordering ? ` ${ordering}` : ''}`;
}

export function setPart({ db, campaigns, now }: PartServices, input: ParsedInputOf<'setPart'>): CampaignPart {
  const code = campaigns.idOf(input.campaign).code;
  return db.sqlite
    .transaction(() => {
      const catalog = loadCatalog(db, campaigns);
      const c = catalog.find((x) => x.code === code)!;
      let target = c.parts.find((p) => p.partNumber && matchesPart(p.partNumber, input.part));
      let partNumber: string | null = null;
      if (!target) {
        // The bulletin's unnumbered part (ALE's "not yet released") gets its released number.
        const unnumbered = c.parts.filter((p) => p.partNumber === null);
        if (unnumbered.length === 1) {
          target = unnumbered[0];
          partNumber = input.part;
        } else if (!input.description) {
          throw new ApiError('invalid-input', `${code} lists no part ${input.part}: give its description to add it (--description TEXT).`);
        }
      }
      const key = target?.key ?? input.part;
      db.sqlite
        .prepare(
          `INSERT INTO part_amendments (campaign_code, part_key, part_number, description, quantity, mac_code, released, per_vin, allocation, bulletin_revision, made_by, made_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          code,
          key,
          target ? partNumber : input.part,
          input.description ?? null,
          input.quantity ?? null,
          input.macCode ?? null,
          bit(input.released),
          bit(input.perVin),
          input.allocation ?? null,
          c.bulletin.revisionDate,
          input.by,
          now().toISOString(),
        );
      const updated = loadCatalog(db, campaigns)
        .find((x) => x.code === code)!
        .parts.find((p) => p.key === key)!;
      return withStock(updated, ledgerOf(db));
    })
    .immediate();
}

const bit = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 1 : 0);

/** The VIN's analysis, or the VIN rules' own refusal. */
function wellFormedVin(raw: string) {
  const v = analyzeVin(raw);
  if (!v.ok) throw malformedVin(v.errors);
  return v;
}

export const checkedVin = (raw: string): string => wellFormedVin(raw).vin;

/** A VIN a part is ordered or received for: well formed and with the right check digit (a typo orders the wrong key). */
export function exactVin(raw: string): string {
  const refused = inexactVin(raw);
  if (refused) throw refused;
  return wellFormedVin(raw).vin;
}

const VERB = { receive: 'receive', order: 'order', use: 'use', return: 'return', count: 'count' } as const;

export function recordMovement(
  { db, campaigns, lookup, now }: PartServices & Pick<Services, 'lookup'>,
  input: ParsedInputOf<'recordMovement'>,
  appointmentId: number | null = null,
) {
  const ledger = ledgerOf(db);
  // A part held per VIN is ordered or received only for a vehicle its campaign may cover, by the same
  // lookup booking asks (a Honda gets no Lexus key). Asked before the write: the lookup holds no lock.
  if (input.vin && (input.kind === 'order' || input.kind === 'receive')) {
    const p = partOrThrow(loadCatalog(db, campaigns), input.part);
    if (p.heldPerVin) {
      const vin = exactVin(input.vin);
      const hits = lookup.lookup({ vin }).campaigns.map((h) => h.code);
      if (!hits.includes(p.campaign)) throw notCovered(p.campaign, vin, hits);
    }
  }
  return db.sqlite
    .transaction(() => {
      const p = partOrThrow(loadCatalog(db, campaigns), input.part);
      const part = p.partNumber!;
      const vin = input.vin ? exactVin(input.vin) : null;
      if (p.heldPerVin && !vin) {
        throw new ApiError('invalid-input', `${part} (${p.campaign}) is held per VIN: say for which vehicle with --vin VIN.`, [
          'A part for one vehicle (per-VIN number or MAC code C) is ordered through CPOR and kept for that VIN.',
        ]);
      }
      if (!p.heldPerVin && vin) {
        throw new ApiError('invalid-input', `${part} (${p.campaign}) is a stock part, not held per VIN: leave out --vin.`);
      }
      if (input.part !== part && !p.isPattern) throw new ApiError('invalid-input', `${input.part} is not ${part}.`);
      // The number the person typed names the part in what they read (a per-VIN key's own number, not the bulletin's pattern).
      const named = p.isPattern ? input.part : part;
      if (input.kind === 'order' && !p.released)
        throw new ApiError('invalid-input', `${part} (${p.campaign}) is not released: it cannot be ordered yet.`, [
          'Record it as released under Parts when the manufacturer releases it (parts set CAMPAIGN PART --released).',
        ]);
      if (input.kind === 'order' && p.macCode === 'D') throw macReportOnly(named, p.campaign, vin);
      if (input.kind !== 'order' && input.expectedOn) throw new ApiError('invalid-input', 'Only an order has an expected date (--expected).');
      let expectedOn: string | null = null;
      if (input.expectedOn) {
        const parsed = parseCounterDate(input.expectedOn, localIsoDate(now()), 'any');
        if (!parsed.ok) throw new ApiError('invalid-input', `Expected date: ${parsed.message}`);
        expectedOn = parsed.iso;
      }
      // The imported affected-VIN list's number for the vehicle (VIN,Phase,Part Number,Status) is the one
      // cut for it: another concrete number typed is the wrong key.
      if (vin && p.isPattern && (input.kind === 'order' || input.kind === 'receive') && input.part.toUpperCase() !== part.toUpperCase()) {
        const listed = listedPartNumbers(db)(p.campaign, part, vin);
        if (listed && listed.toUpperCase() !== input.part.toUpperCase())
          throw new ApiError(
            'invalid-input',
            `The ${p.campaign} affected-VIN list gives ${listed} for VIN ${vin}, not ${input.part}: ${input.kind} ${listed}.`,
          );
      }
      const folded = ledger.partFold(part, vin);
      const before = folded.before;
      const perVehicle = p.quantity ?? 1;
      if (vin && (input.kind === 'order' || input.kind === 'receive') && input.quantity > perVehicle)
        throw new ApiError(
          'invalid-input',
          `${named} (${p.campaign}) is ${perVehicle} per vehicle: ${input.kind === 'order' ? 'order' : 'receive'} at most ${perVehicle} for VIN ${vin}, not ${input.quantity}.`,
        );
      // What is on hand for the vehicle counts (received and not used): a third key received for a 1-per-vehicle part is a mistake.
      if (vin && input.kind === 'receive' && before.onHand + input.quantity > perVehicle)
        throw new ApiError(
          'conflict',
          `VIN ${vin} already has ${before.onHand} on hand of ${p.isPattern ? (ledger.receivedNumber(part, vin) ?? named) : part} (${perVehicle} per vehicle): receiving ${input.quantity} more would make ${before.onHand + input.quantity}. If it is no longer on hand, record that first (stock use ${ledger.receivedNumber(part, vin) ?? part} ${before.onHand} --vin ${vin}, or a count).`,
        );
      if (vin && input.kind === 'order' && before.onHand + before.onOrder + input.quantity > perVehicle)
        throw new ApiError(
          'conflict',
          `VIN ${vin} already has ${before.onOrder} on order and ${before.onHand} on hand of ${p.isPattern ? (cporStateOf(db, part, vin)?.partNumber ?? named) : part} (${perVehicle} per vehicle): nothing more to order.`,
        );
      // A receipt against a request never placed (no CPOR reference) is taken, and said: the reference is still to enter.
      const warnings: string[] = [];
      if (vin && p.heldPerVin && input.kind === 'receive') {
        const request = requestOf(db, part, vin);
        if (request?.state.state === 'to-place' && request.orderId !== null) warnings.push(receivedBeforeReferenceText(request.orderId, vin));
      }
      if (input.kind === 'use' && before.onHand < input.quantity) {
        throw new ApiError('conflict', `Only ${before.onHand} of ${part}${vin ? ` for VIN ${vin}` : ''} on hand: cannot use ${input.quantity}.`, [
          vin
            ? 'A per-VIN part must have been received for this vehicle first (stock receive PART 1 --vin VIN).'
            : 'Receive it first (stock receive PART QTY).',
        ]);
      }
      const id = ledger.record({
        part,
        part_number: input.part,
        kind: VERB[input.kind],
        quantity: input.quantity,
        vin,
        expected_on: expectedOn,
        ref: input.ref || null,
        appointment_id: appointmentId,
        reverses_id: null,
        made_by: input.by,
        made_at: now().toISOString(),
      });
      const { movement, position } = folded.after(id);
      const cpor = vin && p.heldPerVin && (input.kind === 'order' || input.kind === 'receive') ? cporStateOf(db, part, vin) : null;
      return { movement, position: { part, vin, ...position }, cpor, warnings };
    })
    .immediate();
}

export function reverseMovement({ db, now }: PartServices, input: ParsedInputOf<'reverseMovement'>) {
  const ledger = ledgerOf(db);
  return db.sqlite
    .transaction(() => {
      const m = ledger.byId(input.id);
      if (!m) throw new ApiError('not-found', `No stock movement ${input.id}.`);
      if (m.kind === 'reverse') throw new ApiError('invalid-input', `Movement ${m.id} is itself a reversal; record the movement again instead.`);
      const done = db.sqlite.prepare<[number], number>('SELECT id FROM stock_movements WHERE reverses_id = ?').pluck().get(m.id);
      if (done !== undefined) throw new ApiError('conflict', `Movement ${m.id} was already reversed by movement ${done}.`);
      const id = ledger.record({
        part: m.part,
        part_number: m.part_number,
        kind: 'reverse',
        quantity: m.quantity,
        vin: m.vin,
        expected_on: null,
        ref: input.reason,
        appointment_id: m.appointment_id,
        reverses_id: m.id,
        made_by: input.by,
        made_at: now().toISOString(),
      });
      const position = { part: m.part, vin: m.vin, ...ledger.position(m.part, m.vin) };
      if (position.onHand < 0)
        throw new ApiError('conflict', `Reversing movement ${m.id} would leave ${position.onHand} of ${m.part} on hand: record a count instead.`);
      return { movement: toMovement(ledger.byId(id)!, null, `reverses movement ${m.id}: it no longer counts`), position };
    })
    .immediate();
}

export function setStockingLevel({ db, campaigns, now }: PartServices, input: ParsedInputOf<'setStockingLevel'>) {
  const ledger = ledgerOf(db);
  return db.sqlite
    .transaction(() => {
      const p = partOrThrow(loadCatalog(db, campaigns), input.part);
      if (p.heldPerVin)
        throw new ApiError(
          'invalid-input',
          `${p.partNumber} (${p.campaign}) is ordered per vehicle through CPOR: it has no shelf stock and no stocking level.`,
        );
      ledger.setLevel(p.partNumber!, input.level, input.by, now().toISOString());
      return { part: p.partNumber!, vin: null, ...ledger.position(p.partNumber!, null), stockingLevel: input.level };
    })
    .immediate();
}

export function stockHistory({ db, campaigns }: PartServices, input: ParsedInputOf<'stockHistory'>) {
  const ledger = ledgerOf(db);
  return db.sqlite
    .transaction(() => {
      const p = partOrThrow(loadCatalog(db, campaigns), input.part);
      const part = p.partNumber!;
      const all = ledger.positions().get(part);
      return { part, movements: ledger.history(part), position: { part, vin: null, onHand: all?.onHand ?? 0, onOrder: all?.onOrder ?? 0 } };
    })
    .deferred();
}

/** A part's ledger for the screen: its position and its movements (all, or a page), newest first, only the columns shown. */
export function partLedger({ db, campaigns }: PartServices, input: ParsedInputOf<'partLedger'>) {
  const ledger = ledgerOf(db);
  return db.sqlite
    .transaction(() => {
      const part = partOrThrow(loadCatalog(db, campaigns), input.part).partNumber!;
      const all = ledger.positions().get(part);
      const { total, lines } = ledger.lines(part, input.offset, input.limit ?? undefined);
      return { part, position: { onHand: all?.onHand ?? 0, onOrder: all?.onOrder ?? 0 }, total, offset: input.offset, movements: lines };
    })
    .deferred();
}
