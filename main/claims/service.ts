// Claim lines, one per campaign completed here, and their corrections: the claim shows the corrected
// value, its history keeps the original (Warranty Procedure Bulletin PRO17-03).
import { ApiError, type ParsedInputOf } from '../../shared/api';
import type { Claim, ClaimFilter } from '../../shared/claims/contract';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import type { CoreServices as Services } from '../core-services';

type ClaimRow = Row<'claims'>;
type HistoryRow = Row<'claim_history'>;

export const NO_OP_CODE = 'The bulletin gives no op code: enter it (claims correct ID --op-code CODE, or Correct on the Claims screen).';

/** The claims, newest first, with filters; what the Claims screen, `claims` and the printed list read. */
/** A claim line of work completed here, as the completion records it (in the completion's transaction). */
export type NewClaim = {
  appointmentId: number;
  vin: string;
  campaign: string;
  opCode: string | null;
  hours: number | null;
  repairOrder: string | null;
  technician: string;
  verifiedBy: string;
  completedOn: string;
  createdAt: string;
  goodwillReason: string | null;
};

/** The claims domain writes its own rows: the lane's completion hands it the line. */
export function recordClaim(db: Db, c: NewClaim): number {
  const r = db.sqlite
    .prepare(
      `INSERT INTO claims (appointment_id, vin, campaign_code, op_code, hours, repair_order, technician, verified_by, completed_on, created_at, goodwill_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.appointmentId, c.vin, c.campaign, c.opCode, c.hours, c.repairOrder, c.technician, c.verifiedBy, c.completedOn, c.createdAt, c.goodwillReason);
  return Number(r.lastInsertRowid);
}

export function listClaims({ db }: Pick<Services, 'db'>, filter: ClaimFilter = {}): { claims: Claim[] } {
  return db.sqlite
    .transaction(() => {
      const rows = db.sqlite
        .prepare<Record<string, string | number | null>, ClaimRow>(
          `SELECT * FROM claims
            WHERE (@campaign IS NULL OR campaign_code = @campaign) AND (@vin IS NULL OR vin = @vin)
              AND (@from IS NULL OR completed_on >= @from) AND (@to IS NULL OR completed_on <= @to)
              AND (@missing = 0 OR op_code IS NULL)
            ORDER BY completed_on DESC, id DESC`,
        )
        .all({
          campaign: filter.campaign?.trim().toUpperCase() || null,
          vin: filter.vin?.trim().toUpperCase() || null,
          from: filter.from ?? null,
          to: filter.to ?? null,
          missing: filter.missingOpCode ? 1 : 0,
        });
      return { claims: withHistory(db, rows) };
    })
    .deferred();
}

function withHistory(db: Db, rows: ClaimRow[]): Claim[] {
  const stmt = db.sqlite.prepare<[number], HistoryRow>('SELECT * FROM claim_history WHERE claim_id = ? ORDER BY id');
  return rows.map((r) => ({
    id: r.id,
    vin: r.vin,
    campaign: r.campaign_code,
    opCode: r.op_code,
    hours: r.hours,
    note: r.op_code === null ? NO_OP_CODE : r.hours === null ? 'The bulletin states no flat-rate hours for this op code.' : null,
    repairOrder: r.repair_order,
    technician: r.technician,
    verifiedBy: r.verified_by,
    completedOn: r.completed_on,
    appointmentId: r.appointment_id,
    goodwill: r.goodwill_reason,
    history: stmt
      .all(r.id)
      .map((h) => ({ field: h.field, oldValue: h.old_value, newValue: h.new_value, reason: h.reason, madeBy: h.made_by, madeAt: h.made_at })),
  }));
}

export function correctClaim({ db, now }: Pick<Services, 'db' | 'now'>, input: ParsedInputOf<'correctClaim'>): Claim {
  // Checked at the gate (shared/schemas.ts Vin).
  const vin = input.vin ?? null;
  return db.sqlite
    .transaction(() => {
      const row = db.sqlite.prepare<[number], ClaimRow>('SELECT * FROM claims WHERE id = ?').get(input.id);
      if (!row) throw new ApiError('not-found', `No claim ${input.id}.`, ['List them with: recall-desk claims.']);
      const at = now().toISOString();
      const log = db.sqlite.prepare('INSERT INTO claim_history (claim_id, field, old_value, new_value, reason, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      let changed = false;
      if (input.opCode && input.opCode !== row.op_code) {
        log.run(row.id, 'op_code', row.op_code, input.opCode, input.reason, input.by, at);
        db.sqlite.prepare('UPDATE claims SET op_code = ? WHERE id = ?').run(input.opCode, row.id);
        changed = true;
      }
      if (vin && vin !== row.vin) {
        log.run(row.id, 'vin', row.vin, vin, input.reason, input.by, at);
        db.sqlite.prepare('UPDATE claims SET vin = ? WHERE id = ?').run(vin, row.id);
        changed = true;
      }
      if (!changed)
        throw new ApiError(
          'invalid-input',
          `Claim ${row.id} already has ${[input.opCode && `op code ${input.opCode}`, vin && `VIN ${vin}`].filter(Boolean).join(' and ')}: nothing to correct.`,
        );
      return withHistory(db, [db.sqlite.prepare<[number], ClaimRow>('SELECT * FROM claims WHERE id = ?').get(row.id)!])[0]!;
    })
    .immediate();
}
