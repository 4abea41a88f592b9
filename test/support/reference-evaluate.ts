// The lookup's evaluation as it stood before it was made lean (main/lookup/evaluate.ts and the month
// rules of match.ts at commit a3f3201), kept verbatim but for its imports: the reference the lean one
// must answer exactly like (test/service/lookup-evaluate-same.test.ts). Not to be optimised: a change
// here would move the reference along with what it checks.
import type { Bulletin, ModelWindowRule, Phase } from '../../shared/bulletin';
import type { CampaignHit } from '../../shared/lookup/contract';
import {
  count,
  listedLaunchedText,
  WINDOW_DIFFERS_ACTION,
  WINDOW_EDGE_ACTION,
  windowDiffersText,
  windowEdgeText,
  windowMonthText,
  windowSpanText,
} from '../../shared/wording';
import { describePhase, remedyAvailable, summarizePhases } from '../../main/campaigns/phases';
import type { AffectedListInfo, LoadedCampaign, WindowCandidate } from '../../main/campaigns/store';
import type { Row } from '../../main/db/schema';
import { orderedSeverity } from '../../shared/wording';
import { perVinPatterns, withListedPart } from '../../shared/parts/next-steps';
import { makeKey } from '../../main/lookup/make';
import { modelFit } from '../../main/lookup/match';

export type RangeRow = Pick<Row<'vin_range_rules'>, 'model' | 'model_year' | 'phase' | 'serial_from' | 'serial_to'>;
export type ListRow = Pick<Row<'affected_vins'>, 'phase' | 'part_number'> & Pick<Row<'affected_vin_lists'>, 'list_date'>;

type ActionWhen = Bulletin['actions'][number]['when'];
type VehicleCondition = Bulletin['delivery'][number]['condition'];
type Remedy = CampaignHit['remedy'];
type Need = CampaignHit['needs'][number];

/**
 * Parts of a hit that do not depend on the VIN are shared by every hit of the campaign. They are
 * frozen: a caller that changed one would change every hit.
 */
const shared = <T>(a: T[]): T[] => Object.freeze(a) as T[];
export const NONE = shared<never>([]);
const NEEDS = {
  none: NONE,
  model: shared<Need>(['model']),
  month: shared<Need>(['productionMonth']),
  both: shared<Need>(['model', 'productionMonth']),
};

export type CompiledCampaign = {
  id: number;
  code: string;
  title: string;
  kind: Bulletin['kind'];
  severity: Bulletin['severity'];
  nhtsaRecallNumber: string | null;
  /** The bulletin's make as a hit shows it. */
  make: string;
  /** The bulletin's make in key form, for the make check; null when the bulletin names none. */
  makeKey: string | null;
  /** The bulletin's own WMIs; null when it lists none. */
  wmis: Set<string> | null;
  delivery: Bulletin['delivery'];
  /** What "Verify:" ends with: the bulletin's eligibility note, or the general advice. */
  verifyNote: string;
  revisionDate: string;
  /** The window rules by id: read only when a hit's wording needs a window's note or years. */
  windows: Map<string, ModelWindowRule>;
  /** The phase chart (window id, then production month); null when the bulletin has none. */
  chart: Map<string, Map<string, string>> | null;
  /** The remedy of a bulletin with one phase: every hit's, whatever its match. */
  onlyRemedy: Remedy | null;
  /** The remedy of each phase, as a hit states it. */
  remedies: Map<string, Remedy>;
  phaseSummary: string;
  /**
   * The bulletin says only vehicles of launched phases are on its affected-VIN list: the remedy of a
   * listed VIN whose phase is not stated (`any`), or whose stated phase the revision had not launched.
   */
  listed: { any: Remedy; byPhase: Map<string, Remedy> } | null;
  /** The remedy while the model or month is not known yet: it depends only on which is missing. */
  pending: { model: Remedy; month: Remedy; both: Remedy };
  /** The actions after the VIN's own lines, confirmed then verify, each: available, not available, unknown. */
  standing: [string[], string[], string[], string[], string[], string[]];
  /** The patterns of the bulletin's per-VIN parts, which a listed VIN's number replaces in its steps. */
  perVinPatterns: string[];
  /** The stock holds per recorded condition ('' when not recorded). */
  holds: Map<string, CampaignHit['stockHolds']>;
  /** The hit's source, with the bulletin's age on the day `ageDay` (days since 1970, UTC). */
  source: CampaignHit['source'];
  ageDay: number;
};

