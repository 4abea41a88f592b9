// `recall-desk lookup` and `recall-desk check`.
import fs from 'node:fs';
import path from 'node:path';
import { PRODUCTION_MONTH_HELP, parseProductionMonth } from '../../shared/month';
import { encodingSentence } from '../../shared/imports/encoding';
import { count } from '../../shared/wording';
import { CommandFailed, type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { describeStorageError } from '../db/errors';
import { LineWriter, writeOutput } from '../cli/line-writer';
import { readChunks } from '../cli/text-file';
import { CheckStopped, checkVinFile } from './check';
import { cporCard } from './cpor-card';
import { formatCheckLine, formatLookup } from './format';

/** What stopped a check, in plain words: the line reached, the answers written, and what to do. */
function checkStoppedMessage(err: CheckStopped, fileName: string, answers: number, dbPath: string): string {
  const code = String((err.cause as { code?: unknown })?.code ?? '');
  const damaged = /^SQLITE_(CORRUPT|NOTADB)/.test(code);
  return [
    `${describeStorageError(err.cause)}`,
    `The check stopped at line ${count(err.line)} of ${fileName} (${count(answers)} ${answers === 1 ? 'answer' : 'answers'} written before it).`,
    ...(damaged ? [`To see the damage, run: sqlite3 "${dbPath}" "PRAGMA integrity_check" (it lists the damaged pages; "ok" means none).`] : []),
  ].join('\n');
}

export const lookupCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('lookup').description('campaigns that may apply to a vehicle'))
    .argument('<VIN>', "the 17-character VIN (a scanner's leading I is fine)")
    .option('--model <name>', 'the model, when the VIN cannot tell it (e.g. "RX 350")')
    .option('--produced <MM/YY>', 'the production month from the door-jamb label (12/22 or 2022-12)')
    .option('--json', 'print the answer as JSON')
    .action(async (vin: string, o: { db?: string; model?: string; produced?: string; json?: boolean }) => {
      let produced: string | null = null;
      if (o.produced !== undefined) {
        produced = parseProductionMonth(o.produced);
        if (!produced) throw new UsageError(`--produced "${o.produced}" is not a month. ${PRODUCTION_MONTH_HELP}`);
      }
      const app = await rt.open(o);
      const r = await rt.call(app, 'lookup', { vin, model: o.model ?? null, productionMonth: produced });
      rt.io.out(o.json ? JSON.stringify(r, null, 2) : formatLookup(r, await cporCard(rt, app, r)));
    });

  withDb(program.command('check').description('a lookup for every VIN of a file (bad lines are reported, not fatal)'))
    .argument('<FILE>', 'a VIN list: one VIN a line, or a CSV with a VIN column')
    .option('--json', 'print every answer as JSON, as lookup --json does')
    .action(async (file: string, o: { db?: string; json?: boolean }) => {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) {
        const why = !stat
          ? 'no such file'
          : stat.isDirectory()
            ? 'it is a folder, not a file'
            : 'it is not a file (a device or a pipe): save the list to a file and check that';
        throw new UsageError(`Cannot read ${file}: ${why}.`);
      }
      // Read as the imports read a file: a list saved as "Unicode text" (UTF-16) is a VIN list too.
      const { chunks, encoding } = readChunks(file);
      const app = await rt.open(o);
      // Said as the import preview says it, but only when it is not plain UTF-8: check's stderr is
      // otherwise kept for the lines that need attention (scripts read its stdout).
      if (encoding !== 'utf-8') rt.io.err(encodingSentence(encoding));
      // The WMI→make table comes with vPIC: open it first so every answer can confirm its make.
      await app.vpic?.start();
      // Written as they come: a JSON array with one answer a line, or one text line per VIN.
      const out = new LineWriter(rt.io);
      let answers = 0;
      await writeOutput(async () => {
        if (o.json) out.add('[');
        await checkVinFile(
          app.lookup,
          chunks,
          path.basename(file),
          {
            result: (r) => {
              if (!o.json) out.add(formatCheckLine(r));
              else out.add(`${answers ? ',' : ''}${JSON.stringify(r)}`);
              answers++;
            },
            bad: (b) => rt.io.err(`line ${b.line}: ${b.reason}`),
          },
          () => out.flush(),
        ).catch(async (err) => {
          if (!(err instanceof CheckStopped)) throw err;
          // The answers given so far stay written (a JSON array closed), then what stopped the check.
          if (o.json) out.add(']');
          await out.flush();
          throw new CommandFailed(checkStoppedMessage(err, path.basename(file), answers, app.db.path));
        });
        if (o.json) out.add(']');
        await out.flush();
      });
    });
};
