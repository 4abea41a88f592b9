// Order suggestions, each line explaining itself: one-for-one replenishment over booked demand for
// stock parts ("sell one, buy one"), one CPOR line per vehicle for a part held per VIN or on MAC code C,
// the MAC report for code D, and no order where the part is not released or the bulletin gives none.
import type { CampaignHit } from '../../shared/lookup/contract';
import type { Suggestions, SuggestionLine } from '../../shared/parts/contract';
import { addDays, localIsoDate } from '../../shared/dates';
import { analyzeVin, modelYearOf, quickVin, regionOf } from '../../shared/vin';
import { normalizeModel } from '../../shared/bulletin';
import { ApiError } from '../../shared/contract';
import { CONDITION_LABEL, METHOD_LABEL, plural } from '../../shared/wording';
import { demandWithin, type Demand, overdueBooked } from '../appointments/store';
import type { CoreServices as Services } from '../core-services';
import { IN_NO_RANGE, type KnownOwnRows, type KnownRanges, type PickHit } from '../lookup/service';
import { type CampaignParts, findPart, loadCatalog, type PartFacts } from './catalog';
import { checkDigitMismatch, type Ledger, type PartPosition, type Position } from './ledger';
import { CPOR_REQUEST, type ListedNumbers, listedPartNumbers } from './cpor';
import { checkedVin, ledgerOf, noPartsNote } from './service';

type SuggestServices = Pick<Services, 'db' | 'campaigns' | 'lookup' | 'now'> & Partial<Pick<Services, 'vpic'>>;

/** The suggestions for a horizon in days (default 14), read in one consistent snapshot. */
export function suggestOrders(s: SuggestServices, { horizonDays = 14 }: { horizonDays?: number } = {}): Suggestions {
  return s.db.sqlite.transaction(() => computeSuggestions(s, horizonDays)).deferred();
}

/** The same, for a caller already inside a transaction (accepting writes against what it read). */
export function computeSuggestions(s: SuggestServices, horizonDays: number): Suggestions {
  const ledger = ledgerOf(s.db);
  const today = localIsoDate(s.now());
  const until = addDays(today, horizonDays + 1);
  const catalog = loadCatalog(s.db, s.campaigns);
  const demand = new Map<string, Demand[]>();
  for (const d of demandWithin(s.db, today, until)) {
    const list = demand.get(d.campaign);
    if (list) list.push(d);
    else demand.set(d.campaign, [d]);
  }
  const positions = ledger.positions();
  const levels = ledger.levels();
  const stock = stockVehicles(s, catalog);
  const listedNumber = listedPartNumbers(s.db);
  const ctx: Ctx = { horizonDays, positions, levels, stock, listedNumber };
  const overdue = overdueBooked(s.db, today);
  const lines: SuggestionLine[] = [];
  for (const c of catalog) {
    const booked = demand.get(c.code) ?? [];
    const from = lines.length;
    if (c.parts.length === 0) {
      lines.push(line(c.code, null, 'none', 0, null, `No order: ${lowerFirst(noPartsNote(c))}${bookedNote(booked, horizonDays)}`));
    } else {
      for (const p of c.parts) partLines(c, p, booked, ctx, lines);
    }
    const late = overdue.get(c.code);
    // Only a campaign's lines without a vehicle count booked demand (a vehicle's line is its own, and may be kept frozen).
    if (late) for (let i = from; i < lines.length; i++) if (lines[i]!.vin === null) lines[i]!.reason += overdueNote(late);
  }
  // Two lines that would share a key (two unreleased parts of one campaign, no number yet) are told
  // apart. Only lines without a vehicle can: a CPOR line is one per part and VIN.
  const keys = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.vin !== null) continue;
    const n = (keys.get(lines[i]!.key) ?? 0) + 1;
    keys.set(lines[i]!.key, n);
    if (n > 1) lines[i] = { ...lines[i]!, key: `${lines[i]!.key}#${n}` };
  }
  return { horizonDays, lines };
}

type Ctx = {
  horizonDays: number;
  positions: ReturnType<Ledger['positions']>;
  levels: Map<string, number>;
  stock: Stock;
  listedNumber: ListedNumbers;
};

const line = (
  campaign: string,
  partNumber: string | null,
  method: SuggestionLine['method'],
  quantity: number,
  vin: string | null,
  reason: string,
  source: SuggestionLine['source'] = null,
  bookedAt: string | null = null,
  part: string | null = partNumber,
): SuggestionLine => ({
  key: lineKey(campaign, partNumber, vin),
  campaign,
  partNumber,
  part,
  method,
  quantity,
  vin,
  reason,
  source,
  bookedAt,
});

/** A line's key: campaign, part number and VIN (codes and VINs never hold "|"; the part is between them). */
export const lineKey = (campaign: string, partNumber: string | null, vin: string | null) => `${campaign}|${partNumber ?? ''}|${vin ?? ''}`;

