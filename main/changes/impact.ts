// The impact of an import on the dealer's vehicles: every known vehicle (the vehicle records and the
// booked appointments) is evaluated by the lookup's own rules before and after the import's writes,
// inside the import's transaction, and the two are compared. The same rules as every screen, so the
// preview cannot disagree with what the hold report and the follow-up list say afterwards.
import type BetterSqlite3 from 'better-sqlite3';
import type { Bulletin } from '../../shared/bulletin';
import type { HoldChange, Impact } from '../../shared/changes/contract';
import { severityRank } from '../../shared/wording';
import { CampaignStore } from '../campaigns/store';
import type { Db } from '../db/open';
import { LookupService } from '../lookup/service';
import { requestsListedOtherwise } from '../parts/cpor';
import { openCampaigns } from '../reports/open-campaigns';

type VehicleInfo = { stockNumber: string | null; model: string | null; modelYear: number; inStock: boolean; bookedAt: string | null };
type HoldInfo = { hold: HoldChange['hold']; severity: HoldChange['severity'] };

/** What the rules say about every known vehicle at one moment. Keys are "VIN\tCODE" (holds: "\tHOLD" too). */
export type Snapshot = {
  vehicles: Map<string, VehicleInfo>;
  holds: Map<string, HoldInfo>;
  followup: Set<string>;
  available: Set<string>;
  confirmed: Set<string>;
  /** Open and available per campaign, and each campaign's parts as its current revision states them. */
  demand: Map<string, number>;
  parts: Map<string, Bulletin['parts']>;
  /** CPOR requests not yet received that the list numbers otherwise, keyed "VIN\tCODE\tPART". */
  renumbered: Map<string, { partNumber: string; listed: string; state: 'to-place' | 'on-order' }>;
};

export type Measure = (conn: BetterSqlite3.Database) => Snapshot;

/**
 * A measure over one connection: a fresh library and lookup on it each time, so what it reads is what
 * the connection's transaction holds (the writes made so far, committed or not), never a cache.
 */
export function measureWith(now: () => Date, makesOf: (wmi: string) => string[] | null): Measure {
  return (conn) => {
    const db = { path: conn.name, sqlite: conn, kysely: undefined, close: async () => {} } as unknown as Db;
    const store = new CampaignStore(db, now, 0);
    const lookup = new LookupService(db, store, now, makesOf);
    return snapshot(db, lookup, store);
  };
}

type Known = [vin: string, model: string | null, month: string | null, bookedAt: string | null, recorded: number];

function snapshot(db: Db, lookup: LookupService, store: CampaignStore): Snapshot {
  const conn = db.sqlite;
  const s: Snapshot = {
    vehicles: new Map(),
    holds: new Map(),
    followup: new Set(),
    available: new Set(),
    confirmed: new Set(),
    demand: new Map(),
    parts: new Map(),
    renumbered: new Map(),
  };
  const known = conn
    .prepare<[], Known>(
      `WITH booked AS (SELECT vin, min(at) AS at, max(model) AS model, max(production_month) AS month FROM appointments WHERE status = 'booked' GROUP BY vin)
       SELECT v.vin, NULL, NULL, b.at, 1 FROM vehicles v LEFT JOIN booked b ON b.vin = v.vin
       UNION ALL
       SELECT b.vin, b.model, b.month, b.at, 0 FROM booked b WHERE NOT EXISTS (SELECT 1 FROM vehicles v WHERE v.vin = b.vin)`,
    )
    .raw(true)
    .all();
  lookup.batch(() => {
    for (const [vin, model, month, bookedAt, recorded] of known) {
      let r: ReturnType<typeof openCampaigns>;
      try {
        // A vehicle record carries its own model and month; a booking without one, what was booked with.
        r = openCampaigns(lookup, vin, recorded ? {} : { model, productionMonth: month });
      } catch {
        continue; // not a VIN the lookup can read: it has no campaign either way
      }
      const { result, open } = r;
      const inStock = result.vehicle?.inStock ?? false;
      s.vehicles.set(vin, { stockNumber: result.vehicle?.stockNumber ?? null, model: result.model, modelYear: result.modelYear, inStock, bookedAt });
      for (const hit of open) {
        const key = `${vin}\t${hit.code}`;
        for (const h of hit.stockHolds) s.holds.set(`${key}\t${h.hold}`, { hold: h.hold, severity: hit.severity });
        if (result.vehicle?.lastServiceDate) s.followup.add(key);
        if (hit.remedy.available === true) {
          s.available.add(key);
          s.demand.set(hit.code, (s.demand.get(hit.code) ?? 0) + 1);
        }
        if (hit.certainty === 'confirmed') s.confirmed.add(key);
      }
    }
    for (const code of conn.prepare<[], string>('SELECT code FROM campaigns').pluck().all()) {
      const id = store.idForCode(code);
      if (id !== null) s.parts.set(code, store.byId(id).bulletin.parts);
    }
  });
  for (const r of requestsListedOtherwise(db)) {
    const code = [...s.parts].find(([, parts]) => parts.some((p) => p.partNumber === r.part))?.[0];
    if (code) s.renumbered.set(`${r.vin}\t${code}\t${r.part}`, r);
  }
  return s;
}

