import type { HandlersOf } from '../../shared/contract';
import type { importOperations } from '../../shared/imports/contract';
import type { Services } from '../services';
import { mappingOf, stageVehicles, stageVinList, todayOf } from './preview';
import { readVehicles } from './vehicles';
import { readVinList } from './vinlist';
import { previewHostFile } from '../lan/upload';

export const importHandlers = (s: Services): HandlersOf<typeof importOperations> => ({
  previewVinList: (input) => stageVinList(s, input, readVinList(input.content, input.fileName)),
  previewVehicles: (input) =>
    stageVehicles(s, input, readVehicles(input.content, input.fileName, { mapping: mappingOf(input), conditions: input.conditions, today: todayOf(s) })),
  // A file picked in the Electron window, read here by its path as a stream (main/lan/upload.ts).
  previewVinListFile: (input) => previewHostFile(s, 'previewVinListFile', input),
  previewVehiclesFile: (input) => previewHostFile(s, 'previewVehiclesFile', input),
  importImpact: ({ importId, expect }) => s.jobs.impactOf(importId, expect),
  commitImport: ({ importId, expect }, caller) => s.jobs.start(importId, expect, caller.actor?.name ?? null),
  importStatus: ({ jobId }) => s.jobs.status(jobId),
  cancelImport: ({ jobId }) => s.jobs.cancel(jobId),
  importJobs: () => s.jobs.list(),
});
