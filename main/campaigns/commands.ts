// `recall-desk campaigns` and `recall-desk import-bulletin`.
import path from 'node:path';
import { type CommandRegistrar, readTextFile, withDb } from '../cli/runtime';
import { formatCampaigns } from './format';

export const campaignCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('campaigns').description('the campaign library'))
    .option('--json', 'print the library as JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const list = await rt.call(app, 'listCampaigns', {});
      rt.io.out(o.json ? JSON.stringify(list, null, 2) : formatCampaigns(list));
    });

  withDb(program.command('import-bulletin').description('add a campaign or a newer revision (all-or-nothing)'))
    .argument('<FILE>', 'a bulletin file (JSON, recall-desk/bulletin@1)')
    .action(async (file: string, o: { db?: string }) => {
      const content = readTextFile(file);
      const app = await rt.open(o);
      const r = await rt.call(app, 'importBulletin', { fileName: path.basename(file), content });
      const what = { added: 'added to the library', updated: `updated from revision ${r.previousRevisionDate}`, unchanged: 'already loaded; nothing changed' }[
        r.outcome
      ];
      rt.io.out(`${r.code} ${r.title}, revision ${r.revisionDate}: ${what}.`);
    });
};