const split = (key: string) => key.split('\t') as [string, string, ...string[]];

/** What changed between two snapshots, as the preview, the CLI and "What changed" show it. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Impact {
  const ref = (key: string, from: Snapshot) => {
    const [vin, campaign] = split(key);
    const v = from.vehicles.get(vin) ?? after.vehicles.get(vin) ?? before.vehicles.get(vin);
    return { vin, campaign, stockNumber: v?.stockNumber ?? null, model: v?.model ?? null, modelYear: v?.modelYear ?? 0 };
  };
  const holdsOf = (a: Snapshot, b: Snapshot): HoldChange[] => {
    const out: HoldChange[] = [];
    for (const [key, info] of a.holds) if (!b.holds.has(key)) out.push({ ...ref(key, a), hold: info.hold, severity: info.severity });
    return out.sort(
      (x, y) =>
        severityRank(x.severity) - severityRank(y.severity) ||
        cmp(x.campaign, y.campaign) ||
        cmp(x.hold, y.hold) ||
        cmp(x.stockNumber ?? x.vin, y.stockNumber ?? y.vin),
    );
  };
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k)).sort();
  const remedyNowAvailable = only(after.available, before.available).map((key) => {
    const v = after.vehicles.get(split(key)[0])!;
    return { ...ref(key, after), inStock: v.inStock, bookedAt: v.bookedAt };
  });
  const parts: Impact['parts'] = [];
  for (const code of [...new Set([...before.demand.keys(), ...after.demand.keys()])].sort()) {
    const b = before.demand.get(code) ?? 0;
    const a = after.demand.get(code) ?? 0;
    if (a === b) continue;
    for (const p of after.parts.get(code) ?? before.parts.get(code) ?? []) {
      parts.push({ campaign: code, partNumber: p.partNumber, description: p.description, before: b, after: a });
    }
  }
  return {
    holds: { added: holdsOf(after, before), released: holdsOf(before, after) },
    remedyNowAvailable,
    confirmed: {
      added: only(after.confirmed, before.confirmed).map((k) => ref(k, after)),
      removed: only(before.confirmed, after.confirmed).map((k) => ref(k, before)),
    },
    followup: { added: only(after.followup, before.followup).length, removed: only(before.followup, after.followup).length },
    parts,
    cporRenumbered: [...after.renumbered]
      .filter(([key, r]) => before.renumbered.get(key)?.listed !== r.listed)
      .sort(([a], [b]) => cmp(a, b))
      .map(([key, r]) => ({ ...ref(key, after), partNumber: r.partNumber, listed: r.listed, state: r.state })),
    vehiclesChecked: new Set([...before.vehicles.keys(), ...after.vehicles.keys()]).size,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when the import changes nothing anyone acts on. */
export const impactIsEmpty = (i: Impact): boolean =>
  !i.holds.added.length &&
  !i.holds.released.length &&
  !i.remedyNowAvailable.length &&
  !i.confirmed.added.length &&
  !i.confirmed.removed.length &&
  !i.followup.added &&
  !i.followup.removed &&
  !i.parts.length &&
  !i.cporRenumbered.length;
