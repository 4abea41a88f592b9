// The facts an audit entry keeps of a write: what identifies the record (VIN, campaign, part, ids,
// quantities, statuses), never a guest's personal data (name, phone, e-mail, address) or a password.
export type AuditFacts = Record<string, string | number | boolean | null | (string | number)[]>;

/** Input fields that identify what a write touched. Anything not listed is left out. */
const KEPT = [
  'vin',
  'campaign',
  'campaigns',
  'code',
  'part',
  'kind',
  'quantity',
  'level',
  'status',
  'id',
  'at',
  'reason',
  'opCode',
  'technician',
  'verifiedBy',
  'repairOrder',
  'ref',
  'expectedOn',
  'horizonDays',
  'name',
  'roles',
  'active',
  'minutes',
  'fileName',
  'importId',
  'jobId',
  'complete',
  'stockMode',
  'paper',
] as const;

const scalar = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function auditFacts(input: unknown, output: unknown): AuditFacts {
  const facts: AuditFacts = {};
  const from = (input ?? {}) as Record<string, unknown>;
  for (const key of KEPT) {
    const v = from[key];
    // Only what was given: an empty field identifies nothing.
    if (v === undefined || v === null || v === '') continue;
    if (scalar(v)) facts[key] = typeof v === 'string' ? v.slice(0, 200) : v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) facts[key] = v.slice(0, 50);
  }
  // The record a write made ("book" answers with the appointment's id, a movement with its own).
  const out = (output ?? {}) as Record<string, unknown>;
  const made = typeof out.id === 'number' ? out.id : (out.movement as { id?: unknown } | undefined)?.id;
  if (typeof made === 'number' && facts.id === undefined) facts.id = made;
  if (typeof out.jobId === 'string' && facts.jobId === undefined) facts.jobId = out.jobId;
  return facts;
}
