// The recent lookups, kept across restarts in the window's local storage: the VIN, its model year, the
// model stated and the codes that applied. Never a guest's name or phone: a lookup has none.
/** `at`: when it was looked up, ISO (an entry kept from before holds the time as it was shown then). */
export type RecentLookup = { vin: string; modelYear: number; model: string | null; codes: string[]; at: string };

const KEY = 'recall-desk.recent-lookups';
export const RECENT_KEPT = 12;

export function loadRecent(): RecentLookup[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is RecentLookup => typeof r?.vin === 'string' && typeof r.modelYear === 'number' && Array.isArray(r.codes))
      .map((r) => ({
        vin: r.vin,
        modelYear: r.modelYear,
        model: typeof r.model === 'string' ? r.model : null,
        codes: r.codes.map(String),
        at: String(r.at ?? ''),
      }))
      .slice(0, RECENT_KEPT);
  } catch {
    return []; // A damaged entry costs the list, never the lookup.
  }
}

export function saveRecent(list: RecentLookup[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or switched off: the list lives for this session only.
  }
}
