// What the lookup derives from the campaign library, kept until the library changes: compiled
// campaigns, the campaigns each model can fit, and the window answers already given.
//
// A library can hold thousands of campaigns and a lookup touches a few at random, so the lookup's
// cost is mostly waiting on memory: each level here turns several scattered reads into one.
import type { CampaignHit } from '../../shared/lookup/contract';
import type { BuildRegion } from '../../shared/vin';
import { ageInDays } from '../../shared/age';
import type { CampaignStore, WindowCandidate } from '../campaigns/store';
import type { Db } from '../db/open';
import { type CompiledCampaign, compileCampaign, planWindows, SharedValues, type WindowGroup } from './evaluate';

export type { WindowGroup } from './evaluate';

/** Every model window rule with the columns of CampaignStore.windowsFor's answer, its model year and build region, in the rules' own order (by id). */
const WINDOW_RULES_SQL = `SELECT campaign_id, window_id, model, model_key, produced_from, produced_to, phase, model_year, built_in
  FROM model_window_rules ORDER BY model_year, id`;
type WindowRuleRow = WindowCandidate & { model_year: number; built_in: string | null };

const REGIONS: readonly (BuildRegion | '')[] = ['', 'North America', 'Japan', 'Europe', 'Asia', 'Other'];
const NO_MODEL = '\u0000';
/** Model years a model's window groups are kept for by place (the VIN's year codes run 1980-2039); others by key. */
const FIRST_YEAR = 1980;
const YEARS = 60;
/** Models kept (each with its groups per model year and region); answers kept. Past these, the oldest go. */
const MODELS_KEPT = 2000;
const ANSWERS_KEPT = 20_000;

/**
 * A model's window groups per model year and region. Looked up by model first: the map of models is
 * one for every lookup, so it stays in the CPU's cache, and the year and region are then a place in a
 * list, not another map.
 */
type ModelGroups = { byPlace: (WindowGroup[] | undefined)[]; other: Map<number, WindowGroup[]> | null };

/**
 * A map of at most `size` entries that forgets the oldest first. The keys are kept in a ring, so the
 * oldest is found at once: a Map's own first key is found by stepping over every entry deleted
 * before it, thousands of them once the map is full (a whole check of 1M VINs was paying that).
 */
class Kept<V> {
  private readonly map = new Map<string, V>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(private readonly size: number) {
    this.ring = new Array(size).fill(undefined);
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Keeps a key not kept yet. */
  add(key: string, value: V): void {
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.map.delete(oldest);
    this.ring[this.next] = key;
    this.next = (this.next + 1) % this.size;
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
    this.ring.fill(undefined);
    this.next = 0;
  }
}

export class CompiledLibrary {
  private readonly compiled = new Map<number, CompiledCampaign>();
  private readonly groups = new Kept<ModelGroups>(MODELS_KEPT);
  private readonly answers = new Kept<readonly CampaignHit[]>(ANSWERS_KEPT);
  /** What campaigns state alike, one value for all of them (see SharedValues). */
  private values = new SharedValues();
  private among = new WeakMap<ReadonlySet<number>, Map<string, WindowGroup[]>>();
  /** Every model window rule by model year, in the rules' order, with its build region: read at once (windowGroupsAmong). */
  private rulesByYear: Map<number, [builtIn: string | null, rule: WindowCandidate][]> | null = null;
  private generation = -1;
  private day = -1;

  constructor(
    private readonly store: CampaignStore,
    /** The database the store reads (windowGroupsAmong reads every model window rule in one statement); without it, the store's windowsFor. */
    private readonly db: Db | null = null,
  ) {}

  /** Forgets what the library no longer says (it changed), and answers of another day (ages are in them). */
  sync(today: number): void {
    if (this.store.generation !== this.generation) {
      this.generation = this.store.generation;
      this.compiled.clear();
      this.groups.clear();
      this.answers.clear();
      this.values = new SharedValues();
      this.among = new WeakMap();
      this.rulesByYear = null;
    }
    if (today !== this.day) {
      this.day = today;
      this.answers.clear();
    }
  }

  /** The per-campaign work that does not depend on the VIN, done once per loaded revision. */
  campaign(id: number): CompiledCampaign {
    let k = this.compiled.get(id);
    if (!k) this.compiled.set(id, (k = compileCampaign(this.store.byId(id), this.values)));
    return k;
  }

  /** The bulletin's age in days, worked out once a day per campaign (its source line carries it). */
  ageOf(k: CompiledCampaign, now: Date, today: number): number {
    if (k.ageDay !== today) {
      k.ageDay = today;
      k.source = k.values.source(k.source, ageInDays(k.revisionDate, now));
    }
    return k.source.ageDays;
  }

