// CPOR as a parts counter works it: an accepted CPOR line is a request the parts person places in
// Service Lane; it is "to place" until its CPOR reference is entered, then "on order", then received.
// And the per-VIN part number a TIS list gives (VIN,Phase,Part Number,Status) is that VIN's number.
import { ApiError, type ParsedInputOf } from '../../shared/api';
import { type CporState, partWord, type RecordedAs } from '../../shared/parts/wording';
import type { Db } from '../db/open';
import type { CoreServices as Services } from '../core-services';
import { findPart, loadCatalog } from './catalog';
import { ledgerOf } from './service';
import { isPattern, matchesPart } from './pattern';
import { CPOR_REQUEST_REF } from '../../shared/parts/wording';

export type { CporState } from '../../shared/parts/wording';
// The hold report (main/reports) says the state in the same words.
export { cporPhrase } from '../../shared/parts/wording';

/** The placeholder accepted suggestions record as the order's ref: not a CPOR reference yet. */
export const CPOR_REQUEST = CPOR_REQUEST_REF;

type StateRow = [
  part: string,
  vin: string,
  kind: string,
  partNumber: string,
  ref: string | null,
  madeAt: string,
  reference: string | null,
  enteredAt: string | null,
  id: number,
  madeBy: string,
  enteredBy: string | null,
];
const STATE_ROWS = `SELECT m.part, m.vin, m.kind, m.part_number, m.ref, m.made_at, r.reference, r.entered_at, m.id, m.made_by, r.entered_by
         FROM stock_movements m LEFT JOIN cpor_references r ON r.movement_id = m.id
        WHERE m.vin IS NOT NULL AND m.kind IN ('order', 'receive')
          AND NOT EXISTS (SELECT 1 FROM stock_movements x WHERE x.reverses_id = m.id)`;

/** The state of each (part, VIN) with a per-VIN order or receipt, keyed `part\0vin`. */
export function cporStates(db: Db): Map<string, CporState> {
  const out = new Map<string, CporState>();
  for (const [key, r] of allRequests(db)) out.set(key, r.state);
  return out;
}

/** The same for one part of one vehicle (a seek on the ledger's part index), or null. */
export function cporStateOf(db: Db, part: string, vin: string): CporState | null {
  return requestOf(db, part, vin)?.state ?? null;
}

/** One part of one vehicle: its state with the order it stands on and how that order was recorded, or null. */
export function requestOf(db: Db, part: string, vin: string): Request | null {
  const rows = db.sqlite.prepare<[string, string], StateRow>(`${STATE_ROWS} AND m.part = ? AND m.vin = ? ORDER BY m.id`).raw(true).all(part, vin);
  return foldStates(db, rows).get(`${part}\u0000${vin}`) ?? null;
}

/**
 * A part's open CPOR requests (to place, on order), keyed by the order movement each stands on, with its
 * vehicle: what the part's history says on each order (one seek on the ledger's part index).
 */
export function openRequestsOf(db: Db, part: string): Map<number, { vin: string; state: CporState }> {
  const rows = db.sqlite.prepare<[string], StateRow>(`${STATE_ROWS} AND m.part = ? ORDER BY m.id`).raw(true).all(part);
  const out = new Map<number, { vin: string; state: CporState }>();
  for (const [key, r] of foldStates(db, rows)) if (r.orderId !== null) out.set(r.orderId, { vin: key.slice(key.indexOf('\u0000') + 1), state: r.state });
  return out;
}

/**
 * A (part, VIN)'s state, with the order it stands on (the last one) and who recorded it and its reference;
 * `recordedAs`: an accepted suggestion line (its ref is the CPOR placeholder) or ordered by hand (stock order).
 */
type Request = {
  state: CporState;
  /** The order the request stands on; null once received (a request not received always has one). */
  orderId: number | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  enteredBy: string | null;
  recordedAs: RecordedAs | null;
};

const allRequests = (db: Db) => foldStates(db, db.sqlite.prepare<[], StateRow>(`${STATE_ROWS} ORDER BY m.id`).raw(true).all());

/** An order's CPOR reference: the one entered for it, else its own ref when that is not the request placeholder. */
const cporReferenceOf = (entered: string | null, ref: string | null): string | null => entered ?? (ref && ref !== CPOR_REQUEST ? ref : null);

