// Pure evaluation: what one campaign says about one vehicle, given the candidate rows the lookup's one
// statement found. No database, no clock: the service passes in the list and the bulletin's age.
import type { Bulletin, ModelWindowRule, Phase } from '../../shared/bulletin';
import type { CampaignHit } from '../../shared/lookup/contract';
import { describePhase, remedyAvailable, summarizePhases } from '../campaigns/phases';
import type { AffectedListInfo, LoadedCampaign, WindowCandidate } from '../campaigns/store';
import type { Row } from '../db/schema';
import { modelFit, monthInWindow } from './match';

export type RangeRow = Pick<Row<'vin_range_rules'>, 'model' | 'model_year' | 'phase' | 'serial_from' | 'serial_to'>;
export type ListRow = Pick<Row<'affected_vins'>, 'phase'> & Pick<Row<'affected_vin_lists'>, 'list_date'>;

type ActionWhen = Bulletin['actions'][number]['when'];
type VehicleCondition = Bulletin['delivery'][number]['condition'];
export type CompiledCampaign = {
  id: number;
  b: Bulletin;
  actions: Record<ActionWhen, string[]>;
  windows: Map<string, ModelWindowRule>;
  phases: Map<string, Phase>;
  chart: Map<string, string>;
  phaseSummary: string;
};

export type StatusRow = NonNullable<CampaignHit['vehicleStatus']>;
export type Candidates = { ranges: RangeRow[]; windows: WindowCandidate[]; list: ListRow | null; status: StatusRow | null };

/** The per-campaign work that does not depend on the VIN, done once per loaded revision. */
export function compileCampaign(c: LoadedCampaign): CompiledCampaign {
  const b = c.bulletin;
  const actions = { always: [], verify: [], 'remedy-available': [], 'remedy-not-available': [], 'remedy-unknown': [] } as Record<ActionWhen, string[]>;
  for (const a of b.actions) actions[a.when].push(a.text);
  return {
    id: c.id,
    b,
    actions,
    windows: new Map(b.modelWindows.map((w) => [w.id, w])),
    phases: new Map(b.phases.map((p) => [p.id, p])),
    chart: new Map(b.phaseChart.map((cell) => [`${cell.window}|${cell.month}`, cell.phase])),
    phaseSummary: summarizePhases(b.phases),
  };
}

/** One campaign's answer for one vehicle, from the candidates the database returned; null: not a hit. */
export function evaluate(
  k: CompiledCampaign,
  cand: Candidates,
  v: {
    modelYear: number;
    model: string | null;
    modelKey: string | null;
    month: string | null;
    makeConfirmed: boolean;
    /** The dealer's stock record: present only for a vehicle in stock (condition null when not recorded). */
    stock: { condition: VehicleCondition | null } | null;
  },
  ctx: { list: AffectedListInfo | null; ageDays: number },
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
  const remedy = remedyFor(k, phaseId, needs, v);
  const list = ctx.list;
  const affectedList = list ? { date: list.date, listed: matchedBy === 'affected-list', complete: list.complete } : null;
  const notListed = affectedList !== null && !affectedList.listed && affectedList.complete;
  const done = cand.status && cand.status.status !== 'open' ? cand.status : null;
  const actions: string[] = [];
  if (done) actions.push(describeDone(done));
  if (notListed) {
    actions.push(
      `Not on the affected-VIN list of ${list!.date} (${list!.rows.toLocaleString('en-US')} VINs): probably not involved; confirm in TIS if the guest has a notice.`,
    );
  }
  if (needs.includes('model')) actions.push(`Ask the guest which model it is (${modelChoices.join(', ')}), or read it from the registration.`);
  if (needs.includes('productionMonth')) actions.push("Read the production month from the label on the driver's door jamb.");
  // Until confirmed, then what the remedy state calls for, then the standing instructions.
  if (certainty === 'verify') actions.push(...k.actions.verify);
  actions.push(...k.actions[remedy.available === true ? 'remedy-available' : remedy.available === false ? 'remedy-not-available' : 'remedy-unknown']);
  actions.push(...k.actions.always);

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
          : `Verify: ${matchDetail} ${b.eligibilityNote ?? "Confirm eligibility with the manufacturer's system."}`,
    matchedBy,
    matchDetail,
    remedy,
    needs,
    modelChoices,
    productionWindows,
    actions: done ? actions.slice(0, 1) : actions,
    makeConfirmed: v.makeConfirmed,
    make: b.make ?? 'unknown make',
    stockHolds: done ? [] : stockHolds(b, v.stock),
    delivery: b.delivery,
    affectedList,
    vehicleStatus: cand.status,
    source: {
      bulletin: b.source.title,
      revisionDate: b.revisionDate,
      revisionLabel: b.revisionLabel,
      ageDays: ctx.ageDays,
    },
  };
}

/** The remedy as the vehicle's phase states it; unknown (never guessed) when the phase is not stated. */
export function remedyFor(
  k: CompiledCampaign,
  phaseId: string | null,
  needs: CampaignHit['needs'],
  v: { model: string | null; month: string | null },
): CampaignHit['remedy'] {
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

/** The bulletin's delivery rules for this stock vehicle's condition (every rule when the condition is not recorded). */
function stockHolds(b: Bulletin, stock: { condition: VehicleCondition | null } | null): CampaignHit['stockHolds'] {
  if (!stock) return [];
  const out: CampaignHit['stockHolds'] = [];
  for (const d of b.delivery) {
    if (d.rule === 'no-rule-stated' || (stock.condition !== null && d.condition !== stock.condition)) continue;
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
 * Open before done, confirmed before verify before "not on the list", safety recalls before
 * programs, then by code: the most pressing first.
 */
export function byUrgency(a: CampaignHit, b: CampaignHit): number {
  const rank = (h: CampaignHit) =>
    (h.vehicleStatus && h.vehicleStatus.status !== 'open' ? 100 : 0) +
    (h.certainty === 'confirmed' ? 0 : h.affectedList && !h.affectedList.listed && h.affectedList.complete ? 20 : 10) +
    (h.kind === 'safety-recall' ? 0 : 1);
  return rank(a) - rank(b) || a.code.localeCompare(b.code);
}