export type StatusRow = NonNullable<CampaignHit['vehicleStatus']>;
export type Candidates = { ranges: RangeRow[]; plan: WindowPlan | null; list: ListRow | null; status: StatusRow | null };

/** A model window that surely fits the model, with the wording of a match made ahead. */
type DefiniteWindow = {
  /** First and last production day as numbers (20221201), NaN when open. */
  from: number;
  to: number;
  /** "RX 350 2023 produced " and ": inside the window 2022-05-01 to 2023-01-31.", around the month. */
  monthLead: string;
  monthTail: string;
  /** The window's first and last production day as written (YYYY-MM-DD), null when open: for an edge's wording. */
  fromIso: string | null;
  toIso: string | null;
  /** "RX 350, model year 2023: <the window's note or years>." */
  yearDetail: string;
  phase: string | null;
  /** The phase chart's months for this window, if the bulletin has a chart. */
  chart: Map<string, string> | null;
  /** Another document's statement of the window: its months as day numbers (open: NaN) and its words. */
  also: { from: number; to: number; text: string } | null;
};

/**
 * What a campaign's model windows say for one model year and model, worked out once per model asked
 * about: the windows that surely fit (in the bulletin's order), or else the models it may be.
 */
export type WindowPlan = {
  definite: DefiniteWindow[];
  /** A window that fits has no production dates: the month does not matter. */
  undated: boolean;
  /** The windows to show when the month is asked for. */
  productionWindows: CampaignHit['productionWindows'];
  /** No window surely fits: the models it may be, and whether a month would be asked too. */
  choices: string[];
  choicesDetail: string;
  choicesDated: boolean;
};

/** The plan for a campaign's windows of one model year that a model key can fit; null when none can. */
export function planWindows(k: CompiledCampaign, windows: readonly WindowCandidate[], modelYear: number, modelKey: string | null): WindowPlan | null {
  const definite: DefiniteWindow[] = [];
  const productionWindows: CampaignHit['productionWindows'] = [];
  const possible: WindowCandidate[] = [];
  let undated = false;
  for (const w of windows) {
    const fit = modelKey ? modelFit(modelKey, w.model_key) : 'maybe';
    if (fit === 'maybe') possible.push(w);
    if (fit !== 'yes') continue;
    if (!w.produced_from && !w.produced_to) undated = true;
    const rule = k.windows.get(w.window_id);
    const note = rule?.windowNote ?? null;
    definite.push({
      from: w.produced_from ? dayNumber(w.produced_from) : Number.NaN,
      to: w.produced_to ? dayNumber(w.produced_to) : Number.NaN,
      monthLead: `${w.model} ${modelYear} produced `,
      monthTail: `: ${windowMonthText(w.produced_from, w.produced_to, note)}`,
      fromIso: w.produced_from,
      toIso: w.produced_to,
      yearDetail: `${w.model}, model year ${modelYear}: ${note ?? `model years ${rule?.modelYearFrom}-${rule?.modelYearTo}`}.`,
      phase: w.phase,
      chart: k.chart?.get(w.window_id) ?? null,
      also:
        rule?.alsoStated && (rule.alsoStatedFrom || rule.alsoStatedTo)
          ? {
              from: rule.alsoStatedFrom ? dayNumber(`${rule.alsoStatedFrom}-01`) : Number.NaN,
              to: rule.alsoStatedTo ? dayNumber(`${rule.alsoStatedTo}-31`) : Number.NaN,
              text: rule.alsoStated,
            }
          : null,
    });
    productionWindows.push({ model: w.model, from: w.produced_from, to: w.produced_to, note });
  }
  if (definite.length === 0 && possible.length === 0) return null;
  const choices = [...new Set(possible.map((w) => w.model))];
  return {
    definite,
    undated,
    productionWindows: shared(productionWindows),
    choices: shared(choices),
    choicesDetail: `Model year ${modelYear} is covered for ${choices.join(', ')}`,
    choicesDated: possible.some((w) => w.produced_from || w.produced_to),
  };
}

