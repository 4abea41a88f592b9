// `recall-desk parts`, `parts set`, `stock ...` and `suggest`.
import type { Command } from 'commander';
import type { Suggestions } from '../../shared/parts/contract';
import { partsCsv, suggestionsCsv } from '../../shared/parts/csv';
import { movementDoneText, placeRequestHint } from '../../shared/parts/wording';
import { type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { byArg, numberArg } from '../cli/args';
import { formatHistory, formatParts, formatRequests, formatSuggestions } from './format';

type SetOpts = {
  db?: string;
  description?: string;
  quantity?: string;
  mac?: string;
  released?: boolean;
  notReleased?: boolean;
  perVin?: boolean;
  notPerVin?: boolean;
  allocation?: string;
  by?: string;
};

/** A flag and its opposite (commander names them apart: --not-released is notReleased): true, false, or null for neither. */
function yesNo(yes: string, saidYes: boolean | undefined, no: string, saidNo: boolean | undefined): boolean | null {
  if (saidYes && saidNo) throw new UsageError(`${yes} and ${no} say opposite things: give one.`);
  return saidYes ? true : saidNo ? false : null;
}

const KIND_TEXT = {
  receive: 'received (fills open orders, oldest first)',
  order: 'ordered',
  use: 'used in a repair',
  return: 'returned to the shelf unused',
  count: 'counted on the shelf',
} as const;

/** `suggest --json` keeps the shape the issue pins (the window's line keys and sources are the API's). */
const pinnedJson = (s: Suggestions) => ({
  horizonDays: s.horizonDays,
  lines: s.lines.map(({ campaign, partNumber, method, quantity, vin, reason }) => ({ campaign, partNumber, method, quantity, vin, reason })),
});

export const partsCommands: CommandRegistrar = (program, rt) => {
  const parts = withDb(program.command('parts').description("every campaign part: the bulletin's values, local amendments and stock"))
    .option('--json', 'print the parts as JSON')
    .option('--csv', 'print the parts as CSV (as the Parts screen exports them)')
    .action(async (o: { db?: string; json?: boolean; csv?: boolean }) => {
      const app = await rt.open(o);
      const list = await rt.call(app, 'listParts', {});
      rt.io.out(o.json ? JSON.stringify(list, null, 2) : o.csv ? partsCsv(list) : formatParts(list));
    });

  parts
    .command('set')
    .description('record what the bulletin has not said (adds the part when the campaign lists no such number)')
    .argument('<CAMPAIGN>', 'the campaign code, e.g. 23LJ01')
    .argument('<PART>', 'the part number (a concrete number matches its pattern)')
    .option('--description <TEXT>', 'what the part is')
    .option('--quantity <N>', 'units per vehicle')
    .option('--mac <C|D|none>', 'the MAC code from Dealer Daily')
    .option('--released', 'the part is released')
    .option('--not-released', 'the part is not released')
    .option('--per-vin', "the part number is per VIN (CPOR gives each vehicle's)")
    .option('--not-per-vin', 'one part number for every vehicle')
    .option('--allocation <N>', 'the allocation from the MAC report')
    .option('--by <NAME>', 'who records it (default: the signed-in user)')
    .action(async (campaign: string, part: string, _o: SetOpts, cmd: Command) => {
      // --db belongs to `parts`, which takes it before or after `set`.
      const o = cmd.optsWithGlobals<SetOpts>();
      const mac = o.mac === undefined ? null : o.mac.toUpperCase() === 'NONE' ? 'none' : o.mac.toUpperCase();
      if (mac !== null && !['C', 'D', 'none'].includes(mac)) throw new UsageError(`--mac "${o.mac}" is not a MAC code: write C, D or none.`);
      const app = await rt.open(o);
      const p = await rt.call(app, 'setPart', {
        campaign,
        part,
        description: o.description ?? null,
        quantity: o.quantity === undefined ? null : numberArg('--quantity', o.quantity),
        macCode: mac as 'C' | 'D' | 'none' | null,
        released: yesNo('--released', o.released, '--not-released', o.notReleased),
        perVin: yesNo('--per-vin', o.perVin, '--not-per-vin', o.notPerVin),
        allocation: o.allocation === undefined ? null : numberArg('--allocation', o.allocation),
        by: byArg(o.by),
      });
      rt.io.out(formatParts({ parts: [p], notes: [] }));
    });

  const stock = program.command('stock').description('the stock ledger: receive, order, use, return, count; level; history; reverse');
  for (const kind of ['receive', 'order', 'use', 'return', 'count'] as const) {
    withDb(stock.command(kind).description(`record parts ${KIND_TEXT[kind]}`))
      .argument('<PART>', 'the part number')
      .argument('<QTY>', 'how many (a whole number)')
      .option('--vin <VIN>', 'the vehicle, for a part held per VIN')
      .option('--expected <DATE>', 'when an order is expected (12/01/2026 or 2026-12-01)')
      .option('--ref <TEXT>', 'a reference (CPOR number, invoice)')
      .option('--by <NAME>', 'who records it (default: the signed-in user)')
      .option('--json', 'print the movement as JSON')
      .action(async (part: string, qty: string, o: { db?: string; vin?: string; expected?: string; ref?: string; by?: string; json?: boolean }) => {
        const quantity = numberArg('QTY', qty);
        const app = await rt.open(o);
        const r = await rt.call(app, 'recordMovement', {
          kind,
          part,
          quantity,
          vin: o.vin ?? null,
          expectedOn: o.expected ?? null,
          ref: o.ref ?? null,
          by: byArg(o.by),
        });
        const hint = placeRequestHint(r);
        rt.io.out(
          o.json
            ? JSON.stringify(r, null, 2)
            : `#${r.movement.id} ${r.movement.kind} ${r.movement.quantity} ${r.movement.partNumber}${r.position.vin ? ` for ${r.position.vin}` : ''}: ${movementDoneText(r)}${hint ? `\n${hint}` : ''}`,
        );
        for (const w of r.warnings) rt.io.err(`warning: ${w}`);
      });
  }
  withDb(stock.command('cpor').description('enter the CPOR reference of a request placed in Service Lane: "to place" becomes "on order"'))
    .argument('<ID>', 'the order movement (stock history PART lists them)')
    .requiredOption('--ref <TEXT>', 'the CPOR reference Service Lane gave')
    .option('--by <NAME>', 'who placed it (default: the signed-in user)')
    .action(async (id: string, o: { db?: string; ref: string; by?: string }) => {
      const n = numberArg('ID', id);
      const app = await rt.open(o);
      const r = await rt.call(app, 'setCporReference', { id: n, reference: o.ref, by: byArg(o.by) });
      rt.io.out(`Order #${r.id} for ${r.vin}: CPOR ${r.reference}, ${r.state === 'on-order' ? 'on order' : r.state}.`);
    });
  withDb(stock.command('to-place').description('the accepted CPOR requests still to place in Service Lane (their order numbers, for stock cpor)'))
    .option('--all', 'the requests on order as well')
    .option('--json', 'print the requests as JSON')
    .action(async (o: { db?: string; all?: boolean; json?: boolean }) => {
      const app = await rt.open(o);
      const r = await rt.call(app, 'cporRequests', { state: o.all ? null : 'to-place' });
      rt.io.out(o.json ? JSON.stringify(r, null, 2) : formatRequests(r));
    });
  withDb(stock.command('level').description('how many of a part to keep on the shelf'))
    .argument('<PART>', 'the part number')
    .argument('<N>', 'the stocking level (0 or more)')
    .option('--by <NAME>', 'who sets it')
    .action(async (part: string, n: string, o: { db?: string; by?: string }) => {
      const level = numberArg('N', n);
      const app = await rt.open(o);
      const r = await rt.call(app, 'setStockingLevel', { part, level, by: byArg(o.by) });
      rt.io.out(`${r.part}: keep ${r.stockingLevel} on the shelf (on hand ${r.onHand}, on order ${r.onOrder}).`);
    });
  withDb(stock.command('history').description("a part's movements, oldest first"))
    .argument('<PART>', 'the part number')
    .option('--json', 'print the history as JSON')
    .action(async (part: string, o: { db?: string; json?: boolean }) => {
      const app = await rt.open(o);
      const h = await rt.call(app, 'stockHistory', { part });
      rt.io.out(o.json ? JSON.stringify(h, null, 2) : formatHistory(h));
    });
  withDb(stock.command('reverse').description('reverse a movement recorded in error (nothing is deleted)'))
    .argument('<ID>', 'the movement number (see stock history)')
    .requiredOption('--reason <TEXT>', 'why it is reversed')
    .option('--by <NAME>', 'who reverses it')
    .action(async (id: string, o: { db?: string; reason: string; by?: string }) => {
      const n = numberArg('ID', id);
      const app = await rt.open(o);
      const r = await rt.call(app, 'reverseMovement', { id: n, reason: o.reason, by: byArg(o.by) });
      rt.io.out(`#${r.movement.id} reverses #${n}. Now on hand ${r.position.onHand}, on order ${r.position.onOrder}.`);
    });

  withDb(program.command('suggest').description('order suggestions, each line explaining itself'))
    .option('--horizon <DAYS>', 'booked work within this many days (default 14)')
    .option('--accept', 'record the stock and CPOR lines as orders (CPOR lines as requests to place)')
    .option('--campaign <CODE>', "with --accept: only this campaign's lines")
    .option('--vin <VIN[,VIN...]>', 'with --accept: only the CPOR lines of these vehicles')
    .option('--booked-only', 'with --accept: only the CPOR lines of booked vehicles')
    .option('--by <NAME>', 'who accepts them')
    .option('--json', 'print the suggestions as JSON')
    .option('--csv', 'print the suggestions as CSV')
    .action(
      async (o: {
        db?: string;
        horizon?: string;
        accept?: boolean;
        campaign?: string;
        vin?: string;
        bookedOnly?: boolean;
        by?: string;
        json?: boolean;
        csv?: boolean;
      }) => {
        const horizonDays = o.horizon === undefined ? 14 : numberArg('--horizon', o.horizon);
        if (!o.accept && (o.campaign || o.vin || o.bookedOnly))
          throw new UsageError('--campaign, --vin and --booked-only choose which lines --accept records: add --accept.');
        const app = await rt.open(o);
        let recorded: number | undefined;
        let notOrdered: { vin: string; reason: string }[] = [];
        let plain: Suggestions;
        if (o.accept) {
          const vins = o.vin
            ?.split(',')
            .map((v) => v.trim())
            .filter(Boolean);
          const r = await rt.call(app, 'acceptSuggestions', {
            horizonDays,
            by: byArg(o.by),
            campaign: o.campaign ?? null,
            vins: vins?.length ? vins : null,
            bookedOnly: !!o.bookedOnly,
          });
          recorded = r.recorded.length;
          notOrdered = r.notOrdered;
          plain = { horizonDays: r.horizonDays, lines: r.lines };
        } else plain = await rt.call(app, 'suggestOrders', { horizonDays });
        const why = notOrdered.map((n) => `No order for VIN ${n.vin}: ${n.reason}`);
        if (o.json || o.csv) {
          rt.io.out(o.json ? JSON.stringify(pinnedJson(plain), null, 2) : suggestionsCsv(plain));
          // The pinned JSON and the CSV stay as they are: why a chosen VIN got no order is said beside them.
          for (const w of why) rt.io.err(w);
        } else rt.io.out([formatSuggestions(plain, recorded), ...why].join('\n'));
      },
    );
};
