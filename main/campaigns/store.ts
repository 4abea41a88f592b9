// The campaign library in SQLite: the current revision of each campaign (its document and its
// matching rules, expanded for index seeks) and every revision ever loaded.
import { ApiError, type CampaignDetail, type CampaignSummary } from '../../shared/api';
import { type Bulletin, normalizeModel } from '../../shared/bulletin';
import { yearCodeOf } from '../../shared/vin';
import { ageInDays } from '../../shared/age';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import { summarizePhases } from './phases';

export type Origin = 'built-in' | 'imported';

export type LoadedCampaign = {
  id: number;
  code: string;
  origin: Origin;
  bulletin: Bulletin;
};

export type UpsertOutcome = { outcome: 'added' | 'updated' | 'unchanged'; previousRevisionDate: string | null };

export type WindowCandidate = Pick<Row<'model_window_rules'>, 'campaign_id' | 'window_id' | 'model' | 'model_key' | 'produced_from' | 'produced_to' | 'phase'>;

export type AffectedListInfo = { id: number; campaignId: number; date: string; complete: boolean; rows: number };

/** A year's and region's window rules, with their positions by model key. */
type WindowIndex = {
  all: WindowCandidate[];
  byKey: Map<string, number[]>;
  keys: string[];
  lengths: number[];
  /** The windows found per model key asked about. */
  fits: Map<string, WindowCandidate[]>;
};

const FITS_KEPT = 2000;

function indexWindows(all: WindowCandidate[]): WindowIndex {
  const byKey = new Map<string, number[]>();
  all.forEach((w, i) => {
    const list = byKey.get(w.model_key);
    if (list) list.push(i);
    else byKey.set(w.model_key, [i]);
  });
  const keys = [...byKey.keys()].sort();
  return { all, byKey, keys, lengths: [...new Set(keys.map((k) => k.length))].sort((a, b) => a - b), fits: new Map() };
}

/** The first index whose key sorts at or after `key`. */
function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The window rules of one year and region that `modelKey` can fit, in the rules' own order. */
function windowsFitting(index: WindowIndex, modelKey: string): WindowCandidate[] {
  const at: number[] = [];
  // Rules that are a prefix of the key (including the key itself): one probe per key length in use.
  for (const n of index.lengths) {
    if (n > modelKey.length) break;
    const rules = index.byKey.get(n === modelKey.length ? modelKey : modelKey.slice(0, n));
    if (rules) for (const i of rules) at.push(i);
  }
  // Rules that start with the key and are longer: a contiguous run of the sorted keys.
  const keys = index.keys;
  for (let k = lowerBound(keys, modelKey); k < keys.length && keys[k]!.startsWith(modelKey); k++) {
    if (keys[k] !== modelKey) for (const i of index.byKey.get(keys[k]!)!) at.push(i);
  }
  // In the rules' own order, as without a model: the first window a campaign names is the one it reports.
  if (at.length > 1) at.sort((a, b) => a - b);
  return at.map((i) => index.all[i]!);
}

/**
 * A revision stored before a field was added to the format reads as the format's default for it (no
 * severity stated, no NHTSA number stated), so every reader sees the format's current shape.
 */
function withLaterDefaults(b: Bulletin): Bulletin {
  return { ...b, severity: b.severity ?? [], nhtsaRecallNumber: b.nhtsaRecallNumber ?? null };
}

type CurrentRow = Pick<Row<'campaigns'>, 'id' | 'revision_date' | 'document' | 'origin'>;

export class CampaignStore {
  private readonly cache = new Map<number, LoadedCampaign>();
  private statsCache: { count: number; newestRevisionDate: string | null } | null = null;
  private listsCache: { byCampaign: Map<number, AffectedListInfo>; byId: Map<number, AffectedListInfo> } | null = null;
  private codesCache: Map<string, number> | null = null;
  private readonly windowsCache = new Map<string, WindowIndex>();
  private readonly stmt;

  private dataVersion = -1;
  private changes = 0;
  private lastSync = 0;

