// `recall-desk import-vins` and `recall-desk import-vehicles`: preview on stderr, then the import job
// with its progress, exactly as the window runs it.
import path from 'node:path';
import type { z } from 'zod';
import { describeIssues } from '../../shared/bulletin';
import { type CommitImportInput, type ConditionChoice, type ImportStatus, PreviewVehiclesInput, PreviewVinListInput } from '../../shared/imports/contract';
import { formatImpact } from '../changes/format';
import { VEHICLE_FIELDS } from '../../shared/vehicle-fields';
import { count } from '../../shared/wording';
import type { App } from '../app';
import { type CliRuntime, CommandFailed, type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { readChunks } from '../cli/text-file';
import { remoteOf } from '../lan/remote';
import { unwrap, type OutputOf } from '../../shared/api';
import { formatListPreview, formatVehiclePreview } from './format';
import { mappingOf, stageVehicles, stageVinList, todayOf } from './preview';
import { readVehiclesStream } from './vehicles';
import { readVinListStream } from './vinlist';

export const importCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('import-vins').description('an affected-VIN list for a campaign (replaces its older list)'))
    .argument('<CAMPAIGN>', 'the campaign code, e.g. 23LJ01')
    .argument('<FILE>', 'the TIS / Dealer Daily export')
    .option('--date <YYYY-MM-DD>', 'the date of the export (default: today)')
    .option('--complete', 'the list is the complete list for the campaign: VINs not on it read "not on the affected list"')
    .option('--partial', 'the list only confirms the VINs on it (the default; kept for scripts)')
    .option('--dry-run', 'show the preview and the impact, write nothing')
    .option('--json', 'print the preview and the impact as JSON')
    .action(
      async (campaign: string, file: string, o: { db?: string; date?: string; complete?: boolean; partial?: boolean; dryRun?: boolean; json?: boolean }) => {
        if (o.complete && o.partial) throw new UsageError('--complete and --partial contradict each other: give one.');
        const { chunks, encoding, bytes } = readChunks(file);
        const input = checked(PreviewVinListInput, {
          campaign,
          fileName: path.basename(file),
          content: '',
          encoding,
          listDate: o.date ?? null,
          complete: !!o.complete,
        });
        const app = await rt.open(o);
        // A desk uploads the file to the sharing PC, streamed; the host reads it as this PC would.
        const remote = remoteOf(app);
        const { content: _, ...inputs } = input;
        const preview = remote
          ? (unwrap(await remote.upload('previewVinList', inputs, file)) as OutputOf<'previewVinList'>)
          : stageVinList(app, input, await readVinListStream(chunks, input.fileName, bytes));
        rt.io.err(formatListPreview(preview));
        const expect = { campaign: preview.campaign.code, listDate: preview.listDate, complete: preview.complete };
        await impactOrImport(rt, app, preview, expect, o);
      },
    );

  withDb(program.command('import-vehicles').description('vehicles from a DMS export'))
    .argument('<FILE>', 'a CSV export')
    .option('--map <FIELD=HEADER,...>', `which column holds which field (fields: ${VEHICLE_FIELDS.join(', ')})`)
    .option('--stock <add|replace>', 'add: these vehicles are in stock; replace: this is the complete stock list (default: neither, stock unchanged)')
    .option(
      '--condition <VALUE=CONDITION,...>',
      "what the file's own condition values mean, e.g. DEMO=new,Loaner=used (new, used, certified-pre-owned, unknown)",
    )
    .option('--dry-run', 'show the preview and the impact, write nothing')
    .option('--json', 'print the preview and the impact as JSON')
    .action(async (file: string, o: { db?: string; map?: string; stock?: string; condition?: string; dryRun?: boolean; json?: boolean }) => {
      const stock = o.stock ?? 'none';
      if (stock !== 'none' && stock !== 'add' && stock !== 'replace') {
        throw new UsageError(`--stock is add (these are in stock) or replace (the complete stock list); got "${stock}".`);
      }
      const { chunks, encoding } = readChunks(file);
      const input = checked(PreviewVehiclesInput, {
        fileName: path.basename(file),
        content: '',
        encoding,
        mapping: parseMap(o.map),
        inStock: stock,
        conditions: parsePairs('--condition', o.condition) as Record<string, ConditionChoice>,
      });
      const app = await rt.open(o);
      const remote = remoteOf(app);
      const { content: _, ...inputs } = input;
      const preview = remote
        ? (unwrap(await remote.upload('previewVehicles', inputs, file)) as OutputOf<'previewVehicles'>)
        : stageVehicles(
            app,
            input,
            await readVehiclesStream(chunks, input.fileName, { mapping: mappingOf(input), conditions: input.conditions, today: todayOf(app) }),
          );
      rt.io.err(formatVehiclePreview(preview));
      if (!preview.importId) throw new UsageError(preview.blocking ?? 'Nothing to import.');
      await impactOrImport(rt, app, { ...preview, importId: preview.importId }, { inStock: preview.inStock }, o);
    });
};

