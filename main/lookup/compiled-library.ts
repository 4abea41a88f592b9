// What the lookup derives from the campaign library, kept until the library changes: compiled
// campaigns, the campaigns each model can fit, and the window answers already given.
//
// A library can hold thousands of campaigns and a lookup touches a few at random, so the lookup's
// cost is mostly waiting on memory: each level here turns several scattered reads into one.
import type { CampaignHit } from '../../shared/lookup/contract';
import type { BuildRegion } from '../../shared/vin';
import { ageInDays } from '../../shared/age';
import type { CampaignStore, WindowCandidate } from '../campaigns/store';
import { type Candidates, type CompiledCampaign, compileCampaign, NONE, planWindows } from './evaluate';

/** A campaign whose model windows a model can fit: its candidates are the plan of those windows. */
export type WindowGroup = Candidates & { k: CompiledCampaign };

const REGIONS: readonly (BuildRegion | '')[] = ['', 'North America', 'Japan', 'Europe', 'Asia', 'Other'];
const NO_MODEL = '\u0000';
/** Model keys kept per model year and region; answers kept in all. Past these, the oldest go. */
const GROUPS_KEPT = 2000;
const ANSWERS_KEPT = 20_000;

export class CompiledLibrary {
  private readonly compiled = new Map<number, CompiledCampaign>();
  private readonly groups = new Map<number, Map<string, WindowGroup[]>>();
  private readonly answers = new Map<string, readonly CampaignHit[]>();
  private generation = -1;
  private day = -1;

  constructor(private readonly store: CampaignStore) {}

  /** Forgets what the library no longer says (it changed), and answers of another day (ages are in them). */
  sync(today: number): void {
    if (this.store.generation !== this.generation) {
      this.generation = this.store.generation;
      this.compiled.clear();
      this.groups.clear();
      this.answers.clear();
    }
    if (today !== this.day) {
      this.day = today;
      this.answers.clear();
    }
  }

  /** The per-campaign work that does not depend on the VIN, done once per loaded revision. */
  campaign(id: number): CompiledCampaign {
    let k = this.compiled.get(id);
    if (!k) this.compiled.set(id, (k = compileCampaign(this.store.byId(id))));
    return k;
  }

  /** The bulletin's age in days, worked out once a day per campaign (its source line carries it). */
  ageOf(k: CompiledCampaign, now: Date, today: number): number {
    if (k.ageDay !== today) {
      k.ageDay = today;
      k.source = Object.freeze({ ...k.source, ageDays: ageInDays(k.revisionDate, now) });
    }
    return k.source.ageDays;
  }

  /**
   * The campaigns whose model windows a model of this year and region can fit, compiled, each with
   * the plan of its windows: found once per model asked about.
   */
  windowGroups(modelYear: number, region: BuildRegion | null, modelKey: string | null): readonly WindowGroup[] {
    const at = modelYear * 8 + REGIONS.indexOf(region ?? '');
    let byModel = this.groups.get(at);
    if (!byModel) this.groups.set(at, (byModel = new Map()));
    const key = modelKey ?? NO_MODEL;
    let groups = byModel.get(key);
    if (!groups) {
      if (byModel.size >= GROUPS_KEPT) byModel.delete(byModel.keys().next().value!);
      const byId = new Map<number, WindowCandidate[]>();
      for (const w of this.store.windowsFor(modelYear, region ?? '', modelKey)) {
        const ws = byId.get(w.campaign_id);
        if (ws) ws.push(w);
        else byId.set(w.campaign_id, [w]);
      }
      groups = [];
      for (const [id, ws] of byId) {
        const k = this.campaign(id);
        const plan = planWindows(k, ws, modelYear, modelKey);
        if (plan) groups.push({ k, ranges: NONE, plan, list: null, status: null });
      }
      byModel.set(key, groups);
    }
    return groups;
  }

  /**
   * The window hits already worked out for a key that names everything they depend on (see
   * LookupService.lookup). They are shared by every lookup that asks the same, so they are frozen.
   */
  answer(key: string): readonly CampaignHit[] | undefined {
    return this.answers.get(key);
  }

  remember(key: string, hits: CampaignHit[]): readonly CampaignHit[] {
    if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    for (const h of hits) Object.freeze(h);
    Object.freeze(hits);
    this.answers.set(key, hits);
    return hits;
  }
}
