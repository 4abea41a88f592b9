// `recall-desk import-vins` and `recall-desk import-vehicles`: preview on stderr, then the import job
// with its progress, exactly as the window runs it.
import path from 'node:path';
import type { ImportStatus } from '../../shared/imports/contract';
import { VEHICLE_FIELDS } from '../../shared/vehicle-fields';
import { count } from '../../shared/wording';
import type { App } from '../app';
import { type CliRuntime, CommandFailed, type CommandRegistrar, readTextFile, UsageError, withDb } from '../cli/runtime';
import { formatListPreview, formatVehiclePreview } from './format';

export const importCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('import-vins').description('an affected-VIN list for a campaign (replaces its older list)'))
    .argument('<CAMPAIGN>', 'the campaign code, e.g. 23LJ01')
    .argument('<FILE>', 'the TIS / Dealer Daily export')
    .option('--date <YYYY-MM-DD>', 'the date of the export (default: today)')
    .option('--partial', 'the list is not the complete list (it only confirms VINs)')
    .option('--dry-run', 'show the preview, write nothing')
    .action(async (campaign: string, file: string, o: { db?: string; date?: string; partial?: boolean; dryRun?: boolean }) => {
      const content = readTextFile(file);
      const app = await rt.open(o);
      const preview = await rt.call(app, 'previewVinList', {
        campaign,
        fileName: path.basename(file),
        content,
        listDate: o.date ?? null,
        complete: !o.partial,
      });
      rt.io.err(formatListPreview(preview));
      if (o.dryRun) return;
      await finishImport(rt, app, await rt.call(app, 'commitImport', { importId: preview.importId }));
    });

  withDb(program.command('import-vehicles').description('vehicles from a DMS export'))
    .argument('<FILE>', 'a CSV export')
    .option('--map <FIELD=HEADER,...>', `which column holds which field (fields: ${VEHICLE_FIELDS.join(', ')})`)
    .option('--stock <add|replace>', 'add: these vehicles are in stock; replace: this is the complete stock list')
    .option('--dry-run', 'show the preview, write nothing')
    .action(async (file: string, o: { db?: string; map?: string; stock?: string; dryRun?: boolean }) => {
      const content = readTextFile(file);
      const stock = o.stock ?? 'none';
      if (stock !== 'none' && stock !== 'add' && stock !== 'replace') {
        throw new UsageError(`--stock is add (these are in stock) or replace (the complete stock list); got "${stock}".`);
      }
      const app = await rt.open(o);
      const preview = await rt.call(app, 'previewVehicles', { fileName: path.basename(file), content, mapping: parseMap(o.map), inStock: stock });
      rt.io.err(formatVehiclePreview(preview));
      if (!preview.importId) throw new UsageError(preview.blocking ?? 'Nothing to import.');
      if (o.dryRun) return;
      await finishImport(rt, app, await rt.call(app, 'commitImport', { importId: preview.importId }));
    });
};

/** --map vin="Vehicle ID",model=Mdl → { vin: 'Vehicle ID', model: 'Mdl' } */
function parseMap(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const out: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim();
    if (at < 0 || !(VEHICLE_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes FIELD=HEADER pairs separated by commas; "${pair}" is not one. Fields: ${VEHICLE_FIELDS.join(', ')}.`);
    }
    out[field] = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** Shows progress on stderr while the import's transaction runs, then its outcome; a failure exits 1. */
async function finishImport(rt: CliRuntime, app: App, started: ImportStatus): Promise<void> {
  let shown = -1;
  const tick = setInterval(() => {
    const s = app.jobs.status(started.jobId);
    if (s.done !== shown) {
      shown = s.done;
      rt.io.err(`importing ${count(s.done)} / ${count(s.total)}`);
    }
  }, 100);
  const end = await app.jobs.wait(started.jobId).finally(() => clearInterval(tick));
  if (end.state === 'done') return rt.io.out(end.message);
  throw new CommandFailed(end.message);
}