  /**
   * @param syncIntervalMs how often to look for changes another process (the CLI, a second window)
   *   committed to the same file; the check is one pragma, so at most once per interval.
   */
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly syncIntervalMs = 1000,
  ) {
    const s = db.sqlite;
    this.stmt = {
      dataVersion: s.prepare<[], number>('PRAGMA data_version').pluck(),
      current: s.prepare<[string], CurrentRow>('SELECT id, revision_date, document, origin FROM campaigns WHERE code = ?'),
      byId: s.prepare<[number], Pick<Row<'campaigns'>, 'id' | 'code' | 'document' | 'origin'>>('SELECT id, code, document, origin FROM campaigns WHERE id = ?'),
      insertCampaign: s.prepare(
        `INSERT INTO campaigns (code, kind, title, revision_date, revision_label, origin, document, loaded_at)
         VALUES (@code, @kind, @title, @revision_date, @revision_label, @origin, @document, @loaded_at)`,
      ),
      updateCampaign: s.prepare(
        `UPDATE campaigns SET kind = @kind, title = @title, revision_date = @revision_date, revision_label = @revision_label,
           origin = @origin, document = @document, loaded_at = @loaded_at WHERE id = @id`,
      ),
      insertRevision: s.prepare(
        `INSERT INTO campaign_revisions (campaign_code, revision_date, revision_label, origin, document, loaded_at)
         VALUES (@code, @revision_date, @revision_label, @origin, @document, @loaded_at)
         ON CONFLICT (campaign_code, revision_date) DO UPDATE SET
           revision_label = excluded.revision_label, origin = excluded.origin, document = excluded.document, loaded_at = excluded.loaded_at`,
      ),
      deleteRanges: s.prepare('DELETE FROM vin_range_rules WHERE campaign_id = ?'),
      deleteWindows: s.prepare('DELETE FROM model_window_rules WHERE campaign_id = ?'),
      insertRange: s.prepare(
        `INSERT INTO vin_range_rules (campaign_id, wmi, vds, year_code, serial_from, serial_to, model, model_year, phase)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertWindow: s.prepare(
        `INSERT INTO model_window_rules (campaign_id, window_id, model, model_key, model_year, built_in, produced_from, produced_to, phase)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      count: s.prepare<[], { n: number; newest: string | null }>('SELECT count(*) AS n, max(revision_date) AS newest FROM campaigns'),
      lists: s.prepare<[], Pick<Row<'affected_vin_lists'>, 'id' | 'campaign_id' | 'list_date' | 'complete' | 'row_count'>>(
        'SELECT id, campaign_id, list_date, complete, row_count FROM affected_vin_lists',
      ),
      codes: s.prepare<[], Pick<Row<'campaigns'>, 'id' | 'code'>>('SELECT id, code FROM campaigns'),
      windows: s.prepare<[number, string], WindowCandidate>(
        `SELECT campaign_id, window_id, model, model_key, produced_from, produced_to, phase FROM model_window_rules
         WHERE model_year = ? AND (built_in IS NULL OR built_in = ?)`,
      ),
    };
  }

  /**
   * Makes `bulletin` the current revision of its campaign if it is newer than what is loaded.
   * One transaction: the document, the rules and the revision history change together or not at all.
   */
  upsert(bulletin: Bulletin, origin: Origin): UpsertOutcome {
    const document = JSON.stringify(bulletin);
    const run = this.db.sqlite.transaction((): UpsertOutcome => {
      const current = this.stmt.current.get(bulletin.code);
      if (current) {
        if (current.revision_date === bulletin.revisionDate && current.document === document) {
          return { outcome: 'unchanged', previousRevisionDate: current.revision_date };
        }
        if (bulletin.revisionDate < current.revision_date) {
          throw new ApiError(
            'conflict',
            `${bulletin.code} revision ${bulletin.revisionDate} is older than the loaded revision ${current.revision_date}; nothing was changed.`,
            ["Import the newer bulletin instead, or check the file's revisionDate."],
          );
        }
        if (bulletin.revisionDate === current.revision_date && origin === 'imported' && current.origin === 'imported') {
          throw new ApiError('conflict', `${bulletin.code} revision ${bulletin.revisionDate} is already loaded with different content; nothing was changed.`, [
            'A corrected bulletin needs a later revisionDate, so both versions stay traceable.',
          ]);
        }
      }
      const row = {
        code: bulletin.code,
        kind: bulletin.kind,
        title: bulletin.title,
        revision_date: bulletin.revisionDate,
        revision_label: bulletin.revisionLabel,
        origin,
        document,
        loaded_at: this.now().toISOString(),
      };
      let id: number;
      if (current) {
        id = current.id;
        this.stmt.updateCampaign.run({ ...row, id });
        this.stmt.deleteRanges.run(id);
        this.stmt.deleteWindows.run(id);
      } else {
        id = Number(this.stmt.insertCampaign.run(row).lastInsertRowid);
      }
      this.stmt.insertRevision.run(row);
      this.insertRules(id, bulletin);
      return { outcome: current ? 'updated' : 'added', previousRevisionDate: current?.revision_date ?? null };
    });
    const result = run();
    if (result.outcome !== 'unchanged') this.invalidate();
    return result;
  }

  private insertRules(campaignId: number, b: Bulletin): void {
    for (const r of b.vinRanges) {
      this.stmt.insertRange.run(campaignId, r.wmi, r.vds, yearCodeOf(r.modelYear), r.serialFrom, r.serialTo, r.model, r.modelYear, r.phase);
    }
    for (const w of b.modelWindows) {
      const key = normalizeModel(w.model);
      for (let year = w.modelYearFrom; year <= w.modelYearTo; year++) {
        this.stmt.insertWindow.run(campaignId, w.id, w.model, key, year, w.builtIn, w.producedFrom, w.producedTo, w.phase);
      }
    }
  }

  /** Drops the caches when another connection has committed since the last look. */
  /** @param now at once, not only every syncIntervalMs (a report kept until the data changes must start from fresh rules) */
  syncWithOtherProcesses(now = false): void {
    const t = Date.now();
    if (!now && t - this.lastSync < this.syncIntervalMs) return;
    this.lastSync = t;
    const v = this.stmt.dataVersion.get()!;
    if (v !== this.dataVersion) {
      this.dataVersion = v;
      this.invalidate();
    }
  }

  /** Counts the times the library changed, so that what others derive from it knows when to forget. */
  get generation(): number {
    return this.changes;
  }

  /** Forgets everything cached; the next read comes from the file. */
  invalidate(): void {
    this.changes++;
    this.cache.clear();
    this.statsCache = null;
    this.listsCache = null;
    this.codesCache = null;
    this.windowsCache.clear();
  }

  /**
   * The model-window rules for a model year and build region that can fit the model: with a model
   * key, only rules whose model is a prefix of it ("RX" for "RX350": yes) or starts with it ("RX350"
   * for "RX": ask which), found through a per-year index instead of a pass over every rule of the year;
   * without one, all of them. Every VIN of a year and region shares the index, so its rows are read
   * once (an index seek) and kept until the library changes.
   */
  windowsFor(modelYear: number, region: string, modelKey: string | null = null): readonly WindowCandidate[] {
    const key = `${modelYear}|${region}`;
    let index = this.windowsCache.get(key);
    if (!index) this.windowsCache.set(key, (index = indexWindows(this.stmt.windows.all(modelYear, region))));
    if (modelKey === null || index.all.length === 0) return index.all;
    let fits = index.fits.get(modelKey);
    if (!fits) {
      // Models asked about repeat: their windows are kept (a bounded number per year and region).
      if (index.fits.size >= FITS_KEPT) index.fits.clear();
      index.fits.set(modelKey, (fits = windowsFitting(index, modelKey)));
    }
    return fits;
  }

  private lists() {
    if (!this.listsCache) {
      const byCampaign = new Map<number, AffectedListInfo>();
      const byId = new Map<number, AffectedListInfo>();
      for (const r of this.stmt.lists.all()) {
        const info = { id: r.id, campaignId: r.campaign_id, date: r.list_date, complete: r.complete === 1, rows: r.row_count };
        byCampaign.set(r.campaign_id, info);
        byId.set(r.id, info);
      }
      this.listsCache = { byCampaign, byId };
    }
    return this.listsCache;
  }

  /** An affected-VIN list by its id: the lookup reads list rows without joining. */
  listById(listId: number): AffectedListInfo | null {
    return this.lists().byId.get(listId) ?? null;
  }

  /** The id of the current campaign with this code, without a query. */
  idForCode(code: string): number | null {
    if (!this.codesCache) this.codesCache = new Map(this.stmt.codes.all().map((r) => [r.code, r.id]));
    return this.codesCache.get(code) ?? null;
  }

  /** The campaign's current affected-VIN list, if one was imported. */
  listFor(campaignId: number): AffectedListInfo | null {
    return this.lists().byCampaign.get(campaignId) ?? null;
  }

  /** The current campaign row for a code, or a not-found error that lists the known codes. */
  idOf(code: string): { id: number; code: string; title: string } {
    const wanted = code.trim().toUpperCase();
    const row = this.db.sqlite
      .prepare<[string], Pick<Row<'campaigns'>, 'id' | 'code' | 'title'>>('SELECT id, code, title FROM campaigns WHERE code = ?')
      .get(wanted);
    if (!row) {
      const known = this.db.sqlite.prepare<[], string>('SELECT code FROM campaigns ORDER BY code').pluck().all();
      throw new ApiError('not-found', `No campaign "${wanted}" in the library.`, [`Known campaigns: ${known.join(', ') || 'none'}.`]);
    }
    return row;
  }

  /** The parsed current revision, cached until the library changes: the lookup reads it per hit. */
  byId(id: number): LoadedCampaign {
    let c = this.cache.get(id);
    if (!c) {
      const row = this.stmt.byId.get(id);
      if (!row) throw new ApiError('not-found', `No campaign with id ${id}.`);
      c = { id: row.id, code: row.code, origin: row.origin, bulletin: withLaterDefaults(JSON.parse(row.document) as Bulletin) };
      this.cache.set(id, c);
    }
    return c;
  }

  stats(): { count: number; newestRevisionDate: string | null } {
    if (!this.statsCache) {
      const r = this.stmt.count.get()!;
      this.statsCache = { count: r.n, newestRevisionDate: r.newest };
    }
    return this.statsCache;
  }

  async list(): Promise<CampaignSummary[]> {
    this.syncWithOtherProcesses();
    const ids = this.db.sqlite.prepare<[], number>('SELECT id FROM campaigns ORDER BY code').pluck().all();
    return ids.map((id) => this.summarize(this.byId(id)));
  }

  async detail(code: string): Promise<CampaignDetail> {
    this.syncWithOtherProcesses();
    const c = this.byId(this.idOf(code).id);
    const revisions = this.db.sqlite
      .prepare<[string], Pick<Row<'campaign_revisions'>, 'revision_date' | 'revision_label' | 'origin' | 'loaded_at'>>(
        'SELECT revision_date, revision_label, origin, loaded_at FROM campaign_revisions WHERE campaign_code = ? ORDER BY revision_date DESC',
      )
      .all(c.code);
    return {
      summary: this.summarize(c),
      bulletin: c.bulletin,
      revisions: revisions.map((r) => ({
        revisionDate: r.revision_date,
        revisionLabel: r.revision_label,
        origin: r.origin,
        loadedAt: r.loaded_at,
      })),
    };
  }

  private summarize(c: LoadedCampaign): CampaignSummary {
    const b = c.bulletin;
    return {
      code: b.code,
      kind: b.kind,
      title: b.title,
      models: b.models.map((m) => `${m.name} (${m.modelYears})`).join(', '),
      revisionDate: b.revisionDate,
      revisionLabel: b.revisionLabel,
      ageDays: ageInDays(b.revisionDate, this.now()),
      origin: c.origin,
      remedySummary: summarizePhases(b.phases),
      vinRangeCount: b.vinRanges.length,
      modelWindowCount: b.modelWindows.length,
    };
  }
}
