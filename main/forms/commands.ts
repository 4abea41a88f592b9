// `recall-desk form ...` (print a document to PDF) and `recall-desk forms` (the forms log).
import type { FormRequestInput } from '../../shared/forms/contract';
import { PRODUCTION_MONTH_HELP, parseProductionMonth } from '../../shared/month';
import type { App } from '../app';
import { writeOut } from '../files/write-out';
import { notTheDatabase, outInFolder, saying } from '../cli/out-file';
import { type CliRuntime, type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { formsLogCsv } from '../../shared/forms/csv';
import { formatFormsLog, formatSaved } from './format';

/** --out must name a PDF in a folder that exists. */
function outFile(out: string): string {
  if (!out.toLowerCase().endsWith('.pdf')) throw new UsageError(`--out ${out}: name a .pdf file.`);
  return outInFolder(out);
}

/** Renders (input checked by the API), prints with Chromium, writes the file, then records the form. */
async function print(rt: CliRuntime, app: App, request: FormRequestInput, out: string): Promise<void> {
  const file = outFile(out);
  notTheDatabase(out, app);
  const form = await rt.call(app, 'renderForm', request);
  const pdf = await app.forms.pdf(form);
  const { replaced } = await saying(() => writeOut(file, pdf.pdf));
  const record =
    form.kind === 'disclosure' || form.kind === 'owner-letter' || form.kind === 'faq'
      ? await rt.call(app, 'recordForm', {
          kind: form.kind,
          campaign: form.campaign!,
          vin: form.vin,
          staff: request.kind === 'disclosure' ? request.staff : null,
        })
      : null;
  rt.io.out(formatSaved(form, file, pdf.pages, record, replaced));
}

export const formCommands: CommandRegistrar = (program, rt) => {
  const form = program.command('form').description('print a form, letter or list to PDF');

  withDb(form.command('disclosure').description('the Guest Contact & Vehicle Disclosure Form, pre-filled, recorded in the forms log'))
    .argument('<VIN>', 'the vehicle')
    .requiredOption('--staff <NAME>', 'the staff member completing the form')
    .option('--guest-name <TEXT>', "the guest's name")
    .option('--guest-email <TEXT>', "the guest's e-mail")
    .option('--guest-address <TEXT>', "the guest's address (\\n for more lines)")
    .option('--guest-phone <TEXT>', "the guest's phone")
    .option('--model <NAME>', 'the model, when the VIN cannot tell it')
    .option('--produced <YYYY-MM>', 'the production month (door-jamb label; 12/22 works too)')
    .option('--campaign <CODE>', 'which campaign, when more than one has a disclosure form')
    .requiredOption('--out <FILE.pdf>', 'where to save the PDF')
    .action(
      async (
        vin: string,
        o: {
          db?: string;
          staff: string;
          guestName?: string;
          guestEmail?: string;
          guestAddress?: string;
          guestPhone?: string;
          model?: string;
          produced?: string;
          campaign?: string;
          out: string;
        },
      ) => {
        let produced: string | null = null;
        if (o.produced !== undefined) {
          produced = parseProductionMonth(o.produced);
          if (!produced) throw new UsageError(`--produced "${o.produced}" is not a month. ${PRODUCTION_MONTH_HELP}`);
        }
        const app = await rt.open(o);
        const guest = { name: o.guestName, email: o.guestEmail, address: o.guestAddress?.replace(/\\n/g, '\n'), phone: o.guestPhone };
        await print(rt, app, { kind: 'disclosure', vin, staff: o.staff, guest, model: o.model, productionMonth: produced, campaign: o.campaign }, o.out);
      },
    );

  withDb(form.command('owner-letter').description("the campaign's owner letter with the VIN filled in"))
    .argument('<CAMPAIGN>', 'the campaign code, e.g. 23LJ01')
    .argument('<VIN>', 'the vehicle')
    .requiredOption('--out <FILE.pdf>', 'where to save the PDF')
    .action(async (campaign: string, vin: string, o: { db?: string; out: string }) => {
      const app = await rt.open(o);
      await print(rt, app, { kind: 'owner-letter', campaign, vin }, o.out);
    });

  withDb(form.command('faq').description("the campaign's guest FAQ (guest-facing questions only)"))
    .argument('<CAMPAIGN>', 'the campaign code, e.g. 23LJ01')
    .requiredOption('--out <FILE.pdf>', 'where to save the PDF')
    .action(async (campaign: string, o: { db?: string; out: string }) => {
      const app = await rt.open(o);
      await print(rt, app, { kind: 'faq', campaign }, o.out);
    });

  const lists = [
    ['holds', 'the stock hold report'],
    ['followup', 'the follow-up list'],
    ['orders', 'the parts order suggestions / CPOR list'],
    ['claims', 'the claims list'],
  ] as const;
  type ListOpts = { db?: string; out: string; campaign?: string; booked?: boolean; notBooked?: boolean; all?: boolean };
  for (const [kind, what] of lists) {
    const command = withDb(form.command(kind).description(`${what}, with the dealer's name, the date and page numbers`))
      .requiredOption('--out <FILE.pdf>', 'where to save the PDF')
      .option('--campaign <CODE>', "only this campaign's lines");
    // The follow-up list prints whom to call, as its screen shows it: guests already booked for the
    // campaign are left out unless asked for (`followup`'s own option names, and --all for everyone).
    if (kind === 'followup')
      command
        .option('--booked', 'only vehicles with an open appointment for the campaign')
        .option('--not-booked', 'only vehicles without one (whom to call; the default)')
        .option('--all', 'every vehicle, booked or not');
    command.action(async (o: ListOpts) => {
      if ([o.booked, o.notBooked, o.all].filter(Boolean).length > 1)
        throw new UsageError('Choose one of --booked, --not-booked and --all (neither: the vehicles not booked, whom to call).');
      const app = await rt.open(o);
      const campaign = o.campaign ?? null;
      const booked = o.all ? '' : o.booked ? 'booked' : 'not-booked';
      await print(rt, app, kind === 'followup' ? { kind, campaign, view: { booked } } : { kind, campaign }, o.out);
    });
  }

  withDb(program.command('forms').description('the forms printed (kind, campaign, VIN, date, staff)'))
    .argument('[VIN]', 'only this vehicle')
    .option('--json', 'print the log as JSON')
    .option('--csv', 'print the log as CSV (as the forms log exports it)')
    .action(async (vin: string | undefined, o: { db?: string; json?: boolean; csv?: boolean }) => {
      const app = await rt.open(o);
      const { forms } = await rt.call(app, 'listForms', { vin: vin ?? null });
      rt.io.out(o.json ? JSON.stringify(forms, null, 2) : o.csv ? formsLogCsv(forms) : formatFormsLog(forms, vin ?? null));
    });
};
