// The library's search: a code, a word of the title or a model ("rx330" finds "RX 330"), and a kind.
import type { CampaignSummary } from '../../shared/api';
import { normalizeModel } from '../../shared/bulletin';

export type KindFilter = CampaignSummary['kind'] | 'all';

export function filterCampaigns(list: CampaignSummary[], query: string, kind: KindFilter): CampaignSummary[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const squashed = normalizeModel(query);
  return list.filter((c) => {
    if (kind !== 'all' && c.kind !== kind) return false;
    if (words.length === 0) return true;
    const text = `${c.code} ${c.title} ${c.models}`.toLowerCase();
    return words.every((w) => text.includes(w)) || (squashed.length > 1 && normalizeModel(`${c.code} ${c.models}`).includes(squashed));
  });
}
