// One VIN (with the model and production month when known) against every rule of every campaign.
// The database narrows by index (range seek on WMI+VDS+year code, exact VIN on affected lists and
// vehicle records); model windows come from the store's per-year index. JavaScript only shapes the
// few candidates that come back.
import { ApiError, type CampaignHit, type LookupResult } from '../../shared/api';
import type { Bulletin, ModelWindowRule, Phase } from '../../shared/bulletin';
import { ageInDays } from '../../shared/age';
import { analyzeVin } from '../../shared/vin';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/open';
import type { CampaignStore, LoadedCampaign, WindowCandidate } from '../campaigns/store';
import { describePhase, remedyAvailable, summarizePhases } from '../campaigns/phases';
import { normalizeModel } from '../../shared/bulletin';
import { CONDITION_LABEL } from '../../shared/vehicle-fields';
import { modelFit, monthInWindow } from './match';

export type LookupQuery = { vin: string; model?: string | null; productionMonth?: string | null };

/** Columns of the candidate statement, read as an array (no per-row object). */
type CandidateRow = [
  src: 'r' | 'l' | 'v' | 's',
  campaignId: number,
  model: string | null,
  modelKey: string | null,
  windowId: string | null,
  phase: string | null,
  a: string | null,
  b: string | null,
  year: number | null,
];
type RangeRow = { model: string; model_year: number; phase: string | null; serial_from: string; serial_to: string };
type ListRow = { phase: string | null; list_date: string };

type ActionWhen = Bulletin['actions'][number]['when'];
type CompiledCampaign = {
  id: number;
  b: Bulletin;
  actions: Record<ActionWhen, string[]>;
  deliveryActions: string[];
  windows: Map<string, ModelWindowRule>;
  phases: Map<string, Phase>;
  chart: Map<string, string>;
  phaseSummary: string;
};