/** A key in words: "23LJ01 04002-78010 for JTH…", "BLC 12345-67890", "BLC (line 2)" for a campaign's second line of one key. */
function keyInWords(numbered: string): string {
  const nth = /#(\d+)$/.exec(numbered);
  const key = nth ? numbered.slice(0, nth.index) : numbered;
  return `${keyParts(key)}${nth ? ` (line ${nth[1]})` : ''}`;
}

function keyParts(key: string): string {
  const first = key.indexOf('|');
  const last = key.lastIndexOf('|');
  if (first < 0 || first === last) return `"${key}"`;
  const [campaign, part, vin] = [key.slice(0, first), key.slice(first + 1, last), key.slice(last + 1)];
  return `${campaign}${part ? ` ${part}` : ''}${vin ? ` for ${vin}` : ''}`;
}

/** Booked work of an earlier day that never arrived is not demand; the lines of its campaign say so. */
const overdueNote = (n: number) =>
  ` (not counted: ${plural(n, 'appointment')} booked before today that never arrived; mark ${n === 1 ? 'it' : 'them'} arrived, no-show or cancelled)`;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** " (3 vehicles booked in the next 14 days.)": one string per count and horizon (a part of every campaign booked says it). */
const bookedNotes = new Map<string, string>();
function bookedNote(booked: Demand[], days: number): string {
  if (!booked.length) return '';
  const key = `${booked.length}|${days}`;
  let note = bookedNotes.get(key);
  if (note === undefined) {
    if (bookedNotes.size >= 1000) bookedNotes.clear();
    bookedNotes.set(key, (note = ` (${plural(booked.length, 'vehicle')} booked in the next ${days} days.)`));
  }
  return note;
}

/** A part's lines, added to `out` (the suggestions' lines, in order). */
function partLines(c: CampaignParts, p: PartFacts, booked: Demand[], ctx: Ctx, out: SuggestionLine[]): void {
  const perVehicle = p.quantity ?? 1;
  if (!p.released || (p.partNumber === null && !p.isPattern)) {
    const what = p.partNumber ? `${p.partNumber} is not released yet` : 'part number not yet released';
    out.push(line(c.code, p.partNumber, 'none', 0, null, `No order: ${what}.${p.note ? ` ${p.note}` : ''}${bookedNote(booked, ctx.horizonDays)}`));
    return;
  }
  const pn = p.partNumber!;
  if (p.macCode === 'D') {
    const allocation = p.allocation !== null ? ` Allocation recorded: ${p.allocation}.` : ' No allocation recorded.';
    out.push(line(c.code, pn, 'mac-report', 0, null, `MAC code D: no order; refer to the MAC report.${allocation}${bookedNote(booked, ctx.horizonDays)}`));
    return;
  }
  if (p.heldPerVin) {
    cporLines(c, p, booked, ctx, out);
    return;
  }

  const units = booked.length * perVehicle;
  const level = ctx.levels.get(pn) ?? 0;
  const pos: Position = ctx.positions.get(pn) ?? { onHand: 0, onOrder: 0 };
  const needed = units + level;
  const order = needed - (pos.onHand + pos.onOrder);
  if (order <= 0) return;
  out.push(
    line(
      c.code,
      pn,
      'stock',
      order,
      null,
      `${units} booked in the next ${ctx.horizonDays} days + keep ${level} on the shelf = ${needed}; ${pos.onHand} on hand + ${pos.onOrder} on order: order ${order}`,
      'shelf',
    ),
  );
}

function cporLines(c: CampaignParts, p: PartFacts, booked: Demand[], ctx: Ctx, out: SuggestionLine[]): void {
  const pn = p.partNumber!;
  const why = p.perVin || p.isPattern ? 'per-VIN part number: CPOR gives it' : 'MAC code C: order through CPOR';
  const perVehicle = p.quantity ?? 1;
  const seen = new Set<string>();
  const perVin = ctx.positions.get(pn)?.perVin;
  /** Ordered already (an order on record, not reversed), or on hand for the VIN: no line. */
  const covered = (vin: string) => {
    const held = perVin?.get(vin);
    return !!held && (held.ordered || held.onHand >= perVehicle);
  };
  const make = (vin: string, because: string, bookedAt: string | null) => {
    // The ledger refuses an order for a VIN whose check digit does not match: the line says so instead of ordering.
    const typo = checkDigitNote(vin);
    if (typo) return line(c.code, pn, 'none', 0, vin, `${because}; ${typo}`, bookedAt ? 'booked' : 'in-stock', bookedAt, pn);
    // The imported list's number for the VIN (VIN,Phase,Part Number,Status) is the number to order.
    const number = p.isPattern ? ctx.listedNumber(c.code, pn, vin) : null;
    const what = number ? `${number} (the affected list's number for this VIN)` : `${perVehicle} through CPOR for this VIN (${why})`;
    return line(
      c.code,
      number ?? pn,
      'cpor',
      perVehicle,
      vin,
      `${because}; no CPOR order recorded: order ${number ? `${perVehicle} × ${what} through CPOR` : what}.`,
      bookedAt ? 'booked' : 'in-stock',
      bookedAt,
      pn,
    );
  };
  for (const d of booked) {
    if (seen.has(d.vin)) continue;
    seen.add(d.vin);
    if (covered(d.vin)) continue;
    const how = d.remedyAvailable ? 'remedy available' : `booked as goodwill: ${d.goodwill}`;
    out.push(make(d.vin, `Booked ${d.at.replace('T', ' ')} (${how})`, d.at));
  }
  const list = ctx.stock.lists.get(c.code);
  if (!list) return;
  const maker: StockLineMaker = {
    code: c.code,
    pn,
    perVehicle,
    // A number from the imported list only for a pattern of a campaign with a list.
    numbered: p.isPattern && ctx.listedNumber.hasList(c.code),
    list,
    typos: ctx.stock.typos,
    made: stockLines(ctx.stock, c.code, pn, list.vins.length),
    // What every vehicle's line of this part shares (the key's start, the order's words when no list gives
    // a number) is put together once.
    keyStart: `${c.code}|${pn}|`,
    orderWords: `; no CPOR order recorded: order ${perVehicle} through CPOR for this VIN (${why}).`,
    lastPick: null,
    lastTail: '',
    lastTemplate: null,
    templates: null,
    listedNumber: ctx.listedNumber,
    make,
  };
  stockVehicleLines(maker, seen, perVin, out);
}

