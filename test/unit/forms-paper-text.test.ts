// The one way typed text goes on paper (shared/forms/html.ts): bidi controls never reach the page,
// right-to-left text is isolated in its field, a field's room cuts text with an ellipsis (by what a reader
// counts as a character), and the page foot keeps the app's own words whole, the typed name giving way.
// Printed and read back: test/cli/forms-paper-text.test.ts.
import { expect, test } from 'vitest';
import { esc, footText, frame, paperLines } from '../../shared/forms/html';
import { textEm } from '../../shared/forms/text-width';

const ROOM_EM = { letter: (215.9 - 26 - 30) / ((8 * 25.4) / 72), a4: (210 - 26 - 30) / ((8 * 25.4) / 72) };

test('embedding, override and isolate controls are left out; markup is escaped; Latin text is not wrapped', () => {
  expect(esc('Lexus \u202Eof Plano')).toBe('Lexus of Plano');
  expect(esc('\u2066\u2067\u2068a\u2069\u202A\u202B\u202C\u202D\u202E')).toBe('a');
  expect(esc(`O'Neil <b>&"`)).toBe('O&#39;Neil &lt;b&gt;&amp;&quot;');
  expect(esc(null)).toBe('');
  expect(esc(2023)).toBe('2023');
});

test('right-to-left text is isolated in its field, so it cannot reorder what is beside it', () => {
  expect(esc('ليلى حداد')).toBe('<bdi>ليلى حداد</bdi>');
  expect(esc('12 רחוב הרצל')).toBe('<bdi>12 רחוב הרצל</bdi>');
  // An isolate's end typed in a name cannot close the field's isolation early.
  expect(esc('\u2069\u202Eשלום')).toBe('<bdi>שלום</bdi>');
});

test("a field's room cuts with an ellipsis, never inside a character a reader sees as one", () => {
  expect(esc('A'.repeat(3000), 120)).toBe(`${'A'.repeat(119)}…`);
  expect(esc('Jordan Example', 120)).toBe('Jordan Example');
  expect(esc(`${'e\u0301'.repeat(10)}`, 5)).toBe(`${'e\u0301'.repeat(4)}…`);
  expect(esc('Jordan Example and more', 8)).toBe('Jordan…');
  expect(paperLines('1\n2\n3\n4\n5\n6', 4, 240)).toBe('1\n2\n3\n4…');
  expect(paperLines('1\n2', 4, 240)).toBe('1\n2');
  expect(paperLines(null, 4, 240)).toBe('');
});

test("the foot keeps the app's words whole and fits beside the page number: the typed name gives way", () => {
  for (const paper of ['letter', 'a4'] as const) {
    for (const name of ['W'.repeat(100), `Lexus of ${'Westminster '.repeat(8)}`.slice(0, 100), 'ש'.repeat(100)]) {
      const foot = footText(['Forwarded by ', { typed: name }, ' · VIN JTHKPAAY4PA001234 · 23LJ01'], paper);
      expect(foot).toMatch(/^Forwarded by \u2068?[^·]+…\u2069? · VIN JTHKPAAY4PA001234 · 23LJ01$/);
      expect(textEm(foot)).toBeLessThan(ROOM_EM[paper]);
    }
    const whole = 'Lexus of Westminster, a Sewell Automotive Company';
    expect(footText(['Forwarded by ', { typed: whole }, ' · VIN JTHKPAAY4PA001234 · 23LJ01'], paper)).toBe(
      `Forwarded by ${whole} · VIN JTHKPAAY4PA001234 · 23LJ01`,
    );
  }
  expect(footText(['x · ', { typed: 'Lexus \u202Eof\nPlano' }], 'letter')).toBe('x · Lexus of Plano');
  expect(footText(['x · ', { typed: 'لكزس' }], 'letter')).toBe('x · \u2068لكزس\u2069');
});

test('the title and the class are escaped, never isolated: no markup goes in the <title> or an attribute', () => {
  const html = frame({ title: 'ليلى <x>', paper: 'letter', footer: ['f'], body: '', bodyClass: 'compact' });
  expect(html).toContain('<title>ليلى &lt;x&gt;</title>');
  expect(html).toContain('<body class="compact">');
});
