// The settings domain: what the app knows about itself (and, later, the dealer's details).
import { z } from 'zod';
import { defineOperations } from '../contract';
import { Empty } from '../schemas';

export const AppInfo = z.object({
  version: z.string(),
  databasePath: z.string(),
  campaignCount: z.number().int(),
  newestRevisionDate: z.string().nullable(),
  today: z.string(),
});

export const settingsOperations = defineOperations({
  appInfo: { input: Empty, output: AppInfo },
});
