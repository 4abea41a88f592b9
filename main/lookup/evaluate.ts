// Pure evaluation: what one campaign says about one vehicle, given the candidate rows the lookup's one
// statement found. No database, no clock: the service passes in the list and the bulletin's age.
//
// A library can hold thousands of campaigns, and a lookup touches a few of them at random, so each
// campaign's data is cold in the CPU's caches: a question never asked before spends most of its time
// waiting on memory, one wait per object it reaches. So what a hit needs is compiled once per loaded
// revision into one flat object (the fields every lookup reads first); a model's plan of a campaign's
// windows is one object with its first window inline; and what campaigns say alike (the make, the
// actions, the remedy of a phase, the source line) is one value for all of them (SharedValues), which
// the lookups before have kept warm.
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
import { describePhase, remedyAvailable, summarizePhases } from '../campaigns/phases';
import type { AffectedListInfo, LoadedCampaign, WindowCandidate } from '../campaigns/store';
import type { Row } from '../db/schema';
import { orderedSeverity } from '../../shared/wording';
import { perVinPatterns, withListedPart } from '../../shared/parts/next-steps';
import { makeKey } from './make';
import { dayNumber, MONTH_INSIDE, MONTH_OUTSIDE, MONTH_PARTLY, modelFit, monthFit, monthInWindow, OPEN_END, OPEN_START } from './match';

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
  // Read by every lookup that meets the campaign, in this order: kept together at the front.
  id: number;
  /** The bulletin's make in key form, for the make check; null when the bulletin names none. */
  makeKey: string | null;
  /** The bulletin's own WMIs; null when it lists none. */
  wmis: Set<string> | null;
  /** The day (days since 1970, UTC) `source` carries the bulletin's age of. */
  ageDay: number;
  /** The hit's source, with the bulletin's age on the day `ageDay`. */
  source: CampaignHit['source'];
  /** The remedy of a bulletin with one phase: every hit's, whatever its match. */
  onlyRemedy: Remedy | null;
  /**
   * The actions after the VIN's own lines, confirmed then verify, each: available, not available, unknown.
   * Like the other parts of a hit's wording (holds, severity, phaseSummary), made the first time a hit of
   * the campaign is worded (worded()): the order suggestions' stock asks only whether a remedy is available.
   */
  standing: [string[], string[], string[], string[], string[], string[]] | null;
  /** The patterns of its per-VIN parts (04002-****): a VIN its list numbers reads its own number in the steps. */
  perVinPatterns: string[] | null;
  /**
   * The same, after asking for the production month (the month is all a hit lacks): one list, not one per
   * hit. Made the first time a hit asks (monthAskedOf): most campaigns' hits never do.
   */
  monthAsked: Worded['standing'] | null;
  code: string;
  title: string;
  kind: Bulletin['kind'];
  severity: Bulletin['severity'] | null;
  nhtsaRecallNumber: string | null;
  /** What "Verify:" ends with: the bulletin's eligibility note, or the general advice. */
  verifyNote: string;
  /** The bulletin's make as a hit shows it. */
  make: string;
  delivery: Bulletin['delivery'];
  /** The stock holds per recorded condition ('' when not recorded). */
  holds: Map<string, CampaignHit['stockHolds']> | null;
  /** The remedy of each phase, as a hit states it. */
  remedies: Map<string, Remedy>;
  /**
   * The bulletin says only vehicles of launched phases are on its affected-VIN list: the remedy of a
   * listed VIN whose phase is not stated (`any`), or whose stated phase the revision had not launched.
   */
  listed: { any: Remedy; byPhase: Map<string, Remedy> } | null;
  /**
   * The remedy while the model or month is not known yet: it depends only on which is missing. Made the
   * first time a hit needs one (pendingOf): a campaign with one phase, or a hit with a stated phase, never does.
   */
  pending: { model: Remedy; month: Remedy; both: Remedy } | null;
  phaseSummary: string | null;
  revisionDate: string;
  /** The window rules by id: read only when a plan is made. */
  windows: Map<string, ModelWindowRule>;
  /** The phase chart (window id, then production month); null when the bulletin has none. */
  chart: Map<string, Map<string, string>> | null;
  /** Where equal values of other campaigns are shared from (the library's; a campaign compiled alone has its own). */
  values: SharedValues;
  /** The revision compiled: what the wording is made from, the first time a hit needs it. */
  bulletin: Bulletin;
};

