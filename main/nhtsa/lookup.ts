// NHTSA's recalls for one vehicle's make, model and model year: one prepared statement per lookup (an
// index seek on make, normalised model and year), called once by the lookup after the library's own
// answer. NHTSA's file has no VINs, so every hit is "verify". A row naming a library bulletin by its
// manufacturer campaign number (MFGCAMPNO) adds the NHTSA number to that bulletin's card instead of a
// second card for the same recall.
import type BetterSqlite3 from 'better-sqlite3';
import type { Severity } from '../../shared/bulletin';
import type { CampaignHit, LookupResult } from '../../shared/lookup/contract';
import { NHTSA_WORDING } from '../../shared/nhtsa/wording';
import { nhtsaKey } from './parse';

type Row = [
  campaign: string,
  make: string,
  model: string,
  component: string,
  builtFrom: string | null,
  builtTo: string | null,
  mfgCampaign: string | null,
  summary: string,
  consequence: string,
  remedy: string,
  reportDate: string | null,
  doNotDrive: number,
  parkOutside: number,
  fileName: string | null,
  importedAt: string | null,
];

export type NhtsaQuery = {
  make: string | null;
  /** The models the vehicle is known by (stated, the dealer's record, vPIC's model and its grade): the first NHTSA lists wins. */
  models: (string | null | undefined)[];
  modelYear: number;
  /** YYYY-MM when known: narrows by the campaign's production dates where the file gives them. */
  productionMonth: string | null;
  /** The vehicle is in the dealer's stock (and not new): the hit carries a hold. */
  stock: { condition: CampaignHit['stockHolds'][number]['condition'] | null } | null;
  today: number;
};

const text = (x: string) => `${x.length}:${x}`;

export type NhtsaAnswer = { hits: CampaignHit[]; note: LookupResult['nhtsa'] };

export class NhtsaLookup {
  private readonly rows: BetterSqlite3.Statement<unknown[], Row>;
  private readonly modelsOf: BetterSqlite3.Statement<unknown[], string>;
  private readonly any: BetterSqlite3.Statement<[], number>;

  constructor(sqlite: BetterSqlite3.Database) {
    // CAST: a bare parameter on an indexed column is re-planned after ANALYZE (see lookup/service.ts).
    this.rows = sqlite
      .prepare<unknown[], Row>(
        `SELECT v.campaign, v.make, v.model, v.component, v.built_from, v.built_to, c.mfg_campaign, c.summary, c.consequence, c.remedy,
                c.report_date, c.do_not_drive, c.park_outside, i.file_name, i.imported_at
           FROM nhtsa_vehicles v
           JOIN nhtsa_campaigns c ON c.campaign = v.campaign
           LEFT JOIN nhtsa_import i ON i.part = v.part
          WHERE v.make_key = CAST(? AS TEXT) AND v.model_key = CAST(? AS TEXT) AND v.year = CAST(? AS INTEGER)
          ORDER BY c.do_not_drive DESC, c.park_outside DESC, c.report_date DESC, v.campaign, v.component`,
      )
      .raw(true);
    this.modelsOf = sqlite
      .prepare<unknown[], string>(
        'SELECT DISTINCT model FROM nhtsa_vehicles WHERE make_key = CAST(? AS TEXT) AND year = CAST(? AS INTEGER) ORDER BY model LIMIT 60',
      )
      .pluck();
    this.any = sqlite.prepare<[], number>('SELECT count(*) FROM nhtsa_import').pluck();
  }

  /**
   * NHTSA's recalls for the vehicle, and what to say when none match its model. `kept`: answers already
   * given in the same read transaction (a report's batch), by everything an answer depends on; they are
   * shared, so frozen.
   */
  find(q: NhtsaQuery, kept?: Map<string, NhtsaAnswer | null> | null): NhtsaAnswer | null {
    if (!q.make) return null;
    if (!kept) return this.answer(q, q.make);
    // Each text written with its length: no two queries share a key.
    let key = `${q.modelYear},${q.today},${q.stock ? (q.stock.condition === null ? '+~' : `+${text(q.stock.condition)}`) : '-'}${text(q.make)}${text(q.productionMonth ?? '')}`;
    for (const m of q.models) key += text(m || '');
    let a = kept.get(key);
    if (a === undefined) {
      a = this.answer(q, q.make);
      if (a) {
        for (const h of a.hits) Object.freeze(h);
        Object.freeze(a.hits);
      }
      kept.set(key, a);
    }
    return a;
  }

