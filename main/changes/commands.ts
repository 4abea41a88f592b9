// `recall-desk changes`: every applied import with its impact, newest first.
import { type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { formatChanges } from './format';

export const changeCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('changes').description('what every applied import changed (newest first)'))
    .option('--since <YYYY-MM-DD>', 'only imports applied on that day or later')
    .option('--json', 'print {"changes": [...]} as JSON')
    .action(async (o: { db?: string; since?: string; json?: boolean }) => {
      if (o.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.since)) throw new UsageError(`--since takes a date written YYYY-MM-DD; got "${o.since}".`);
      const app = await rt.open(o);
      const r = await rt.call(app, 'listChanges', { since: o.since ?? null });
      const changes = r.changes.map(({ at, by, source, impact }) => ({ at, by, source, impact }));
      rt.io.out(o.json ? JSON.stringify({ changes }, null, 2) : formatChanges(r.changes));
    });
};