/** The per-campaign work that does not depend on the VIN, done once per loaded revision. */
export function compileCampaign(c: LoadedCampaign): CompiledCampaign {
  const b = c.bulletin;
  const byWhen = { always: [], verify: [], 'remedy-available': [], 'remedy-not-available': [], 'remedy-unknown': [] } as Record<ActionWhen, string[]>;
  for (const a of b.actions) byWhen[a.when].push(a.text);
  // Until confirmed, then what the remedy state calls for, then the standing instructions.
  const states = ['remedy-available', 'remedy-not-available', 'remedy-unknown'] as const;
  const standing = [[], byWhen.verify].flatMap((first) => states.map((state) => shared([...first, ...byWhen[state], ...byWhen.always])));
  let chart: CompiledCampaign['chart'] = null;
  for (const cell of b.phaseChart) {
    chart ??= new Map();
    let months = chart.get(cell.window);
    if (!months) chart.set(cell.window, (months = new Map()));
    months.set(cell.month, cell.phase);
  }
  const remedies = new Map<string, Remedy>();
  for (const p of b.phases) remedies.set(p.id, phaseRemedy(p));
  const holds = new Map<string, CampaignHit['stockHolds']>();
  for (const condition of ['', ...new Set(b.delivery.map((d) => d.condition))]) {
    holds.set(condition, shared(stockHolds(b, (condition || null) as VehicleCondition | null)));
  }
  const phaseSummary = summarizePhases(b.phases);
  let listed: CompiledCampaign['listed'] = null;
  if (b.listedVehicles?.phase === 'launched') {
    const statement = b.listedVehicles.statement;
    const launched = (p: Phase | null): Remedy =>
      Object.freeze({
        available: true,
        status: 'remedy-available',
        phase: p?.id ?? null,
        phaseName: p?.name ?? null,
        timing: null,
        explanation: listedLaunchedText(statement, p ? { name: p.name, stated: describePhase(p) } : null),
      });
    listed = { any: launched(null), byPhase: new Map(b.phases.filter((p) => remedyAvailable(p.status) !== true).map((p) => [p.id, launched(p)])) };
  }
  return {
    id: c.id,
    code: b.code,
    title: b.title,
    kind: b.kind,
    // A revision loaded before severity existed has none stated.
    severity: shared(orderedSeverity(b.severity ?? [])),
    nhtsaRecallNumber: b.nhtsaRecallNumber ?? null,
    make: b.make ?? 'unknown make',
    makeKey: b.make ? makeKey(b.make) : null,
    wmis: b.wmis?.length ? new Set(b.wmis) : null,
    delivery: b.delivery,
    verifyNote: b.eligibilityNote ?? "Confirm eligibility with the manufacturer's system.",
    revisionDate: b.revisionDate,
    windows: new Map(b.modelWindows.map((w) => [w.id, w])),
    chart,
    onlyRemedy: b.phases.length === 1 ? remedies.get(b.phases[0]!.id)! : null,
    remedies,
    phaseSummary,
    listed,
    pending: {
      model: unknownRemedy(phaseSummary, 'The phase depends on the model.'),
      month: unknownRemedy(phaseSummary, 'The phase depends on the production month.'),
      both: unknownRemedy(phaseSummary, 'The phase depends on the model and production month.'),
    },
    standing: standing as CompiledCampaign['standing'],
    perVinPatterns: perVinPatterns(b.parts),
    holds,
    source: Object.freeze({ bulletin: b.source.title, revisionDate: b.revisionDate, revisionLabel: b.revisionLabel, ageDays: Number.NaN }),
    ageDay: -1,
  };
}