/**
 * What a part's CPOR lines for its campaign's stock vehicles are made from (cporLines): a stock vehicle's line
 * is the same until the stock's lookups are redone, so it is made once and kept with them (`made`, by the
 * vehicle's place in its campaign's list); each call only asks the ledger about the VIN.
 */
type StockLineMaker = {
  code: string;
  pn: string;
  perVehicle: number;
  /** The part's pattern can get a number from its campaign's imported list (ctx.listedNumber asked per VIN). */
  numbered: boolean;
  list: StockList;
  /** The stock's VINs whose lines order nothing (Stock.typos). */
  typos: Set<string>;
  made: (SuggestionLine | undefined)[];
  keyStart: string;
  orderWords: string;
  /**
   * The pick of the line made last and its pieces: the reason after the vehicle's own words ("In stock #S1
   * (New)"), and the line copied for a vehicle without a list's number. A copy is one object copied (not
   * ten fields defined one by one) with the vehicle's key, VIN and, with a stock number, its reason; for a
   * vehicle without a stock number the whole reason is the template's (one string per pick, not one per
   * line). The copy keeps the fields' order: a spread's later fields replace the ones copied in place. A
   * list's vehicles mostly share one pick (answers that say the same share one, see onePick): the next
   * line's pieces are most often these, found without a look-up.
   */
  lastPick: StockPick | null;
  lastTail: string;
  lastTemplate: SuggestionLine | null;
  /** Every pick's pieces, made with its first line. */
  templates: Map<StockPick, [tail: string, template: SuggestionLine]> | null;
  listedNumber: Ctx['listedNumber'];
  /** A line with its words, for a VIN the imported list gives a number for. */
  make: (vin: string, because: string, bookedAt: string | null) => SuggestionLine;
};

/**
 * The part's lines for its campaign's stock vehicles, after its booked vehicles' (`seen`): none for a VIN
 * ordered already (an order on record, not reversed) or on hand. Kept apart from the lines' making (newStockLine):
 * each is a small function a process's first call gets compiled soon.
 */
function stockVehicleLines(m: StockLineMaker, seen: Set<string>, perVin: PartPosition['perVin'] | undefined, out: SuggestionLine[]): void {
  const { vins } = m.list;
  const { made, perVehicle } = m;
  for (let i = 0; i < vins.length; i++) {
    const vin = vins[i]!;
    if (seen.size > 0 && seen.has(vin)) continue;
    const held = perVin?.get(vin);
    if (held !== undefined && (held.ordered || held.onHand >= perVehicle)) continue;
    out.push(made[i] ?? (made[i] = newStockLine(m, i)));
  }
}

/** The line of the vehicle at place `i` in its campaign's stock list (see StockLineMaker), frozen: it is kept. */
function newStockLine(m: StockLineMaker, i: number): SuggestionLine {
  const { list } = m;
  const vin = list.vins[i]!;
  const pick = list.picks[i]!;
  const stockNumber = list.stockNumbers[i]!;
  // The imported list's number for the VIN (VIN,Phase,Part Number,Status) is the number to order.
  const number = m.numbered ? m.listedNumber(m.code, m.pn, vin) : null;
  if (number !== null || (m.typos.size > 0 && m.typos.has(vin)))
    return Object.freeze(m.make(vin, `${inStockWords(stockNumber, pick.condition)}, ${pick.why}: ${pick.before}`, null));
  if (pick !== m.lastPick) {
    m.lastPick = pick;
    const made = (m.templates ??= new Map()).get(pick);
    if (made !== undefined) [m.lastTail, m.lastTemplate] = made;
    else {
      m.lastTail = `, ${pick.why}: ${pick.before}${m.orderWords}`;
      m.lastTemplate = {
        key: '',
        campaign: m.code,
        partNumber: m.pn,
        part: m.pn,
        method: 'cpor',
        quantity: m.perVehicle,
        vin: '',
        reason: inStockWords(null, pick.condition) + m.lastTail,
        source: 'in-stock',
        bookedAt: null,
      };
      m.templates.set(pick, [m.lastTail, m.lastTemplate]);
    }
  }
  const template = m.lastTemplate!;
  return Object.freeze(
    stockNumber === null
      ? { ...template, key: m.keyStart + vin, vin }
      : { ...template, key: m.keyStart + vin, vin, reason: inStockWords(stockNumber, pick.condition) + m.lastTail },
  );
}

