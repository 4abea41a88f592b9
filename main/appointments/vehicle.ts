// What booking shows of a vehicle, built from one lookup: the vehicle itself and, per campaign,
// whether its remedy is available for this vehicle. The one place a LookupResult becomes a summary.
import type { Bulletin } from '../../shared/bulletin';
import type { CampaignOffer, VehicleSummary } from '../../shared/appointments/contract';
import type { CampaignHit, LookupResult } from '../../shared/lookup/contract';
import { CONDITION_LABEL } from '../../shared/wording';
import type { PartFacts } from '../parts/catalog';

const MODEL_FROM = {
  stated: 'as stated',
  'vehicle-record': "from the dealer's record",
  'vin-range': 'from the VIN range',
  decoded: 'decoded from the VIN, NHTSA vPIC',
} as const;

export function vehicleSummary(r: LookupResult): VehicleSummary {
  const parts = [String(r.modelYear), r.decoded?.make ?? '', r.model ?? 'model unknown'].filter(Boolean);
  if (r.model && r.modelSource) parts.push(`(${MODEL_FROM[r.modelSource]})`);
  if (r.productionMonth) parts.push(`built ${r.productionMonth}`);
  if (r.vehicle?.condition) parts.push(`· ${CONDITION_LABEL[r.vehicle.condition]}`);
  if (r.vehicle?.inStock) parts.push(`· in stock${r.vehicle.stockNumber ? ` #${r.vehicle.stockNumber}` : ''}`);
  return {
    vin: r.vin,
    modelYear: r.modelYear,
    model: r.model,
    modelSource: r.modelSource,
    productionMonth: r.productionMonth,
    description: parts.join(' '),
    record: r.vehicle,
  };
}

/** The bulletin's time for the work: its first op code's flat-rate hours and its stated minutes. */
export function workTime(b: Bulletin): { flatRateHours: number | null; minutes: number | null } {
  return { flatRateHours: b.opCodes[0]?.flatRateHours ?? null, minutes: b.repairTimeMinutes };
}

/**
 * Whether the remedy is available for this vehicle: the lookup says so (its phase launched, or a VIN on
 * the affected list of a campaign that lists only launched phases) and every part is released.
 */
/** The lookup does not know whether the remedy is available (23LJ01 without the phase): "unknown", never "not available". */
export const remedyUnknown = (hit: CampaignHit): boolean => hit.remedy.available === null;

export function campaignOffer(hit: CampaignHit, bulletin: Bulletin, parts: PartFacts[]): CampaignOffer {
  // The card's answer decides: a listed VIN reads available there where its bulletin says only launched
  // phases are listed (23LJ01), so a booking, the card and the order suggestions never disagree.
  const launched = hit.remedy.available === true;
  const unreleased = parts.filter((p) => !p.released || (p.partNumber === null && !p.isPattern));
  let warning: string | null = null;
  if (!launched) {
    const why = remedyUnknown(hit) ? 'remedy status unknown' : 'remedy not yet available';
    // The lookup's explanation of an unknown phase starts "Unknown."; said once is enough.
    warning = `${hit.code}: ${why}: ${hit.remedy.explanation.replace(/^Unknown\.\s*/, '')}`;
  } else if (unreleased.length > 0) {
    warning = `${hit.code}: part not released: ${unreleased.map((p) => `${p.description}${p.partNumber ? ` (${p.partNumber})` : ''}`).join(', ')}.`;
  }
  const completed = hit.vehicleStatus !== null && hit.vehicleStatus.status !== 'open';
  // Goodwill only where the bulletin offers it, and only for a phase not (known to be) launched: never
  // where a part is not released or the remedy itself is not (parts-not-released: no repair exists yet).
  const offered = bulletin.qa.find((q) => /goodwill/i.test(q.answer));
  const goodwill = !launched && unreleased.length === 0 && hit.remedy.status !== 'parts-not-released' && offered ? `${hit.code} FAQ ${offered.id}` : null;
  return {
    code: hit.code,
    title: hit.title,
    available: warning === null,
    warning,
    certainty: hit.certainty,
    severity: hit.severity,
    completed,
    goodwill,
    openAppointment: null,
    ...workTime(bulletin),
  };
}