  /**
   * The campaigns whose model windows a model of this year and region can fit, compiled, each with
   * the plan of its windows: found once per model asked about.
   */
  windowGroups(modelYear: number, region: BuildRegion | null, modelKey: string | null): readonly WindowGroup[] {
    const key = modelKey ?? NO_MODEL;
    let model = this.groups.get(key);
    if (!model) this.groups.add(key, (model = { byPlace: new Array(YEARS * REGIONS.length).fill(undefined), other: null }));
    const regionAt = REGIONS.indexOf(region ?? '');
    const year = modelYear - FIRST_YEAR;
    const place = year >= 0 && year < YEARS && regionAt >= 0 ? year * REGIONS.length + regionAt : -1;
    let groups = place >= 0 ? model.byPlace[place] : model.other?.get(modelYear * 8 + regionAt);
    if (!groups) {
      groups = this.plannedGroups(this.store.windowsFor(modelYear, region ?? '', modelKey), modelYear, modelKey);
      if (place >= 0) model.byPlace[place] = groups;
      else (model.other ??= new Map()).set(modelYear * 8 + regionAt, groups);
    }
    return groups;
  }

  /** Model window rules read for one model year, region and model, as one planned group per campaign. */
  private plannedGroups(rows: Iterable<WindowCandidate>, modelYear: number, modelKey: string | null): WindowGroup[] {
    const byId = new Map<number, WindowCandidate[]>();
    for (const w of rows) {
      const ws = byId.get(w.campaign_id);
      if (ws) ws.push(w);
      else byId.set(w.campaign_id, [w]);
    }
    const groups: WindowGroup[] = [];
    for (const [id, ws] of byId) {
      const group = planWindows(this.campaign(id), ws, modelYear, modelKey);
      if (group) groups.push(group);
    }
    return groups;
  }

  /**
   * The same groups, only those of the campaigns in `among` (no other campaign compiled for them): for a
   * caller that asks about many model years and regions at once (the order suggestions' stock), from every
   * model window rule read in one statement instead of one per year and region.
   */
  windowGroupsAmong(modelYear: number, region: BuildRegion | null, modelKey: string | null, among: ReadonlySet<number>): readonly WindowGroup[] {
    const key = `${modelYear}|${region ?? ''}|${modelKey ?? NO_MODEL}`;
    let byKey = this.among.get(among);
    if (!byKey) this.among.set(among, (byKey = new Map()));
    let groups = byKey.get(key);
    if (!groups) {
      groups = this.plannedGroups(this.windowsAmong(modelYear, region ?? '', modelKey, among), modelYear, modelKey);
      byKey.set(key, groups);
    }
    return groups;
  }

  /**
   * The model window rules of the campaigns in `among` that the store's windowsFor gives for this model
   * year, region and model key, in its order (the rules' own): built in the region or anywhere, and (with
   * a model key) whose model key is a prefix of it or starts with it.
   */
  private windowsAmong(modelYear: number, region: string, modelKey: string | null, among: ReadonlySet<number>): WindowCandidate[] {
    if (!this.db) return this.store.windowsFor(modelYear, region, modelKey).filter((w) => among.has(w.campaign_id));
    if (!this.rulesByYear) {
      const byYear = new Map<number, [string | null, WindowCandidate][]>();
      for (const r of this.db.sqlite.prepare<[], WindowRuleRow>(WINDOW_RULES_SQL).all()) {
        const rule: WindowCandidate = {
          campaign_id: r.campaign_id,
          window_id: r.window_id,
          model: r.model,
          model_key: r.model_key,
          produced_from: r.produced_from,
          produced_to: r.produced_to,
          phase: r.phase,
        };
        const rules = byYear.get(r.model_year);
        if (rules) rules.push([r.built_in, rule]);
        else byYear.set(r.model_year, [[r.built_in, rule]]);
      }
      this.rulesByYear = byYear;
    }
    const out: WindowCandidate[] = [];
    for (const [builtIn, w] of this.rulesByYear.get(modelYear) ?? []) {
      if (builtIn !== null && builtIn !== region) continue;
      if (!among.has(w.campaign_id)) continue;
      if (modelKey !== null && !modelKey.startsWith(w.model_key) && !w.model_key.startsWith(modelKey)) continue;
      out.push(w);
    }
    return out;
  }

  /**
   * The window hits already worked out for a key that names everything they depend on (see
   * LookupService.lookup). They are shared by every lookup that asks the same, so they are frozen.
   */
  answer(key: string): readonly CampaignHit[] | undefined {
    return this.answers.get(key);
  }

  remember(key: string, hits: CampaignHit[]): readonly CampaignHit[] {
    for (const h of hits) Object.freeze(h);
    Object.freeze(hits);
    this.answers.add(key, hits);
    return hits;
  }
}
