// A 23LJ01 list (VIN,Phase,Part Number,Status) that lists a VIN twice with another phase or part number:
// the part number is the number the key is ordered by, so the preview says how many repeats disagree
// with the line kept (the first) and names the first few by line, with the VIN and the two cells that
// differ, and nothing else of the line. Once such a repeat was only "1 duplicates". Exact repeats are
// counted as they always were.
import { expect, test } from 'vitest';
import { formatListPreview } from '../../main/imports/format';
import { readVinList, readVinListStream } from '../../main/imports/vinlist';
import { CONFLICTS_KEPT } from '../../main/imports/vinlist-stage';
import { makeVin, rng } from '../support/synthetic';
import { call, LC } from '../support/lane';
import { testApp } from '../support/tempdb';

/** Enough lines that the repeats come after the first lines read (the sample) and are read in bulk. */
const filler = Array.from({ length: 80 }, (_, i) => makeVin('JTH', 'KPAAY', 2023, `B${String(10_000 + i).padStart(6, '0')}`));
const other = makeVin('JTH', 'KPAAY', 2023, 'A001240');
const third = makeVin('JTH', 'KPAAY', 2023, 'A001241');

test('a repeat with another part number or phase is counted and named, by line, against the line kept; the first line is imported', async () => {
  const app = await testApp();
  const lines = [
    'VIN,Phase,Part Number,Status,Customer', // line 1
    `${LC},1,04002-12345,Open,Ann Guest`, // line 2: kept
    `${other},1,04002-11111,Open,Bob Guest`, // line 3: kept
    `${third},2,04002-22222,Open,Cy Guest`, // line 4: kept
    ...filler.map((v) => `${v},1,04002-33333,Open,Filler Guest`), // lines 5..84
    '', // line 85: blank
    'NOTAVIN,1,04002-12345,Open,Dee Guest', // line 86: invalid
    `"${third}",2,04002-22222,Closed,Eve Guest`, // line 87: the status differs only: an exact repeat
    `${LC},1,04002-22222,Open,Fay Guest`, // line 88: another part number
    `${other},3,04002-11111,Open,Gus Guest`, // line 89: another phase
    `${third},2,04002-22222,Open,Hal Guest`, // line 90: exact
    `${LC},4,,Open,Ida Guest`, // line 91: both differ
  ];
  const content = `${lines.join('\r\n')}\r\n`;
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: true });
  expect(p.duplicates).toBe(5);
  expect(p.conflictingDuplicates).toBe(3);
  expect(p.duplicateConflicts).toEqual([
    { line: 88, vin: LC, keptLine: 2, phase: null, partNumber: { value: '04002-22222', kept: '04002-12345' } },
    { line: 89, vin: other, keptLine: 3, phase: { value: '3', kept: '1' }, partNumber: null },
    { line: 91, vin: LC, keptLine: 2, phase: { value: '4', kept: '1' }, partNumber: { value: null, kept: '04002-12345' } },
  ]);

  const text = formatListPreview(p).split('\n');
  // The counts' line as it always was, then the repeats that disagree.
  expect(text).toContain('89 rows read: 83 valid, 5 duplicates, 1 invalid.');
  expect(text).toContain('3 of the 5 duplicates disagree with the line kept (the first line of each VIN is kept; check these VINs with TIS):');
  expect(text).toContain(`  line 88 repeats ${LC} (line 2): part number 04002-22222; kept line 2: part number 04002-12345`);
  expect(text).toContain(`  line 89 repeats ${other} (line 3): phase 3; kept line 3: phase 1`);
  expect(text).toContain(`  line 91 repeats ${LC} (line 2): phase 4, part number (empty); kept line 2: phase 1, part number 04002-12345`);
  // Only the list's own columns: never a guest's.
  expect(JSON.stringify(p.duplicateConflicts)).not.toMatch(/Guest|Open|Closed/);
  expect(text.join('\n')).not.toMatch(/Guest/);

  // The line kept is the one imported: its part number is the VIN's number.
  await app.jobs.wait((await call(app, 'commitImport', { importId: p.importId })).jobId);
  const hit = (await call(app, 'lookup', { vin: LC, model: 'LC', productionMonth: '2022-12' })).campaigns.find((c) => c.code === '23LJ01')!;
  expect(hit.affectedList?.partNumber).toBe('04002-12345');
});

