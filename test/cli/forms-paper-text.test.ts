// Text someone typed, on paper (issue 17, "Hostile text and files"): a right-to-left override in the
// dealer's name, a guest's name or a stock number never reverses the VIN, the campaign or the page foot,
// and real Arabic prints right to left inside its own field; the page foot never cuts the VIN or the
// campaign, whatever the dealer's name (the name gives way, with an ellipsis); a guest's name of any
// length wraps inside its field and is cut on paper with a visible ellipsis, the form keeping its pages
// (the database keeps the name whole). The hostile text goes in through the real CLI (`settings dealer`,
// `import-vehicles`); each form is printed once per set of hostile inputs, by Chromium, as `recall-desk
// form` prints it (renderForm, then the app's printer), with one browser kept warm for the whole file
// instead of one browser start per form, and read back with pdftotext, word by word with the boxes they
// print in; a PNG of each page is kept in test-results/forms/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { FormRequestInput, RenderedForm } from '../../shared/forms/contract';
import { parseProductionMonth } from '../../shared/month';
import { type App, createApp } from '../../main/app';
import { ChromiumPdf, type PdfPrinter } from '../../main/forms/pdf';
import { cli } from '../support/cli';
import { ok } from '../support/envelope';
import { LC, LC2, LC3 } from '../support/lane';
import { foot, keepPng, outsideMargins, pdfPages, pdfText } from '../support/pdf-words';
import { SHARED_VPIC } from '../support/vpic-path';

const RLO = '\u202E';
const LRE = '\u202A';
const PDI = '\u2069';
const STAFF = 'Ann Example';

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Kind = 'owner-letter' | 'faq' | 'disclosure' | 'followup' | 'holds' | 'orders' | 'claims';
const KINDS: Kind[] = ['owner-letter', 'faq', 'disclosure', 'followup', 'holds', 'orders', 'claims'];
/** What `recall-desk form KIND` asks to render (main/forms/commands.ts), with the arguments this file gave the CLI. */
const REQUEST: Record<Kind, (vin: string) => FormRequestInput> = {
  'owner-letter': (vin) => ({ kind: 'owner-letter', campaign: '23LJ01', vin }),
  faq: () => ({ kind: 'faq', campaign: '23LJ01' }),
  disclosure: (vin) => ({ kind: 'disclosure', vin, staff: STAFF, guest: {}, model: 'LC', productionMonth: parseProductionMonth('12/22'), campaign: undefined }),
  followup: () => ({ kind: 'followup', campaign: null, view: { booked: 'not-booked' } }),
  holds: () => ({ kind: 'holds', campaign: null }),
  orders: () => ({ kind: 'orders', campaign: null }),
  claims: () => ({ kind: 'claims', campaign: null }),
};
/** What each form's foot says, left to right, around the dealer's name (a pattern). */
const FOOT: Record<Kind, (name: string, vin: string) => string> = {
  'owner-letter': (name, vin) => `Forwarded by ${name} · VIN ${vin} · 23LJ01`,
  faq: (name) => `23LJ01 guest FAQ · ${DATE} · ${name}`,
  disclosure: (name, vin) => `${vin} · 23LJ01 disclosure form · ${name}`,
  followup: (name) => `Follow-up list · printed ${DATE} · ${name}`,
  holds: (name) => `Stock hold report · printed ${DATE} · ${name}`,
  orders: (name) => `Order suggestions / CPOR list · printed ${DATE} · ${name}`,
  claims: (name) => `Claims list · printed ${DATE} · ${name}`,
};

