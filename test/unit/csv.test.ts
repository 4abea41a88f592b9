import { describe, expect, test } from 'vitest';
import { parse as oracle } from 'csv-parse/sync';
import { CsvReader, type CsvRecord, detectDelimiter, MAX_LINE, parseCsv } from '../../main/files/csv';
import { csvField, toCsv } from '../../shared/csv-out';

describe('parseCsv', () => {
  test('BOM, CRLF, header, blank lines; line numbers as an editor shows them', () => {
    const r = parseCsv('\uFEFFVIN,Phase\r\nJTHBE96S170007930,1\r\n\r\njthbe96s170007931 ,2\r\n');
    expect(r).toEqual([
      { line: 1, fields: ['VIN', 'Phase'] },
      { line: 2, fields: ['JTHBE96S170007930', '1'] },
      { line: 4, fields: ['jthbe96s170007931 ', '2'] },
    ]);
  });
  test('quoted fields with delimiters, escaped quotes and line breaks', () => {
    const r = parseCsv('VIN,Note\n"JTHBE96S170007930","a, ""quoted"" note"\n"JTH","two\nlines"\nX,y', ',', true);
    expect(r).toEqual([
      { line: 1, fields: ['VIN', 'Note'] },
      { line: 2, fields: ['JTHBE96S170007930', 'a, "quoted" note'] },
      { line: 3, endLine: 4, fields: ['JTH', 'two\nlines'] },
      { line: 5, fields: ['X', 'y'] },
    ]);
  });
  test('semicolons and tabs are detected', () => {
    expect(detectDelimiter('VIN;Phase\nA;1')).toBe(';');
    expect(detectDelimiter('VIN\tPhase\nA\t1')).toBe('\t');
    expect(parseCsv('VIN;Phase\nA;1')[1]!.fields).toEqual(['A', '1']);
  });
  test('a file without a final line end keeps its last record', () => {
    expect(parseCsv('a\nb')).toHaveLength(2);
    expect(parseCsv('"a"\n"b"')).toHaveLength(2);
  });
});