test('a list whose repeats are exact reads as before: counted as duplicates, none disagreeing, no line about them', async () => {
  const app = await testApp();
  const content = [
    'VIN,Phase,Part Number,Status',
    `${LC},1,04002-12345,Open`,
    `${other},2,04002-11111,Open`,
    `${LC},1,04002-12345,Open`,
    `${other},2,04002-11111,Closed`,
  ].join('\n');
  const p = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.csv', content, listDate: '2026-11-20', complete: true });
  expect(p).toMatchObject({ rowsRead: 4, valid: 2, duplicates: 2, conflictingDuplicates: 0, duplicateConflicts: [] });
  const text = formatListPreview(p);
  expect(text.split('\n')).toContain('4 rows read: 2 valid, 2 duplicates, 0 invalid.');
  expect(text).not.toMatch(/disagree|repeats/);

  // A list of VINs alone: its repeats are exact by nature.
  const plain = await call(app, 'previewVinList', { campaign: '23LJ01', fileName: 'tis.txt', content: `${LC}\n${other}\n${LC}\n`, listDate: '2026-11-20' });
  expect(plain).toMatchObject({ duplicates: 1, conflictingDuplicates: 0, duplicateConflicts: [] });
});

/**
 * A list with repeats that disagree, blank, bad and quoted lines among them (the reader's, not the hot
 * loop's), and the conflicts it should report, worked out line by line.
 */
function conflictingList(seed: number) {
  const r = rng(seed);
  const pool = Array.from({ length: 40 }, (_, k) => makeVin('JTH', 'KPAAY', 2023, `C${String(10_000 + k).padStart(6, '0')}`));
  const lines = ['VIN,Phase,Part Number,Status,Customer'];
  const kept = new Map<string, { line: number; phase: string | null; part: string | null }>();
  const expected: { line: number; vin: string; keptLine: number; phase: unknown; partNumber: unknown }[] = [];
  for (let i = 0; i < 400; i++) {
    const x = r();
    const line = lines.length + 1;
    if (x < 0.05) lines.push('');
    else if (x < 0.1) lines.push(`NOT-A-VIN-${i},1,04002-12345,Open,Guest ${i}`);
    else {
      // The first lines list each VIN once: the repeats come after the lines the columns are told from.
      const vin = i < 100 ? makeVin('JTH', 'KPAAY', 2023, `D${String(10_000 + i).padStart(6, '0')}`) : pool[Math.floor(r() * pool.length)]!;
      const phase = r() < 0.1 ? null : String(1 + Math.floor(r() * 2));
      const part = r() < 0.1 ? null : `04002-1234${Math.floor(r() * 2)}`;
      lines.push(`${r() < 0.1 ? `"${vin}"` : vin},${phase ?? ''},${part ?? ' '},Open,Guest ${i}`);
      const k = kept.get(vin);
      if (!k) kept.set(vin, { line, phase, part });
      else if (k.phase !== phase || k.part !== part)
        expected.push({
          line,
          vin,
          keptLine: k.line,
          phase: k.phase === phase ? null : { value: phase, kept: k.phase },
          partNumber: k.part === part ? null : { value: part, kept: k.part },
        });
    }
  }
  return { lines, expected };
}

/** The text in chunks of 1-40 characters after the first (which holds the lines the columns are told from). */
async function* chunked(text: string, seed: number): AsyncGenerator<string> {
  const r = rng(seed);
  yield text.slice(0, 400);
  for (let i = 400; i < text.length; ) {
    const n = 1 + Math.floor(r() * 40);
    yield text.slice(i, i + n);
    i += n;
  }
}

test('the lines a disagreeing repeat is named by are the file’s, read whole or in chunks cut anywhere, whatever the line ends', async () => {
  for (const seed of [1, 2, 3]) {
    const { lines, expected } = conflictingList(seed);
    expect(expected.length).toBeGreaterThan(CONFLICTS_KEPT);
    expect(expected[0]!.line).toBeGreaterThan(100);
    for (const end of ['\r\n', '\n', '\r']) {
      const text = lines.join(end);
      const whole = readVinList(text, 'tis.csv');
      whole.rows.dispose();
      expect(whole.preview.conflictingDuplicates).toBe(expected.length);
      expect(whole.preview.duplicateConflicts).toEqual(expected.slice(0, CONFLICTS_KEPT));
      for (let cut = 1; cut <= 4; cut++) {
        const s = await readVinListStream(chunked(text, cut), 'tis.csv');
        s.rows.dispose();
        expect(s.preview.duplicateConflicts, `seed ${seed}, chunks ${cut}`).toEqual(expected.slice(0, CONFLICTS_KEPT));
        expect(s.preview.conflictingDuplicates).toBe(expected.length);
      }
    }
  }
});
