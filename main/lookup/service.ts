// One VIN (with the model and production month when known) against every rule of every campaign.
// The database narrows by index (range seek on WMI+VDS+year code, exact VIN on affected lists and
// vehicle records); model windows come from the store's per-year index, planned per model and kept
// with the compiled campaigns (compiled-library.ts). JavaScript only shapes the few candidates.
import type BetterSqlite3 from 'better-sqlite3';
import { normalizeModel } from '../../shared/bulletin';
import { ApiError } from '../../shared/contract';
import type { CampaignHit, LookupResult } from '../../shared/lookup/contract';
import { analyzeVin, type BuildRegion } from '../../shared/vin';
import { checkDigitLetterText, modelConflictText } from '../../shared/wording';
import type { CampaignStore } from '../campaigns/store';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { keyedEvidence, makeFit } from './make';
import { CompiledLibrary } from './compiled-library';
import { mergeNhtsa, type NhtsaAnswer, NhtsaLookup } from '../nhtsa/lookup';
import { severityRank } from '../../shared/wording';
import { availableRemedy, byUrgency, type Candidates, type CompiledCampaign, evaluate, type StatusRow, type Vehicle } from './evaluate';

export type LookupQuery = {
  vin: string;
  model?: string | null;
  productionMonth?: string | null;
  /** The vehicle as vPIC decodes the VIN, when the caller has it (the handler decodes; `check` does not). */
  decoded?: DecodedVehicle | null;
  decodePending?: boolean;
};

/** Columns of the candidate statement, read as an array (no per-row object). */
type CandidateRow = [
  src: 'r' | 'l' | 'v' | 's' | 'e',
  campaignId: number,
  /** A range's model, the vehicle's model, a status's campaign code; a list row's part number. */
  model: string | null,
  modelKey: string | null,
  windowId: string | null,
  phase: string | null,
  a: string | null,
  b: string | null,
  year: number | null,
];
/** What every campaign's answer for this lookup is worked out from. */
type Context = { v: Vehicle; wmi: string; region: BuildRegion | null; decoded: DecodedVehicle | null; wmiMakes: string[] | null; now: Date; today: number };
/** The vehicles a report looks up: every one in stock, or every one serviced here. */
export type KnownVehicles = 'in-stock' | 'serviced';
/**
 * How a batch finds the VIN ranges of its vehicles' WMI, VDS and year codes (the same ranges either way):
 * 'by-vehicle' makes the set's distinct codes, then seeks the ranges of each; 'by-rule' seeks, for each
 * range, whether a vehicle of the set has its codes (faster when the library has fewer ranges than the
 * set has vehicles: a seek per range instead of a sort of every vehicle's codes).
 */
export type KnownRangesBy = 'by-vehicle' | 'by-rule';
/** Each VIN's candidate rows, read for a whole set of vehicles; ranges by WMI, VDS and year code. */
type Gathered = {
  lists: Map<string, CandidateRow[]>;
  statuses: Map<string, CandidateRow[]>;
  /** Each range numbered (its place in the set), for the key of the answers kept. */
  ranges: Map<string, { row: CandidateRow; n: number }[]>;
  /** The same groups by WMI and VDS (the VIN's first 8 characters), then year code (knownRangesOf). */
  byCodes: Map<string, Map<string, { row: CandidateRow; n: number }[]>>;
};
const NO_ROWS: readonly CandidateRow[] = [];
/** No campaign with rows of its own: never written (slot() makes a map of its own first). */
const NO_CANDIDATES = new Map<number, Candidates>();
const NO_RANGES: readonly { row: CandidateRow; n: number }[] = [];
/** A value written so that no two sequences of values read the same. */
const text = (x: string | null) => (x === null ? '~' : `${x.length}:${x}`);
/** The columns of a vehicle record the lookup reads. */
export type VehicleColumns = Pick<Row<'vehicles'>, 'vin' | 'model' | 'condition' | 'stock_number' | 'production_month' | 'last_service_date' | 'in_stock'>;
/** What known() read for a set of vehicles, and the answers it keeps meanwhile. */
export type KnownBatch = {
  readonly which: KnownVehicles;
  readonly rows: Gathered;
  readonly kept: BatchKept;
  /** knownRanges()'s answers by their key; those of one range by its number (no key made per VIN). */
  readonly rangeSets: Map<string, KnownRanges>;
  readonly oneRange: (KnownRanges | undefined)[];
};
/** A batch's answers, kept while the library and the day stay as they were: NHTSA's, and the campaigns' for a VIN's rows. */
type BatchKept = {
  nhtsa: Map<string, NhtsaAnswer | null>;
  hits: Map<string, readonly CampaignHit[]>;
  generation: number;
  day: number;
  /** The current VIN's own rows, named (see known()). */
  rowsKey: string;
};
/**
 * The VIN ranges a batch holds for a VIN (knownRanges()): one object for every VIN of the batch in the
 * same ranges, `key` naming them exactly ('' for none).
 */