function foldStates(db: Db, rows: StateRow[]): Map<string, Request> {
  const out = new Map<string, Request>();
  if (rows.length === 0) return out;
  const positions = ledgerOf(db).positions();
  for (const [part, vin, kind, number, ref, at, reference, enteredAt, id, by, enteredBy] of rows) {
    const key = `${part}\u0000${vin}`;
    const pos = positions.get(part)?.perVin.get(vin);
    if (kind === 'receive') {
      if (pos && pos.onHand > 0) {
        const state: CporState = { state: 'received', since: at, reference: out.get(key)?.state.reference ?? null, partNumber: number, listedNow: null };
        out.set(key, { state, orderId: null, acceptedBy: null, acceptedAt: null, enteredBy: null, recordedAs: null });
      }
      continue;
    }
    if (!pos || pos.onOrder <= 0) continue;
    const given = cporReferenceOf(reference, ref);
    const state: CporState = {
      state: given ? 'on-order' : 'to-place',
      since: given ? (enteredAt ?? at) : at,
      reference: given,
      partNumber: number,
      listedNow: null,
    };
    const recordedAs: RecordedAs = ref === CPOR_REQUEST ? 'accepted' : 'ordered';
    out.set(key, { state, orderId: id, acceptedBy: by, acceptedAt: at, enteredBy: reference ? enteredBy : null, recordedAs });
  }
  for (const [key, r] of out) r.state.listedNow = listedNow(db, key.slice(0, key.indexOf('\u0000')), key.slice(key.indexOf('\u0000') + 1), r.state.partNumber);
  return out;
}

/**
 * The per-VIN requests not yet received (to place, on order) whose VIN the imported list now numbers
 * otherwise: what an import's impact names before and after its writes. Read with SQL alone, so a
 * measure inside the import's transaction folds no ledger.
 */
export function requestsListedOtherwise(db: Db): { part: string; vin: string; partNumber: string; listed: string; state: 'to-place' | 'on-order' }[] {
  const rows = db.sqlite
    .prepare<[], [string, string, string, string, string | null, string | null]>(
      `SELECT m.kind, m.part, m.vin, m.part_number, m.ref, r.reference FROM stock_movements m LEFT JOIN cpor_references r ON r.movement_id = m.id
        WHERE m.vin IS NOT NULL AND m.kind IN ('order', 'receive') AND m.part LIKE '%*%'
          AND NOT EXISTS (SELECT 1 FROM stock_movements x WHERE x.reverses_id = m.id)
        ORDER BY m.id`,
    )
    .raw(true)
    .all();
  // A vehicle's last order stands until a receipt after it: one pass in the ledger's order.
  const open = new Map<string, { part: string; vin: string; partNumber: string; placed: boolean }>();
  for (const [kind, part, vin, partNumber, ref, reference] of rows) {
    const key = `${part}\u0000${vin}`;
    if (kind === 'receive') open.delete(key);
    else open.set(key, { part, vin, partNumber, placed: cporReferenceOf(reference, ref) !== null });
  }
  const out = [];
  for (const r of open.values()) {
    const listed = listedNow(db, r.part, r.vin, r.partNumber);
    if (listed)
      out.push({
        part: r.part,
        vin: r.vin,
        partNumber: r.partNumber,
        listed: listed.partNumber,
        state: r.placed ? ('on-order' as const) : ('to-place' as const),
      });
  }
  return out;
}

/**
 * The number the newest imported list gives a VIN for a per-VIN part (its pattern), when it is not the
 * number the request was made with: the request stands as recorded, and says the list differs. One seek
 * on the lists' VIN key.
 */
function listedNow(db: Db, part: string, vin: string, requested: string): CporState['listedNow'] {
  if (!isPattern(part)) return null;
  for (const [number, date] of stmts(db).newest.all(vin)) {
    if (!matchesPart(part, number)) continue;
    return number.toUpperCase() === requested.toUpperCase() ? null : { partNumber: number, date };
  }
  return null;
}

/**
 * The CPOR requests not yet received, as the parts person works them: each vehicle's part to place in
 * Service Lane (no CPOR reference yet), then those on order, oldest first; the same states the part,
 * the vehicle's card and the hold report show. `state` keeps only one of the two.
 */
export function cporRequests(s: Pick<Services, 'db' | 'campaigns'>, input: ParsedInputOf<'cporRequests'>) {
  return s.db.sqlite
    .transaction(() => {
      const catalog = loadCatalog(s.db, s.campaigns);
      const requests = [];
      let toPlace = 0;
      let onOrder = 0;
      for (const [key, r] of allRequests(s.db)) {
        if (r.state.state === 'received' || r.orderId === null) continue;
        if (r.state.state === 'to-place') toPlace++;
        else onOrder++;
        if (input.state && r.state.state !== input.state) continue;
        const sep = key.indexOf('\u0000');
        const part = key.slice(0, sep);
        const facts = findPart(catalog, part);
        requests.push({
          id: r.orderId,
          campaign: facts?.campaign ?? null,
          part,
          partNumber: r.state.partNumber,
          description: facts?.description ?? null,
          what: partWord(facts?.description ?? ''),
          vin: key.slice(sep + 1),
          state: r.state.state,
          since: r.state.since,
          reference: r.state.reference,
          acceptedBy: r.acceptedBy!,
          acceptedAt: r.acceptedAt!,
          enteredBy: r.enteredBy,
          recordedAs: r.recordedAs!,
          listedNow: r.state.listedNow,
        });
      }
      // To place first (the work to do), then on order; each oldest first.
      requests.sort((a, b) =>
        a.state === b.state ? (a.acceptedAt < b.acceptedAt ? -1 : a.acceptedAt > b.acceptedAt ? 1 : a.id - b.id) : a.state === 'to-place' ? -1 : 1,
      );
      return { toPlace, onOrder, requests };
    })
    .deferred();
}

