// `recall-desk campaigns` and `recall-desk import-bulletin`.
import path from 'node:path';
import { formatImpact } from '../changes/format';
import { notTheDatabase, outInFolder, saying } from '../cli/out-file';
import { type CommandRegistrar, readTextFile, withDb } from '../cli/runtime';
import { writeOut } from '../files/write-out';
import { formatCampaigns } from './format';

export const campaignCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('campaigns').description('the campaign library'))
    .option('--json', 'print the library as JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const list = await rt.call(app, 'listCampaigns', {});
      rt.io.out(o.json ? JSON.stringify(list, null, 2) : formatCampaigns(list));
    });

  withDb(program.command('import-bulletin').description('add a campaign or a newer revision (all-or-nothing), with its impact'))
    .argument('<FILE>', 'a bulletin file (JSON, recall-desk/bulletin@1)')
    .option('--dry-run', 'show the impact on the stock and the follow-up list, write nothing')
    .option('--json', 'print the outcome and its impact as JSON')
    .action(async (file: string, o: { db?: string; dryRun?: boolean; json?: boolean }) => {
      const content = readTextFile(file);
      const app = await rt.open(o);
      const r = await rt.call(app, 'importBulletin', { fileName: path.basename(file), content, dryRun: !!o.dryRun });
      if (o.json) return rt.io.out(JSON.stringify(r, null, 2));
      const what = {
        added: r.dryRun ? 'would be added to the library' : 'added to the library',
        updated: `${r.dryRun ? 'would update' : 'updated from'} revision ${r.previousRevisionDate}`,
        unchanged: 'already loaded; nothing changed',
      }[r.outcome];
      rt.io.out(`${r.code} ${r.title}, revision ${r.revisionDate}: ${what}.${r.dryRun ? ' Dry run: nothing was written.' : ''}`);
      // The impact beside it on stderr, as the imports' previews: stdout keeps the one outcome line.
      if (r.outcome !== 'unchanged') rt.io.err(formatImpact(r.impact).join('\n'));
    });

  withDb(program.command('export-bulletin').description("a campaign's newest revision as a bulletin file, to import elsewhere"))
    .argument('<CAMPAIGN>', 'the campaign code, e.g. ALE')
    .requiredOption('--out <FILE>', 'where to write the bulletin file (JSON)')
    .action(async (campaign: string, o: { db?: string; out: string }) => {
      const file = outInFolder(o.out);
      const app = await rt.open(o);
      notTheDatabase(o.out, app);
      const detail = await rt.call(app, 'getCampaign', { code: campaign });
      const { replaced } = await saying(() => writeOut(file, `${JSON.stringify(detail.bulletin, null, 2)}\n`));
      const what = `${detail.bulletin.code} revision ${detail.bulletin.revisionDate}`;
      rt.io.out(replaced ? `Replaced ${file} with ${what}.` : `${what} written to ${file}.`);
    });
};
