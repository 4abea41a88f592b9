// `recall-desk holds` and `recall-desk followup`: text, --json or --csv, written record by record.
import { csvLine, FOLLOW_UP_CSV_HEADER, followUpCsvRow, HOLDS_CSV_HEADER, holdCsvRow } from '../../shared/csv-out';
import { type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { followUpText, holdsText } from './format';
import { LineWriter, writeJsonObject, writeOutput } from '../cli/line-writer';

/** Lines written as they come, awaiting stdout whenever a chunk is full. */
async function writeLines(out: LineWriter, lines: Iterable<string>): Promise<void> {
  for (const line of lines) await out.line(line);
  await out.flush();
}

/** CSV records end in CRLF (RFC 4180), as the window's export does. */
function* csvLines<R>(header: string[], rows: readonly R[], toValues: (r: R) => (string | number | boolean | null)[]): Generator<string> {
  yield `${csvLine(header)}\r`;
  for (const r of rows) yield `${csvLine(toValues(r))}\r`;
}

export const reportCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('holds').description('stock vehicles that may not be delivered as they are'))
    .option('--json', 'print the report as JSON')
    .option('--csv', 'print the report as CSV')
    .action(async (o: { db?: string; json?: boolean; csv?: boolean }) => {
      const app = await rt.open(o);
      const report = await rt.call(app, 'holdReport', {});
      const out = new LineWriter(rt.io);
      await writeOutput(() =>
        o.json
          ? writeJsonObject(out, report, 'holds', report.holds)
          : writeLines(out, o.csv ? csvLines(HOLDS_CSV_HEADER, report.holds, holdCsvRow) : holdsText(report)),
      );
    });

  withDb(program.command('followup').description('vehicles serviced here with open campaigns'))
    .option('--campaign <CODE>', 'one campaign only')
    .option('--available', 'only where the remedy is available now')
    .option('--booked', 'only vehicles with an open appointment for the campaign')
    .option('--not-booked', 'only vehicles without one (whom to call)')
    .option('--json', 'print the list as JSON')
    .option('--csv', 'print the list as CSV')
    .action(async (o: { db?: string; campaign?: string; available?: boolean; booked?: boolean; notBooked?: boolean; json?: boolean; csv?: boolean }) => {
      if (o.booked && o.notBooked) throw new UsageError('Choose one of --booked and --not-booked (neither: every vehicle).');
      const app = await rt.open(o);
      const filter = {
        campaign: o.campaign ?? null,
        remedyAvailableOnly: !!o.available,
        booked: o.booked ? ('booked' as const) : o.notBooked ? ('not-booked' as const) : ('all' as const),
      };
      const list = await rt.call(app, 'followUpList', filter);
      const out = new LineWriter(rt.io);
      await writeOutput(() =>
        o.json
          ? writeJsonObject(out, list, 'rows', list.rows)
          : writeLines(out, o.csv ? csvLines(FOLLOW_UP_CSV_HEADER, list.rows, followUpCsvRow) : followUpText(list, filter)),
      );
    });
};