/**
 * Why a vehicle's line orders nothing when its VIN's check digit does not match (null when it matches):
 * a key is cut for one exact vehicle, and a typed VIN is most often the typo. Shown, not left out: the
 * vehicle still needs its part once its VIN is put right.
 */
function checkDigitNote(vin: string): string | null {
  const v = analyzeVin(vin);
  if (!v.ok) return `no order: the VIN is not valid (${lowerFirst(v.errors[0]!.message)}): correct the VIN on the vehicle's record or appointment, then order.`;
  if (v.checkDigitValid) return null;
  return `no order: the check digit does not match (position 9 is "${v.vin[8]}", the rest of the VIN calls for "${v.expectedCheckDigit}"): probably a typo. A part is cut for one exact vehicle: correct the VIN on the vehicle's record or appointment (compare it with the vehicle), then order.`;
}

/** "In stock", its stock number and condition: "In stock #S1 (New)", "In stock (Used)", "In stock". */
type Condition = keyof typeof CONDITION_LABEL;
const CONDITION_WORDS = Object.fromEntries(Object.entries(CONDITION_LABEL).map(([k, label]) => [k, ` (${label})`])) as Record<Condition, string>;
const IN_STOCK = Object.fromEntries(Object.entries(CONDITION_WORDS).map(([k, words]) => [k, `In stock${words}`])) as Record<Condition, string>;
const inStockWords = (stockNumber: string | null, condition: Condition | null) =>
  stockNumber ? `In stock #${stockNumber}${condition ? CONDITION_WORDS[condition] : ''}` : condition ? IN_STOCK[condition] : 'In stock';

/**
 * A campaign a stock vehicle's lookup answers with the remedy available: why, what before delivery for
 * the vehicle's condition, and the campaign's list. One for every vehicle of an answer shared by a key.
 */
type StockPick = { why: string; before: string; condition: Condition | null; list: StockList };
/** A campaign's stock vehicles, in the stock's order, as columns (no object per vehicle): VIN, stock number, pick. */
type StockList = { vins: string[]; stockNumbers: (string | null)[]; picks: StockPick[] };
/**
 * The stock's lists by campaign, and each part's CPOR lines once made (by the place of the vehicle in
 * its campaign's list), kept with them: the lines of a vehicle stay the same until the stock is looked up again.
 */
type Stock = {
  lists: Map<string, StockList>;
  lines: Map<string, (SuggestionLine | undefined)[]>;
  /** Stock VINs whose check digit does not match (or that are not clean VINs): their lines order nothing and say why. Found as the stock is read. */
  typos: Set<string>;
};

/** What the bulletin's delivery rule for the vehicle's condition asks: must, or should, have it before delivery. */
function beforeDelivery(hit: Pick<CampaignHit, 'delivery'>, condition: Condition | null): string {
  const rule = hit.delivery.find((d) => d.condition === condition)?.rule;
  if (rule === 'do-not-deliver-until-remedied' || rule === 'perform-before-delivery') return 'must have it before delivery';
  if (rule === 'deliver-with-disclosure-if-unavailable') return 'should have it before delivery (else only with the disclosure form)';
  return 'should have it before delivery';
}

/**
 * Vehicles in stock whose lookup says the remedy is available (a launched phase; a VIN on the affected
 * list where the bulletin says only launched phases are listed) for a campaign with a part held per
 * VIN, not yet done. One lookup per stock vehicle.
 */
const stockCache = new WeakMap<SuggestServices['db'], { key: string; stock: Stock }>();

/**
 * The same, kept until what it depends on changes: the library and its parts (the catalog, kept as one
 * object until then), the day, whether vPIC has opened, and the vehicles, their campaign statuses and the
 * affected lists (a counter triggers bump, migration 007).
 */
function stockVehicles(s: SuggestServices, catalog: CampaignParts[]): Stock {
  const counter = s.db.sqlite.prepare<[], number>("SELECT n FROM change_counters WHERE name = 'stock-lookups'").pluck().get() ?? -1;
  // vPIC's makes per WMI once it has opened: a stock vehicle of a WMI no bulletin lists may then be another make.
  const key = `${counter}|${localIsoDate(s.now())}|${s.vpic?.ready ? 'vpic' : ''}`;
  const kept = stockCache.get(s.db);
  if (kept && kept.key === key && catalogOf.get(kept.stock) === catalog) return kept.stock;
  const stock = lookUpStock(s, catalog);
  catalogOf.set(stock, catalog);
  stockCache.set(s.db, { key, stock });
  return stock;
}
const catalogOf = new WeakMap<Stock, CampaignParts[]>();