export type KnownRanges = {
  readonly key: string;
  /** In the lookup index's order: each range's campaign and model. */
  readonly ranges: readonly { readonly campaignId: number; readonly model: string }[];
};
/** A vehicle's affected-list and status rows in a batch (knownOwnRows()). */
export type KnownOwnRows = {
  /** The campaigns of the affected lists that name it (a list the library no longer has is left out, as the lookup leaves it). */
  listCampaigns: number[];
  /** The campaign codes of its status rows. */
  statusCodes: string[];
};
type KnownCondition = NonNullable<LookupResult['vehicle']>['condition'];
/** What knownHits() answers: a lookup's VIN, campaigns and the vehicle's stock number and condition. */
export type KnownHits = Pick<LookupResult, 'vin' | 'campaigns'> & { vehicle: { stockNumber: string | null; condition: KnownCondition } | null };
/**
 * What the order suggestions read of a hit whose remedy is available (knownPicks): its campaign, the
 * vehicle's status row, the remedy, the affected list (its date, and whether it names the VIN) and the
 * delivery rules. A whole CampaignHit is one.
 */
export type PickHit = Pick<CampaignHit, 'code' | 'vehicleStatus' | 'remedy' | 'delivery'> & {
  affectedList: Pick<NonNullable<CampaignHit['affectedList']>, 'date' | 'listed'> | null;
};
/** What knownPicks() answers: knownHits()'s VIN and vehicle, and the hits of some campaigns whose remedy is available. */
export type KnownPicks = Pick<KnownHits, 'vin' | 'vehicle'> & { campaigns: readonly PickHit[] };
const NO_HITS: CampaignHit[] = [];
/** The ranges of a VIN in none. */
export const IN_NO_RANGE: KnownRanges = Object.freeze({ key: '', ranges: Object.freeze([]) });
/** A batch's VIN ranges of one WMI, VDS and year code (knownGroup()), in the lookup index's order. */
export type KnownGroup = readonly { readonly row: unknown; readonly n: number }[];
/** The group of a VIN whose WMI, VDS and year code no range of the batch has. */
export const NO_GROUP: KnownGroup = Object.freeze([]);
type ValidVin = Extract<ReturnType<typeof analyzeVin>, { ok: true }>;
type VehicleRecord = {
  model: string | null;
  condition: string | null;
  stockNumber: string | null;
  productionMonth: string | null;
  lastServiceDate: string | null;
  inStock: boolean;
};

export class LookupService {
  private readonly candidates;
  private readonly library: CompiledLibrary;
  private readonly modelKeys = new Map<string, string>();
  /** Once the database holds a list or a vehicle it keeps holding some: asked again only while it has none. */
  private localData = false;
  /**
   * While no list or vehicle has been seen: the candidate statement with one more branch, a row 'e' when
   * the database holds neither (a separate statement per lookup cost half as much again as the lookup's own).
   */
  private candidatesWhileEmpty: BetterSqlite3.Statement<Record<string, string | number>, CandidateRow> | null = null;
  private anyLocalData: BetterSqlite3.Statement<[], number> | null = null;

