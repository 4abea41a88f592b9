import type { ReactNode } from 'react';
import { count } from '../../../shared/wording';

/** One part of a bulletin; what the bulletin does not state says so. */
export function Section({ title, children, empty }: { title: string; children: ReactNode; empty?: boolean }) {
  return (
    <section className="detail-section">
      <h3>{title}</h3>
      {empty ? <p className="muted">Not stated in this bulletin.</p> : children}
    </section>
  );
}

/** A stated value (counts with thousands separators), or "unknown". */
export const dash = (v: string | number | null | undefined) =>
  v === null || v === undefined ? <span className="unknown">unknown</span> : typeof v === 'number' ? count(v) : v;