// One Chromium for the file: each app gets it through the printer option (as the Electron app passes its
// own), and closing an app leaves it running; it is closed once, after the last test.
const chromium = new ChromiumPdf();
const printer: PdfPrinter = { toPdf: (html) => chromium.toPdf(html), close: async () => {} };
// The databases and PDFs of the whole file (a set of inputs may serve two tests), removed after the last test.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recall-desk-paper-text-'));
const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  await chromium.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(db: string, ...args: string[]) {
  const r = cli([...args, '--db', db]);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

/** A database of its own for one set of inputs, typed in through the CLI; its forms are printed once each. */
class Inputs {
  readonly db: string;
  private app: App | null = null;
  private readonly printed = new Map<string, Promise<string>>();

  constructor(
    readonly label: string,
    dealerName: string,
    vehicles: string,
  ) {
    this.db = path.join(dir, label, 'recall-desk.sqlite');
    fs.mkdirSync(path.dirname(this.db), { recursive: true });
    run(this.db, 'settings', 'dealer', '--name', dealerName, '--address', '1 Main Street\\nPlano, TX 75024', '--code', '12345', '--phone', '555-0100');
    const file = path.join(path.dirname(this.db), 'vehicles.csv');
    fs.writeFileSync(file, vehicles);
    run(this.db, 'import-vehicles', file);
  }

  /** The form as a PDF file (its pages kept as PNG under `name`), printed on first asking only. */
  print(kind: Kind, name: string, vin = LC): Promise<string> {
    const key = `${kind} ${vin}`;
    let pdf = this.printed.get(key);
    if (!pdf) {
      pdf = this.printOnce(kind, name, vin);
      this.printed.set(key, pdf);
    }
    return pdf;
  }

  private async printOnce(kind: Kind, name: string, vin: string): Promise<string> {
    // Opened once every setting is typed in, on the file the CLI wrote; the clock is the real one, as the CLI's.
    if (!this.app) apps.push((this.app = await createApp({ dbPath: this.db, vpicPath: SHARED_VPIC, pdf: printer })));
    const form = await ok<RenderedForm>(this.app.dispatch('renderForm', REQUEST[kind](vin)));
    const out = path.join(path.dirname(this.db), `${name}.pdf`);
    fs.writeFileSync(out, (await this.app.forms.pdf(form)).pdf);
    keepPng(out, name);
    return out;
  }
}

const sets = new Map<string, Inputs>();
/** Inputs two tests share are one database, typed in once, its forms printed once. */
function shared(label: string, make: () => Inputs): Inputs {
  let set = sets.get(label);
  if (!set) sets.set(label, (set = make()));
  return set;
}

/** Every page's foot: the form's own words around the dealer's name, whole, left of the page number, numbered. */
function expectFeet(pdf: string, kind: Kind, name: string, vin = LC) {
  const pages = pdfPages(pdf);
  pages.forEach((p, i) => {
    const f = foot(p);
    expect(f.text).toMatch(new RegExp(`^${FOOT[kind](name, vin)}$`));
    expect(f.lines).toBe(1);
    expect(f.pageNumber).toBe(`Page ${i + 1} of ${pages.length}`);
    expect(f.right).toBeLessThan(f.pageNumberLeft - 2);
  });
  expect(outsideMargins(pages)).toEqual([]);
  return pages;
}

const LONG = 'Lexus of Westminster, a Sewell Automotive Company';
/** A 49-character dealer name and a usual guest, on the paper given. */
const longDealer = (label: string, paper: 'letter' | 'a4') => {
  const set = new Inputs(label, LONG, `VIN,Model,Year,Guest Name,Guest Address,Last Service\n${LC},LC,2023,Jordan Example,12 Elm Street,2024-01-15\n`);
  run(set.db, 'settings', 'paper', paper);
  return set;
};
/** On letter paper: the long dealer name's forms, and how many pages each form takes with a usual guest. */
const usualLetter = () => shared('usual-letter', () => longDealer('usual-letter', 'letter'));

describe('a right-to-left override stays in its own field', () => {
  test('in the dealer name, a guest name and a stock number: feet, address block and lines read in order on every form', async () => {
    const set = new Inputs(
      'bidi',
      `Lexus ${RLO}of Plano`,
      [
        'VIN,Model,Year,Production,Stock #,Guest Name,Guest Address,Guest Phone,Last Service',
        `${LC},LC,2023,2022-12,,Jordan ${RLO}Example,"12 Elm Street${LRE}, Springfield, IL 62704",${RLO}555-0101,2024-01-15`,
        `${LC3},LC,2023,2022-12,,${PDI}${RLO}Sam Example,3 Oak Road,555-0103,2024-01-16`,
      ].join('\n'),
    );
    const stock = path.join(path.dirname(set.db), 'stock.csv');
    fs.writeFileSync(stock, `VIN,Model,Year,Production,Stock #\n${LC2},LC,2023,2022-12,${RLO}S-100\n`);
    run(set.db, 'import-vehicles', stock, '--stock', 'add');
    for (const kind of KINDS) {
      const pdf = await set.print(kind, `bidi-${kind}`);
      // The override is not printed: the name reads as it was typed, the VIN and the campaign after it in order.
      expectFeet(pdf, kind, re('Lexus of Plano'));
      const t = pdfText(pdf);
      if (kind === 'owner-letter')
        expect(t).toMatch(
          /Forwarded by Lexus of Plano 1 Main Street Plano, TX 75024 555-0100 \d{4}-\d{2}-\d{2} Jordan Example 12 Elm Street, Springfield, IL 62704 /,
        );
      if (kind === 'disclosure') {
        expect(t).toContain('Jordan Example');
        expect(t).toContain('12 Elm Street, Springfield, IL 62704');
        expect(t).toContain(`Your VIN: ${LC}`);
      }
      if (kind === 'followup') {
        expect(t).toMatch(new RegExp(`${LC} LC 2023 2024-01-15 Jordan Example 555-0101 `));
        // An isolate's end (PDI) in a name cannot end the name's isolation early either.
        expect(t).toMatch(new RegExp(`${LC3} LC 2023 2024-01-16 Sam Example 555-0103 `));
      }
      if (kind === 'holds') expect(t).toMatch(new RegExp(`S-100 +${LC2} +LC +2023 `));
    }
    const letter = await set.print('owner-letter', 'bidi-owner-letter-LC3', LC3);
    expectFeet(letter, 'owner-letter', re('Lexus of Plano'), LC3);
    expect(pdfText(letter)).toMatch(/555-0100 \d{4}-\d{2}-\d{2} Sam Example 3 Oak Road /);
  }, 180_000);

  test('real Arabic and Hebrew print right to left, each in its own field; the VIN and the campaign after them stay in order', async () => {
    // Each starts with a number: printed in a field of its own, right to left, the number is at the right.
    const set = new Inputs(
      'rtl',
      '7 لكزس دبي',
      ['VIN,Model,Year,Production,Guest Name,Guest Address,Last Service', `${LC},LC,2023,2022-12,ליאור כהן,"12 רחוב הרצל\nTel Aviv",2024-01-15`].join('\n'),
    );
    // pdftotext gives a right-to-left word as printed, its letters left to right.
    const printed = (w: string) => [...w].reverse().join('');
    const dealer = `${re(printed('دبي'))} ${re(printed('لكزس'))} 7`;
    for (const kind of ['owner-letter', 'faq', 'followup', 'disclosure'] as const) {
      const pdf = await set.print(kind, `rtl-${kind}`);
      expectFeet(pdf, kind, dealer);
      if (kind !== 'owner-letter') continue;
      const words = pdfPages(pdf)[0]!.words;
      const at = (w: string) => words.find((x) => x.text === printed(w))!;
      const line = (w: string) =>
        words
          .filter((x) => Math.abs(x.y0 - at(w).y0) < 2)
          .sort((a, b) => a.x0 - b.x0)
          .map((x) => x.text);
      // The guest's name on a line of its own, its first word at the right; the address's number at the right of its line.
      expect(line('כהן')).toEqual([printed('כהן'), printed('ליאור')]);
      expect(line('רחוב')).toEqual([printed('הרצל'), printed('רחוב'), '12']);
      const next = words.filter((x) => x.y0 > at('רחוב').y1 - 1).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
      expect(next.slice(0, 2).map((x) => x.text)).toEqual(['Tel', 'Aviv']);
    }
  }, 180_000);
});

describe('the page foot never cuts the VIN or the campaign', () => {
  test.each(['letter', 'a4'] as const)(
    'a 49-character dealer name is printed whole on every form (%s paper)',
    async (paper) => {
      // On letter paper these are the very forms the long guest's names are measured against (below).
      const set = paper === 'letter' ? usualLetter() : longDealer(`long-dealer-${paper}`, paper);
      for (const kind of KINDS) expectFeet(await set.print(kind, `long-dealer-${paper}-${kind}`), kind, re(LONG));
    },
    180_000,
  );

  test.each(['letter', 'a4'] as const)(
    'a 100-character dealer name is cut, with an ellipsis, and the VIN and the campaign stay whole (%s paper)',
    async (paper) => {
      const wide = 'W'.repeat(100);
      const spaced = `Lexus of ${'Westminster '.repeat(8).trim()}`.slice(0, 100);
      for (const [name, label] of [
        [wide, 'W'],
        [spaced, 'spaced'],
      ] as const) {
        const set = new Inputs(`cut-dealer-${label}-${paper}`, name, `VIN,Model,Year,Guest Name,Last Service\n${LC},LC,2023,Jordan Example,2024-01-15\n`);
        run(set.db, 'settings', 'paper', paper);
        // The lists share one foot: the hold report stands for them.
        for (const kind of ['owner-letter', 'faq', 'disclosure', 'holds'] as const) {
          const pages = expectFeet(await set.print(kind, `cut-dealer-${label}-${paper}-${kind}`), kind, `${re(name.slice(0, 20))}[^·]*…`);
          // Cut from its end: what is printed is the name's beginning.
          for (const p of pages) expect(name.startsWith(/(?:by |· )([^·]*)…/.exec(foot(p).text)![1]!)).toBe(true);
        }
      }
    },
    300_000,
  );
});

describe('a guest name of any length', () => {
  const NAME = `${'A'.repeat(2990)}ENDOFNAME`;
  const SPACED = `Jordan ${'Alexander-Maximilian '.repeat(120)}Lastname`;
  test('wraps inside its field and is cut with an ellipsis on paper; the forms keep their pages; the database keeps it whole', async () => {
    const set = new Inputs(
      'long-guest',
      LONG,
      [
        'VIN,Model,Year,Guest Name,Guest Address,Guest Phone,Guest e-mail,Last Service',
        `${LC},LC,2023,${NAME},"${'12 Elm Street '.repeat(40)}\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6",${'5'.repeat(300)},${'x'.repeat(400)}@example.com,2024-01-15`,
        `${LC3},LC,2023,${SPACED},3 Oak Road,555-0103,,2024-01-16`,
      ].join('\n'),
    );
    const pagesOf = async (kind: Kind, vin = LC) => {
      const pdf = await set.print(kind, `long-guest-${kind}-${vin}`, vin);
      expectFeet(pdf, kind, re(LONG), vin);
      return { pages: pdfPages(pdf), text: pdfText(pdf) };
    };
    // Printed whole, each of these forms takes this many pages: a long name may not add one.
    const short = usualLetter();
    const usual = async (kind: Kind) => pdfPages(await short.print(kind, `long-dealer-letter-${kind}`)).length;
    for (const kind of ['owner-letter', 'disclosure', 'followup'] as const) {
      const { pages, text } = await pagesOf(kind);
      expect(pages).toHaveLength(await usual(kind));
      expect(text).not.toContain('ENDOFNAME');
      // The cut shows: the name ends in an ellipsis (the only one of this vehicle's details that ends in an A).
      expect(text).toMatch(/A…/);
      const spaced = await pagesOf(kind, LC3);
      expect(spaced.pages).toHaveLength(await usual(kind));
      // Its address is short: the one ellipsis is the name's.
      expect(spaced.text).toMatch(/Jordan Alexander-/);
      expect(spaced.text).toMatch(/[A-Za-z-]…/);
      expect(spaced.text).not.toContain('Lastname');
    }
    const disclosure = pdfText(await set.print('disclosure', `long-guest-disclosure-${LC}`));
    expect(disclosure).not.toContain('Line 5');
    expect(disclosure).toMatch(/5…/);
    expect(disclosure).toMatch(/x…/);
    // Paper is cut; the record is not.
    const rows = JSON.parse(run(set.db, 'followup', '--json').stdout).rows as { vin: string; guestName: string }[];
    expect(rows.find((r) => r.vin === LC)!.guestName).toBe(NAME);
    expect(rows.find((r) => r.vin === LC3)!.guestName).toBe(SPACED);
  }, 300_000);
});
