// Text someone typed, on paper (issue 17, "Hostile text and files"): a right-to-left override in the
// dealer's name, a guest's name or a stock number never reverses the VIN, the campaign or the page foot,
// and real Arabic prints right to left inside its own field; the page foot never cuts the VIN or the
// campaign, whatever the dealer's name (the name gives way, with an ellipsis); a guest's name of any
// length wraps inside its field and is cut on paper with a visible ellipsis, the form keeping its pages
// (the database keeps the name whole). Every form printed by Chromium through the real CLI and read back
// with pdftotext, word by word with the boxes they print in; a PNG of each page is kept in test-results/forms/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../support/cli';
import { LC, LC2, LC3 } from '../support/lane';
import { foot, keepPng, outsideMargins, pdfPages, pdfText } from '../support/pdf-words';
import { tempDbPath } from '../support/tempdb';

const RLO = '\u202E';
const LRE = '\u202A';
const PDI = '\u2069';
const STAFF = 'Ann Example';

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Kind = 'owner-letter' | 'faq' | 'disclosure' | 'followup' | 'holds' | 'orders' | 'claims';
const KINDS: Kind[] = ['owner-letter', 'faq', 'disclosure', 'followup', 'holds', 'orders', 'claims'];
const ARGS: Record<Kind, (vin: string) => string[]> = {
  'owner-letter': (vin) => ['owner-letter', '23LJ01', vin],
  faq: () => ['faq', '23LJ01'],
  disclosure: (vin) => ['disclosure', vin, '--staff', STAFF, '--model', 'LC', '--produced', '12/22'],
  followup: () => ['followup'],
  holds: () => ['holds'],
  orders: () => ['orders'],
  claims: () => ['claims'],
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

function run(db: string, ...args: string[]) {
  const r = cli([...args, '--db', db]);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

function database(dealerName: string, vehicles: string): string {
  const db = tempDbPath();
  run(db, 'settings', 'dealer', '--name', dealerName, '--address', '1 Main Street\\nPlano, TX 75024', '--code', '12345', '--phone', '555-0100');
  const file = path.join(path.dirname(db), 'vehicles.csv');
  fs.writeFileSync(file, vehicles);
  run(db, 'import-vehicles', file);
  return db;
}

/** Prints a form to PDF through the CLI and keeps its pages as PNG. */
function print(db: string, kind: Kind, name: string, vin = LC): string {
  const out = path.join(path.dirname(db), `${name}.pdf`);
  run(db, 'form', ...ARGS[kind](vin), '--out', out);
  keepPng(out, name);
  return out;
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

describe('a right-to-left override stays in its own field', () => {
  test('in the dealer name, a guest name and a stock number: feet, address block and lines read in order on every form', () => {
    const db = database(
      `Lexus ${RLO}of Plano`,
      [
        'VIN,Model,Year,Production,Stock #,Guest Name,Guest Address,Guest Phone,Last Service',
        `${LC},LC,2023,2022-12,,Jordan ${RLO}Example,"12 Elm Street${LRE}, Springfield, IL 62704",${RLO}555-0101,2024-01-15`,
        `${LC3},LC,2023,2022-12,,${PDI}${RLO}Sam Example,3 Oak Road,555-0103,2024-01-16`,
      ].join('\n'),
    );
    const stock = path.join(path.dirname(db), 'stock.csv');
    fs.writeFileSync(stock, `VIN,Model,Year,Production,Stock #\n${LC2},LC,2023,2022-12,${RLO}S-100\n`);
    run(db, 'import-vehicles', stock, '--stock', 'add');
    for (const kind of KINDS) {
      const pdf = print(db, kind, `bidi-${kind}`);
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
    const letter = print(db, 'owner-letter', 'bidi-owner-letter-LC3', LC3);
    expectFeet(letter, 'owner-letter', re('Lexus of Plano'), LC3);
    expect(pdfText(letter)).toMatch(/555-0100 \d{4}-\d{2}-\d{2} Sam Example 3 Oak Road /);
  }, 180_000);

  test('real Arabic and Hebrew print right to left, each in its own field; the VIN and the campaign after them stay in order', () => {
    // Each starts with a number: printed in a field of its own, right to left, the number is at the right.
    const db = database(
      '7 لكزس دبي',
      ['VIN,Model,Year,Production,Guest Name,Guest Address,Last Service', `${LC},LC,2023,2022-12,ליאור כהן,"12 רחוב הרצל\nTel Aviv",2024-01-15`].join('\n'),
    );
    // pdftotext gives a right-to-left word as printed, its letters left to right.
    const printed = (w: string) => [...w].reverse().join('');
    const dealer = `${re(printed('دبي'))} ${re(printed('لكزس'))} 7`;
    for (const kind of ['owner-letter', 'faq', 'followup', 'disclosure'] as const) {
      const pdf = print(db, kind, `rtl-${kind}`);
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
  const LONG = 'Lexus of Westminster, a Sewell Automotive Company';
  test.each(['letter', 'a4'] as const)(
    'a 49-character dealer name is printed whole on every form (%s paper)',
    (paper) => {
      const db = database(LONG, `VIN,Model,Year,Guest Name,Last Service\n${LC},LC,2023,Jordan Example,2024-01-15\n`);
      run(db, 'settings', 'paper', paper);
      for (const kind of KINDS) expectFeet(print(db, kind, `long-dealer-${paper}-${kind}`), kind, re(LONG));
    },
    180_000,
  );

  test.each(['letter', 'a4'] as const)(
    'a 100-character dealer name is cut, with an ellipsis, and the VIN and the campaign stay whole (%s paper)',
    (paper) => {
      const wide = 'W'.repeat(100);
      const spaced = `Lexus of ${'Westminster '.repeat(8).trim()}`.slice(0, 100);
      for (const [name, label] of [
        [wide, 'W'],
        [spaced, 'spaced'],
      ] as const) {
        const db = database(name, `VIN,Model,Year,Guest Name,Last Service\n${LC},LC,2023,Jordan Example,2024-01-15\n`);
        run(db, 'settings', 'paper', paper);
        // The lists share one foot: the hold report stands for them.
        for (const kind of ['owner-letter', 'faq', 'disclosure', 'holds'] as const) {
          const pages = expectFeet(print(db, kind, `cut-dealer-${label}-${paper}-${kind}`), kind, `${re(name.slice(0, 20))}[^·]*…`);
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
  test('wraps inside its field and is cut with an ellipsis on paper; the forms keep their pages; the database keeps it whole', () => {
    const db = database(
      'Lexus of Westminster, a Sewell Automotive Company',
      [
        'VIN,Model,Year,Guest Name,Guest Address,Guest Phone,Guest e-mail,Last Service',
        `${LC},LC,2023,${NAME},"${'12 Elm Street '.repeat(40)}\nLine 2\nLine 3\nLine 4\nLine 5\nLine 6",${'5'.repeat(300)},${'x'.repeat(400)}@example.com,2024-01-15`,
        `${LC3},LC,2023,${SPACED},3 Oak Road,555-0103,,2024-01-16`,
      ].join('\n'),
    );
    const pagesOf = (kind: Kind, vin = LC) => {
      const pdf = print(db, kind, `long-guest-${kind}-${vin}`, vin);
      expectFeet(pdf, kind, re('Lexus of Westminster, a Sewell Automotive Company'), vin);
      return { pages: pdfPages(pdf), text: pdfText(pdf) };
    };
    // Printed whole, each of these forms takes this many pages: a long name may not add one.
    const short = database(
      'Lexus of Westminster, a Sewell Automotive Company',
      `VIN,Model,Year,Guest Name,Guest Address,Last Service\n${LC},LC,2023,Jordan Example,12 Elm Street,2024-01-15\n`,
    );
    const usual = (kind: Kind) => pdfPages(print(short, kind, `usual-${kind}`)).length;
    for (const kind of ['owner-letter', 'disclosure', 'followup'] as const) {
      const { pages, text } = pagesOf(kind);
      expect(pages).toHaveLength(usual(kind));
      expect(text).not.toContain('ENDOFNAME');
      // The cut shows: the name ends in an ellipsis (the only one of this vehicle's details that ends in an A).
      expect(text).toMatch(/A…/);
      const spaced = pagesOf(kind, LC3);
      expect(spaced.pages).toHaveLength(usual(kind));
      // Its address is short: the one ellipsis is the name's.
      expect(spaced.text).toMatch(/Jordan Alexander-/);
      expect(spaced.text).toMatch(/[A-Za-z-]…/);
      expect(spaced.text).not.toContain('Lastname');
    }
    const disclosure = pdfText(path.join(path.dirname(db), `long-guest-disclosure-${LC}.pdf`));
    expect(disclosure).not.toContain('Line 5');
    expect(disclosure).toMatch(/5…/);
    expect(disclosure).toMatch(/x…/);
    // Paper is cut; the record is not.
    const rows = JSON.parse(run(db, 'followup', '--json').stdout).rows as { vin: string; guestName: string }[];
    expect(rows.find((r) => r.vin === LC)!.guestName).toBe(NAME);
    expect(rows.find((r) => r.vin === LC3)!.guestName).toBe(SPACED);
  }, 300_000);
});