export type Vehicle = {
  modelYear: number;
  model: string | null;
  modelKey: string | null;
  month: string | null;
  /** The dealer's stock record: present only for a vehicle in stock (condition null when not recorded). */
  stock: { condition: VehicleCondition | null } | null;
};

/**
 * One campaign's answer for one vehicle, from the candidates the database returned; null: not a hit.
 * `makeConfirmed`: the VIN's make is the bulletin's; `list`: the campaign's affected-VIN list, if any;
 * `ageDays`: the bulletin revision's age today.
 */
export function evaluate(
  k: CompiledCampaign,
  cand: Candidates,
  v: Vehicle,
  makeConfirmed: boolean,
  list: AffectedListInfo | null,
  ageDays: number,
): CampaignHit | null {
  let matchedBy: CampaignHit['matchedBy'];
  let matchDetail: string;
  let phaseId: string | null = null;
  let needModel = false;
  let needMonth = false;
  let modelChoices: string[] = NONE;
  /** The stated month straddles the edge of the window it met: only some of its days are covered. */
  let edge = false;
  /** The window's dates and another document's statement of it disagree on the month: 'outside' the dates, or 'inside' them. */
  let differs: 'outside' | 'inside' | null = null;
  let productionWindows: CampaignHit['productionWindows'] = NONE;

  if (cand.list) {
    matchedBy = 'affected-list';
    matchDetail = `On the affected-VIN list of ${cand.list.list_date}.`;
    // A list without a phase column: the phase the bulletin states for the model and month still holds.
    phaseId = cand.list.phase ?? (cand.plan ? statedPhase(cand.plan, v.month) : null);
  } else if (cand.ranges.length > 0) {
    const r = cand.ranges[0]!;
    matchedBy = 'vin-range';
    matchDetail = `In the published VIN range ${r.serial_from}-${r.serial_to} for ${r.model} ${r.model_year}.`;
    phaseId = r.phase;
  } else if (cand.plan) {
    const p = cand.plan;
    if (p.definite.length > 0) {
      let d = p.definite[0]!;
      // Every window that fits is dated: the month decides, or is asked for.
      if (!p.undated) {
        if (v.month) {
          // A window the whole month is inside wins; else one that covers some of its days.
          let found: DefiniteWindow | null = null;
          for (const x of p.definite) {
            const fit = monthFit(v.month, x.from, x.to);
            if (fit === MONTH_INSIDE) {
              found = x;
              edge = false;
              break;
            }
            if (fit === MONTH_PARTLY && found === null) {
              found = x;
              edge = true;
            }
          }
          if (!found) {
            found = p.definite.find((x) => x.also && monthInWindow(v.month!, x.also.from, x.also.to)) ?? null;
            if (!found) return null;
            differs = 'outside';
          } else if (found.also && !monthInWindow(v.month, found.also.from, found.also.to)) {
            differs = 'inside';
          }
          d = found;
        } else {
          needMonth = true;
          productionWindows = p.productionWindows;
        }
      }
      matchedBy = 'model-window';
      matchDetail = !v.month
        ? d.yearDetail
        : differs === 'outside'
          ? `${d.monthLead}${v.month}: ${windowDiffersText(v.month, windowSpanText(d.fromIso, d.toIso), d.also!.text, false)}`
          : edge
            ? `${d.monthLead}${v.month}: ${windowEdgeText(v.month, d.fromIso, d.toIso)}`
            : `${d.monthLead}${v.month}${d.monthTail}`;
      if (differs === 'inside') matchDetail += windowDiffersText(v.month!, '', d.also!.text, true);
      if (!needMonth) phaseId = d.phase ?? (v.month ? (d.chart?.get(v.month) ?? null) : null);
    } else {
      matchedBy = 'model-window';
      needModel = true;
      modelChoices = p.choices;
      matchDetail = `${p.choicesDetail}${v.model ? `; "${v.model}" is not specific enough` : ''}.`;
      needMonth = p.choicesDated && !v.month;
    }
  } else {
    return null;
  }

  const needs = needModel ? (needMonth ? NEEDS.both : NEEDS.model) : needMonth ? NEEDS.month : NEEDS.none;
  const confirmed = matchedBy === 'affected-list';
  // The remedy as the vehicle's phase states it; unknown (never guessed) when the phase is not stated.
  let remedy = k.onlyRemedy ?? (phaseId !== null ? k.remedies.get(phaseId) : undefined);
  // On the list of a campaign that lists only launched phases: launched, whatever the revision said.
  if (confirmed && k.listed && remedy?.available !== true) remedy = (phaseId !== null ? k.listed.byPhase.get(phaseId) : undefined) ?? k.listed.any;
  remedy ??= needModel ? (needMonth ? k.pending.both : k.pending.model) : needMonth ? k.pending.month : unstatedPhase(k, v);
  const affectedList = list ? { date: list.date, listed: confirmed, complete: list.complete, partNumber: cand.list ? cand.list.part_number : null } : null;
  const notListed = list !== null && !confirmed && list.complete;
  const done = cand.status && cand.status.status !== 'open' ? cand.status : null;
  const standing = k.standing[(confirmed ? 0 : 3) + (remedy.available === true ? 0 : remedy.available === false ? 1 : 2)]!;
  let actions: string[];
  if (done) actions = [describeDone(done)];
  else if (!notListed && !needModel && !needMonth && !edge && !differs) actions = standing;
  else {
    actions = [];
    if (differs) actions.push(WINDOW_DIFFERS_ACTION);
    else if (edge) actions.push(WINDOW_EDGE_ACTION);
    if (notListed) {
      actions.push(`Not on the affected-VIN list of ${list.date} (${count(list.rows)} VINs): probably not involved; confirm in TIS if the guest has a notice.`);
    }
    if (needModel) actions.push(`Ask the guest which model it is (${modelChoices.join(', ')}), or read it from the registration.`);
    if (needMonth) actions.push("Read the production month from the label on the driver's door jamb.");
    for (const a of standing) actions.push(a);
  }
  if (affectedList?.partNumber) actions = actions.map((a) => withListedPart(a, k.perVinPatterns, affectedList));

  return {
    code: k.code,
    title: k.title,
    kind: k.kind,
    severity: k.severity,
    nhtsaRecallNumber: k.nhtsaRecallNumber,
    certainty: confirmed ? 'confirmed' : 'verify',
    certaintyReason: confirmed
      ? `Confirmed: ${matchDetail}`
      : notListed
        ? `Not on the affected list of ${list.date}: ${matchDetail} The imported list is complete and does not name this VIN.`
        : `Verify: ${matchDetail} ${k.verifyNote}`,
    matchedBy,
    matchDetail,
    remedy,
    needs,
    modelChoices,
    productionWindows,
    actions,
    makeConfirmed,
    make: k.make,
    stockHolds: done || !v.stock ? NONE : (k.holds.get(v.stock.condition ?? '') ?? NONE),
    delivery: k.delivery,
    affectedList,
    vehicleStatus: cand.status,
    source: sourceOf(k, ageDays),
  };
}

