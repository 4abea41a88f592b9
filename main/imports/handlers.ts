import type { HandlersOf } from '../../shared/contract';
import type { importOperations } from '../../shared/imports/contract';
import { localIsoDate } from '../../shared/age';
import type { Services } from '../services';
import { readVehicles, type Mapping } from './vehicles';
import { readVinList } from './vinlist';
import { vinListWriter } from './vinlist-writer';
import { vehiclesWriter } from './vehicles-writer';

export const importHandlers = ({ campaigns, jobs, now }: Services): HandlersOf<typeof importOperations> => ({
  previewVinList: (input) => {
    const campaign = campaigns.idOf(input.campaign);
    const { preview, rows } = readVinList(input.content, input.fileName);
    const listDate = input.listDate ?? localIsoDate(now());
    const current = campaigns.listFor(campaign.id);
    const importId = jobs.stage(
      vinListWriter({
        campaignId: campaign.id,
        campaignCode: campaign.code,
        listDate,
        complete: input.complete,
        sourceName: input.fileName,
        rows,
      }),
    );
    return {
      importId,
      campaign: { code: campaign.code, title: campaign.title },
      listDate,
      complete: input.complete,
      replaces: current ? { listDate: current.date, rows: current.rows } : null,
      ...preview,
    };
  },
  previewVehicles: (input) => {
    const { preview, rows } = readVehicles(input.content, input.fileName, input.mapping as Mapping);
    const importId = preview.blocking ? null : jobs.stage(vehiclesWriter({ sourceName: input.fileName, inStock: input.inStock, rows }));
    return { importId, inStock: input.inStock, ...preview };
  },
  commitImport: ({ importId }) => jobs.start(importId),
  importStatus: ({ jobId }) => jobs.status(jobId),
  cancelImport: ({ jobId }) => jobs.cancel(jobId),
});
