// The campaigns domain: the library of bulletins, their revisions, and importing a new one.
import { z } from '../lazy-zod';
import { Bulletin, CampaignKind } from '../bulletin';
import { Impact } from '../changes/contract';
import { defineEffects, defineOperations, read, write } from '../contract';
import { MANAGERS } from '../accounts/roles';
import { CampaignCode, Empty } from '../schemas';

const Origin = z.enum(['built-in', 'imported']);

export const CampaignSummary = z.object({
  code: z.string(),
  kind: CampaignKind,
  title: z.string(),
  models: z.string(),
  revisionDate: z.string(),
  revisionLabel: z.string(),
  ageDays: z.number().int(),
  origin: Origin,
  remedySummary: z.string(),
  vinRangeCount: z.number().int(),
  modelWindowCount: z.number().int(),
});

export const CampaignDetail = z.object({
  summary: CampaignSummary,
  bulletin: Bulletin,
  revisions: z.array(z.object({ revisionDate: z.string(), revisionLabel: z.string(), origin: Origin, loadedAt: z.string() })),
});

export const ImportBulletinInput = z.object({
  fileName: z.string().max(260),
  content: z.string().max(20_000_000, 'the file is over 20 MB; a bulletin file is far smaller'),
  /** Work out the impact only: nothing is written (the screen shows it, then Apply or Cancel). */
  dryRun: z.boolean().default(false),
});

export const ImportBulletinResult = z.object({
  code: z.string(),
  title: z.string(),
  revisionDate: z.string(),
  outcome: z.enum(['added', 'updated', 'unchanged']),
  previousRevisionDate: z.string().nullable(),
  /** True when nothing was written (a dry run). */
  dryRun: z.boolean(),
  /** What the revision does (or would do) to the dealer's vehicles. */
  impact: Impact,
});

export const campaignOperations = defineOperations({
  listCampaigns: { input: Empty, output: z.array(CampaignSummary) },
  getCampaign: { input: z.object({ code: CampaignCode }), output: CampaignDetail },
  importBulletin: { input: ImportBulletinInput, output: ImportBulletinResult },
});

export const campaignEffects = defineEffects(campaignOperations, {
  listCampaigns: read(['library'], 'see the campaign library'),
  getCampaign: read(['library', 'parts'], 'see a campaign'),
  importBulletin: write(['library', 'lookup', 'reports', 'parts'], 'import bulletins', MANAGERS),
});

export type CampaignSummary = z.output<typeof CampaignSummary>;
export type CampaignDetail = z.output<typeof CampaignDetail>;
