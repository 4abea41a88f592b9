// A window of a report (the entries a screen has scrolled to), each distinct text of the window once:
// the services encode a window, the screen decodes it back into the report's own rows (the texts
// shared, not copied).
import type { FollowUpList, FollowUpPart, HoldReport, HoldReportPart } from './contract';
import { groupByVin } from './view';

type Hold = HoldReport['holds'][number];
type FollowUpRow = FollowUpList['rows'][number];

/** The texts of a window, each once, with its index. */
class Texts {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  ref(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/** Where a window sits in the view, and how big the report is. */
export type WindowPlace = { total: number; from: number; grouped: boolean; reportTotal: number };

export function holdPart(r: HoldReport, rows: readonly Hold[], place: WindowPlace): HoldReportPart {
  const { holds: _, ...head } = r;
  const t = new Texts();
  const holds = rows.map((h) => ({
    ...h,
    title: t.ref(h.title),
    reason: t.ref(h.reason),
    source: t.ref(h.source),
    parts: h.parts === null ? null : t.ref(h.parts),
  }));
  return { ...head, ...place, texts: t.list, holds };
}

export function decodeHolds(p: HoldReportPart): Hold[] {
  const t = p.texts;
  return p.holds.map((h) => ({ ...h, title: t[h.title]!, reason: t[h.reason]!, source: t[h.source]!, parts: h.parts === null ? null : t[h.parts]! }));
}

export function followUpPart(l: FollowUpList, rows: readonly FollowUpRow[], place: WindowPlace): FollowUpPart {
  const { rows: _, ...head } = l;
  const t = new Texts();
  return { ...head, ...place, texts: t.list, rows: rows.map((r) => ({ ...r, title: t.ref(r.title) })) };
}

export function decodeFollowUp(p: FollowUpPart): FollowUpRow[] {
  return p.rows.map((r) => ({ ...r, title: p.texts[r.title]! }));
}

/** A window's entries: its rows, or (grouped) its vehicles, each with its rows. */
export function windowEntries<R extends { vin: string }>(grouped: boolean, rows: R[]): R[] | { vin: string; rows: R[] }[] {
  return grouped ? groupByVin(rows) : rows;
}