  private answer(q: NhtsaQuery, make: string): NhtsaAnswer | null {
    const makeKey = nhtsaKey(make);
    const keys = [...new Set(q.models.filter((m): m is string => !!m).map(nhtsaKey))].filter(Boolean);
    let rows: Row[] = [];
    for (const k of keys) {
      rows = this.rows.all(makeKey, k, q.modelYear);
      if (rows.length) break;
    }
    if (!rows.length) {
      // Only when nothing matched: is there an import at all, and which models does it list?
      if (!this.any.get()) return null;
      const listed = this.modelsOf.all(makeKey, q.modelYear);
      return {
        hits: [],
        note: {
          modelsListed: listed,
          text: !keys.length
            ? NHTSA_WORDING.noModel(make, q.modelYear, listed)
            : listed.length
              ? NHTSA_WORDING.modelNotListed(make, q.modelYear, q.models.find((m) => !!m) ?? '', listed)
              : NHTSA_WORDING.nothingForMakeYear(make, q.modelYear),
        },
      };
    }
    // One card per campaign: its components joined, the production dates of the rows that fit.
    const byCampaign = new Map<string, { row: Row; components: string[]; windows: CampaignHit['productionWindows'] }>();
    const month = q.productionMonth;
    for (const r of rows) {
      const from = r[4]?.slice(0, 7) ?? null;
      const to = r[5]?.slice(0, 7) ?? null;
      if (month && ((from && month < from) || (to && month > to))) continue;
      let c = byCampaign.get(r[0]);
      if (!c) byCampaign.set(r[0], (c = { row: r, components: [], windows: [] }));
      if (r[3] && !c.components.includes(r[3])) c.components.push(r[3]);
      if ((from || to) && !c.windows.some((w) => w.from === from && w.to === to)) c.windows.push({ model: r[2], from, to, note: NHTSA_WORDING.window });
    }
    const hits: CampaignHit[] = [];
    for (const { row, components, windows } of byCampaign.values()) hits.push(this.hit(row, components, windows, q));
    return { hits, note: null };
  }

  private hit(r: Row, components: string[], windows: CampaignHit['productionWindows'], q: NhtsaQuery): CampaignHit {
    const [campaign, make, model, , , , mfgCampaign, summary, consequence, remedy, reportDate, dnd, park, fileName, importedAt] = r;
    const severity: Severity[] = [];
    if (dnd) severity.push('do-not-drive');
    if (park) severity.push('park-outside');
    const component = components.join('; ');
    const holdable = q.stock && q.stock.condition !== 'new';
    const stockHolds: CampaignHit['stockHolds'] = holdable
      ? [
          dnd
            ? { hold: 'do-not-deliver-until-remedied', condition: q.stock!.condition ?? 'used', text: NHTSA_WORDING.doNotDeliver }
            : { hold: 'check-by-vin-before-delivery', condition: q.stock!.condition ?? 'used', text: NHTSA_WORDING.checkByVin },
        ]
      : [];
    const ageDays = importedAt ? Math.max(0, q.today - Math.floor(Date.parse(importedAt) / 86_400_000)) : 0;
    return {
      code: campaign,
      title: component || NHTSA_WORDING.noComponent,
      kind: 'safety-recall',
      severity,
      nhtsaRecallNumber: campaign,
      certainty: 'verify',
      certaintyReason: NHTSA_WORDING.verify,
      matchedBy: 'nhtsa-model-year',
      matchDetail: NHTSA_WORDING.matchDetail(make, model, q.modelYear, windows.length > 0 && !!q.productionMonth),
      remedy: { available: null, status: 'unknown', phase: null, phaseName: null, timing: null, explanation: remedy || NHTSA_WORDING.noRemedyText },
      needs: [],
      modelChoices: [],
      productionWindows: windows,
      actions: [NHTSA_WORDING.verify],
      makeConfirmed: true,
      make,
      stockHolds,
      delivery: [],
      affectedList: null,
      vehicleStatus: null,
      source: { bulletin: NHTSA_WORDING.source(fileName), revisionDate: reportDate ?? '', revisionLabel: 'NHTSA', ageDays },
      nhtsa: { campaign, manufacturerCampaign: mfgCampaign, component, summary, consequence, remedy, doNotDrive: !!dnd, parkOutside: !!park, reportDate },
    };
  }
}

/**
 * The library's hits with NHTSA's added: a NHTSA row whose manufacturer campaign number is a library
 * bulletin's code gives that bulletin's card its NHTSA number (and NHTSA's flags) and no card of its own.
 */
export function mergeNhtsa(library: CampaignHit[], nhtsa: CampaignHit[]): CampaignHit[] {
  if (!nhtsa.length) return library;
  const byCode = new Map(library.map((h, i) => [h.code.toUpperCase(), i]));
  const out = library.slice();
  for (const n of nhtsa) {
    // MFGCAMPNO is free text: one code, several ("K2G, V2F"), or none ("Multiple Codes").
    const mfg = n.nhtsa?.manufacturerCampaign?.toUpperCase() ?? '';
    const at = [mfg.trim(), ...mfg.split(/[\s,;/]+/)].map((c) => (c ? byCode.get(c) : undefined)).find((i) => i !== undefined);
    if (at === undefined) {
      out.push(n);
      continue;
    }
    const own = out[at]!;
    const severity = [...new Set([...own.severity, ...n.severity])];
    out[at] = { ...own, nhtsaRecallNumber: own.nhtsaRecallNumber ?? n.code, severity, nhtsa: n.nhtsa };
  }
  return out;
}