/** A compiled campaign with its hits' wording made (worded()). */
type Worded = CompiledCampaign & {
  standing: NonNullable<CompiledCampaign['standing']>;
  perVinPatterns: string[];
  holds: NonNullable<CompiledCampaign['holds']>;
  severity: Bulletin['severity'];
  phaseSummary: string;
};

/** The campaign with its hits' wording (CompiledCampaign.standing and the rest), made the first time. */
function worded(k: CompiledCampaign): Worded {
  if (k.standing !== null) return k as Worded;
  const { bulletin: b, values } = k;
  const byWhen = { always: [], verify: [], 'remedy-available': [], 'remedy-not-available': [], 'remedy-unknown': [] } as Record<ActionWhen, string[]>;
  for (const a of b.actions) byWhen[a.when].push(a.text);
  // Until confirmed, then what the remedy state calls for, then the standing instructions.
  const states = ['remedy-available', 'remedy-not-available', 'remedy-unknown'] as const;
  const standing = [[], byWhen.verify].flatMap((first) => states.map((state) => values.list('actions', [...first, ...byWhen[state], ...byWhen.always])));
  const holds = new Map<string, CampaignHit['stockHolds']>();
  for (const condition of ['', ...new Set(b.delivery.map((d) => d.condition))]) {
    holds.set(condition, values.list('holds', stockHolds(b, (condition || null) as VehicleCondition | null)));
  }
  k.holds = holds;
  // A revision loaded before severity existed has none stated.
  k.severity = values.list('severity', orderedSeverity(b.severity ?? []));
  k.phaseSummary = summarizePhases(b.phases);
  k.perVinPatterns = perVinPatterns(b.parts);
  k.standing = standing as Worded['standing'];
  return k as Worded;
}

/**
 * Values that many campaigns state alike, one object for all of them: a lookup that reads one finds
 * it where the campaign before left it, in the CPU's cache. Every value is frozen (or never changed).
 * Kept by the compiled library until the library changes.
 */
export class SharedValues {
  private readonly values = new Map<string, unknown>();

  /** The one value for `key` (the value's kind and its content, written out); `make` makes it the first time. */
  one<T>(key: string, make: () => T): T {
    let value = this.values.get(key) as T | undefined;
    if (value === undefined) this.values.set(key, (value = make()));
    return value;
  }

  /** A frozen list, one for every equal list. */
  list<T>(kind: string, items: T[]): T[] {
    return this.one(`${kind}\u0000${written(items)}`, () => shared(items));
  }

  remedy(r: Remedy): Remedy {
    return this.one(`remedy\u0000${written(r)}`, () => Object.freeze(r));
  }

  text(s: string): string {
    return this.one(`text\u0000${s}`, () => s);
  }

  /** The source line with the bulletin's age on one day. */
  source(s: CampaignHit['source'], ageDays: number): CampaignHit['source'] {
    return this.one(`source\u0000${written([s.bulletin, s.revisionDate, s.revisionLabel, ageDays])}`, () => Object.freeze({ ...s, ageDays }));
  }
}

const ASK_MONTH = "Read the production month from the label on the driver's door jamb.";
const DIFFERS_OUTSIDE = 1;
const DIFFERS_INSIDE = 2;

export type StatusRow = NonNullable<CampaignHit['vehicleStatus']>;
export type Candidates = { ranges: RangeRow[]; plan: WindowPlan | null; list: ListRow | null; status: StatusRow | null };

