import type { HandlersOf } from '../../shared/contract';
import type { nhtsaOperations } from '../../shared/nhtsa/contract';
import type { Services } from '../services';
import { importsInForce, nhtsaWriter, partOf, previewOf, readForPreview } from './store';
import path from 'node:path';

export const nhtsaHandlers = (s: Services): HandlersOf<typeof nhtsaOperations> => ({
  previewNhtsa: async ({ path: file }) => {
    // The impact finds stock of other makes by the WMI's make (vPIC): open it while the file is read.
    const [{ counts, stat }] = await Promise.all([readForPreview(file), s.vpic?.start()]);
    const importId = s.jobs.stage(nhtsaWriter(file, stat, counts), { nhtsaFile: path.basename(file) });
    const replaces = importsInForce(s.db, s.now()).find((i) => i.part === partOf(path.basename(file))) ?? null;
    return previewOf(importId, file, counts, replaces);
  },
  nhtsaStatus: () => ({ imports: importsInForce(s.db, s.now()) }),
});
