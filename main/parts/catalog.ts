// Each campaign's parts as its bulletin states them, with the counter's dated amendments beside them.
// An amendment fills or overrides a value; a newer bulletin revision that states the value wins, and
// the part says so.
import { ApiError } from '../../shared/contract';
import type { Bulletin } from '../../shared/bulletin';
import type { CampaignPart } from '../../shared/parts/contract';
import type { CampaignStore } from '../campaigns/store';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import { isPattern, matchesPart } from './pattern';

type Sources = CampaignPart['sources'];
/** A campaign part without its stock figures: what the bulletin and the amendments say. */
export type PartFacts = Omit<CampaignPart, 'stockingLevel' | 'onHand' | 'onOrder' | 'perVinStock'> & {
  /** The key amendments are filed under: the bulletin's number or pattern, "#N" for an unnumbered part, or the added number. */
  key: string;
  /** The part is for one vehicle (per-VIN number or MAC code C): ordered through CPOR and held per VIN. */
  heldPerVin: boolean;
  /** The bulletin's first op code's flat-rate hours etc. are read elsewhere; this is the part's note. */
  note: string | null;
};

/** A campaign's parts; its bulletin is read (parsed whole) only when asked for: most callers need only the parts. */
export type CampaignParts = { readonly code: string; readonly bulletin: Bulletin; readonly parts: PartFacts[] };

type AmendmentRow = Row<'part_amendments'>;

const FIELD_WORD: Record<string, string> = {
  partNumber: 'part number',
  description: 'description',
  quantity: 'quantity',
  macCode: 'MAC code',
  released: 'released',
  perVin: 'per VIN',
  allocation: 'allocation',
};

