// What the lookup derives from the campaign library, kept until the library changes: compiled
// campaigns, the campaigns each model can fit, and the window answers already given.
//
// A library can hold thousands of campaigns and a lookup touches a few at random, so the lookup's
// cost is mostly waiting on memory: each level here turns several scattered reads into one.
import type { CampaignHit } from '../../shared/lookup/contract';
import type { BuildRegion } from '../../shared/vin';
import { ageInDays } from '../../shared/age';
import type { CampaignStore, WindowCandidate } from '../campaigns/store';
import { type CompiledCampaign, compileCampaign, planWindows, SharedValues, type WindowGroup } from './evaluate';

export type { WindowGroup } from './evaluate';

const REGIONS: readonly (BuildRegion | '')[] = ['', 'North America', 'Japan', 'Europe', 'Asia', 'Other'];
const NO_MODEL = '\u0000';
/** Model keys kept per model year and region; answers kept in all. Past these, the oldest go. */
const GROUPS_KEPT = 2000;
const ANSWERS_KEPT = 20_000;

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
  private readonly groups = new Map<number, Kept<WindowGroup[]>>();
  private readonly answers = new Kept<readonly CampaignHit[]>(ANSWERS_KEPT);
  /** What campaigns state alike, one value for all of them (see SharedValues). */
  private values = new SharedValues();
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
      this.values = new SharedValues();
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
    const at = modelYear * 8 + REGIONS.indexOf(region ?? '');
    let byModel = this.groups.get(at);
    if (!byModel) this.groups.set(at, (byModel = new Kept(GROUPS_KEPT)));
    const key = modelKey ?? NO_MODEL;
    let groups = byModel.get(key);
    if (!groups) {
      const byId = new Map<number, WindowCandidate[]>();
      for (const w of this.store.windowsFor(modelYear, region ?? '', modelKey)) {
        const ws = byId.get(w.campaign_id);
        if (ws) ws.push(w);
        else byId.set(w.campaign_id, [w]);
      }
      groups = [];
      for (const [id, ws] of byId) {
        const group = planWindows(this.campaign(id), ws, modelYear, modelKey);
        if (group) groups.push(group);
      }
      byModel.add(key, groups);
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
    for (const h of hits) Object.freeze(h);
    Object.freeze(hits);
    this.answers.add(key, hits);
    return hits;
  }
}
