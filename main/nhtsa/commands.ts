// `recall-desk import-nhtsa FILE [--dry-run] [--json]`: NHTSA's recall file (the .txt or the .zip as
// downloaded), previewed (rows read, vehicle rows kept, rows refused by reason), then imported through
// the import job, as the window does. A file that is not NHTSA's layout exits 2 saying what was expected.
import fs from 'node:fs';
import path from 'node:path';
import type { OutputOf } from '../../shared/api';
import { NHTSA_PIECE_BYTES } from '../../shared/nhtsa/contract';
import type { App } from '../app';
import { finishImport } from '../imports/commands';
import { remoteOf } from '../lan/remote';
import { ApiError } from '../../shared/contract';
import { formatImpact } from '../changes/format';
import { type CliRuntime, type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { count } from '../../shared/wording';
import { formatNhtsaPreview } from './format';

export const nhtsaCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('import-nhtsa').description("NHTSA's recall flat file (FLAT_RCL_POST_2010 / _PRE_2010): recalls of every make by model and year"))
    .argument('<FILE>', 'the .txt, or the .zip as downloaded from NHTSA')
    .option('--dry-run', 'show the counts and the impact, write nothing')
    .option('--json', 'print the counts and the impact as JSON')
    .action(async (file: string, o: { db?: string; dryRun?: boolean; json?: boolean }) => {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) throw new UsageError(`Cannot read ${file}: no such file.`);
      if (!stat.isFile()) throw new UsageError(`Cannot read ${file}: it is not a file.`);
      const app = await rt.open(o);
      // A desk sends the file to the sharing PC in pieces (as the window does); the host reads it as its own.
      const remote = remoteOf(app);
      if (!remote) await app.vpic?.start();
      let preview: Awaited<ReturnType<typeof rt.call<'previewNhtsa'>>>;
      try {
        preview = remote ? await sendAndPreview(rt, app, file, stat.size) : await rt.call(app, 'previewNhtsa', { path: file });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'invalid-input') throw new UsageError(err.message);
        throw err;
      }
      const { importId, ...shown } = preview;
      if (!o.json) rt.io.out(formatNhtsaPreview(preview));
      if (o.dryRun) {
        const impact = await rt.call(app, 'importImpact', { importId });
        if (o.json) rt.io.out(JSON.stringify({ ...shown, dryRun: true, impact }, null, 2));
        else rt.io.out(formatImpact(impact).join('\n'));
        return;
      }
      const end = await finishImport(rt, app, await rt.call(app, 'commitImport', { importId }), false);
      if (o.json) rt.io.out(JSON.stringify({ ...shown, dryRun: false, message: end.message, impact: end.impact }, null, 2));
      else {
        rt.io.out(end.message);
        if (end.impact) rt.io.out(formatImpact(end.impact).join('\n'));
      }
    });
};

/** The file sent to the sharing PC in pieces read from disk one at a time, then read there. */
async function sendAndPreview(rt: CliRuntime, app: App, file: string, size: number): Promise<OutputOf<'previewNhtsaUpload'>> {
  const fileName = path.basename(file);
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(NHTSA_PIECE_BYTES);
    let uploadId: string | null = null;
    for (let offset = 0; offset < size; ) {
      const { bytesRead } = await fd.read(buf, 0, buf.length, offset);
      if (bytesRead === 0) break;
      ({ uploadId } = await rt.call(app, 'sendNhtsaPiece', { uploadId, fileName, size, offset, data: buf.subarray(0, bytesRead).toString('base64') }));
      offset += bytesRead;
      rt.io.err(`sending ${fileName}: ${count(offset)} / ${count(size)} bytes`);
    }
    if (uploadId === null) throw new UsageError(`${file} is empty: download it again from NHTSA.`);
    return await rt.call(app, 'previewNhtsaUpload', { uploadId });
  } finally {
    await fd.close();
  }
}
