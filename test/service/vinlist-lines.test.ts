// The hot loop of a VIN list (VinListBuilder.take: lines read where they stand, no record per line)
// must read every file exactly as the reader's records do: the same rows, phases, duplicates,
// check-digit mismatches, and the same bad lines by number and VIN cell, whole or in chunks cut
// anywhere (inside a VIN, between the CR and LF of a line end).
import { describe, expect, test } from 'vitest';
import { CodeUnits } from '../../main/files/code-units';
import { readVinList, readVinListStream, VinListBuilder } from '../../main/imports/vinlist';
import { ListStager, type StagedList, vinAt } from '../../main/imports/vinlist-stage';
import { makeVin, rng } from '../support/synthetic';

/** The VIN with another check digit than the one it calls for. */
const wrongCheck = (v: string) => `${v.slice(0, 8)}${v[8] === '0' ? '1' : '0'}${v.slice(9)}`;
const vin = (k: number) => makeVin('JTH', ['BE96S', 'CE96S', 'GL46F'][k % 3]!, 2007 + (k % 2), String(1_000_000 + k).padStart(7, '0'));

function rowsOf(staged: StagedList) {
  const vins: string[] = [];
  const phases: (string | null)[] = [];
  for (const c of staged.chunks()) {
    for (let i = 0; i < c.count; i++) vins.push(vinAt(c, i));
    if (c.phases) phases.push(...c.phases);
  }
  staged.dispose();
  return { vins, phases };
}

/** The text in chunks of 1-40 characters after the first (which holds the lines the delimiter is told from). */
async function* chunked(text: string, seed: number): AsyncGenerator<string> {
  const r = rng(seed);
  yield text.slice(0, 400);
  for (let i = 400; i < text.length; ) {
    const n = 1 + Math.floor(r() * 40);
    yield text.slice(i, i + n);
    i += n;
  }
}

/** The same file read whole and in chunks cut at random (many seeds): the same preview and rows. */
async function readEveryWay(text: string) {
  const whole = readVinList(text, 'list.csv');
  const expected = { preview: whole.preview, ...rowsOf(whole.rows) };
  for (let seed = 1; seed <= 12; seed++) {
    const s = await readVinListStream(chunked(text, seed), 'list.csv');
    expect({ preview: s.preview, ...rowsOf(s.rows) }, `chunks of seed ${seed}`).toEqual(expected);
  }
  return expected;
}

describe('a VIN list read line by line where it stands', () => {
  test('a CSV with a header: good lines taken, every odd line reported by its number and VIN cell only', async () => {
    const lines = ['Guest,VIN,Phase'];
    // 60 good lines first: the columns are decided on the first 50, the rest go to the hot loop.
    for (let k = 0; k < 60; k++) lines.push(`Guest ${k},${vin(k)}, ${(k % 3) + 1} `);
    const bad = lines.length + 1;
    lines.push(
      `Jane Roe 555-0101,${vin(100).slice(0, 16)},1`, // line bad: 16 characters
      `John Doe 555-0102,${vin(101)}X,2`, // bad + 1: 18 characters
      `Guest q,"${vin(102)}",3`, // a quoted VIN: read by the reader, valid
      `Guest s, ${vin(103)} ,1`, // spaces round the VIN: valid
      `Guest l,${vin(104).toLowerCase()},2`, // lower case: valid, upper-cased
      `Guest w,${vin(105)}`, // bad + 5: two cells, the header names three
      `Guest t,${vin(106)},3,`, // a trailing empty cell: valid
      '', // a blank line: skipped, not counted
      `Guest d,${vin(0)},9`, // a duplicate of line 2: dropped, its first line's phase kept
      `Guest c,${wrongCheck(vin(107))},1`, // a wrong check digit: valid, counted
      `Guest e,,2`, // bad + 10: no VIN
    );
    for (let k = 200; k < 260; k++) lines.push(`Guest ${k},${vin(k)},${k % 2 ? '' : 'A'}`);
    for (const end of ['\r\n', '\n', '\r']) {
      const got = await readEveryWay(lines.join(end));
      const { preview } = got;
      expect(preview.invalid.map((i) => [i.line, i.text])).toEqual([
        [bad, vin(100).slice(0, 16)],
        [bad + 1, `${vin(101)}X`],
        [bad + 5, vin(105)],
        [bad + 10, ''],
      ]);
      expect(preview.invalid.find((i) => i.line === bad + 5)!.reason).toMatch(/2 cells; the header names 3/);
      // Nothing of a bad line but its VIN cell (the cell itself where it is VIN-sized): no guest's name or phone.
      expect(JSON.stringify(preview)).not.toMatch(/Jane|John|555-/);
      expect(preview.rowsRead).toBe(lines.length - 2);
      expect(preview.duplicates).toBe(1);
      expect(preview.checkDigitMismatches).toBe(1);
      expect(preview.columns).toMatchObject({ vin: 'VIN', phase: 'Phase' });
      const good: [string, string | null][] = [
        ...Array.from({ length: 60 }, (_, k): [string, string] => [vin(k), String((k % 3) + 1)]),
        [vin(102), '3'],
        [vin(103), '1'],
        [vin(104), '2'],
        [vin(106), '3'],
        [wrongCheck(vin(107)), '1'],
        ...Array.from({ length: 60 }, (_, i): [string, string | null] => [vin(200 + i), (200 + i) % 2 ? null : 'A']),
      ];
      const sorted = [...good].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      expect(got.vins).toEqual(sorted.map((g) => g[0]));
      expect(got.phases).toEqual(sorted.map((g) => g[1]));
    }
  });

  test('one VIN a line, no header: line numbers stay right after a million-line stretch of good lines', async () => {
    const lines: string[] = [];
    for (let k = 0; k < 3000; k++) lines.push(vin(k));
    lines.push('JTHBE96S170007A30', vin(5), '', 'NOT A VIN', vin(3001));
    const got = await readEveryWay(`${lines.join('\r\n')}\r\n`);
    expect(got.preview.invalid.map((i) => [i.line, i.text])).toEqual([
      [3001, 'JTHBE96S170007A30'],
      [3004, 'NOT A VIN'],
    ]);
    expect(got.preview).toMatchObject({ rowsRead: 3004, valid: 3001, duplicates: 1, hasHeader: false, columns: { vin: 'column 1', phase: null } });
    expect(got.vins).toEqual([...Array.from({ length: 3000 }, (_, k) => vin(k)), vin(3001)].sort());
  });

  test('a semicolon file whose VIN is its last column, a BOM and quotes in other cells', async () => {
    const lines = ['\uFEFFName;Status;VIN'];
    for (let k = 0; k < 80; k++) lines.push(`${k % 7 ? `Guest ${k}` : `"Guest; ${k}"`};open;${vin(k)}`);
    const got = await readEveryWay(lines.join('\r\n'));
    expect(got.preview).toMatchObject({ valid: 80, invalidCount: 0, columns: { vin: 'VIN', status: 'Status' } });
    expect(got.vins).toEqual(Array.from({ length: 80 }, (_, k) => vin(k)).sort());
  });
});