/** A part's CPOR lines for its campaign's stock vehicles, by their place in the list (made as they are first asked for). */
function stockLines(stock: Stock, code: string, pn: string, length: number): (SuggestionLine | undefined)[] {
  const id = `${code}\u0000${pn}`;
  let made = stock.lines.get(id);
  if (!made) stock.lines.set(id, (made = new Array<SuggestionLine | undefined>(length)));
  return made;
}

/**
 * Every stock vehicle, in the stock's order, with the columns its lookup reads (see LookupService.known).
 * The condition comes as its place in CONDITIONS (a text made per row for 20,000 rows costs more than the
 * rest of the row); any other text as it is. Read from the index that holds them in this order with
 * these columns (migration 013): no read of the table per vehicle, no sort.
 */
const CONDITIONS = [null, 'new', 'used', 'certified-pre-owned'] as const;
export const STOCK_SQL = `SELECT vin, stock_number, model, production_month,
       CASE WHEN condition IS NULL THEN 0 WHEN condition = 'new' THEN 1 WHEN condition = 'used' THEN 2 WHEN condition = 'certified-pre-owned' THEN 3 ELSE condition END AS condition_code,
       last_service_date, in_stock
  FROM vehicles INDEXED BY vehicles_stock_order WHERE in_stock = 1 ORDER BY stock_number, vin`;
/**
 * The same rows as columns: each column one JSON array, in the rows' order (SQLite keeps a FROM-clause
 * subquery's ORDER BY for an outer query with an aggregate other than count, min and max). Six strings
 * parsed instead of 20,000 rows made one by one (each a call from the driver into JavaScript), and no
 * array per vehicle. The rows are all in stock (in_stock is 1).
 */
export const STOCK_COLUMNS_SQL = `SELECT json_group_array(vin), json_group_array(stock_number), json_group_array(model),
       json_group_array(production_month), json_group_array(condition_code), json_group_array(last_service_date)
  FROM (${STOCK_SQL})`;
type StockColumns = [
  vins: string[],
  stockNumbers: (string | null)[],
  models: (string | null)[],
  months: (string | null)[],
  conditions: (number | string)[],
  serviced: (string | null)[],
];
/** The stock's columns, read in one statement (STOCK_COLUMNS_SQL). */
function readStock(db: SuggestServices['db']): StockColumns {
  const texts = db.sqlite.prepare<[], string[]>(STOCK_COLUMNS_SQL).raw(true).get()!;
  return texts.map((t) => JSON.parse(t)) as StockColumns;
}
/** Every model window rule: its campaign, model year, build region and model key (CampaignStore.windowsFor's columns for the question). */
const WINDOWS_SQL = 'SELECT campaign_id, model_year, built_in, model_key FROM model_window_rules';
type WindowRow = [campaignId: number, modelYear: number, builtIn: string | null, modelKey: string];
const conditionOf = (code: number | string): Condition | null => (typeof code === 'number' ? CONDITIONS[code]! : (code as Condition));
/** What a VIN's ranges say: whether one is a wanted campaign's, and the one model they name (null: none, or several). */
type RangeFacts = { wanted: boolean; model: string | null };

/**
 * The stock vehicles' lookups, only where a campaign with a part held per VIN can be among the
 * answers. A lookup considers the campaigns with rows for the VIN and those whose model windows the
 * VIN's model year, build region and model can fit (CampaignStore.windowsFor): a vehicle with neither
 * for a wanted campaign is not looked up. A VIN with no rows at all gets the answer of every VIN with
 * the same model year, WMI, recorded model, production month and condition (the lookup keeps one answer
 * per such key): one lookup per key, its campaigns shared. So does a VIN whose only rows are VIN ranges,
 * with the VINs of the same key in the same ranges: the lookup's answer is made from nothing else (the
 * ranges' campaigns, phases and model; the model windows of the key; the WMI's region and makes). A VIN
 * with an affected-list or status row, or stored other than the lookup reads it, is looked up itself.
 * The rows are read as the hold report reads them (LookupService.knownBatch: a few set statements for
 * the whole stock, not one per vehicle), and each lookup is the batch's, exactly `lookup({ vin })`.
 */