/** The command's options through the same schema the API uses (the file itself is read as a stream). */
function checked<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new UsageError(describeIssues(r.error)[0] ?? 'Invalid input.');
  return r.data;
}

/** --map vin="Vehicle ID",model=Mdl → { vin: 'Vehicle ID', model: 'Mdl' } */
function parseMap(raw: string | undefined): Record<string, string> {
  const out = parsePairs('--map', raw);
  for (const field of Object.keys(out)) {
    if (!(VEHICLE_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes FIELD=HEADER pairs; "${field}" is not a field. Fields: ${VEHICLE_FIELDS.join(', ')}.`);
    }
  }
  return out;
}

/** A=B,C="D E" → { A: 'B', C: 'D E' } */
function parsePairs(option: string, raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const out: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    const at = pair.indexOf('=');
    if (at < 0) throw new UsageError(`${option} takes NAME=VALUE pairs separated by commas; "${pair}" is not one.`);
    const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');
    out[unquote(pair.slice(0, at))] = unquote(pair.slice(at + 1));
  }
  return out;
}

/**
 * --dry-run: the impact, worked out in a transaction that is rolled back; otherwise the import, which
 * reports the same impact. --json prints the preview with "impact" (and the outcome) on stdout.
 */
async function impactOrImport(
  rt: CliRuntime,
  app: App,
  preview: { importId: string } & Record<string, unknown>,
  expect: CommitImportInput['expect'],
  o: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  const { importId, ...shown } = preview;
  if (o.dryRun) {
    const impact = await rt.call(app, 'importImpact', { importId, expect });
    if (o.json) rt.io.out(JSON.stringify({ ...shown, dryRun: true, impact }, null, 2));
    else rt.io.err(formatImpact(impact).join('\n'));
    return;
  }
  const end = await finishImport(rt, app, await rt.call(app, 'commitImport', { importId, expect }), !o.json);
  if (o.json) rt.io.out(JSON.stringify({ ...shown, dryRun: false, message: end.message, impact: end.impact }, null, 2));
  else if (end.impact) rt.io.err(formatImpact(end.impact).join('\n'));
}

/** Shows progress on stderr while the import's transaction runs, then its outcome; a failure exits 1. */
export async function finishImport(rt: CliRuntime, app: App, started: ImportStatus, say = true): Promise<ImportStatus> {
  if (remoteOf(app)) return finishRemoteImport(rt, app, started, say);
  let shown = -1;
  const tick = setInterval(() => {
    const s = app.jobs.status(started.jobId);
    if (s.done !== shown) {
      shown = s.done;
      rt.io.err(`importing ${s.label}: ${count(s.done)} / ${count(s.total)}`);
    }
  }, 100);
  const end = await app.jobs.wait(started.jobId).finally(() => clearInterval(tick));
  if (end.state !== 'done') throw new CommandFailed(end.message);
  if (say) rt.io.out(end.message);
  return end;
}

/** On a desk: the host's job, followed through importStatus (the same progress lines and outcome). */
async function finishRemoteImport(rt: CliRuntime, app: App, started: ImportStatus, say: boolean): Promise<ImportStatus> {
  let shown = -1;
  let s = started;
  // Bounded: an import of millions of rows takes minutes, not days.
  for (let i = 0; s.state === 'running' && i < 6 * 60 * 60 * 5; i++) {
    if (s.done !== shown) {
      shown = s.done;
      rt.io.err(`importing ${s.label}: ${count(s.done)} / ${count(s.total)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    s = await rt.call(app, 'importStatus', { jobId: started.jobId });
  }
  if (s.state !== 'done') throw new CommandFailed(s.message);
  if (say) rt.io.out(s.message);
  return s;
}
