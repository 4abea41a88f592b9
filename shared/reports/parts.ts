// A report sent a part at a time (first rows first), each distinct text once: the services encode a
// part, the screen decodes it back into the report's own rows (the texts shared, not copied).
import type { FollowUpList, FollowUpPart, HoldReport, HoldReportPart } from './contract';

type Hold = HoldReport['holds'][number];
type FollowUpRow = FollowUpList['rows'][number];

/** The texts of a report, each once, with its index. */
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

/** The whole report encoded once (kept beside the report): a part is then a slice. */
export function encodeHolds(r: HoldReport): { texts: string[]; rows: HoldReportPart['holds'] } {
  const t = new Texts();
  const rows = r.holds.map((h) => ({
    ...h,
    title: t.ref(h.title),
    reason: t.ref(h.reason),
    source: t.ref(h.source),
    parts: h.parts === null ? null : t.ref(h.parts),
  }));
  return { texts: t.list, rows };
}

export function holdPart(r: HoldReport, encoded: ReturnType<typeof encodeHolds>, from: number, count: number): HoldReportPart {
  const { holds: _, ...head } = r;
  // Every text of the report (a few per campaign), so any part decodes alone.
  return { ...head, total: r.holds.length, from, texts: encoded.texts, holds: encoded.rows.slice(from, from + count) };
}

export function decodeHolds(p: HoldReportPart): Hold[] {
  const t = p.texts;
  return p.holds.map((h) => ({ ...h, title: t[h.title]!, reason: t[h.reason]!, source: t[h.source]!, parts: h.parts === null ? null : t[h.parts]! }));
}

export function encodeFollowUp(l: FollowUpList): { texts: string[]; rows: FollowUpPart['rows'] } {
  const t = new Texts();
  return { texts: t.list, rows: l.rows.map((r) => ({ ...r, title: t.ref(r.title) })) };
}

export function followUpPart(l: FollowUpList, encoded: ReturnType<typeof encodeFollowUp>, from: number, count: number): FollowUpPart {
  const { rows: _, ...head } = l;
  return { ...head, total: l.rows.length, from, texts: encoded.texts, rows: encoded.rows.slice(from, from + count) };
}

export function decodeFollowUp(p: FollowUpPart): FollowUpRow[] {
  return p.rows.map((r) => ({ ...r, title: p.texts[r.title]! }));
}
