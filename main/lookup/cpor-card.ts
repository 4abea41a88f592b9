// What the terminal's card adds from the parts counter: where the vehicle's CPOR requests stand, per
// campaign, and its next steps with the bulletin's ordering step given way once one exists (the window's
// card does the same: renderer/lookup/CampaignCard.tsx). Read through the API, so a desk connected to the
// sharing PC reads the sharing PC's ledger; a person who may not see the ledger gets the card as it was.
import { ApiError } from '../../shared/contract';
import type { LookupResult } from '../../shared/lookup/contract';
import { nextSteps } from '../../shared/parts/next-steps';
import { cporSentence } from '../../shared/parts/wording';
import type { App } from '../app';
import type { CliRuntime } from '../cli/runtime';
import type { OutputOf } from '../../shared/api';

/** A campaign's CPOR lines and its next steps, for the campaigns with a request. */
export type CporCard = Map<string, { lines: string[]; steps: string[] }>;

export async function cporCard(rt: Pick<CliRuntime, 'call'>, app: App, r: LookupResult): Promise<CporCard> {
  const card: CporCard = new Map();
  // Only the library's campaigns have per-VIN parts (NHTSA's recalls have no parts here).
  if (!r.campaigns.some((h) => h.matchedBy !== 'nhtsa-model-year')) return card;
  let parts: OutputOf<'vehicleCpor'>['parts'];
  try {
    ({ parts } = await rt.call(app, 'vehicleCpor', { vin: r.vin }));
  } catch (err) {
    if (err instanceof ApiError) return card;
    throw err;
  }
  for (const h of r.campaigns) {
    const mine = parts.filter((p) => p.campaign === h.code);
    if (mine.length === 0) continue;
    const { bulletin } = await rt.call(app, 'getCampaign', { code: h.code });
    card.set(h.code, {
      lines: mine.map((p) => cporSentence(p, p.what)),
      steps: nextSteps(
        h.actions,
        bulletin,
        mine.map((p) => p.what),
        h.affectedList,
      ),
    });
  }
  return card;
}
