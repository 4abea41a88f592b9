// The words of the changes domain: an import's impact and its source, alike on screen and in the CLI.
import { plural } from '../wording';
import type { ChangeSource, Impact } from './contract';

/** "3 stock vehicles newly held, 1 released; 2 remedies now available (1 booked); ..." */
export function impactSummary(i: Impact): string {
  const booked = i.remedyNowAvailable.filter((r) => r.bookedAt).length;
  const parts = [
    `${plural(new Set(i.holds.added.map((h) => h.vin)).size, 'stock vehicle')} newly held, ${new Set(i.holds.released.map((h) => h.vin)).size} released`,
    `remedy now available for ${plural(i.remedyNowAvailable.length, 'vehicle')} (${booked} booked, ${i.remedyNowAvailable.length - booked} not booked)`,
    `${i.confirmed.added.length} newly confirmed, ${i.confirmed.removed.length} no longer listed`,
    `follow-up rows +${i.followup.added} −${i.followup.removed}`,
  ];
  if (i.parts.length) parts.push(`part demand changes for ${plural(new Set(i.parts.map((p) => p.campaign)).size, 'campaign')}`);
  if (i.cporRenumbered.length) parts.push(`${plural(i.cporRenumbered.length, 'CPOR request')} the list numbers otherwise`);
  return `${parts.join('; ')} (${plural(i.vehiclesChecked, 'known vehicle')} checked)`;
}

export const SOURCE_KIND_LABEL = {
  bulletin: 'Bulletin',
  'vin-list': 'Affected-VIN list',
  vehicles: 'Vehicles from the DMS',
  nhtsa: "NHTSA's recall file",
} as const;

export function describeSource(s: ChangeSource): string {
  if (s.kind === 'bulletin')
    return `Bulletin ${s.code} ${s.title}, revision ${s.revisionDate}${s.previousRevisionDate ? ` (was ${s.previousRevisionDate})` : ' (new campaign)'}, from ${s.fileName}`;
  if (s.kind === 'vin-list')
    return `Affected-VIN list for ${s.campaign} of ${s.listDate} (${s.complete ? 'complete' : 'partial'}, ${s.rows} VINs), from ${s.fileName}`;
  if (s.kind === 'nhtsa')
    return `NHTSA's recall file${s.part === 'pre-2010' ? ' (before 2010)' : ''} (${s.rows} vehicle rows${s.newestReportDate ? `, newest report ${s.newestReportDate}` : ''}), from ${s.fileName}`;
  const mode = { none: 'service history', add: 'stock added', replace: 'complete stock list' }[s.inStock];
  return `Vehicles from the DMS (${mode}, ${s.rows} vehicles), from ${s.fileName}`;
}

/** An impact's CPOR request the list numbers otherwise: what it was recorded as, what the list gives, what to do. */
export const renumberedText = (r: { partNumber: string; listed: string; state: 'to-place' | 'on-order' }): string =>
  `requested as ${r.partNumber}, the list gives ${r.listed}: ${r.state === 'to-place' ? 'reverse the request and accept its line again' : 'check the order in Service Lane'}`;