const show = (v: unknown) => (v === null ? 'not stated' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

const catalogs = new WeakMap<Db, { key: string; catalog: CampaignParts[] }>();

/**
 * Every current campaign with its effective parts, in code order. Kept until the library or the
 * amendments change (amendments are only ever added): read it, do not change it.
 */
/** Asked on every write of a part (prepared once per database: preparing costs more than the query). */
const amendmentStates = new WeakMap<Db, ReturnType<typeof prepareAmendmentsState>>();
const prepareAmendmentsState = (db: Db) => db.sqlite.prepare<[], [number, number | null]>('SELECT count(*), max(id) FROM part_amendments').raw(true);
function amendmentsState(db: Db) {
  let s = amendmentStates.get(db);
  if (!s) amendmentStates.set(db, (s = prepareAmendmentsState(db)));
  return s;
}

export function loadCatalog(db: Db, store: CampaignStore): CampaignParts[] {
  store.syncWithOtherProcesses();
  const [count, last] = amendmentsState(db).get()!;
  const key = `${store.generation}|${count}|${last}`;
  const kept = catalogs.get(db);
  if (kept?.key === key) return kept.catalog;
  const catalog = buildCatalog(db, store);
  catalogs.set(db, { key, catalog });
  return catalog;
}

/**
 * Every campaign's parts and revision date as its document states them, kept beside it (migration 013,
 * campaign_part_facts: one statement, no document read): a process's first catalog does not parse every
 * bulletin whole. The bulletin itself is the store's, read when a caller asks for it (CampaignStore.byId:
 * parsed once, kept until the library changes).
 */
const PARTS_SQL = `SELECT c.id, c.code, coalesce(f.facts, json_extract(c.document, '$.revisionDate', '$.parts'))
  FROM campaigns c LEFT JOIN campaign_part_facts f ON f.campaign_id = c.id ORDER BY c.code`;

function buildCatalog(db: Db, store: CampaignStore): CampaignParts[] {
  const amendments = new Map<string, AmendmentRow[]>();
  for (const a of db.sqlite.prepare<[], AmendmentRow>('SELECT * FROM part_amendments ORDER BY id').all()) {
    const list = amendments.get(a.campaign_code);
    if (list) list.push(a);
    else amendments.set(a.campaign_code, [a]);
  }
  // One path per row would parse the document once per path: both in one array.
  const rows = db.sqlite.prepare<[], [id: number, code: string, facts: string]>(PARTS_SQL).raw(true).all();
  return rows.map(([id, code, facts]) => {
    const [revisionDate, parts] = JSON.parse(facts) as [string, Bulletin['parts']];
    return new CatalogEntry(code, campaignParts(code, { parts, revisionDate }, amendments.get(code) ?? []), store, id);
  });
}

/**
 * A campaign's parts, its bulletin read from the store the first time it is asked for. A class, not an
 * object literal with a getter: a literal's getter is defined anew on each of a thousand objects, a
 * class's once.
 */
class CatalogEntry implements CampaignParts {
  private read: Bulletin | null = null;

  constructor(
    readonly code: string,
    readonly parts: PartFacts[],
    private readonly store: CampaignStore,
    private readonly id: number,
  ) {}

  get bulletin(): Bulletin {
    this.read ??= this.store.byId(this.id).bulletin;
    return this.read;
  }
}

export function campaignParts(code: string, b: Pick<Bulletin, 'parts' | 'revisionDate'>, amendments: AmendmentRow[]): PartFacts[] {
  // Most campaigns have no amendment: their parts as the bulletin prints them (no map of amendments by key).
  if (amendments.length === 0) return b.parts.map((p, i) => merge(code, p.partNumber ?? `#${i + 1}`, b.revisionDate, printedOf(p), NO_AMENDMENTS));
  const byKey = new Map<string, AmendmentRow[]>();
  for (const a of amendments) {
    const list = byKey.get(a.part_key);
    if (list) list.push(a);
    else byKey.set(a.part_key, [a]);
  }
  const parts: PartFacts[] = b.parts.map((p, i) => {
    const key = p.partNumber ?? `#${i + 1}`;
    return merge(code, key, b.revisionDate, printedOf(p), byKey.get(key) ?? []);
  });
  // Parts the bulletin does not list, added by the counter.
  for (const [key, list] of byKey) {
    if (parts.some((p) => p.key === key)) continue;
    parts.push(merge(code, key, b.revisionDate, null, list));
  }
  return parts;
}

type Printed = NonNullable<CampaignPart['bulletin']>;
const NO_AMENDMENTS: readonly AmendmentRow[] = Object.freeze([]);

/** A part as the bulletin prints it. */
const printedOf = (p: Bulletin['parts'][number]): Printed => ({
  partNumber: p.partNumber,
  description: p.description,
  quantity: p.quantity,
  macCode: p.macCode,
  released: p.released,
  perVin: p.partNumberPerVin,
  note: p.note,
});

function merge(code: string, key: string, revision: string, printed: Printed | null, amendments: readonly AmendmentRow[]): PartFacts {
  const value: Record<keyof Sources, unknown> = {
    partNumber: printed ? printed.partNumber : key,
    description: printed?.description ?? null,
    quantity: printed?.quantity ?? null,
    macCode: printed?.macCode ?? null,
    released: printed?.released ?? false,
    perVin: printed?.perVin ?? null,
    allocation: null,
  };
  const sources: Sources = {
    partNumber: printed ? (printed.partNumber === null ? 'not-stated' : 'bulletin') : 'amendment',
    description: printed ? 'bulletin' : 'not-stated',
    quantity: printed?.quantity != null ? 'bulletin' : 'not-stated',
    macCode: printed?.macCode != null ? 'bulletin' : 'not-stated',
    released: printed ? 'bulletin' : 'not-stated',
    perVin: printed?.perVin != null ? 'bulletin' : 'not-stated',
    allocation: 'not-stated',
  };
  /** Whether the bulletin states this value itself (a "released: false" is not a statement that overrides). */
  const stated = (field: keyof Sources) =>
    printed !== null && (field === 'released' ? printed.released === true : field !== 'allocation' && printed[field as keyof Printed] !== null);
  const superseded: string[] = [];
  const summaries = amendments.map((a) => {
    const changes: [keyof Sources, unknown][] = [];
    if (a.part_number !== null) changes.push(['partNumber', a.part_number]);
    if (a.description !== null) changes.push(['description', a.description]);
    if (a.quantity !== null) changes.push(['quantity', a.quantity]);
    if (a.mac_code !== null) changes.push(['macCode', a.mac_code === 'none' ? null : a.mac_code]);
    if (a.released !== null) changes.push(['released', a.released === 1]);
    if (a.per_vin !== null) changes.push(['perVin', a.per_vin === 1]);
    if (a.allocation !== null) changes.push(['allocation', a.allocation]);
    for (const [field, v] of changes) {
      if (revision > a.bulletin_revision && stated(field)) {
        superseded.push(
          `Bulletin revision ${revision} states the ${FIELD_WORD[field]} (${show(bulletinValue(printed!, field))}): the amendment of ${a.made_at.slice(0, 10)} by ${a.made_by} (${show(v)}) no longer applies.`,
        );
        continue;
      }
      value[field] = v;
      sources[field] = 'amendment';
    }
    return {
      id: a.id,
      madeBy: a.made_by,
      madeAt: a.made_at,
      bulletinRevision: a.bulletin_revision,
      changes: changes.map(([f, v]) => `${FIELD_WORD[f]}: ${show(v)}`),
    };
  });
  const partNumber = value.partNumber as string | null;
  const pattern = partNumber !== null && isPattern(partNumber);
  const perVin = value.perVin as boolean | null;
  const macCode = value.macCode as string | null;
  return {
    campaign: code,
    key,
    partNumber,
    isPattern: pattern,
    description: (value.description as string | null) ?? '(no description)',
    quantity: value.quantity as number | null,
    macCode,
    released: value.released as boolean,
    perVin,
    allocation: value.allocation as number | null,
    sources,
    bulletin: printed,
    amendments: summaries,
    superseded,
    heldPerVin: perVin === true || pattern || macCode === 'C',
    note: printed?.note ?? null,
  };
}

const bulletinValue = (p: Printed, field: keyof Sources) => (field === 'allocation' ? null : p[field as keyof Printed]);

/** The campaign part a number names: its own number, a pattern it fits, or null. */
export function findPart(catalog: CampaignParts[], given: string): PartFacts | null {
  for (const c of catalog) for (const p of c.parts) if (p.partNumber === given) return p;
  for (const c of catalog) for (const p of c.parts) if (p.partNumber && matchesPart(p.partNumber, given)) return p;
  return null;
}

/** Like findPart, or a not-found error that says which numbers the campaigns list. */
export function partOrThrow(catalog: CampaignParts[], given: string): PartFacts {
  const p = findPart(catalog, given);
  if (p) return p;
  const known = catalog.flatMap((c) => c.parts.filter((x) => x.partNumber).map((x) => `${x.partNumber} (${c.code})`));
  throw new ApiError('not-found', `No campaign lists the part ${given}.`, [
    `Campaign parts: ${known.join(', ') || 'none'}.`,
    'Add it to its campaign first: recall-desk parts set CAMPAIGN PART --description TEXT.',
  ]);
}
