// `recall-desk techs`, `book`, `appointments`, `appointment ID STATUS` and `complete`.
import type { Command } from 'commander';
import { PRODUCTION_MONTH_HELP, parseProductionMonth } from '../../shared/month';
import { type CommandRegistrar, UsageError, VERIFIER_PASSWORD_ENV, withDb } from '../cli/runtime';
import { passwordFor } from '../cli/secrets';
import { byArg, numberArg } from '../cli/args';
import { formatAppointments, formatTechs } from './format';
import { listedCourse } from './techs';

const collect = (v: string, all: string[]) => [...all, v];
const STATUS = { arrived: 'arrived', 'no-show': 'no-show', cancel: 'cancelled', cancelled: 'cancelled' } as const;

export const appointmentCommands: CommandRegistrar = (program, rt) => {
  const techs = withDb(program.command('techs').description('the technician roster with the courses each has completed'))
    .option('--json', 'print the roster as JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'listTechnicians', {});
      rt.io.out(
        o.json
          ? JSON.stringify(r, null, 2)
          : `${formatTechs(r.technicians)}\n\nCourses to choose from (techs add NAME --course TEXT):\n${r.courses.map((c) => `  ${listedCourse(c)}`).join('\n')}`,
      );
    });
  techs
    .command('add')
    .description('add a technician, or courses to one on the roster')
    .argument('<NAME>', "the technician's name")
    .option('--course <TEXT>', 'a completed course the library requires, as `techs` lists it (repeat for each)', collect, [])
    .option('--other-course <TEXT>', "a course of the dealer's own that no bulletin requires (repeat for each)", collect, [])
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ db?: string; course: string[]; otherCourse: string[] }>();
      const app = await rt.open(o);
      const t = await rt.call(app, 'addTechnician', { name, courses: o.course, otherCourses: o.otherCourse });
      rt.io.out(formatTechs([t]));
    });

  withDb(program.command('book').description('book campaign work for a vehicle'))
    .argument('<VIN>', 'the 17-character VIN')
    .requiredOption('--campaign <CODE[,CODE...]>', 'the campaign(s) to do in this visit')
    .requiredOption('--at <YYYY-MM-DDTHH:MM>', 'the date and time')
    .option('--model <NAME>', 'the model, when the VIN cannot tell it')
    .option('--produced <YYYY-MM>', 'the production month (door-jamb label)')
    .option('--goodwill <REASON>', 'why to book when the remedy is not available (e.g. a lost only key)')
    .option('--json', 'print {"id", "warnings"} as JSON')
    .action(async (vin: string, o: { db?: string; campaign: string; at: string; model?: string; produced?: string; goodwill?: string; json?: boolean }) => {
      let produced: string | null = null;
      if (o.produced !== undefined) {
        produced = parseProductionMonth(o.produced);
        if (!produced) throw new UsageError(`--produced "${o.produced}" is not a month. ${PRODUCTION_MONTH_HELP}`);
      }
      const app = await rt.open(o);
      const r = await rt.call(app, 'bookAppointment', {
        vin,
        campaigns: o.campaign
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
        at: o.at,
        model: o.model ?? null,
        productionMonth: produced,
        goodwill: o.goodwill ?? null,
      });
      if (o.json) rt.io.out(JSON.stringify({ id: r.id, warnings: r.warnings }, null, 2));
      else {
        rt.io.out(String(r.id));
        for (const w of r.warnings) rt.io.err(`warning: ${w}`);
      }
    });

  withDb(program.command('wait').description('put a vehicle on the waiting list: its remedy does not exist yet; call the guest when it arrives'))
    .argument('<VIN>', 'the 17-character VIN')
    .requiredOption('--campaign <CODE>', 'the campaign whose remedy the guest waits for')
    .option('--note <TEXT>', 'e.g. the best time to call')
    .option('--by <NAME>', 'who puts it on the list (default: the signed-in user)')
    .action(async (vin: string, o: { db?: string; campaign: string; note?: string; by?: string }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'addToWaitingList', { vin, campaign: o.campaign, note: o.note ?? null, by: byArg(o.by) });
      rt.io.out(`${r.vin} is on the waiting list for ${r.campaign}: the follow-up list shows it, to call the guest when the remedy arrives.`);
    });

  withDb(program.command('appointments').description('appointments and the day plan in flat-rate hours and time'))
    .option('--from <DATE>', 'from this day (YYYY-MM-DD)')
    .option('--to <DATE>', 'up to and including this day')
    .option('--json', 'print the appointments and days as JSON')
    .action(async (o: { db?: string; from?: string; to?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'listAppointments', { from: o.from ?? null, to: o.to ?? null });
      rt.io.out(o.json ? JSON.stringify(r, null, 2) : formatAppointments(r));
    });

  withDb(program.command('appointment').description('change an appointment: arrived, no-show, cancel, or move it to another time'))
    .argument('<ID>', 'the appointment number')
    .argument('<STATUS>', 'arrived, no-show, cancel or move')
    .option('--at <YYYY-MM-DDTHH:MM>', 'the new date and time (with move)')
    .action(async (id: string, status: string, o: { db?: string; at?: string }) => {
      const n = numberArg('ID', id);
      if (status.toLowerCase() === 'move') {
        if (!o.at) throw new UsageError('Say when to move it to: appointment ID move --at YYYY-MM-DDTHH:MM.');
        const app = await rt.open(o);
        const r = await rt.call(app, 'moveAppointment', { id: n, at: o.at });
        rt.io.out(`Appointment ${r.appointment.id}: moved to ${r.appointment.at.replace('T', ' ')}.`);
        for (const w of r.warnings) rt.io.err(`warning: ${w}`);
        return;
      }
      if (o.at) throw new UsageError('--at goes with move only: appointment ID move --at YYYY-MM-DDTHH:MM.');
      const to = STATUS[status.toLowerCase() as keyof typeof STATUS];
      if (!to) throw new UsageError(`"${status}" is not a status to set: write arrived, no-show, cancel or move.`);
      const app = await rt.open(o);
      const a = await rt.call(app, 'setAppointmentStatus', { id: n, status: to });
      rt.io.out(`Appointment ${a.id}: ${a.status}.`);
    });

  withDb(program.command('complete').description('complete the work: trained technician, a different verifier, parts used, claim lines'))
    .argument('<APPOINTMENT>', 'the appointment number')
    .requiredOption('--tech <NAME>', 'the technician who did the work')
    .requiredOption('--verified-by <NAME>', 'the associate who verified it (not the technician)')
    .option('--ro <TEXT>', 'the repair order number')
    .action(async (id: string, o: { db?: string; tech: string; verifiedBy: string; ro?: string }) => {
      const n = numberArg('APPOINTMENT', id);
      const app = await rt.open(o);
      // With staff accounts the verifier confirms with their own password.
      const verifierPassword = app.accounts.any() ? await passwordFor(o.verifiedBy, VERIFIER_PASSWORD_ENV, 'Verifier’s password') : null;
      const r = await rt.call(app, 'completeAppointment', { id: n, technician: o.tech, verifiedBy: o.verifiedBy, verifierPassword, repairOrder: o.ro ?? null });
      const used = r.partsUsed.map((p) => `${p.quantity} × ${p.part}${p.vin ? ` (VIN ${p.vin})` : ''}`).join(', ');
      rt.io.out(`Appointment ${r.appointment.id} completed. Parts used: ${used || 'none'}. Claim lines: ${r.claimIds.map((c) => `#${c}`).join(', ')}.`);
    });
};
