// `recall-desk claims` and `claims correct`.
import type { Command } from 'commander';
import { claimsCsv } from '../../shared/parts/csv';
import { type CommandRegistrar, withDb } from '../cli/runtime';
import { byArg, numberArg } from '../cli/args';
import { formatClaims } from './format';

export const claimCommands: CommandRegistrar = (program, rt) => {
  const claims = withDb(program.command('claims').description('claim lines of work completed here'))
    .option('--campaign <CODE>', 'one campaign only')
    .option('--vin <VIN>', 'one vehicle only')
    .option('--json', 'print the claims as JSON')
    .option('--csv', 'print the claims as CSV')
    .action(async (o: { db?: string; campaign?: string; vin?: string; json?: boolean; csv?: boolean }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'listClaims', { campaign: o.campaign ?? null, vin: o.vin ?? null });
      rt.io.out(o.json ? JSON.stringify(r, null, 2) : o.csv ? claimsCsv(r.claims) : formatClaims(r.claims));
    });
  claims
    .command('correct')
    .description('correct a wrong op code or VIN (the original stays in the history, per PRO17-03)')
    .argument('<ID>', 'the claim number')
    .option('--op-code <CODE>', 'the right op code')
    .option('--vin <VIN>', 'the right VIN')
    .requiredOption('--reason <TEXT>', 'why it is corrected')
    .option('--by <NAME>', 'who corrects it')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ db?: string; opCode?: string; vin?: string; reason: string; by?: string }>();
      const n = numberArg('ID', id);
      const app = await rt.open(o);
      const c = await rt.call(app, 'correctClaim', { id: n, opCode: o.opCode ?? null, vin: o.vin ?? null, reason: o.reason, by: byArg(o.by) });
      rt.io.out(formatClaims([c]));
    });
};