function lookUpStock(s: SuggestServices, catalog: CampaignParts[]): Stock {
  const out = new Map<string, StockList>();
  const stock: Stock = { lists: out, lines: new Map(), typos: new Set() };
  const wanted = new Set(catalog.filter((c) => c.parts.some((p) => p.heldPerVin && p.released)).map((c) => c.code));
  if (wanted.size === 0) return stock;
  const wantedIds = new Set<number>();
  for (const code of wanted) {
    const id = s.campaigns.idForCode(code);
    if (id !== null) wantedIds.add(id);
  }
  const [vins, stockNumbers, models, months, conditions, serviced] = readStock(s.db);
  // The stock's VIN ranges sought range by range when the library has fewer than half as many ranges as the
  // stock has vehicles (the highest id bounds their number: ids are never reused), else by the stock's codes.
  const rules = s.db.sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM vin_range_rules').pluck().get() ?? 0;
  const batch = s.lookup.knownBatch('in-stock', rules * 2 < vins.length ? 'by-rule' : 'by-vehicle');
  // No affected list or status row for any vehicle in stock: none is looked up for its own rows.
  const ownRows = s.lookup.knownAnyOwnRows(batch);
  const year = s.now().getFullYear();
  const modelKeys = new Map<string, string>();
  const keyOf = (model: string) => {
    let key = modelKeys.get(model);
    if (key === undefined) modelKeys.set(model, (key = normalizeModel(model)));
    return key;
  };
  /**
   * The wanted campaigns' model windows by model year: each one's build region (null: any) and model key,
   * read at once (most model years have none).
   */
  const wantedWindows = new Map<number, [builtIn: string | null, modelKey: string][]>();
  for (const [campaignId, modelYear, builtIn, modelKey] of s.db.sqlite.prepare<[], WindowRow>(WINDOWS_SQL).raw(true).all()) {
    if (!wantedIds.has(campaignId)) continue;
    const list = wantedWindows.get(modelYear);
    if (list) list.push([builtIn, modelKey]);
    else wantedWindows.set(modelYear, [[builtIn, modelKey]]);
  }
  /**
   * Whether a wanted campaign has a model window this model year, region and model can fit, as the store's
   * windowsFor finds them: built in the region or anywhere, its model key the model's or starting it, or
   * starting with it; any, without a model.
   */
  const windowFits = (modelYear: number, region: string, model: string | null) => {
    const list = wantedWindows.get(modelYear);
    if (list === undefined) return false;
    const modelKey = model === null ? null : keyOf(model);
    for (const [builtIn, k] of list) {
      if (builtIn !== null && builtIn !== region) continue;
      if (modelKey === null || modelKey.startsWith(k) || k.startsWith(modelKey)) return true;
    }
    return false;
  };
  /** What a lookup's answer puts in the stock lists for a vehicle in this condition: worked out once per answer shared by a key. */
  const picksOf = (hits: readonly PickHit[], condition: Condition | null): StockPick[] => {
    const picks: StockPick[] = [];
    for (const hit of hits) {
      if (!wanted.has(hit.code) || (hit.vehicleStatus && hit.vehicleStatus.status !== 'open')) continue;
      // The card's answer decides (a VIN on the list of a campaign that lists only launched phases
      // reads "remedy available" there): the suggestions never say otherwise.
      if (hit.remedy.available !== true) continue;
      const listed = hit.affectedList?.listed === true;
      const why = listed ? `on the affected list of ${hit.affectedList!.date}` : `${hit.remedy.phaseName ?? 'phase'} launched`;
      // The campaign's list in the answer (every pick is added to at once: no list stays empty).
      let list = out.get(hit.code);
      if (!list) out.set(hit.code, (list = { vins: [], stockNumbers: [], picks: [] }));
      picks.push(onePick(list, why, beforeDelivery(hit, condition), condition));
    }
    return picks;
  };
  /** One pick for every answer that says the same of a campaign's list: its lines' shared words are made once per pick. */
  const samePicks = new Map<StockList, Map<string, StockPick>>();
  const onePick = (list: StockList, why: string, before: string, condition: Condition | null): StockPick => {
    const byWords = level(samePicks, list);
    const key = `${condition === null ? '-' : `=${condition}`}\u0000${why}\u0000${before}`;
    let pick = byWords.get(key);
    if (pick === undefined) byWords.set(key, (pick = { why, before, condition, list }));
    return pick;
  };
  const add = (vin: string, stockNumber: string | null, picks: StockPick[]) => {
    for (let i = 0; i < picks.length; i++) {
      const p = picks[i]!;
      p.list.vins.push(vin);
      p.list.stockNumbers.push(stockNumber);
      p.list.picks.push(p);
    }
  };
  /** The batch's lookup of the stock vehicle at place `i`: exactly lookup({ vin })'s hits and vehicle (a VIN stored otherwise is looked up so). */
  const lookUp = (i: number) => {
    try {
      return s.lookup.knownPicks(
        batch,
        {
          vin: vins[i]!,
          stock_number: stockNumbers[i]!,
          model: models[i]!,
          production_month: months[i]!,
          condition: conditionOf(conditions[i]!),
          last_service_date: serviced[i]!,
          in_stock: 1,
        },
        wantedIds,
      );
    } catch {
      return null; // a stock record with a VIN that does not decode cannot be matched; the holds report names it
    }
  };
  const lookUpOwn = (i: number) => {
    const r = lookUp(i);
    if (r) {
      const condition = r.vehicle?.condition ?? null;
      if (!quickVin(r.vin)?.checkDigitValid) stock.typos.add(r.vin);
      add(r.vin, r.vehicle?.stockNumber ?? null, picksOf(r.campaigns, condition));
    }
  };
  /** Each set of ranges' facts, worked out once (VINs in the same ranges share it). */
  const factsOf = new Map<KnownRanges, RangeFacts>();
  const factsFor = (ranges: KnownRanges) => {
    let facts = factsOf.get(ranges);
    if (!facts) factsOf.set(ranges, (facts = rangeFacts(ranges, wantedIds)));
    return facts;
  };
  /** Whether a wanted campaign has a model window the VIN's model can fit (its record's, else the one its ranges name: no decode here). */
  const fits = (vin: string, facts: RangeFacts, recorded: string | null) =>
    windowFits(modelYearOf(vin, year)!, regionOf(vin) ?? '', recorded || facts.model || null);
  /**
   * What a VIN with no row of its own gets (its lookup's answer is made from nothing else: its ranges'
   * campaigns, phases and model, the model windows, the WMI's region and makes): by its ranges (in none:
   * by model year and WMI), condition, production month and model on record, the picks of the one lookup
   * made for them, or null where no wanted campaign can be among the answers.
   */
  const decided = new Map<KnownRanges, ByCondition>();
  const inNoRange = new Map<number, Map<string, ByCondition>>();
  for (let i = 0; i < vins.length; i++) {
    const vin = vins[i]!;
    // A VIN stored other than as the lookup reads it: its own lookup.
    const clean = quickVin(vin);
    if (!clean || clean.vin !== vin) {
      lookUpOwn(i);
      continue;
    }
    if (!clean.checkDigitValid) stock.typos.add(vin);
    const ranges = s.lookup.knownRangesOf(batch, vin);
    const own = ownRows ? s.lookup.knownOwnRows(batch, vin) : null;
    if (own !== null) {
      // An affected-list or status row: its own lookup, where a wanted campaign's row (whatever its windows) or window can be among the answers.
      const facts = factsFor(ranges);
      if (facts.wanted || wantedOther(own, wanted, wantedIds) || fits(vin, facts, models[i]!)) lookUpOwn(i);
      continue;
    }
    const code = conditions[i]!;
    // Ranges are a group's (its model year and WMI); in none, by model year and WMI.
    const byCondition = ranges === IN_NO_RANGE ? level(level(inNoRange, modelYearOf(vin, year)!), vin.slice(0, 3)) : level(decided, ranges);
    const byRecorded = level(level(byCondition, code), months[i]!);
    const model = models[i]!;
    let picks = byRecorded.get(model);
    if (picks === undefined) {
      // A wanted campaign's range row makes it a candidate whatever its windows.
      const facts = factsFor(ranges);
      if (!facts.wanted && !fits(vin, facts, model)) picks = null;
      else {
        const r = lookUp(i);
        // A VIN the lookup refuses says nothing of the others with its key.
        if (!r) continue;
        picks = picksOf(r.campaigns, conditionOf(code));
      }
      byRecorded.set(model, picks);
    }
    if (picks !== null) add(vin, stockNumbers[i]!, picks);
  }
  return stock;
}