  private hasLocalData(): boolean {
    if (this.localData) return true;
    this.anyLocalData ??= this.db.sqlite.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM affected_vin_lists) OR EXISTS (SELECT 1 FROM vehicles)').pluck();
    this.localData = this.anyLocalData.get() === 1;
    return this.localData;
  }

  /** The statement a single lookup runs: the one with the emptiness branch until local data is known. */
  private statement(): BetterSqlite3.Statement<Record<string, string | number>, CandidateRow> {
    if (this.localData) return this.candidates;
    this.candidatesWhileEmpty ??= this.db.sqlite
      .prepare<Record<string, string | number>, CandidateRow>(
        `${this.candidates.source}
       UNION ALL
       SELECT 'e', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        WHERE NOT EXISTS (SELECT 1 FROM affected_vin_lists) AND NOT EXISTS (SELECT 1 FROM vehicles)`,
      )
      .raw(true) as unknown as BetterSqlite3.Statement<Record<string, string | number>, CandidateRow>;
    return this.candidatesWhileEmpty;
  }
  private readonly nhtsa: NhtsaLookup;

  constructor(
    private readonly db: Db,
    private readonly store: CampaignStore,
    private readonly now: () => Date,
    /** The makes vPIC registers for a WMI; null while unknown (see VpicDecoder.makesOf). */
    private readonly makesOf: (wmi: string) => string[] | null = () => null,
  ) {
    // One statement for every kind of candidate: each statement is its own read transaction (two
    // lock syscalls), so one instead of five is most of the lookup's cost. Every branch is a seek on
    // one table: list ids and campaign codes are mapped through the store's caches, because a join
    // here cost more than all the seeks together.
    // Every parameter an index seeks on is wrapped in CAST: after an ANALYZE (sqlite_stat4), SQLite
    // re-plans a statement whenever a bare parameter bound to an indexed column changes value, which
    // made every lookup 2.6x slower; a CAST is not a bare parameter, so the plan is made once.
    this.candidates = this.db.sqlite
      .prepare<Record<string, string | number>, CandidateRow>(
        `SELECT 'r' AS src, campaign_id, model, NULL AS model_key, NULL AS window_id, phase, serial_from AS a, serial_to AS b, model_year AS year
         FROM vin_range_rules
        WHERE wmi = CAST(@wmi AS TEXT) AND vds = CAST(@vds AS TEXT) AND year_code = CAST(@yearCode AS TEXT)
          AND serial_from <= CAST(@serial AS TEXT) AND serial_to >= @serial

       UNION ALL
       SELECT 'l', list_id, part_number, NULL, NULL, phase, NULL, NULL, NULL
         FROM affected_vins WHERE vin = CAST(@vin AS TEXT)
       UNION ALL
       SELECT 'v', NULL, model, condition, stock_number, NULL, production_month, last_service_date, in_stock
         FROM vehicles WHERE vin = CAST(@vin AS TEXT)
       UNION ALL
       SELECT 's', NULL, campaign_code, NULL, repair_order, status, completed_on, NULL, NULL
         FROM vehicle_campaigns WHERE vin = CAST(@vin AS TEXT)`,
      )
      .raw(true) as unknown as BetterSqlite3.Statement<Record<string, string | number>, CandidateRow>;
    this.library = new CompiledLibrary(store, db);
    this.nhtsa = new NhtsaLookup(db.sqlite);
  }

  /**
   * Runs many lookups inside one read transaction: one lock instead of one per lookup, and one
   * consistent snapshot for a whole report or file.
   */
  batch<T>(fn: () => T): T {
    return this.db.sqlite.transaction(fn).deferred();
  }

  /** The candidate statement's SQL: the bench runs it raw, as the database's share of a lookup. */
  get candidateSql(): string {
    return this.statement().source;
  }

  /** The statement's query plan, for the test that keeps every branch an index seek. */
  plan(): string[] {
    return this.db.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${this.candidates.source}`)
      .all({ wmi: 'JTH', vds: 'BE96S', yearCode: '7', serial: '0007930', vin: 'JTHBE96S170007930' })
      .map((r) => (r as { detail: string }).detail);
  }

  lookup(q: LookupQuery): LookupResult {
    const now = this.now();
    const vin = this.analyze(q.vin, now);
    const { wmi, vds, yearCode, serial } = vin.parts;
    this.sync(now);
    const statement = this.statement();
    const rows = statement.all({ wmi, vds, yearCode, serial, vin: vin.vin });
    // Asked with the emptiness branch: no 'e' row means the database holds a list or a vehicle.
    if (statement !== this.candidates && !rows.some((r) => r[0] === 'e')) this.localData = true;
    return this.answer(q, vin, rows, now, null);
  }

  /**
   * Lookups of many of the dealer's vehicles (a report's: every one in stock, or every one serviced
   * here), each answer exactly what `lookup({ vin })` gives: the rows the candidate statement would read
   * for each VIN are read for all of them by a few set statements (lists, statuses, ranges), and the
   * same code makes each answer from them. What a campaign's evaluation and NHTSA's file answer is kept
   * for the batch by everything it depends on, so a stock of 100,000 mostly repeats a few hundred answers.
   * The lookup returned takes a vehicle's row of the vehicles table, as the caller read it (in its order,
   * with its columns) in the same read transaction; call both inside one (batch()): one snapshot.
   */
  known(which: KnownVehicles): (vehicle: VehicleColumns) => LookupResult {
    const batch = this.knownBatch(which);
    return (v) => this.lookupKnown(batch, v);
  }

  /**
   * The same batch, for a caller that looks up only some of the set's vehicles (lookupKnown) and reads
   * what the batch holds for the others (knownGroup, knownRanges, knownOwnRows): the order suggestions, whose stock lines need only
   * the vehicles a campaign with a per-VIN part can answer for. Read it inside the caller's read transaction.
   */
  knownBatch(which: KnownVehicles, rangesBy: KnownRangesBy = 'by-vehicle'): KnownBatch {
    return {
      which,
      rows: this.gather(which, rangesBy),
      kept: { nhtsa: new Map(), hits: new Map(), generation: -1, day: -1, rowsKey: '' },
      rangeSets: new Map(),
      oneRange: [],
    };
  }

  /**
   * The VIN ranges a batch holds for the VINs of one WMI, VDS and year code, as this VIN's (stored as the
   * lookup reads it: 17 clean characters, upper case, see quickVin), or NO_GROUP; nothing is looked up.
   */
  knownGroup(batch: KnownBatch, vin: string): KnownGroup {
    return batch.rows.ranges.get(`${vin.slice(0, 3)}|${vin.slice(3, 8)}|${vin[9]}`) ?? NO_GROUP;
  }

  /**
   * The ranges of a group a serial (a VIN's last 7 characters) is in: exactly those the lookup reads for
   * the VIN (serial_from <= serial <= serial_to), one object for every serial of the batch in the same ranges.
   */
  knownRanges(batch: KnownBatch, group: KnownGroup, serial: string): KnownRanges {
    const rows = group as readonly { row: CandidateRow; n: number }[];
    // The first range the serial is in; the key only once it is in a second one (most are in one or none).
    let first = -1;
    let key = '';
    for (let i = 0; i < rows.length; i++) {
      const { row, n } = rows[i]!;
      if (row[6]! > serial) break; // by serial_from, as the index gives them
      if (row[7]! < serial) continue;
      if (first < 0) first = i;
      else key += key === '' ? `r${rows[first]!.n}r${n}` : `r${n}`;
    }
    if (first < 0) return IN_NO_RANGE;
    const made = (k: string) => {
      const ranges = rows.filter(({ row }) => row[6]! <= serial && row[7]! >= serial).map(({ row }) => Object.freeze({ campaignId: row[1], model: row[2]! }));
      return Object.freeze({ key: k, ranges: Object.freeze(ranges) });
    };
    if (key === '') {
      const { n } = rows[first]!;
      return (batch.oneRange[n] ??= made(`r${n}`));
    }
    let known = batch.rangeSets.get(key);
    if (!known) batch.rangeSets.set(key, (known = made(key)));
    return known;
  }

  /**
   * knownRanges() of the VIN's own group (knownGroup()): what the batch holds for a VIN stored as the lookup
   * reads it. Its group found by its first 8 characters, then its year code: no key made per VIN.
   */
  knownRangesOf(batch: KnownBatch, vin: string): KnownRanges {
    const group = batch.rows.byCodes.get(vin.slice(0, 8))?.get(vin[9]!);
    return group === undefined ? IN_NO_RANGE : this.knownRanges(batch, group, vin.slice(10));
  }

  /** Whether any vehicle of the batch has an affected-list or status row (else knownOwnRows() is null for each). */
  knownAnyOwnRows(batch: KnownBatch): boolean {
    return batch.rows.lists.size > 0 || batch.rows.statuses.size > 0;
  }

  /** A batch's affected-list and status rows of one of its vehicles (stored as the lookup reads it), or null for none. */
  knownOwnRows(batch: KnownBatch, vin: string): KnownOwnRows | null {
    const lists = batch.rows.lists.get(vin);
    const statuses = batch.rows.statuses.get(vin);
    if (lists === undefined && statuses === undefined) return null;
    const listCampaigns: number[] = [];
    for (const r of lists ?? NO_ROWS) {
      const list = this.store.listById(r[1]);
      if (list) listCampaigns.push(list.campaignId);
    }
    return { listCampaigns, statusCodes: (statuses ?? NO_ROWS).map((r) => r[2]!) };
  }

  /** One vehicle of a batch made by known(): exactly lookup({ vin: v.vin }). */
  lookupKnown(batch: KnownBatch, v: VehicleColumns): LookupResult {
    const now = this.now();
    const a = this.knownVin(batch, v, now);
    return a ? this.answer({ vin: v.vin }, a, this.knownRows(batch, v, a, now), now, batch.kept) : this.lookup({ vin: v.vin });
  }

  /**
   * The same lookup, for a caller that reads only its hits and the vehicle's record (the order suggestions'
   * stock lists): exactly lookupKnown()'s campaigns, VIN and vehicle, without the rest of an answer (the
   * library's count and newest revision, the warnings).
   */
  knownHits(batch: KnownBatch, v: VehicleColumns): KnownHits {
    const now = this.now();
    const a = this.knownVin(batch, v, now);
    if (!a) return this.lookup({ vin: v.vin });
    const { vehicle, hits } = this.hitsOf({ vin: v.vin }, a, this.knownRows(batch, v, a, now), now, batch.kept);
    return { vin: a.vin, vehicle: vehicle && { stockNumber: vehicle.stockNumber, condition: vehicle.condition as KnownCondition }, campaigns: hits };
  }

  /**
   * knownHits() for the order suggestions' stock, which orders only where a remedy is available and only
   * for some campaigns (`among`, by id: those with a part held per VIN): those campaigns' hits whose remedy
   * is available, each as the lookup finds it (a campaign's answer depends on no other's) but without its
   * wording, in no particular order, and not kept. No other campaign is compiled or evaluated, and NHTSA's
   * recalls (never an available remedy) are not read. A VIN stored otherwise: its whole lookup's hits.
   */
  knownPicks(batch: KnownBatch, v: VehicleColumns, among: ReadonlySet<number>): KnownPicks {
    const now = this.now();
    const a = this.knownVin(batch, v, now);
    if (!a) return this.lookup({ vin: v.vin });
    const { vehicle, picks } = this.hitsOf({ vin: v.vin }, a, this.knownRows(batch, v, a, now), now, null, among);
    return { vin: a.vin, vehicle: vehicle && { stockNumber: vehicle.stockNumber, condition: vehicle.condition as KnownCondition }, campaigns: picks! };
  }

  /** A batch vehicle's VIN as the lookup reads it; null: a vehicle outside the set, or a VIN written otherwise (looked up as ever). */
  private knownVin(batch: KnownBatch, v: VehicleColumns, now: Date): ValidVin | null {
    const a = analyzeVin(v.vin, now.getFullYear());
    if (!a.ok || a.vin !== v.vin || (batch.which === 'in-stock' ? v.in_stock !== 1 : v.last_service_date === null)) return null;
    return a;
  }

  /** A batch vehicle's candidate rows, as the candidate statement reads them, and the batch's key naming them (kept.rowsKey). */
  private knownRows(batch: KnownBatch, v: VehicleColumns, a: ValidVin, now: Date): CandidateRow[] {
    const { rows, kept } = batch;
    const { wmi, vds, yearCode, serial } = a.parts;
    this.sync(now);
    // The rows, and a key naming them exactly (a range by its place in the set, a list or status row by its values).
    const found: CandidateRow[] = [];
    let rowsKey = '';
    for (const { row, n } of rows.ranges.get(`${wmi}|${vds}|${yearCode}`) ?? NO_RANGES) {
      if (row[6]! > serial) break; // by serial_from, as the index gives them
      if (row[7]! >= serial) {
        found.push(row);
        rowsKey += `r${n}`;
      }
    }
    for (const r of rows.lists.get(v.vin) ?? NO_ROWS) {
      found.push(r);
      rowsKey += `l${r[1]},${text(r[5])}`;
    }
    found.push(['v', null as unknown as number, v.model, v.condition, v.stock_number, null, v.production_month, v.last_service_date, v.in_stock]);
    for (const r of rows.statuses.get(v.vin) ?? NO_ROWS) {
      found.push(r);
      rowsKey += `s${text(r[2])}${text(r[4])}${text(r[5])}${text(r[6])}`;
    }
    kept.rowsKey = rowsKey;
    return found;
  }

  /** Every affected-list row, status and published range the set's vehicles can match, in the order the per-VIN statement reads them. */
  private gather(which: KnownVehicles, rangesBy: KnownRangesBy): Gathered {
    const where = which === 'in-stock' ? 'v.in_stock = 1' : 'v.last_service_date IS NOT NULL';
    const byKey = (statement: string, row: (r: unknown[]) => CandidateRow) => {
      const m = new Map<string, CandidateRow[]>();
      for (const r of this.db.sqlite.prepare(statement).raw(true).all() as unknown[][]) {
        const key = r[0] as string;
        const at = m.get(key);
        if (at) at.push(row(r));
        else m.set(key, [row(r)]);
      }
      return m;
    };
    // A table with no row (no list imported, no status recorded) is not sought once per vehicle: SQLite
    // tests a condition of no table once, before the join.
    const lists = byKey(
      `SELECT a.vin, a.list_id, a.phase, a.part_number FROM vehicles v JOIN affected_vins a ON a.vin = v.vin
        WHERE ${where} AND EXISTS (SELECT 1 FROM affected_vins) ORDER BY a.vin, a.list_id`,
      (r) => ['l', r[1] as number, r[3] as string | null, null, null, r[2] as string | null, null, null, null],
    );
    const statuses = byKey(
      `SELECT s.vin, s.campaign_code, s.repair_order, s.status, s.completed_on FROM vehicles v JOIN vehicle_campaigns s ON s.vin = v.vin
        WHERE ${where} AND EXISTS (SELECT 1 FROM vehicle_campaigns) ORDER BY s.vin, s.campaign_code`,
      (r) => ['s', null as unknown as number, r[1] as string, null, r[2] as string | null, r[3] as string, r[4] as string | null, null, null],
    );
    // The ranges of the set's WMI+VDS+year codes, each group by serial_from then id (the lookup index's order).
    // By rule: a vehicle with a range's codes has a VIN starting with its WMI and VDS, so it is sought from
    // there up to that start followed by a byte no UTF-8 text holds (x'FF'), and its codes are then compared
    // as the other way compares them.
    const ranges = new Map<string, { row: CandidateRow; n: number }[]>();
    const byCodes = new Map<string, Map<string, { row: CandidateRow; n: number }[]>>();
    let n = 0;
    const columns =
      "r.wmi || '|' || r.vds || '|' || r.year_code, r.campaign_id, r.model, r.phase, r.serial_from, r.serial_to, r.model_year, r.wmi, r.vds, r.year_code";
    for (const r of this.db.sqlite
      .prepare(
        rangesBy === 'by-rule'
          ? `SELECT ${columns}
               FROM vin_range_rules r
              WHERE EXISTS (SELECT 1 FROM vehicles v
                             WHERE v.vin >= r.wmi || r.vds AND v.vin < r.wmi || r.vds || CAST(x'FF' AS TEXT) AND ${where}
                               AND substr(v.vin, 1, 3) = r.wmi AND substr(v.vin, 4, 5) = r.vds AND substr(v.vin, 10, 1) = r.year_code)
              ORDER BY r.wmi, r.vds, r.year_code, r.serial_from, r.id`
          : `SELECT ${columns}
               FROM (SELECT DISTINCT substr(v.vin, 1, 3) AS wmi, substr(v.vin, 4, 5) AS vds, substr(v.vin, 10, 1) AS year_code FROM vehicles v WHERE ${where}) k
               JOIN vin_range_rules r ON r.wmi = k.wmi AND r.vds = k.vds AND r.year_code = k.year_code
              ORDER BY r.wmi, r.vds, r.year_code, r.serial_from, r.id`,
      )
      .raw(true)
      .all() as [string, number, string, string | null, string, string, number, string, string, string][]) {
      const row: CandidateRow = ['r', r[1], r[2], null, null, r[3], r[4], r[5], r[6]];
      let group = ranges.get(r[0]);
      if (!group) {
        ranges.set(r[0], (group = []));
        // Only a WMI of 3 characters and a VDS of 5 can be a VIN's (the key of any other is no VIN's either).
        if (r[7].length === 3 && r[8].length === 5) {
          let byYear = byCodes.get(r[7] + r[8]);
          if (!byYear) byCodes.set(r[7] + r[8], (byYear = new Map()));
          byYear.set(r[9], group);
        }
      }
      group.push({ row, n: n++ });
    }
    return { lists, statuses, ranges, byCodes };
  }

  /** The VIN read as the lookup reads it, against the app's clock (a model year never more than one year ahead). */
  private analyze(input: string, now: Date): ValidVin {
    const vin = analyzeVin(input, now.getFullYear());
    if (!vin.ok) {
      throw new ApiError(
        'invalid-vin',
        vin.errors[0]!.message,
        vin.errors.map((e) => e.message),
      );
    }
    return vin;
  }

  private sync(now: Date): void {
    this.store.syncWithOtherProcesses();
    this.library.sync(Math.floor(now.getTime() / 86_400_000));
  }

  /** The answer for a VIN from the candidate statement's rows for it. */
  private answer(q: LookupQuery, vin: ValidVin, rows: readonly CandidateRow[], now: Date, kept: BatchKept | null): LookupResult {
    const { model, modelSource, productionMonth, productionMonthSource, decoded, vehicle, hits, nhtsa, emptyDatabase } = this.hitsOf(q, vin, rows, now, kept);
    const { wmi, vds, serial } = vin.parts;
    // vPIC and the bulletin (or the record, or the person) may name different models: both are said.
    const modelConflict =
      model !== null && modelSource !== 'decoded' && modelSource !== null && decoded?.ruleModel && this.keyOf(model) !== this.keyOf(decoded.ruleModel)
        ? { model, modelSource, decoded: decoded.ruleModel, text: modelConflictText(model, modelSource, decoded.ruleModel) }
        : null;
    const stats = this.store.stats();
    return {
      input: q.vin,
      vin: vin.vin,
      wmi,
      vds,
      serial,
      modelYear: vin.modelYear,
      region: vin.region,
      checkDigitValid: vin.checkDigitValid,
      expectedCheckDigit: vin.expectedCheckDigit,
      model,
      modelSource,
      decoded,
      modelConflict,
      decodePending: q.decodePending ?? false,
      productionMonth,
      productionMonthSource,
      vehicle: vehicle
        ? {
            stockNumber: vehicle.stockNumber,
            condition: vehicle.condition as NonNullable<LookupResult['vehicle']>['condition'],
            inStock: vehicle.inStock,
            lastServiceDate: vehicle.lastServiceDate,
          }
        : null,
      warnings: decoded && !vin.checkDigitValid ? softerCheckDigitWarning(vin, decoded) : vin.warnings,
      campaigns: hits,
      campaignsChecked: stats.count,
      nhtsa: nhtsa?.note ?? null,
      newestRevisionDate: stats.newestRevisionDate,
      emptyDatabase: emptyDatabase || !this.hasLocalData(),
    };
  }

  /** What an answer is made of: the model and month as the lookup reads them, the vehicle's record, and the hits (NHTSA's merged). */
  private hitsOf(q: LookupQuery, vin: ValidVin, rows: readonly CandidateRow[], now: Date, kept: BatchKept | null, among: ReadonlySet<number> | null = null) {
    const month = q.productionMonth?.trim() || null;
    const { wmi } = vin.parts;
    const today = Math.floor(now.getTime() / 86_400_000);

    // Campaigns with rows in the statement (ranges, list, status): few, and usually none.
    // Made on the first row of a campaign (most VINs have none: a report's batch then makes no map).
    let byCampaign = NO_CANDIDATES;
    const slot = (id: number) => {
      if (byCampaign === NO_CANDIDATES) byCampaign = new Map();
      let c = byCampaign.get(id);
      if (!c) byCampaign.set(id, (c = { ranges: [], plan: null, list: null, status: null }));
      return c;
    };
    let vehicle: VehicleRecord | null = null;
    let emptyDatabase = false;
    for (const [src, id, m, modelKey, windowId, phase, a, b, year] of rows) {
      if (src === 'e') emptyDatabase = true;
      else if (src === 'r') slot(id).ranges.push({ model: m!, model_year: year!, phase, serial_from: a!, serial_to: b! });
      else if (src === 'l') {
        const list = this.store.listById(id);
        if (list) slot(list.campaignId).list = { phase, list_date: list.date, part_number: m };
      } else if (src === 's') {
        const campaignId = this.store.idForCode(m!);
        if (campaignId !== null) slot(campaignId).status = { status: phase as StatusRow['status'], completedOn: a, repairOrder: windowId };
      } else if (src === 'v') {
        vehicle = { model: m, condition: modelKey, stockNumber: windowId, productionMonth: a, lastServiceDate: b, inStock: year === 1 };
      }
    }

    // What the person says wins; then the dealer's record of the vehicle; then, for the model, the
    // one model every matching published range names (a range is valid within its WMI+VDS only).
    let model = q.model?.trim() || null;
    let modelSource: LookupResult['modelSource'] = model ? 'stated' : null;
    if (!model && vehicle?.model) {
      model = vehicle.model;
      modelSource = 'vehicle-record';
    }
    let productionMonth = month;
    let productionMonthSource: LookupResult['productionMonthSource'] = month ? 'stated' : null;
    if (!productionMonth && vehicle?.productionMonth) {
      productionMonth = vehicle.productionMonth;
      productionMonthSource = 'vehicle-record';
    }
    const decoded = q.decoded ?? null;
    if (!model) {
      const named = new Set<string>();
      for (const c of byCampaign.values()) for (const r of c.ranges) named.add(r.model);
      if (named.size === 1) {
        model = [...named][0]!;
        modelSource = 'vin-range';
      }
    }
    // Then NHTSA vPIC's decode of the VIN (model and grade, e.g. "RX 330").
    if (!model && decoded?.ruleModel) {
      model = decoded.ruleModel;
      modelSource = 'decoded';
    }
    const stock = vehicle?.inStock ? { condition: vehicle.condition as NonNullable<LookupResult['vehicle']>['condition'] } : null;
    const wmiMakes = this.makesOf(wmi);
    // With no range, list or status row of any campaign for this VIN, its hits depend only on what
    // this key names (the region is the WMI's; the model key is the model's): every VIN that shares it
    // gets the same answer, worked out once.
    // Texts are written with their length (a model recorded as "null" is not a missing model).
    const shared = `${vin.modelYear}|${wmi}|${wmiMakes ? 'v' : '-'}|${text(decoded?.make ?? null)}${text(productionMonth)}${text(model)}${stock ? text(stock.condition) : '-'}`;
    const key = byCampaign.size === 0 ? shared : null;
    // In a batch, a VIN with rows of its own: its hits depend on those rows as well (named exactly by known()).
    if (kept && (kept.generation !== this.store.generation || kept.day !== today)) {
      kept.generation = this.store.generation;
      kept.day = today;
      kept.hits.clear();
      kept.nhtsa.clear();
    }
    // Only some campaigns' hits with an available remedy (knownPicks): not kept with the answers of all of them.
    if (among) {
      const v = { modelYear: vin.modelYear, model, modelKey: model ? this.keyOf(model) : null, month: productionMonth, stock };
      const picks = this.picksAmong(byCampaign, { v, wmi, region: vin.region, decoded, wmiMakes, now, today }, among);
      const record = vehicle as VehicleRecord | null;
      return { model, modelSource, productionMonth, productionMonthSource, decoded, vehicle: record, hits: NO_HITS, picks, nhtsa: null, emptyDatabase };
    }
    const rowsKey = key === null && kept ? `${shared}\u0000${kept.rowsKey}` : null;
    let hits = key !== null ? this.library.answer(key)?.slice() : rowsKey !== null ? kept!.hits.get(rowsKey)?.slice() : undefined;
    if (!hits) {
      const v = { modelYear: vin.modelYear, model, modelKey: model ? this.keyOf(model) : null, month: productionMonth, stock };
      hits = this.evaluateAll(byCampaign, { v, wmi, region: vin.region, decoded, wmiMakes, now, today });
      if (key !== null) hits = this.library.remember(key, hits).slice();
      else if (rowsKey !== null) {
        // Shared by every VIN of the batch with the same rows: frozen, as the library's kept answers are.
        for (const h of hits) Object.freeze(h);
        kept!.hits.set(rowsKey, Object.freeze(hits));
        hits = hits.slice();
      }
    }
    // NHTSA's recalls for the make, model and year (any make vPIC decodes): one statement, see nhtsa/lookup.ts.
    const nhtsa = this.nhtsa.find(
      {
        make: decoded?.make ?? (wmiMakes?.length === 1 ? wmiMakes[0]! : null),
        // A model the person stated or the dealer recorded is the model; else vPIC's, with and without its grade.
        models: modelSource === 'stated' || modelSource === 'vehicle-record' ? [model] : [model, decoded?.ruleModel, decoded?.model],
        modelYear: vin.modelYear,
        productionMonth,
        stock: vehicle?.inStock ? { condition: vehicle.condition as NonNullable<LookupResult['vehicle']>['condition'] } : null,
        today,
      },
      kept?.nhtsa,
    );
    if (nhtsa?.hits.length) {
      hits = mergeNhtsa(hits, nhtsa.hits);
      hits.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || byUrgency(a, b));
    }
    const record = vehicle as VehicleRecord | null;
    return { model, modelSource, productionMonth, productionMonthSource, decoded, vehicle: record, hits, picks: null, nhtsa, emptyDatabase };
  }

  /** Every campaign's answer, most pressing first: the window groups' and those with rows of their own. */
  private evaluateAll(byCampaign: Map<number, Candidates>, c: Context): CampaignHit[] {
    const hits: CampaignHit[] = [];
    const evidence = keyedEvidence({ decodedMake: c.decoded?.make ?? null, wmiMakes: c.wmiMakes });
    const consider = (k: CompiledCampaign, cand: Candidates) => {
      // A campaign is for one make: a VIN of another make is never a hit.
      const fit = makeFit(k.makeKey, k.wmis, c.wmi, evidence);
      if (fit === 'no') return;
      const hit = evaluate(k, cand, c.v, fit === 'yes', this.store.listFor(k.id), this.library.ageOf(k, c.now, c.today));
      if (hit) hits.push(hit);
    };
    // Only the windows that can fit the model: the rest could never make a hit.
    for (const g of this.library.windowGroups(c.v.modelYear, c.region, c.v.modelKey)) {
      const rows = byCampaign.get(g.k.id);
      if (rows) rows.plan = g.plan;
      else consider(g.k, g);
    }
    for (const [id, cand] of byCampaign) consider(this.library.campaign(id), cand);
    if (hits.length > 1) hits.sort(byUrgency);
    return hits;
  }

  /**
   * evaluateAll() for the campaigns `among` only, keeping the hits whose remedy is available, each as what
   * the order suggestions read of it (PickHit): the same candidates, make check, match and remedy.
   */
  private picksAmong(byCampaign: Map<number, Candidates>, c: Context, among: ReadonlySet<number>): PickHit[] {
    const picks: PickHit[] = [];
    const evidence = keyedEvidence({ decodedMake: c.decoded?.make ?? null, wmiMakes: c.wmiMakes });
    const consider = (k: CompiledCampaign, cand: Candidates) => {
      // A campaign is for one make: a VIN of another make is never a hit.
      if (makeFit(k.makeKey, k.wmis, c.wmi, evidence) === 'no') return;
      const remedy = availableRemedy(k, cand, c.v);
      if (remedy === null) return;
      const list = this.store.listFor(k.id);
      const affectedList = list && { date: list.date, listed: cand.list !== null };
      picks.push({ code: k.code, vehicleStatus: cand.status, remedy, affectedList, delivery: k.delivery });
    };
    for (const g of this.library.windowGroupsAmong(c.v.modelYear, c.region, c.v.modelKey, among)) {
      const rows = byCampaign.get(g.k.id);
      if (rows) rows.plan = g.plan;
      else consider(g.k, g);
    }
    for (const [id, cand] of byCampaign) if (among.has(id)) consider(this.library.campaign(id), cand);
    return picks;
  }

  /** A model's key, kept for the models asked about (a few hundred at a counter), bounded. */
  private keyOf(model: string): string {
    let key = this.modelKeys.get(model);
    if (key === undefined) {
      if (this.modelKeys.size >= 5000) this.modelKeys.clear();
      this.modelKeys.set(model, (key = normalizeModel(model)));
    }
    return key;
  }
}

/**
 * A letter at position 9 cannot come from the check-digit sum: where vPIC decodes the rest of the VIN
 * (make and model), it may well have been issued so (NHTSA lists such Genesis VINs as check-digit
 * exceptions), and the warning says that instead of "probably a typo". A wrong digit stays a probable typo.
 */
function softerCheckDigitWarning(vin: ValidVin, decoded: DecodedVehicle): string[] {
  const ch = vin.vin[8]!;
  const model = decoded.ruleModel ?? decoded.model;
  if (ch < 'A' || ch > 'Z' || ch === 'X' || !decoded.make || !model) return vin.warnings;
  const soft = checkDigitLetterText(ch, vin.expectedCheckDigit, [decoded.modelYear, decoded.make, model].filter(Boolean).join(' '));
  // The check-digit warning comes first (shared/vin.ts); any other warning stays.
  return [soft, ...vin.warnings.slice(1)];
}
