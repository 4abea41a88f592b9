import type { HandlersOf } from '../../shared/contract';
import type { nhtsaOperations } from '../../shared/nhtsa/contract';
import type { Services } from '../services';
import { importsInForce, nhtsaWriter, partOf, previewOf, readForPreview } from './store';
import { NhtsaUploads } from './uploads';
import path from 'node:path';

export const nhtsaHandlers = (s: Services): HandlersOf<typeof nhtsaOperations> => {
  const uploads = new NhtsaUploads(s.db.path);
  /** The preview of a file on this PC: counts, refusals, the import it replaces; staged for Impact / Import. */
  const preview = async (file: string, fileName: string, dispose?: () => void) => {
    // The impact finds stock of other makes by the WMI's make (vPIC): open it while the file is read.
    const [{ counts, stat }] = await Promise.all([readForPreview(file, fileName), s.vpic?.start()]);
    const importId = s.jobs.stage(nhtsaWriter(file, fileName, stat, counts, dispose), { nhtsaFile: fileName });
    const replaces = importsInForce(s.db, s.now()).find((i) => i.part === partOf(fileName, counts.newestReportDate)) ?? null;
    return previewOf(importId, fileName, counts, replaces);
  };
  return {
    previewNhtsa: ({ path: file }) => preview(file, path.basename(file)),
    sendNhtsaPiece: (input) => uploads.piece(input),
    previewNhtsaUpload: async ({ uploadId }) => {
      const { file, fileName } = uploads.take(uploadId);
      try {
        return await preview(file, fileName, () => uploads.remove(file));
      } catch (err) {
        // Not NHTSA's file (or unreadable): nothing is staged, the copy goes.
        uploads.remove(file);
        throw err;
      }
    },
    nhtsaStatus: () => ({ imports: importsInForce(s.db, s.now()) }),
  };
};
