// `recall-desk settings`: the dealer's details printed on forms, staff names and paper size.
import type { Command } from 'commander';
import { type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { formatSettings } from './format';

const paperOf = (v: string | undefined): 'letter' | 'a4' | undefined => {
  if (v === undefined) return undefined;
  const p = v.trim().toLowerCase();
  if (p === 'letter' || p === 'a4') return p;
  throw new UsageError(`--paper "${v}" is not a paper size: use letter (US Letter) or a4.`);
};

/** --db given before or after the subcommand name (`settings --db X dealer` or `settings dealer --db X`). */
const db = (cmd: Command): { db?: string } => ({ db: (cmd.optsWithGlobals() as { db?: string }).db });

export const settingsCommands: CommandRegistrar = (program, rt) => {
  const settings = withDb(program.command('settings').description("the dealer's details, staff names and paper size used on forms"))
    .option('--json', 'print the settings as JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const s = await rt.call(app, 'getSettings', {});
      rt.io.out(o.json ? JSON.stringify(s, null, 2) : formatSettings(s));
    });

  withDb(settings.command('dealer').description("set the dealer's details printed on every form"))
    .requiredOption('--name <TEXT>', 'the dealership name')
    .requiredOption('--address <TEXT>', 'the street address (use \\n or a line break for more lines)')
    .requiredOption('--code <TEXT>', 'the dealer code')
    .requiredOption('--phone <TEXT>', 'the dealer phone number')
    .option('--paper <letter|a4>', 'paper size (default: US Letter)')
    .action(async (o: { name: string; address: string; code: string; phone: string; paper?: string }, cmd: Command) => {
      const paper = paperOf(o.paper);
      const app = await rt.open(db(cmd));
      const dealer = { name: o.name, address: o.address.replace(/\\n/g, '\n'), code: o.code, phone: o.phone };
      rt.io.out(formatSettings(await rt.call(app, 'saveSettings', paper ? { dealer, paper } : { dealer })));
    });

  withDb(settings.command('paper').description('set the paper size forms print on'))
    .argument('<SIZE>', 'letter (US Letter) or a4')
    .action(async (size: string, _o: unknown, cmd: Command) => {
      const paper = paperOf(size)!;
      const app = await rt.open(db(cmd));
      rt.io.out(formatSettings(await rt.call(app, 'saveSettings', { paper })));
    });

  withDb(settings.command('hours').description("the service lane's opening hours: a booking outside them is a warning"))
    .argument('<HOURS>', 'HH:MM-HH:MM, e.g. 07:30-18:00, or none')
    .action(async (hours: string, _o: unknown, cmd: Command) => {
      let openingHours: { opens: string; closes: string } | null = null;
      if (hours.toLowerCase() !== 'none') {
        const m = /^\s*(\d{1,2}:\d\d)\s*-\s*(\d{1,2}:\d\d)\s*$/.exec(hours);
        if (!m) throw new UsageError(`"${hours}" is not opening hours: write HH:MM-HH:MM, e.g. 07:30-18:00, or none.`);
        openingHours = { opens: m[1]!.padStart(5, '0'), closes: m[2]!.padStart(5, '0') };
      }
      const app = await rt.open(db(cmd));
      rt.io.out(formatSettings(await rt.call(app, 'saveSettings', { openingHours })));
    });

  const staff = settings.command('staff').description('the staff names offered on forms');
  withDb(staff.command('add').description('add a staff name'))
    .argument('<NAME>', 'the name as it should print')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const app = await rt.open(db(cmd));
      rt.io.out(formatSettings(await rt.call(app, 'addStaff', { name })));
    });
  withDb(staff.command('remove').description('remove a staff name'))
    .argument('<NAME>', 'the name to remove')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const app = await rt.open(db(cmd));
      rt.io.out(formatSettings(await rt.call(app, 'removeStaff', { name })));
    });
};