/** By condition (as read: CONDITIONS' place, or the text), production month and model on record: the picks, or null for none. */
type ByCondition = Map<number | string, Map<string | null, Map<string | null, StockPick[] | null>>>;
/** The map kept under a key of a map of maps (made the first time). */
function level<K, V extends Map<unknown, unknown>>(m: Map<K, V>, key: K): V {
  let next = m.get(key);
  if (next === undefined) m.set(key, (next = new Map() as V));
  return next;
}

function rangeFacts({ ranges }: KnownRanges, wantedIds: Set<number>): RangeFacts {
  const models = new Set(ranges.map((r) => r.model));
  return { wanted: ranges.some((r) => wantedIds.has(r.campaignId)), model: models.size === 1 ? ranges[0]!.model : null };
}

/** Whether one of a vehicle's affected lists or status rows is a wanted campaign's. */
const wantedOther = (known: KnownOwnRows, wanted: Set<string>, wantedIds: Set<number>) =>
  known.listCampaigns.some((id) => wantedIds.has(id)) || known.statusCodes.some((code) => wanted.has(code));

type Choice = { horizonDays: number; by: string; keys?: string[] | null; campaign?: string | null; vins?: string[] | null; bookedOnly?: boolean };

const orders = (l: SuggestionLine) => (l.method === 'stock' || l.method === 'cpor') && l.quantity > 0 && !!l.partNumber;

/**
 * The lines chosen by key, in the suggestions' order; refused whole when one is no longer suggested
 * (named) or orders nothing: the person chose from what they saw, and nothing else is recorded.
 */
