// `recall-desk import-nhtsa FILE [--dry-run] [--json]`: NHTSA's recall file (the .txt or the .zip as
// downloaded), previewed (rows read, vehicle rows kept, rows refused by reason), then imported through
// the import job, as the window does. A file that is not NHTSA's layout exits 2 saying what was expected.
import fs from 'node:fs';
import { ApiError } from '../../shared/contract';
import { formatImpact } from '../changes/format';
import { CommandFailed, type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
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
      await app.vpic?.start();
      let preview: Awaited<ReturnType<typeof rt.call<'previewNhtsa'>>>;
      try {
        preview = await rt.call(app, 'previewNhtsa', { path: file });
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
      const started = await rt.call(app, 'commitImport', { importId });
      let shownDone = -1;
      const tick = setInterval(() => {
        const s = app.jobs.status(started.jobId);
        if (s.done !== shownDone) {
          shownDone = s.done;
          rt.io.err(`importing ${s.label}: ${count(s.done)} / ${count(s.total)}`);
        }
      }, 250);
      const end = await app.jobs.wait(started.jobId).finally(() => clearInterval(tick));
      if (end.state !== 'done') throw new CommandFailed(end.message);
      if (o.json) rt.io.out(JSON.stringify({ ...shown, dryRun: false, message: end.message, impact: end.impact }, null, 2));
      else {
        rt.io.out(end.message);
        if (end.impact) rt.io.out(formatImpact(end.impact).join('\n'));
      }
    });
};