/** The phase the bulletin states for a model window and month that a VIN's model fits; null when none. */
function statedPhase(p: WindowPlan, month: string | null): string | null {
  for (const d of p.definite) {
    if (!p.undated && (month === null || !monthInWindow(month, d.from, d.to))) continue;
    const phase = d.phase ?? (month !== null ? (d.chart?.get(month) ?? null) : null);
    if (phase !== null) return phase;
  }
  return null;
}

function phaseRemedy(phase: Phase): Remedy {
  return Object.freeze({
    available: remedyAvailable(phase.status),
    status: phase.status,
    phase: phase.id,
    phaseName: phase.name,
    timing: phase.expectedTiming ?? phase.mailing,
    explanation: describePhase(phase),
  });
}

function unknownRemedy(phaseSummary: string, missing: string): Remedy {
  return Object.freeze({ available: null, status: 'unknown', phase: null, phaseName: null, timing: null, explanation: `Unknown. ${missing} ${phaseSummary}.` });
}

/** The model and month are known, but the bulletin states no phase for them. */
function unstatedPhase(k: CompiledCampaign, v: { model: string | null; month: string | null }): Remedy {
  return unknownRemedy(
    k.phaseSummary,
    `The bulletin data does not state the phase of ${v.model ?? 'this model'}${v.month ? ` produced ${v.month}` : ''}: check TIS/SLP, never guess.`,
  );
}

