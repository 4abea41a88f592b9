// Every operation's name as a plain list, for the preload: it exposes one function per name and must
// not bundle zod and the schemas just to learn them. shared/api.ts checks this list against the registry.
export const OPERATION_NAMES = [
  'lookup',
  'listCampaigns',
  'getCampaign',
  'importBulletin',
  'previewVinList',
  'previewVehicles',
  'commitImport',
  'importStatus',
  'cancelImport',
  'importJobs',
  'setVehicleCampaignStatus',
  'holdReport',
  'followUpList',
  'appInfo',
] as const;
