// The lookup as a counter person reads it in a terminal.
import { describeAge } from '../../shared/age';
import type { CampaignHit, LookupResult } from '../../shared/lookup/contract';
import type { CporCard } from './cpor-card';
import {
  builtInText,
  EMPTY_DATABASE_NOTE,
  DECODED_LABEL,
  decodedLine,
  KIND_LABEL,
  listedPartText,
  makeUnconfirmedText,
  nothingApplies,
  OLD_BULLETIN_DAYS,
  oldBulletinText,
  plural,
  regionText,
  orderedSeverity,
  remedyLabel,
  SEVERITY_GUEST_TEXT,
  SEVERITY_LABEL,
  stockHoldTitle,
  VEHICLE_STATUS_LABEL,
} from '../../shared/wording';

/** `cpor`: the parts counter's word on the campaigns with a CPOR request for this vehicle (cpor-card.ts). */
export function formatLookup(r: LookupResult, cpor: CporCard = new Map()): string {
  const lines: string[] = [];
  const modelNote = r.model
    ? `  model ${r.model}${r.modelSource === 'vin-range' ? ' (from the VIN range)' : r.modelSource === 'decoded' ? ' (decoded)' : ''}`
    : '';
  const d = r.decoded;
  const builtIn = d?.plantCountry ? builtInText(d.plantCountry, d.plantCountrySource, d.plantCountryKey) : regionText(r.region);
  lines.push(`VIN ${r.vin}  model year ${r.modelYear}  built in ${builtIn}${modelNote}${r.productionMonth ? `  produced ${r.productionMonth}` : ''}`);
  if (r.decoded) lines.push(`${DECODED_LABEL}: ${decodedLine(r.modelYear, r.decoded)}`);
  if (r.modelConflict) lines.push(`MODELS DIFFER: ${r.modelConflict.text}`);
  for (const w of r.warnings) lines.push(`WARNING: ${w}`);
  if (r.emptyDatabase) lines.push(`NOTE: ${EMPTY_DATABASE_NOTE}`);
  if (r.campaigns.length === 0) {
    const none = nothingApplies(r.campaignsChecked, r.newestRevisionDate);
    lines.push(none.title, none.detail);
    return lines.join('\n');
  }
  lines.push(`${plural(r.campaigns.length, 'campaign')} may apply (${r.campaignsChecked} checked):`);
  for (const h of r.campaigns) lines.push('', ...formatHit(h, cpor.get(h.code)));
  return lines.join('\n');
}

function formatHit(h: CampaignHit, cpor?: { lines: string[]; steps: string[] }): string[] {
  // NHTSA's advisories first, in the words the guest is told.
  const lines = orderedSeverity(h.severity).map((f) => `!! ${SEVERITY_LABEL[f].toUpperCase()} (${h.code}): ${SEVERITY_GUEST_TEXT[f]}`);
  lines.push(
    `${h.code}  ${h.title}  [${KIND_LABEL[h.kind]}]${h.nhtsaRecallNumber ? `  NHTSA ${h.nhtsaRecallNumber}` : ''}  ${h.certainty.toUpperCase()}  ${remedyLabel(h.remedy.available).toUpperCase()}`,
  );
  for (const s of h.stockHolds) lines.push(`  ${stockHoldTitle(s.hold, s.condition).toUpperCase()}: ${s.text}`);
  if (h.source.ageDays > OLD_BULLETIN_DAYS) lines.push(`  OLD DATA: ${oldBulletinText(h.source.revisionDate, describeAge(h.source.ageDays))}`);
  if (!h.makeConfirmed) lines.push(`  ${makeUnconfirmedText(h.make)}`);
  lines.push(`  Why:    ${h.certaintyReason}`);
  lines.push(`  Remedy: ${h.remedy.explanation}`);
  if (h.affectedList?.partNumber) lines.push(`  Part:   ${listedPartText(h.affectedList.partNumber, h.affectedList.date)}`);
  if (h.needs.length) {
    const asks = h.needs.map((n) => (n === 'model' ? `--model (one of: ${h.modelChoices.join(', ')})` : '--produced MM/YY (door-jamb label)'));
    lines.push(`  Needs:  ${asks.join(' and ')}`);
  }
  cpor?.lines.forEach((l, i) => lines.push(`  ${i === 0 ? 'CPOR:  ' : '       '} ${l}`));
  lines.push('  Next:');
  for (const a of cpor?.steps ?? h.actions) lines.push(`    - ${a}`);
  lines.push(`  Source: ${h.source.bulletin}, revision ${h.source.revisionDate} (${describeAge(h.source.ageDays)})`);
  return lines;
}

/** A campaign in a `check` line: its certainty, or what was recorded for the vehicle ("completed here 2026-11-23"). */
function checkToken(c: CampaignHit): string {
  const s = c.vehicleStatus;
  if (!s || s.status === 'open') return `${c.code}:${c.certainty}`;
  return `${c.code}:${VEHICLE_STATUS_LABEL[s.status].toLowerCase()}${s.completedOn ? ` ${s.completedOn}` : ''}`;
}

/** One line per VIN of a `check` run. */
export function formatCheckLine(r: LookupResult): string {
  const hits = r.campaigns.length ? r.campaigns.map(checkToken).join(' ') : '-';
  return `${r.vin}  ${r.modelYear}  ${hits}${r.checkDigitValid ? '' : '  (check digit?)'}`;
}