/** A vehicle's per-VIN parts with a CPOR request, ordered or received, per campaign: what its campaign cards show. */
export function vehicleCpor(s: Pick<Services, 'db' | 'campaigns'>, input: ParsedInputOf<'vehicleCpor'>) {
  const parts = loadCatalog(s.db, s.campaigns).flatMap((c) =>
    c.parts.flatMap((p) => {
      if (!p.heldPerVin || !p.partNumber) return [];
      const state = cporStateOf(s.db, p.partNumber, input.vin);
      return state ? [{ campaign: c.code, part: p.partNumber, description: p.description, what: partWord(p.description), ...state }] : [];
    }),
  );
  return { vin: input.vin, parts };
}

const statements = (db: Db) => ({
  lists: db.sqlite.prepare<[], [string, number]>('SELECT c.code, l.id FROM affected_vin_lists l JOIN campaigns c ON c.id = l.campaign_id').raw(true),
  number: db.sqlite.prepare<[string, number], string | null>('SELECT part_number FROM affected_vins WHERE vin = ? AND list_id = ?').pluck(),
  newest: db.sqlite
    .prepare<[string], [string, string]>(
      `SELECT v.part_number, l.list_date FROM affected_vins v JOIN affected_vin_lists l ON l.id = v.list_id
        WHERE v.vin = ? AND v.part_number IS NOT NULL ORDER BY l.list_date DESC, l.id DESC`,
    )
    .raw(true),
});
const prepared = new WeakMap<Db, ReturnType<typeof statements>>();
function stmts(db: Db) {
  let stmt = prepared.get(db);
  if (!stmt) prepared.set(db, (stmt = statements(db)));
  return stmt;
}

/**
 * The per-VIN part numbers the campaigns' imported affected-VIN lists give (VIN,Phase,Part Number,Status):
 * a function of (campaign, pattern, VIN) answering the list's number when it fits the part's pattern,
 * else null. One seek on the list's key per VIN asked (a list may hold millions of VINs).
 */
export function listedPartNumbers(db: Db): ListedNumbers {
  const stmt = stmts(db);
  const lists = new Map<string, number[]>();
  for (const [code, id] of stmt.lists.all()) {
    const ids = lists.get(code);
    if (ids) ids.push(id);
    else lists.set(code, [id]);
  }
  const listed = (code: string, pattern: string, vin: string) => {
    const ids = lists.get(code);
    if (ids === undefined) return null;
    for (const id of ids) {
      const number = stmt.number.get(vin, id);
      if (number && matchesPart(pattern, number)) return number;
    }
    return null;
  };
  return Object.assign(listed, { hasList: (code: string) => lists.has(code) });
}

/** listedPartNumbers' answer: the number for (campaign, pattern, VIN), and whether a campaign has an imported list at all (else never a number). */
export type ListedNumbers = ((code: string, pattern: string, vin: string) => string | null) & { hasList(code: string): boolean };

/** Enters the CPOR reference of a placed request: "to place" becomes "on order". */
export function setCporReference(s: Pick<Services, 'db' | 'now'>, input: ParsedInputOf<'setCporReference'>) {
  return s.db.sqlite
    .transaction(() => {
      const m = ledgerOf(s.db).byId(input.id);
      if (!m) throw new ApiError('not-found', `No stock movement ${input.id}.`);
      if (m.kind !== 'order' || m.vin === null)
        throw new ApiError('invalid-input', `Movement ${m.id} is not a CPOR order for a vehicle: only an order with a VIN gets a CPOR reference.`);
      // A reversed request was cancelled: it is never "on order", whatever reference is typed for it.
      const reversal = s.db.sqlite.prepare<[number], number>('SELECT id FROM stock_movements WHERE reverses_id = ?').pluck().get(m.id);
      if (reversal !== undefined)
        throw new ApiError(
          'conflict',
          `Order ${m.id} was reversed (movement ${reversal}): it is not on order. Accept the vehicle's line again to place a new request.`,
        );
      const done = s.db.sqlite.prepare<[number], string>('SELECT reference FROM cpor_references WHERE movement_id = ?').pluck().get(m.id);
      if (done !== undefined) throw new ApiError('conflict', `Order ${m.id} already has the CPOR reference ${done}.`);
      s.db.sqlite
        .prepare('INSERT INTO cpor_references (movement_id, reference, entered_by, entered_at) VALUES (?, ?, ?, ?)')
        .run(m.id, input.reference, input.by, s.now().toISOString());
      const state = cporStates(s.db).get(`${m.part}\u0000${m.vin}`) ?? null;
      return { id: m.id, part: m.part, vin: m.vin, reference: input.reference, state: state?.state ?? 'on-order' };
    })
    .immediate();
}
