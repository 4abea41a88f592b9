// `recall-desk holds` and `recall-desk followup`.
import { followUpCsv, holdsCsv } from '../../shared/csv-out';
import { type CommandRegistrar, withDb } from '../cli/runtime';
import { formatFollowUp, formatHolds } from './format';

export const reportCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('holds').description('stock vehicles that may not be delivered as they are'))
    .option('--json', 'print the report as JSON')
    .option('--csv', 'print the report as CSV')
    .action(async (o: { db?: string; json?: boolean; csv?: boolean }) => {
      const app = await rt.open(o);
      const report = await rt.call(app, 'holdReport', {});
      rt.io.out(o.json ? JSON.stringify(report, null, 2) : o.csv ? holdsCsv(report) : formatHolds(report));
    });

  withDb(program.command('followup').description('vehicles serviced here with open campaigns'))
    .option('--campaign <CODE>', 'one campaign only')
    .option('--available', 'only where the remedy is available now')
    .option('--json', 'print the list as JSON')
    .option('--csv', 'print the list as CSV')
    .action(async (o: { db?: string; campaign?: string; available?: boolean; json?: boolean; csv?: boolean }) => {
      const app = await rt.open(o);
      const list = await rt.call(app, 'followUpList', { campaign: o.campaign ?? null, remedyAvailableOnly: !!o.available });
      rt.io.out(o.json ? JSON.stringify(list, null, 2) : o.csv ? followUpCsv(list) : formatFollowUp(list));
    });
};