/** The hit's source, with the bulletin's age today: made again only when the age changes. */
function sourceOf(k: CompiledCampaign, ageDays: number): CampaignHit['source'] {
  if (k.source.ageDays !== ageDays) k.source = Object.freeze({ ...k.source, ageDays });
  return k.source;
}

/** The bulletin's delivery rules for a stock vehicle of this condition (every rule when it is not recorded). */
function stockHolds(b: Bulletin, condition: VehicleCondition | null): CampaignHit['stockHolds'] {
  const out: CampaignHit['stockHolds'] = [];
  for (const d of b.delivery) {
    if (d.rule === 'no-rule-stated' || (condition !== null && d.condition !== condition)) continue;
    out.push({ hold: d.rule, condition: d.condition, text: d.text });
  }
  return out;
}

function describeDone(s: StatusRow): string {
  if (s.status === 'completed-here')
    return `Completed here on ${s.completedOn ?? 'an unrecorded date'}${s.repairOrder ? ` (RO ${s.repairOrder})` : ''}: nothing to do.`;
  if (s.status === 'completed-elsewhere') return `Completed at another dealer${s.completedOn ? ` on ${s.completedOn}` : ''}: nothing to do.`;
  return 'Marked not applicable to this vehicle.';
}

/**
 * Open before done, flagged (do not drive, park outside, stop sale) before unflagged, confirmed before
 * verify before "not on the list", safety recalls before programs, then by code: the most pressing first.
 */
export function byUrgency(a: CampaignHit, b: CampaignHit): number {
  const rank = (h: CampaignHit) =>
    (h.vehicleStatus && h.vehicleStatus.status !== 'open' ? 100 : 0) +
    (h.severity.length ? 0 : 50) +
    (h.certainty === 'confirmed' ? 0 : h.affectedList && !h.affectedList.listed && h.affectedList.complete ? 20 : 10) +
    (h.kind === 'safety-recall' ? 0 : 1);
  // Codes are upper-case letters and digits: compared by code point (localeCompare cost a microsecond).
  return rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

// The month rules of match.ts as they were.
function dayNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}
function monthInWindow(ym: string, from: number, to: number): boolean {
  const first = Number(ym.slice(0, 4)) * 10_000 + Number(ym.slice(5, 7)) * 100 + 1;
  if (first + 30 < from) return false;
  if (first > to) return false;
  return true;
}
const MONTH_OUTSIDE = 0;
const MONTH_INSIDE = 1;
const MONTH_PARTLY = 2;
function monthFit(ym: string, from: number, to: number): number {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  const first = y * 10_000 + m * 100 + 1;
  const last = first - 1 + daysInMonth(y, m);
  if (last < from || first > to) return MONTH_OUTSIDE;
  return first < from || last > to ? MONTH_PARTLY : MONTH_INSIDE;
}
function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