function chosenByKey(lines: SuggestionLine[], keys: string[]): Set<SuggestionLine> {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const wanted = new Set(keys);
  const gone = [...wanted].filter((k) => !byKey.has(k));
  if (gone.length) {
    const shown = gone.slice(0, 10).map(keyInWords);
    throw new ApiError(
      'conflict',
      `${plural(gone.length, 'chosen line')} ${gone.length === 1 ? 'is' : 'are'} no longer suggested: ${shown.join('; ')}${gone.length > 10 ? ` and ${gone.length - 10} more` : ''}. Nothing was recorded: look at the suggestions again and choose again.`,
      gone.map(keyInWords),
    );
  }
  const chosen = [...wanted].map((k) => byKey.get(k)!);
  const idle = chosen.filter((l) => !orders(l));
  if (idle.length)
    throw new ApiError(
      'invalid-input',
      `${idle
        .slice(0, 10)
        .map((l) => `${keyInWords(l.key)} orders nothing (${METHOD_LABEL[l.method].toLowerCase()})`)
        .join('; ')}: choose only stock and CPOR lines.`,
    );
  return new Set(chosen);
}

/** Why a VIN has no suggestion line: a part of its is ordered or on hand already, or nothing asks for one. */
function noLineWhy(ledger: Ledger, catalog: CampaignParts[], vin: string, horizonDays: number): string {
  const positions = ledger.positions();
  const held = catalog.flatMap((c) =>
    c.parts.filter((p) => {
      const v = p.heldPerVin && p.partNumber ? positions.get(p.partNumber)?.perVin.get(vin) : undefined;
      return !!v && (v.ordered || v.onHand > 0);
    }),
  );
  if (held.length > 0)
    return `${held.map((p) => p.partNumber).join(', ')} ${held.length === 1 ? 'is' : 'are'} already ordered or on hand for it (${held.map((p) => `stock history ${p.partNumber}`).join(', ')}).`;
  return `it is not booked within the next ${horizonDays} days, and not in stock with a campaign part to order through CPOR.`;
}

/**
 * Records the chosen stock and CPOR lines as orders, against exactly the suggestions it read (one
 * transaction): every line, or one campaign's, these VINs' (CPOR lines), or only booked vehicles' lines
 * (CPOR lines of vehicles booked within the horizon; stock lines have no vehicle and are left out).
 * A CPOR line becomes a request "to place" in Service Lane until its CPOR reference is entered.
 * Or exactly the lines whose keys are given (the window's chosen lines).
 */
export function acceptSuggestions(s: SuggestServices, { horizonDays, by, keys, campaign, vins, bookedOnly }: Choice) {
  const ledger = ledgerOf(s.db);
  const code = campaign ? s.campaigns.idOf(campaign).code : null;
  const chosenVins = vins?.length ? new Set(vins.map((v) => checkedVin(v))) : null;
  return s.db.sqlite
    .transaction(() => {
      const suggestions = computeSuggestions(s, horizonDays);
      const picked = keys ? chosenByKey(suggestions.lines, keys) : null;
      const today = localIsoDate(s.now());
      const booked = bookedOnly ? new Set(demandWithin(s.db, today, addDays(today, horizonDays + 1)).map((d) => d.vin)) : null;
      const catalog = loadCatalog(s.db, s.campaigns);
      const at = s.now().toISOString();
      const ids: number[] = [];
      for (const l of suggestions.lines) {
        if (!orders(l)) continue;
        if (picked && !picked.has(l)) continue;
        if (code && l.campaign !== code) continue;
        if (chosenVins && (l.vin === null || !chosenVins.has(l.vin))) continue;
        if (booked && (l.vin === null || !booked.has(l.vin))) continue;
        const number = l.partNumber!;
        const part = findPart(catalog, number)?.partNumber ?? number;
        ids.push(
          ledger.record({
            part,
            part_number: number,
            kind: 'order',
            quantity: l.quantity,
            vin: l.vin,
            expected_on: null,
            ref: l.method === 'cpor' ? CPOR_REQUEST : 'suggested order',
            appointment_id: null,
            reverses_id: null,
            made_by: by,
            made_at: at,
          }),
        );
      }
      const recorded = ids.map((id) => ledger.history(ledger.byId(id)!.part).find((m) => m.id === id)!);
      // A VIN asked for that got no order is told why, never just counted out ("0 orders recorded").
      const notOrdered: { vin: string; reason: string }[] = [];
      if (chosenVins) {
        const got = new Set(recorded.map((m) => m.vin));
        for (const vin of chosenVins) {
          if (got.has(vin)) continue;
          const mine = suggestions.lines.filter((l) => l.vin === vin);
          const orderable = mine.filter(orders);
          let reason: string;
          // A mistyped VIN has no line because it is no vehicle's: its check digit is named first, as stock order names it.
          if (mine.length === 0) reason = checkDigitMismatch(vin) ?? `no line for it in the suggestions: ${noLineWhy(ledger, catalog, vin, horizonDays)}`;
          else if (orderable.length === 0) reason = mine.map((l) => `its ${l.campaign} line orders nothing: ${l.reason}`).join(' ');
          else if (code && orderable.every((l) => l.campaign !== code))
            reason = `its line is for ${[...new Set(orderable.map((l) => l.campaign))].join(', ')}, not ${code} (--campaign).`;
          else reason = `it is not booked within the next ${horizonDays} days (--booked-only).`;
          notOrdered.push({ vin, reason });
        }
      }
      return { ...suggestions, recorded, notOrdered };
    })
    .immediate();
}