describe('csv output', () => {
  test('quotes when needed and neutralises spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });
});

describe('never swallowing rows', () => {
  test('a stray quote in a VIN list stays on its line: every other line is read', () => {
    const vins = Array.from({ length: 1000 }, (_, i) => `JTHBE96S1${String(70000000 + i).slice(0, 8)}`);
    vins[204] = `"${vins[204]}`;
    const r = parseCsv(vins.join('\n'));
    expect(r).toHaveLength(1000);
    expect(r[204]).toMatchObject({ line: 205, problem: 'unbalanced-quote', fields: [vins[204]!.slice(1)] });
    expect(r[205]).toEqual({ line: 206, fields: [vins[205]] });
    expect(r.filter((x) => x.problem)).toHaveLength(1);
  });

  test('with multi-line fields allowed, a quote that never closes gives up after its line, not at the end of the file', () => {
    const lines = ['VIN,Note', '1,"open note', ...Array.from({ length: 200 }, (_, i) => `${i + 2},plain`)];
    const r = parseCsv(lines.join('\r\n'), undefined, true);
    expect(r).toHaveLength(202);
    expect(r[1]).toMatchObject({ line: 2, problem: 'unbalanced-quote' });
    expect(r[2]).toEqual({ line: 3, fields: ['2', 'plain'] });
  });

  test('a closing quote followed by more text is not a field end: the line is reported, the next lines read', () => {
    const r = parseCsv('a,"b\nc"d,e\nf,g', undefined, true);
    expect(r).toEqual([
      { line: 1, fields: ['a', 'b'], problem: 'unbalanced-quote' },
      { line: 2, fields: ['c"d', 'e'] },
      { line: 3, fields: ['f', 'g'] },
    ]);
  });

  test('lone CR line ends ("CSV (Macintosh)") are lines', () => {
    expect(parseCsv('VIN,Phase\rJTHBE96S170007930,1\rJTHBE96S370007931,2\r')).toEqual([
      { line: 1, fields: ['VIN', 'Phase'] },
      { line: 2, fields: ['JTHBE96S170007930', '1'] },
      { line: 3, fields: ['JTHBE96S370007931', '2'] },
    ]);
    expect(detectDelimiter('VIN;Phase\rA;1\rB;2')).toBe(';');
  });

  test('a line over MAX_LINE is reported with its length, never held', () => {
    const long = '#'.repeat(MAX_LINE + 10);
    const r = parseCsv(`JTHBE96S170007930\n${long}\nJTHBE96S370007931`);
    expect(r).toEqual([
      { line: 1, fields: ['JTHBE96S170007930'] },
      { line: 2, fields: ['#'.repeat(80)], problem: 'too-long', length: MAX_LINE + 10 },
      { line: 3, fields: ['JTHBE96S370007931'] },
    ]);
    // The same across chunks: the long line is skipped as it streams, not gathered.
    const out: CsvRecord[] = [];
    const reader = new CsvReader((x) => out.push(x));
    reader.push('JTHBE96S170007930\n#');
    for (let i = 0; i < 3; i++) reader.push('#'.repeat(MAX_LINE / 2));
    reader.push('\r');
    reader.push('\nJTHBE96S370007931');
    reader.end();
    expect(out.map((x) => [x.line, x.problem, x.length])).toEqual([
      [1, undefined, undefined],
      [2, 'too-long', 1 + (3 * MAX_LINE) / 2],
      [3, undefined, undefined],
    ]);
  });
});

describe('the same records as csv-parse wherever csv-parse reads the file', () => {
  // A small deterministic generator: the failures are reproducible from the seed.
  const rng = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const PIECES = ['a', 'JTHBE96S170007930', ' ', 'x y', ',', ';', '"', '""', 'é', '1'];

  function generate(rand: () => number) {
    const eol = ['\n', '\r\n', '\r'][Math.floor(rand() * 3)]!;
    const delimiter = ([',', ';', '\t'] as const)[Math.floor(rand() * 3)]!;
    const width = 1 + Math.floor(rand() * 4);
    const rows: string[][] = [];
    for (let r = 0; r < 1 + Math.floor(rand() * 30); r++) {
      const row: string[] = [];
      for (let c = 0; c < width; c++) {
        let v = '';
        for (let k = Math.floor(rand() * 4); k > 0; k--) v += rand() < 0.05 ? eol : PIECES[Math.floor(rand() * PIECES.length)]!;
        row.push(v);
      }
      // Rows csv-parse would skip as empty are left out of the comparison.
      if (row.some((v) => v.trim() !== '')) rows.push(row);
    }
    const needsQuotes = (v: string) => /["\r\n,;\t]/.test(v) || v !== v.trim();
    const text = rows.map((r) => r.map((v) => (needsQuotes(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter)).join(eol);
    return { text, delimiter, eol };
  }

  test('500 generated files, whole and in random chunks', () => {
    const rand = rng(7);
    let compared = 0;
    for (let n = 0; n < 500; n++) {
      const { text, delimiter } = generate(rand);
      let expected: string[][];
      try {
        expected = oracle(text, { delimiter, relax_column_count: true, skip_records_with_empty_values: true, bom: true });
      } catch {
        continue;
      }
      compared++;
      const whole = parseCsv(text, delimiter, true);
      expect(whole.map((r) => r.fields)).toEqual(expected);
      expect(whole.every((r) => !r.problem)).toBe(true);
      // In chunks cut anywhere (inside a CRLF too): the same records.
      const chunked: CsvRecord[] = [];
      const reader = new CsvReader((r) => chunked.push(r), { delimiter, multiline: true });
      for (let at = 0; at < text.length; ) {
        const size = 1 + Math.floor(rand() * 8);
        reader.push(text.slice(at, at + size));
        at += size;
      }
      reader.end();
      expect(chunked).toEqual(whole);
    }
    expect(compared).toBeGreaterThan(400);
  });

  test('files csv-parse refuses (stray quotes) still yield every line that has no quote', () => {
    const rand = rng(11);
    for (let n = 0; n < 200; n++) {
      const lines = Array.from({ length: 40 }, (_, i) => `JTHBE96S1700${String(10000 + i)},${i}`);
      const at = Math.floor(rand() * 40);
      lines[at] = `"${lines[at]}`;
      const r = parseCsv(lines.join(['\n', '\r\n', '\r'][n % 3]!), ',', n % 2 === 0);
      expect(r).toHaveLength(40);
      expect(r.filter((x) => x.problem).map((x) => x.line)).toEqual([at + 1]);
    }
  });
});