/** A model window that surely fits the model, with the wording of a match made ahead. */
type DefiniteWindow = {
  /** First and last production day as numbers (20221201); OPEN_START and OPEN_END when open. */
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
  /** Another document's statement of the window (ModelWindowRule.alsoStated), its months as day numbers; null when none. */
  also: AlsoStated | null;
};

/** A window as another document of the bulletin states it: the months it names (open: OPEN_START, OPEN_END) and its words. */
type AlsoStated = { from: number; to: number; text: string };

/** The window's other statement, when the bulletin gives one with months. */
function alsoStated(rule: ModelWindowRule | undefined): AlsoStated | null {
  if (!rule?.alsoStated || (!rule.alsoStatedFrom && !rule.alsoStatedTo)) return null;
  const to = rule.alsoStatedTo;
  return {
    from: rule.alsoStatedFrom ? dayNumber(`${rule.alsoStatedFrom}-01`) : OPEN_START,
    // The month's last day: any day of a month the statement names may be in it.
    to: to ? dayNumber(`${to}-31`) : OPEN_END,
    text: rule.alsoStated,
  };
}

/**
 * What a campaign's model windows say for one model year and model, worked out once per model asked
 * about: the windows that surely fit (in the bulletin's order), or else the models it may be. The
 * first window that surely fits is the plan's own fields (most plans have one): no further object to
 * reach for it. With none, those fields are empty and `count` is 0.
 */
export type WindowPlan = DefiniteWindow & {
  /** How many windows surely fit; `definite` lists them all, the first being the plan's own fields. */
  count: number;
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

/** A member JSON writes exactly as itself (not undefined, NaN or an infinity, nor a list or record). */
const plain = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * A value written out whole, as a key: two values get the same key only when they are equal, member by
 * member. JSON with what JSON cannot tell apart told apart (undefined is not dropped, nor is NaN or
 * Infinity written as null), each token starting differently. A list or record of plain members (nearly
 * every value a campaign states: its actions, its remedies) is JSON exactly, written by JSON.stringify
 * alone; with a replacer, which it calls for every member, it was half the cost of compiling a campaign.
 */
export function written(value: unknown): string {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    let flat = true;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && flat; i++) flat = plain(value[i]);
    } else {
      for (const key in value) if (!(flat = plain((value as Record<string, unknown>)[key]))) break;
    }
    if (flat) return JSON.stringify(value);
  }
  return writtenMember(value);
}