type StatusRow = NonNullable<CampaignHit['vehicleStatus']>;
type Candidates = { ranges: RangeRow[]; windows: WindowCandidate[]; list: ListRow | null; status: StatusRow | null };
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
  private readonly compiled = new WeakMap<LoadedCampaign, CompiledCampaign>();
  /** Bulletin ages for the current day: a revision's age changes once a day, not per lookup. */
  private readonly ages = new Map<string, number>();
  private ageDay = '';

  constructor(
    private readonly db: Db,
    private readonly store: CampaignStore,
    private readonly now: () => Date,
  ) {
    // One statement for every kind of candidate: each statement is its own read transaction (two
    // lock syscalls), so one instead of five is most of the lookup's cost. Every branch is a seek on
    // one table: list ids and campaign codes are mapped through the store's caches, because a join
    // here cost more than all the seeks together.
    this.candidates = this.db.sqlite.prepare<Record<string, string | number>, CandidateRow>(
      `SELECT 'r' AS src, campaign_id, model, NULL AS model_key, NULL AS window_id, phase, serial_from AS a, serial_to AS b, model_year AS year
         FROM vin_range_rules
        WHERE wmi = @wmi AND vds = @vds AND year_code = @yearCode AND serial_from <= @serial AND serial_to >= @serial

       UNION ALL
       SELECT 'l', list_id, NULL, NULL, NULL, phase, NULL, NULL, NULL
         FROM affected_vins WHERE vin = @vin
       UNION ALL
       SELECT 'v', NULL, model, condition, stock_number, NULL, production_month, last_service_date, in_stock
         FROM vehicles WHERE vin = @vin
       UNION ALL
       SELECT 's', NULL, campaign_code, NULL, repair_order, status, completed_on, NULL, NULL
         FROM vehicle_campaigns WHERE vin = @vin`,
    ).raw(true) as unknown as BetterSqlite3.Statement<Record<string, string | number>, CandidateRow>;
  }

  /**
   * Runs many lookups inside one read transaction: one lock instead of one per lookup, and one
   * consistent snapshot for a whole report or file.
   */
  batch<T>(fn: () => T): T {
    return this.db.sqlite.transaction(fn).deferred();
  }

  /** The statement's query plan, for the test that keeps every branch an index seek. */
  plan(): string[] {
    return this.db.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${this.candidates.source}`)
      .all({ wmi: 'JTH', vds: 'BE96S', yearCode: '7', serial: '0007930', vin: 'JTHBE96S170007930' })
      .map((r) => (r as { detail: string }).detail);
  }

  lookup(q: LookupQuery): LookupResult {
    const vin = analyzeVin(q.vin);
    if (!vin.ok) {
      throw new ApiError('invalid-vin', vin.errors[0]!.message, vin.errors.map((e) => e.message));
    }
    const month = q.productionMonth?.trim() || null;
    const { wmi, vds, yearCode, serial } = vin.parts;
    this.store.syncWithOtherProcesses();

    const byCampaign = new Map<number, Candidates>();
    const slot = (id: number) => {
      let c = byCampaign.get(id);
      if (!c) byCampaign.set(id, (c = { ranges: [], windows: [], list: null, status: null }));
      return c;
    };
    const rows = this.candidates.all({ wmi, vds, yearCode, serial, vin: vin.vin });
    for (const w of this.store.windowsFor(vin.modelYear, vin.region ?? '')) slot(w.campaign_id).windows.push(w);
    let vehicle: VehicleRecord | null = null;
    for (const [src, id, m, modelKey, windowId, phase, a, b, year] of rows) {
      if (src === 'r') slot(id).ranges.push({ model: m!, model_year: year!, phase, serial_from: a!, serial_to: b! });
      else if (src === 'l') {
        const list = this.store.listById(id);
        if (list) slot(list.campaignId).list = { phase, list_date: list.date };
      } else if (src === 's') {
        const campaignId = this.store.idForCode(m!);
        if (campaignId !== null) slot(campaignId).status = { status: phase as StatusRow['status'], completedOn: a, repairOrder: windowId };
      } else {
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
    if (!model) {
      const named = new Set<string>();
      for (const c of byCampaign.values()) for (const r of c.ranges) named.add(r.model);
      if (named.size === 1) {
        model = [...named][0]!;
        modelSource = 'vin-range';
      }
    }
    const modelKey = model ? normalizeModel(model) : null;

    const now = this.now();
    const today = now.toISOString().slice(0, 10);
    if (today !== this.ageDay) {
      this.ageDay = today;
      this.ages.clear();
    }
    const hits: CampaignHit[] = [];
    for (const [id, cand] of byCampaign) {
      const hit = this.evaluate(this.compile(this.store.byId(id)), cand, { modelYear: vin.modelYear, model, modelKey, month: productionMonth }, now);
      if (hit) hits.push(hit);
    }
    hits.sort(byUrgency);
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
      warnings: vin.warnings,
      campaigns: hits,
      campaignsChecked: stats.count,
      newestRevisionDate: stats.newestRevisionDate,
    };
  }

  private ageOf(date: string, now: Date): number {
    let age = this.ages.get(date);
    if (age === undefined) this.ages.set(date, (age = ageInDays(date, now)));
    return age;
  }

  /** The per-campaign work that does not depend on the VIN, done once per loaded revision. */
  private compile(c: LoadedCampaign): CompiledCampaign {
    let k = this.compiled.get(c);
    if (!k) {
      const b = c.bulletin;
      const actions = { always: [], verify: [], 'remedy-available': [], 'remedy-not-available': [], 'remedy-unknown': [] } as Record<ActionWhen, string[]>;
      for (const a of b.actions) actions[a.when].push(a.text);
      const delivery = b.delivery.filter((d) => d.rule !== 'no-rule-stated');
      const deliveryActions = [...groupBy(delivery, (d) => d.text)].map(
        ([text, conds]) => `In stock (${conds.map((d) => CONDITION_LABEL[d.condition].toLowerCase()).join(', ')}): ${text}`,
      );
      k = {
        id: c.id,
        b,
        actions,
        deliveryActions,
        windows: new Map(b.modelWindows.map((w) => [w.id, w])),
        phases: new Map(b.phases.map((p) => [p.id, p])),
        chart: new Map(b.phaseChart.map((cell) => [`${cell.window}|${cell.month}`, cell.phase])),
        phaseSummary: summarizePhases(b.phases),
      };
      this.compiled.set(c, k);
    }
    return k;
  }

  private evaluate(
    k: CompiledCampaign,
    cand: Candidates,
    v: { modelYear: number; model: string | null; modelKey: string | null; month: string | null },
    now: Date,
  ): CampaignHit | null {
    const b = k.b;
    let matchedBy: CampaignHit['matchedBy'];
    let matchDetail: string;
    let phaseId: string | null = null;
    const needs: CampaignHit['needs'] = [];
    let modelChoices: string[] = [];
    let productionWindows: CampaignHit['productionWindows'] = [];

    if (cand.list) {
      matchedBy = 'affected-list';
      matchDetail = `On the affected-VIN list of ${cand.list.list_date}.`;
      phaseId = cand.list.phase;
    } else if (cand.ranges.length > 0) {
      const r = cand.ranges[0]!;
      matchedBy = 'vin-range';
      matchDetail = `In the published VIN range ${r.serial_from}-${r.serial_to} for ${r.model} ${r.model_year}.`;
      phaseId = r.phase;
    } else {
      const fits = v.modelKey
        ? cand.windows.map((w) => ({ w, fit: modelFit(v.modelKey!, w.model_key) }))
        : cand.windows.map((w) => ({ w, fit: 'maybe' as const }));
      const definite = fits.filter((f) => f.fit === 'yes').map((f) => f.w);
      const possible = fits.filter((f) => f.fit === 'maybe').map((f) => f.w);
      if (definite.length > 0) {
        const windowed = definite.filter((w) => w.produced_from || w.produced_to);
        let matched = definite;
        if (windowed.length === definite.length) {
          if (v.month) {
            matched = windowed.filter((w) => monthInWindow(v.month!, w.produced_from, w.produced_to));
            if (matched.length === 0) return null;
          } else {
            needs.push('productionMonth');
            productionWindows = windowed.map((w) => {
              const rule = k.windows.get(w.window_id);
              return { model: w.model, from: w.produced_from, to: w.produced_to, note: rule?.windowNote ?? null };
            });
          }
        }
        const w = matched[0]!;
        const rule = k.windows.get(w.window_id);
        matchedBy = 'model-window';
        matchDetail = v.month
          ? `${w.model} ${v.modelYear} produced ${v.month}: inside the window ${w.produced_from ?? '?'} to ${w.produced_to ?? rule?.windowNote ?? 'open'}.`
          : `${w.model}, model year ${v.modelYear}: ${rule?.windowNote ?? `model years ${rule?.modelYearFrom}-${rule?.modelYearTo}`}.`;
        if (needs.length === 0) {
          phaseId = w.phase ?? (v.month ? (k.chart.get(`${w.window_id}|${v.month}`) ?? null) : null);
        }
      } else if (possible.length > 0) {
        matchedBy = 'model-window';
        needs.push('model');
        modelChoices = [...new Set(possible.map((w) => w.model))];
        matchDetail = `Model year ${v.modelYear} is covered for ${modelChoices.join(', ')}${v.model ? `; "${v.model}" is not specific enough` : ''}.`;
        if (possible.some((w) => w.produced_from || w.produced_to)) needs.push('productionMonth');
      } else {
        return null;
      }
    }

    const certainty = matchedBy === 'affected-list' ? 'confirmed' : 'verify';
    const remedy = this.remedyFor(k, phaseId, needs, v);
    const list = this.store.listFor(k.id);
    const affectedList = list ? { date: list.date, listed: matchedBy === 'affected-list', complete: list.complete } : null;
    const notListed = affectedList !== null && !affectedList.listed && affectedList.complete;
    const done = cand.status && cand.status.status !== 'open' ? cand.status : null;
    const actions: string[] = [];
    if (done) actions.push(describeDone(done));
    if (notListed) {
      actions.push(`Not on the affected-VIN list of ${list!.date} (${list!.rows.toLocaleString('en-US')} VINs): probably not involved; confirm in TIS if the guest has a notice.`);
    }
    if (needs.includes('model')) actions.push(`Ask the guest which model it is (${modelChoices.join(', ')}), or read it from the registration.`);
    if (needs.includes('productionMonth')) actions.push('Read the production month from the label on the driver\'s door jamb.');
    // Until confirmed, then what the remedy state calls for, then the standing instructions.
    if (certainty === 'verify') actions.push(...k.actions.verify);
    actions.push(...k.actions[remedy.available === true ? 'remedy-available' : remedy.available === false ? 'remedy-not-available' : 'remedy-unknown']);
    actions.push(...k.actions.always);
    actions.push(...k.deliveryActions);

    return {
      code: b.code,
      title: b.title,
      kind: b.kind,
      certainty,
      certaintyReason:
        certainty === 'confirmed'
          ? `Confirmed: ${matchDetail}`
          : notListed
            ? `Not on the affected list of ${list!.date}: ${matchDetail} The imported list is complete and does not name this VIN.`
            : `Verify: ${matchDetail} ${b.eligibilityNote ?? 'Confirm eligibility with the manufacturer\'s system.'}`,
      matchedBy,
      matchDetail,
      remedy,
      needs,
      modelChoices,
      productionWindows,
      actions: done ? actions.slice(0, 1) : actions,
      delivery: b.delivery,
      affectedList,
      vehicleStatus: cand.status,
      source: {
        bulletin: b.source.title,
        revisionDate: b.revisionDate,
        revisionLabel: b.revisionLabel,
        ageDays: this.ageOf(b.revisionDate, now),
      },
    };
  }

  private remedyFor(k: CompiledCampaign, phaseId: string | null, needs: CampaignHit['needs'], v: { model: string | null; month: string | null }): CampaignHit['remedy'] {
    const b = k.b;
    const only = b.phases.length === 1 ? b.phases[0]! : null;
    const phase: Phase | null = only ?? (phaseId ? (k.phases.get(phaseId) ?? null) : null);
    if (phase) {
      return {
        available: remedyAvailable(phase.status),
        status: phase.status,
        phase: phase.id,
        phaseName: phase.name,
        timing: phase.expectedTiming ?? phase.mailing,
        explanation: describePhase(phase),
      };
    }
    const missing = needs.length
      ? `The phase depends on the ${needs.map((n) => (n === 'model' ? 'model' : 'production month')).join(' and ')}.`
      : `The bulletin data does not state the phase of ${v.model ?? 'this model'}${v.month ? ` produced ${v.month}` : ''}: check TIS/SLP, never guess.`;
    return {
      available: null,
      status: 'unknown',
      phase: null,
      phaseName: null,
      timing: null,
      explanation: `Unknown. ${missing} ${k.phaseSummary}.`,
    };
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function describeDone(s: StatusRow): string {
  if (s.status === 'completed-here') return `Completed here on ${s.completedOn ?? 'an unrecorded date'}${s.repairOrder ? ` (RO ${s.repairOrder})` : ''}: nothing to do.`;
  if (s.status === 'completed-elsewhere') return `Completed at another dealer${s.completedOn ? ` on ${s.completedOn}` : ''}: nothing to do.`;
  return 'Marked not applicable to this vehicle.';
}

/**
 * Open before done, confirmed before verify before "not on the list", safety recalls before
 * programs, then by code: the most pressing first.
 */
function byUrgency(a: CampaignHit, b: CampaignHit): number {
  const rank = (h: CampaignHit) =>
    (h.vehicleStatus && h.vehicleStatus.status !== 'open' ? 100 : 0) +
    (h.certainty === 'confirmed' ? 0 : h.affectedList && !h.affectedList.listed && h.affectedList.complete ? 20 : 10) +
    (h.kind === 'safety-recall' ? 0 : 1);
  return rank(a) - rank(b) || a.code.localeCompare(b.code);
}
