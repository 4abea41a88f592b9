// Stock vehicles that may not be delivered as they are: every in-stock vehicle checked against every
// campaign, by the delivery rule its bulletin states for the vehicle's condition.
import type { CampaignHit, HoldReport } from '../../shared/api';
import type { Db } from '../db/open';
import type { LookupService, VehicleColumns } from '../lookup/service';
import type { CampaignStore } from '../campaigns/store';
import { loadCatalog } from '../parts/catalog';
import { cporPhrase, cporStates } from '../parts/cpor';
import { severityRank } from '../../shared/wording';
import { isOpen } from './open-campaigns';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';

/** Where each vehicle's per-VIN part of a campaign stands, in words, from the ledger and the CPOR references. */
function vehiclePartsPhrase(db: Db, campaigns: CampaignStore): (vin: string, code: string) => string | null {
  const states = cporStates(db);
  if (states.size === 0) return () => null;
  const perVin = new Map<string, { part: string; word: string }[]>();
  for (const c of loadCatalog(db, campaigns))
    perVin.set(
      c.code,
      c.parts.filter((p) => p.heldPerVin && p.partNumber).map((p) => ({ part: p.partNumber!, word: /key/i.test(p.description) ? 'key' : 'part' })),
    );
  return (vin, code) => {
    const said = (perVin.get(code) ?? []).flatMap(({ part, word }) => {
      const s = states.get(`${part}\u0000${vin}`);
      return s ? [cporPhrase(s, word)] : [];
    });
    return said.length ? said.join('; ') : null;
  };
}

type Hold = HoldReport['holds'][number];
type StockRow = VehicleColumns;

const ORDER: Record<Hold['hold'], number> = {
  'do-not-deliver-until-remedied': 0,
  'deliver-with-disclosure-if-unavailable': 1,
  'perform-before-delivery': 2,
  'check-by-vin-before-delivery': 3,
};

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A hit's source as a hold line says it, made once per source (every hit of a campaign shares its source object). */
const sourceLines = new WeakMap<object, string>();
function sourceLine(hit: CampaignHit): string {
  // Only a frozen source can be kept by its object (its words cannot change under the key).
  const key = hit.matchedBy !== 'nhtsa-model-year' && Object.isFrozen(hit.source) ? hit.source : null;
  let line = key ? sourceLines.get(key) : undefined;
  if (line === undefined) {
    line =
      hit.matchedBy === 'nhtsa-model-year'
        ? NHTSA_WORDING.holdSource(hit.source.bulletin, hit.source.revisionDate)
        : `${hit.source.bulletin}, revision ${hit.source.revisionDate}`;
    if (key) sourceLines.set(key, line);
  }
  return line;
}

/** The place of the first rule of the same kind of hold as rule i (rules are few: one or two). */
function firstOfKind(rules: readonly { hold: string }[], i: number): number {
  for (let j = 0; j < i; j++) if (rules[j]!.hold === rules[i]!.hold) return j;
  return i;
}

/** `campaigns`: when given, each hold says where the vehicle's per-VIN part stands (to place, on order since, received). */
export function holdReport(db: Db, lookup: LookupService, now: () => Date, campaigns?: CampaignStore): HoldReport {
  // At once, in one read transaction (one snapshot).
  return lookup.batch(() => runSteps(holdReportSteps(db, lookup, now, campaigns)));
}

/** Runs a report's steps to the end, at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/** Vehicles looked up per step when a report is made a step at a time (between steps, requests are served). */
export const VEHICLES_PER_STEP = 2_000;

/** The hold report a step at a time (`VEHICLES_PER_STEP` vehicles each): the host makes it ahead without stopping the requests. */
export function* holdReportSteps(db: Db, lookup: LookupService, now: () => Date, campaigns?: CampaignStore): Generator<void, HoldReport> {
  const partsOf = campaigns ? vehiclePartsPhrase(db, campaigns) : () => null;
  // The stock and the rows every vehicle's lookup reads, in one snapshot (set statements, not one per vehicle).
  const { stock, lookupOf } = lookup.batch(() => {
    const stock = db.sqlite
      .prepare<[], StockRow>(
        'SELECT vin, stock_number, model, condition, production_month, last_service_date, in_stock FROM vehicles WHERE in_stock = 1 ORDER BY stock_number, vin',
      )
      .all();
    return { stock, lookupOf: lookup.known('in-stock') };
  });
  // The data is read: the lookups follow (a host opening vPIC meanwhile lets it finish first).
  yield;
  const holds: Hold[] = [];
  let vehiclesHeld = 0;
  for (let from = 0; from < stock.length; from += VEHICLES_PER_STEP) {
    if (from > 0) yield;
    lookupSlice(stock.slice(from, from + VEHICLES_PER_STEP));
  }
  function lookupSlice(slice: StockRow[]) {
    lookup.batch(() => {
      for (const v of slice) {
        const result = lookupOf(v);
        const before = holds.length;
        for (const hit of result.campaigns) {
          if (!isOpen(hit)) continue;
          // The lookup's own stock holds (the card shows the same): by the vehicle's condition, or every
          // rule while the condition is unknown; one line per kind of hold.
          const rules = hit.stockHolds;
          for (let i = 0; i < rules.length; i++) {
            const rule = rules[i]!;
            if (firstOfKind(rules, i) !== i) continue;
            holds.push({
              vin: v.vin,
              stockNumber: v.stock_number,
              model: result.model,
              modelYear: result.modelYear,
              condition: v.condition,
              code: hit.code,
              title: hit.title,
              hold: rule.hold,
              severity: hit.severity,
              reason: rule.text,
              certainty: hit.certainty,
              remedyAvailable: hit.remedy.available,
              needs: hit.needs,
              source: sourceLine(hit),
              parts: partsOf(v.vin, hit.code),
              origin: hit.matchedBy === 'nhtsa-model-year' ? 'nhtsa' : 'bulletin',
            });
          }
        }
        // Each stock vehicle is one row of the stock (its VIN is the key): held once however many lines.
        if (holds.length > before) vehiclesHeld++;
      }
    });
  }
  // Plain code-unit order, not localeCompare: the same order for these ASCII codes and stock numbers,
  // and a fifth of the time over a whole stock's holds. The rank of each line is worked out once, not
  // per comparison; equal lines keep the order they were found in (as a stable sort does).
  const rank = holds.map((h) => severityRank(h.severity) * 8 + ORDER[h.hold]);
  const order = Array.from(holds.keys()).sort(
    (i, j) =>
      rank[i]! - rank[j]! ||
      byCode(holds[i]!.code, holds[j]!.code) ||
      byCode(holds[i]!.stockNumber ?? holds[i]!.vin, holds[j]!.stockNumber ?? holds[j]!.vin) ||
      i - j,
  );
  const sorted = order.map((i) => holds[i]!);
  const per = new Map<string, HoldReport['perCampaign'][number]>();
  for (const h of sorted) {
    const c = per.get(h.code) ?? { code: h.code, title: h.title, doNotDeliver: 0, withDisclosure: 0, performBefore: 0 };
    if (h.hold === 'do-not-deliver-until-remedied') c.doNotDeliver++;
    else if (h.hold === 'deliver-with-disclosure-if-unavailable') c.withDisclosure++;
    else c.performBefore++;
    per.set(h.code, c);
  }
  return {
    generatedAt: now().toISOString(),
    vehiclesInStock: stock.length,
    vehiclesHeld,
    holds: sorted,
    perCampaign: [...per.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