/** written() member by member. */
function writtenMember(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // String(-0) is "0", as JSON writes it; NaN and the infinities as their names.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + written(value[i]);
        return `${out}]`;
      }
      const json = (value as { toJSON?: () => unknown }).toJSON;
      if (typeof json === 'function') return `=${written(json.call(value))}`;
      let out = '{';
      let first = true;
      for (const key of Object.keys(value)) {
        out += `${first ? '' : ','}${JSON.stringify(key)}:${written((value as Record<string, unknown>)[key])}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      // Functions, symbols, bigints are in no campaign's values: a key of their own kind, never another value's.
      return `${typeof value}:${String(value)}`;
  }
}

/**
 * A campaign whose model windows a model can fit, as the lookup meets it: its candidates are the plan
 * of those windows, and the plan is the group itself (one object to reach, not two).
 */
export type WindowGroup = WindowPlan & Candidates & { k: CompiledCampaign };

/** The plan for a campaign's windows of one model year that a model key can fit, as a group; null when none can. */
export function planWindows(k: CompiledCampaign, windows: readonly WindowCandidate[], modelYear: number, modelKey: string | null): WindowGroup | null {
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
      from: w.produced_from ? dayNumber(w.produced_from) : OPEN_START,
      to: w.produced_to ? dayNumber(w.produced_to) : OPEN_END,
      monthLead: `${w.model} ${modelYear} produced `,
      monthTail: `: ${windowMonthText(w.produced_from, w.produced_to, note)}`,
      fromIso: w.produced_from,
      toIso: w.produced_to,
      yearDetail: `${w.model}, model year ${modelYear}: ${note ?? `model years ${rule?.modelYearFrom}-${rule?.modelYearTo}`}.`,
      phase: w.phase,
      chart: k.chart?.get(w.window_id) ?? null,
      also: alsoStated(rule),
    });
    productionWindows.push({ model: w.model, from: w.produced_from, to: w.produced_to, note });
  }
  if (definite.length === 0 && possible.length === 0) return null;
  const choices = [...new Set(possible.map((w) => w.model))];
  const d = definite[0] ?? NO_WINDOW;
  // The fields a lookup reads, in the order it reads them, first.
  const group: WindowGroup = {
    k,
    list: null,
    ranges: NONE,
    plan: null,
    count: definite.length,
    undated,
    from: d.from,
    to: d.to,
    // "RX 350 2023 produced " and the window's wording are one string each for every campaign (and
    // region) that says them alike.
    monthLead: d.monthLead && k.values.text(d.monthLead),
    monthTail: d.monthTail && k.values.text(d.monthTail),
    phase: d.phase,
    chart: d.chart,
    also: d.also,
    status: null,
    yearDetail: d.yearDetail && k.values.text(d.yearDetail),
    productionWindows: shared(productionWindows),
    fromIso: d.fromIso,
    toIso: d.toIso,
    definite,
    choices: choices.length ? shared(choices) : NONE,
    choicesDetail: definite.length ? '' : `Model year ${modelYear} is covered for ${choices.join(', ')}`,
    choicesDated: possible.some((w) => w.produced_from || w.produced_to),
  };
  group.plan = group;
  return group;
}

/** The fields of a plan where no window surely fits (never read: `count` is 0). */
const NO_WINDOW: DefiniteWindow = {
  from: OPEN_START,
  to: OPEN_END,
  monthLead: '',
  monthTail: '',
  fromIso: null,
  toIso: null,
  yearDetail: '',
  phase: null,
  chart: null,
  also: null,
};

/**
 * The per-campaign work that does not depend on the VIN, done once per loaded revision. `values`: the
 * library's shared values (equal values of other campaigns are the same object).
 */
export function compileCampaign(c: LoadedCampaign, values = new SharedValues()): CompiledCampaign {
  const b = c.bulletin;
  let chart: CompiledCampaign['chart'] = null;
  for (const cell of b.phaseChart) {
    chart ??= new Map();
    let months = chart.get(cell.window);
    if (!months) chart.set(cell.window, (months = new Map()));
    months.set(cell.month, cell.phase);
  }
  const remedies = new Map<string, Remedy>();
  for (const p of b.phases) remedies.set(p.id, values.remedy(phaseRemedy(p)));
  let listed: CompiledCampaign['listed'] = null;
  if (b.listedVehicles?.phase === 'launched') {
    const statement = b.listedVehicles.statement;
    const launched = (p: Phase | null): Remedy =>
      values.remedy({
        available: true,
        status: 'remedy-available',
        phase: p?.id ?? null,
        phaseName: p?.name ?? null,
        timing: null,
        explanation: listedLaunchedText(statement, p ? { name: p.name, stated: describePhase(p) } : null),
      });
    listed = { any: launched(null), byPhase: new Map(b.phases.filter((p) => remedyAvailable(p.status) !== true).map((p) => [p.id, launched(p)])) };
  }
  const wmis = b.wmis?.length ? b.wmis : null;
  return {
    id: c.id,
    makeKey: b.make ? values.text(makeKey(b.make)) : null,
    wmis: wmis && values.one(`wmis\u0000${written(wmis)}`, () => new Set(wmis)),
    ageDay: -1,
    // The age is set on the first lookup of each day (CompiledLibrary.ageOf); -1 until then, not NaN (see OPEN_START in match.ts).
    source: values.source({ bulletin: b.source.title, revisionDate: b.revisionDate, revisionLabel: b.revisionLabel, ageDays: -1 }, -1),
    onlyRemedy: b.phases.length === 1 ? remedies.get(b.phases[0]!.id)! : null,
    standing: null,
    perVinPatterns: null,
    monthAsked: null,
    code: b.code,
    title: b.title,
    kind: values.text(b.kind) as Bulletin['kind'],
    severity: null,
    nhtsaRecallNumber: b.nhtsaRecallNumber ?? null,
    verifyNote: values.text(b.eligibilityNote ?? "Confirm eligibility with the manufacturer's system."),
    make: values.text(b.make ?? 'unknown make'),
    delivery: b.delivery,
    holds: null,
    remedies,
    listed,
    pending: null,
    phaseSummary: null,
    revisionDate: b.revisionDate,
    windows: new Map(b.modelWindows.map((w) => [w.id, w])),
    chart,
    values,
    bulletin: b,
  };
}

/** The campaign's actions after asking for the production month (CompiledCampaign.monthAsked), made the first time. */
function monthAskedOf(k: Worded): Worded['standing'] {
  k.monthAsked ??= k.standing.map((actions) => k.values.list('actions', [ASK_MONTH, ...actions])) as Worded['standing'];
  return k.monthAsked;
}

/** The campaign's remedies while the model or month is not known (CompiledCampaign.pending), made the first time. */
function pendingOf(k: Worded): NonNullable<CompiledCampaign['pending']> {
  k.pending ??= {
    model: k.values.remedy(unknownRemedy(k.phaseSummary, 'The phase depends on the model.')),
    month: k.values.remedy(unknownRemedy(k.phaseSummary, 'The phase depends on the production month.')),
    both: k.values.remedy(unknownRemedy(k.phaseSummary, 'The phase depends on the model and production month.')),
  };
  return k.pending;
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
 * What matchCandidates() found, read right after it: one record for every evaluation (no object per hit).
 * `window`: the model window that surely fits (model-window, the model known); `edge`: the stated month
 * straddles that window's edge (only some of its days are covered).
 */
const found = {
  matchedBy: 'vin-range' as CampaignHit['matchedBy'],
  phaseId: null as string | null,
  needModel: false,
  needMonth: false,
  edge: false,
  /** The window's dates and another document's statement of it disagree on the month (DefiniteWindow.also). */
  differs: 0 as typeof DIFFERS_OUTSIDE | typeof DIFFERS_INSIDE | 0,
  window: null as DefiniteWindow | null,
};

/**
 * How the candidates the database returned match the vehicle, left in `found`; false when the campaign is
 * not a hit. No wording: evaluate() words it, availableRemedy() needs none.
 */
function matchCandidates(cand: Candidates, v: Vehicle): boolean {
  found.phaseId = null;
  found.needModel = false;
  found.needMonth = false;
  found.edge = false;
  found.differs = 0;
  found.window = null;
  if (cand.list) {
    found.matchedBy = 'affected-list';
    // A list without a phase column: the phase the bulletin states for the model and month still holds.
    found.phaseId = cand.list.phase ?? (cand.plan ? statedPhase(cand.plan, v.month) : null);
    return true;
  }
  if (cand.ranges.length > 0) {
    found.matchedBy = 'vin-range';
    found.phaseId = cand.ranges[0]!.phase;
    return true;
  }
  const p = cand.plan;
  if (!p) return false;
  found.matchedBy = 'model-window';
  if (p.count === 0) {
    found.needModel = true;
    found.needMonth = p.choicesDated && !v.month;
    return true;
  }
  // The first window that surely fits is the plan's own fields.
  let d: DefiniteWindow = p;
  // Every window that fits is dated: the month decides, or is asked for.
  if (!p.undated) {
    if (v.month) {
      if (p.count === 1) {
        const fit = monthFit(v.month, p.from, p.to);
        if (fit === MONTH_OUTSIDE) {
          // Outside the window's dates: in the months another document states it with, the two differ.
          if (p.also === null || !monthInWindow(v.month, p.also.from, p.also.to)) return false;
          found.differs = DIFFERS_OUTSIDE;
        } else {
          found.edge = fit === MONTH_PARTLY;
          if (p.also !== null && !monthInWindow(v.month, p.also.from, p.also.to)) found.differs = DIFFERS_INSIDE;
        }
      } else {
        // A window the whole month is inside wins; else one that covers some of its days.
        let inside: DefiniteWindow | null = null;
        for (const x of p.definite) {
          const fit = monthFit(v.month, x.from, x.to);
          if (fit === MONTH_INSIDE) {
            inside = x;
            found.edge = false;
            break;
          }
          if (fit === MONTH_PARTLY && inside === null) {
            inside = x;
            found.edge = true;
          }
        }
        if (inside) {
          if (inside.also !== null && !monthInWindow(v.month, inside.also.from, inside.also.to)) found.differs = DIFFERS_INSIDE;
        } else {
          // No window's dates take the month in: one that another document states otherwise may.
          inside = p.definite.find((x) => x.also !== null && monthInWindow(v.month!, x.also.from, x.also.to)) ?? null;
          if (!inside) return false;
          found.differs = DIFFERS_OUTSIDE;
        }
        d = inside;
      }
    } else {
      found.needMonth = true;
    }
  }
  found.window = d;
  if (!found.needMonth) found.phaseId = d.phase ?? (v.month ? (d.chart?.get(v.month) ?? null) : null);
  return true;
}

/**
 * The remedy the bulletin states for a match: its phase's (or the only phase's); on the list of a campaign
 * that lists only launched phases, launched whatever the revision said. Undefined when it states none.
 */
function statedRemedy(k: CompiledCampaign, phaseId: string | null, confirmed: boolean): Remedy | undefined {
  const remedy = k.onlyRemedy ?? (phaseId !== null ? k.remedies.get(phaseId) : undefined);
  if (confirmed && k.listed && remedy?.available !== true) return (phaseId !== null ? k.listed.byPhase.get(phaseId) : undefined) ?? k.listed.any;
  return remedy;
}

/**
 * The remedy of evaluate()'s hit when it is available, else null (not a hit, or a remedy not available,
 * unknown or pending): the same match and remedy without the hit's wording, for a caller that acts only on
 * an available remedy (the order suggestions' stock). A pending or unstated remedy is never available.
 */
export function availableRemedy(k: CompiledCampaign, cand: Candidates, v: Vehicle): Remedy | null {
  if (!matchCandidates(cand, v)) return null;
  const remedy = statedRemedy(k, found.phaseId, found.matchedBy === 'affected-list');
  return remedy?.available === true ? remedy : null;
}

/**
 * One campaign's answer for one vehicle, from the candidates the database returned; null: not a hit.
 * `makeConfirmed`: the VIN's make is the bulletin's; `list`: the campaign's affected-VIN list, if any;
 * `ageDays`: the bulletin revision's age today.
 */
export function evaluate(
  compiled: CompiledCampaign,
  cand: Candidates,
  v: Vehicle,
  makeConfirmed: boolean,
  list: AffectedListInfo | null,
  ageDays: number,
): CampaignHit | null {
  if (!matchCandidates(cand, v)) return null;
  const k = worded(compiled);
  const { matchedBy, phaseId, needModel, needMonth, edge, differs } = found;
  let matchDetail: string;
  let modelChoices: string[] = NONE;
  let productionWindows: CampaignHit['productionWindows'] = NONE;
  if (matchedBy === 'affected-list') matchDetail = `On the affected-VIN list of ${cand.list!.list_date}.`;
  else if (matchedBy === 'vin-range') {
    const r = cand.ranges[0]!;
    matchDetail = `In the published VIN range ${r.serial_from}-${r.serial_to} for ${r.model} ${r.model_year}.`;
  } else if (!needModel) {
    // A window that surely fits: the month decided it, or is asked for.
    const d = found.window!;
    if (needMonth) productionWindows = cand.plan!.productionWindows;
    matchDetail = !v.month
      ? d.yearDetail
      : differs === DIFFERS_OUTSIDE
        ? `${d.monthLead}${v.month}: ${windowDiffersText(v.month, windowSpanText(d.fromIso, d.toIso), d.also!.text, false)}`
        : edge
          ? `${d.monthLead}${v.month}: ${windowEdgeText(v.month, d.fromIso, d.toIso)}`
          : `${d.monthLead}${v.month}${d.monthTail}`;
    if (differs === DIFFERS_INSIDE) matchDetail += windowDiffersText(v.month!, '', d.also!.text, true);
  } else {
    const p = cand.plan!;
    modelChoices = p.choices;
    matchDetail = `${p.choicesDetail}${v.model ? `; "${v.model}" is not specific enough` : ''}.`;
  }

  const needs = needModel ? (needMonth ? NEEDS.both : NEEDS.model) : needMonth ? NEEDS.month : NEEDS.none;
  const confirmed = matchedBy === 'affected-list';
  // Unknown (never guessed) when the phase is not stated.
  const remedy =
    statedRemedy(k, phaseId, confirmed) ??
    (needModel ? (needMonth ? pendingOf(k).both : pendingOf(k).model) : needMonth ? pendingOf(k).month : unstatedPhase(k, v));
  const affectedList = list ? { date: list.date, listed: confirmed, complete: list.complete, partNumber: cand.list?.part_number ?? null } : null;
  const notListed = list !== null && !confirmed && list.complete;
  const done = cand.status && cand.status.status !== 'open' ? cand.status : null;
  const standingAt = (confirmed ? 0 : 3) + (remedy.available === true ? 0 : remedy.available === false ? 1 : 2);
  const standing = k.standing[standingAt]!;
  let actions: string[];
  if (done) actions = [describeDone(done)];
  else if (!notListed && !needModel && !edge && !differs) actions = needMonth ? monthAskedOf(k)[standingAt]! : standing;
  else {
    actions = [];
    if (differs) actions.push(WINDOW_DIFFERS_ACTION);
    else if (edge) actions.push(WINDOW_EDGE_ACTION);
    if (notListed) {
      actions.push(`Not on the affected-VIN list of ${list.date} (${count(list.rows)} VINs): probably not involved; confirm in TIS if the guest has a notice.`);
    }
    if (needModel) actions.push(`Ask the guest which model it is (${modelChoices.join(', ')}), or read it from the registration.`);
    if (needMonth) actions.push(ASK_MONTH);
    for (const a of standing) actions.push(a);
  }
  if (affectedList?.partNumber && k.perVinPatterns.length > 0) actions = actions.map((a) => withListedPart(a, k.perVinPatterns, affectedList));

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
function unstatedPhase(k: Worded, v: { model: string | null; month: string | null }): Remedy {
  return unknownRemedy(
    k.phaseSummary,
    `The bulletin data does not state the phase of ${v.model ?? 'this model'}${v.month ? ` produced ${v.month}` : ''}: check TIS/SLP, never guess.`,
  );
}

/** The hit's source, with the bulletin's age today (the compiled library keeps it for today's age). */
function sourceOf(k: CompiledCampaign, ageDays: number): CampaignHit['source'] {
  if (k.source.ageDays !== ageDays) k.source = k.values.source(k.source, ageDays);
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
  // Codes are upper-case letters and digits: compared by code point (localeCompare cost a microsecond).
  return urgency(a) - urgency(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** A hit's place in byUrgency before its code: the lower, the more pressing. */
function urgency(h: CampaignHit): number {
  return (
    (h.vehicleStatus && h.vehicleStatus.status !== 'open' ? 100 : 0) +
    (h.severity.length ? 0 : 50) +
    (h.certainty === 'confirmed' ? 0 : h.affectedList && !h.affectedList.listed && h.affectedList.complete ? 20 : 10) +
    (h.kind === 'safety-recall' ? 0 : 1)
  );
}