describe('the text read a window of code units at a time', () => {
  /** The text read whole with take()'s window of `size` units: every line at another place in its window. */
  function readInWindows(text: string, size: number) {
    const b = new VinListBuilder('list.csv', text.length, new CodeUnits(size));
    b.reader.push(text);
    b.reader.end();
    const { preview, rows } = b.finish();
    return { preview, ...rowsOf(rows) };
  }

  test('a line cut by the window at any character (in its VIN, at its delimiter, between CR and LF) reads as any other', async () => {
    const lines = ['Guest,VIN,Phase'];
    // Cells of other lengths, characters of two bytes in UTF-8 and beyond Latin-1, a duplicate, a bad line.
    for (let k = 0; k < 400; k++)
      lines.push(`Guest ${'é'.repeat(k % 5)}${k},${k % 97 === 5 ? vin(k).slice(1) : vin(k % 390)},${k % 3 ? '' : '€'.repeat(k % 4)}${k % 3}`);
    for (const end of ['\r\n', '\n', '\r']) {
      const text = lines.join(end);
      // The reference: the reader's chunks of 1-40 characters, which no window cuts.
      const expected = await readEveryWay(text);
      expect(expected.preview.duplicates).toBe(8);
      expect(expected.preview.invalidCount).toBe(5);
      // Windows shorter than a line (every line the reader's), and of every length over a few lines.
      for (const size of [9, 30, ...Array.from({ length: 40 }, (_, i) => 41 + i), 127, 128, 1000]) {
        expect(readInWindows(text, size), `window of ${size}`).toEqual(expected);
      }
    }
  });

  test('one VIN a line: a window that ends inside a VIN or a line end', async () => {
    const text = `${Array.from({ length: 300 }, (_, k) => vin(k)).join('\r\n')}\r\n`;
    const expected = await readEveryWay(text);
    expect(expected.preview.valid).toBe(300);
    for (let size = 18; size <= 60; size++) expect(readInWindows(text, size), `window of ${size}`).toEqual(expected);
  });
});

describe('VINs packed for the sort', () => {
  test('any character at any position comes back as it was, in the order of the VINs as text', () => {
    const r = rng(17);
    const any = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
    const pickOf = (cs: string) => cs[Math.floor(r() * cs.length)]!;
    const vins = Array.from({ length: 5000 }, () => {
      let v = '';
      for (let p = 0; p < 17; p++) v += p >= 13 ? pickOf('0123456789') : p === 9 ? pickOf('ABCDEFGHJKLMNPRSTVWXY123456789') : pickOf(any);
      return v;
    });
    vins.push('ZZZZZZZZZYZZZ9999', '00000000010000000', vins[3]!);
    for (const runRows of [1000, 1 << 20]) {
      const stager = new ListStager(() => {}, runRows);
      for (const v of vins) stager.add(v, null, null, null);
      const staged = stager.finish();
      expect(rowsOf(staged).vins).toEqual([...new Set(vins)].sort());
      expect(stager.duplicates).toBe(vins.length - new Set(vins).size);
    }
  });
});
