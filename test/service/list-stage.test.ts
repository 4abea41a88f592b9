// A VIN list staged on disk in bounded runs: whatever the run size, the staged list is the list's
// distinct VINs in VIN order, each with its first line's columns, and every duplicate is counted once.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONFLICTS_KEPT, ListStager, type RowConflict, type StagedList, VIN_BYTES, vinAt } from '../../main/imports/vinlist-stage';
import { rng, makeVin } from '../support/synthetic';

function readBack(staged: StagedList) {
  const vins: string[] = [];
  const phases: (string | null)[] = [];
  const statuses: (string | null)[] = [];
  const sizes: number[] = [];
  for (const c of staged.chunks()) {
    sizes.push(c.count);
    for (let i = 0; i < c.count; i++) vins.push(vinAt(c, i));
    phases.push(...(c.phases ?? []));
    statuses.push(...(c.statuses ?? []));
  }
  return { vins, phases, statuses, sizes };
}

/** `n` lines of VINs drawn from a pool of `distinct`, so many come back more than once, in any order. */
function lines(n: number, distinct: number, seed: number) {
  const r = rng(seed);
  return Array.from({ length: n }, (_, line) => {
    const k = Math.floor(r() * distinct);
    return {
      vin: makeVin('JTH', ['BE96S', 'CE96S', 'GL46F'][k % 3]!, 2007 + (k % 2), String(1_000_000 + k)),
      phase: String(line),
      status: line % 2 ? 'open' : null,
    };
  });
}

describe('a staged list', () => {
  for (const runRows of [997, 7000, 100_000]) {
    test(`in runs of ${runRows}: sorted, distinct, first line's columns, duplicates counted`, () => {
      const input = lines(30_000, 9_000, runRows);
      const dropped: string[] = [];
      const stager = new ListStager((vins, at) => dropped.push(vins.toString('latin1', at, at + VIN_BYTES)), runRows);
      stager.columns({ phase: true, partNumber: false, status: true });
      for (const l of input) stager.add(l.vin, l.phase, null, l.status);
      const staged = stager.finish();
      try {
        const first = new Map<string, (typeof input)[number]>();
        for (const l of input) if (!first.has(l.vin)) first.set(l.vin, l);
        const expected = [...first.keys()].sort();
        const got = readBack(staged);
        expect(staged.count).toBe(expected.length);
        expect(staged.hasDetails).toBe(true);
        expect(got.vins).toEqual(expected);
        expect(got.phases).toEqual(expected.map((v) => first.get(v)!.phase));
        expect(got.statuses).toEqual(expected.map((v) => first.get(v)!.status));
        expect(stager.duplicates).toBe(input.length - expected.length);
        expect(dropped.sort()).toEqual(
          input
            .map((l) => l.vin)
            .filter((_, i) => first.get(input[i]!.vin) !== input[i])
            .sort(),
        );
        // Chunks of the import's size, the last one the rest.
        expect(got.sizes.slice(0, -1).every((s) => s === 20_000)).toBe(true);
        // One run is held in memory; several were merged in a staging file.
        if (input.length > runRows) expect(fs.existsSync(staged.file!)).toBe(true);
        else expect(staged.file).toBeNull();
      } finally {
        staged.dispose();
      }
      // Done with: the staging file is gone.
      if (staged.file) expect(fs.existsSync(staged.file)).toBe(false);
      expect(() => [...staged.chunks()]).toThrow(/removed/);
    });
  }

  test('VINs alone: no columns stored; an empty list stages nothing', () => {
    const stager = new ListStager(() => {}, 2);
    for (const v of ['JTHBE96S770007930', 'JTHBE96S770007930', 'JTHBE96S770007931']) stager.add(v, null, null, null);
    const staged = stager.finish();
    const c = [...staged.chunks()];
    expect(c).toMatchObject([{ count: 2, phases: null, partNumbers: null, statuses: null }]);
    staged.dispose();
    const none = new ListStager(() => {}).finish();
    expect(none.count).toBe(0);
    none.dispose();
  });
});

describe('repeats that disagree with the line kept', () => {
  // A VIN's first line may be in one run and its repeats in later ones, or all in one run.
  for (const runRows of [997, 7000, 100_000]) {
    test(`in runs of ${runRows}: each repeat compared with its VIN's first line, the first few named by row`, () => {
      const r = rng(runRows + 1);
      const input = lines(30_000, 9_000, runRows).map((l) => ({
        ...l,
        phase: r() < 0.5 ? '1' : '2',
        part: r() < 0.9 ? '04002-12345' : r() < 0.5 ? null : '04002-22222',
      }));
      const stager = new ListStager(() => {}, runRows);
      stager.columns({ phase: true, partNumber: true, status: true });
      for (const l of input) stager.add(l.vin, l.phase, l.part, l.status);
      const staged = stager.finish();
      staged.dispose();
      const first = new Map<string, number>();
      const expected: RowConflict[] = [];
      input.forEach((l, row) => {
        const k = first.get(l.vin);
        if (k === undefined) return void first.set(l.vin, row);
        const kept = input[k]!;
        if (kept.phase === l.phase && kept.part === l.part) return;
        expected.push({
          row,
          keptRow: k,
          vin: l.vin,
          phase: kept.phase === l.phase ? null : { value: l.phase, kept: kept.phase },
          partNumber: kept.part === l.part ? null : { value: l.part, kept: kept.part },
        });
      });
      expect(stager.duplicates).toBe(input.length - first.size);
      expect(stager.conflicting).toBe(expected.length);
      expect(stager.conflicts).toEqual(expected.slice(0, CONFLICTS_KEPT));
    });
  }
});
