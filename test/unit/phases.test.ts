// What a phase's status means and how a card, a list and the library say it (main/campaigns/phases.ts),
// on the built-in bulletins as published and on phases made to show each case the bulletins do not.
import { describe, expect, test } from 'vitest';
import { parseBuiltIns } from '../../main/campaigns/library/documents';
import { describePhase, remedyAvailable, summarizePhases } from '../../main/campaigns/phases';
import type { Phase } from '../../shared/bulletin';

const bulletin = (code: string) => parseBuiltIns().find((b) => b.code === code)!;
const phase = (over: Partial<Phase>): Phase => ({
  id: '1',
  name: 'Phase 1',
  status: 'remedy-available',
  statusBasis: null,
  expectedTiming: null,
  vehicles: null,
  mailing: null,
  note: null,
  ...over,
});

describe('is the remedy available now', () => {
  test('only a launched phase is available; announced or parts not released is "no"; unknown stays unknown, never "no"', () => {
    expect(remedyAvailable('remedy-available')).toBe(true);
    expect(remedyAvailable('announcement-expected')).toBe(false);
    expect(remedyAvailable('parts-not-released')).toBe(false);
    expect(remedyAvailable('unknown')).toBeNull();
  });
});

describe('one phase in words, as the card says it', () => {
  test("23LJ01's launched phases name the guest mailing; its announced phases say when the announcement is expected", () => {
    const texts = bulletin('23LJ01').phases.map(describePhase);
    expect(texts[0]).toBe('Remedy available (Phase 1; guest mailing July 2023).');
    expect(texts[4]).toBe('Remedy available (Phase 5; guest mailing February 2024).');
    expect(texts[5]).toBe('Not yet available: Phase 6, announcement expected March 2024 (timing subject to change).');
    expect(texts[6]).toBe('Not yet available: Phase 7, announcement expected May 2024 (timing subject to change).');
  });

  test("ALE: parts not released, with the bulletin's expected timing inside the sentence", () => {
    expect(describePhase(bulletin('ALE').phases[0]!)).toBe('Not yet available: parts not released; parts expected to become available in late July 2010.');
  });

  test('BLC: an inferred status says how it is known, after the status; a month name keeps its capital, another first word does not', () => {
    const text = describePhase(bulletin('BLC').phases[0]!);
    expect(text).toMatch(/^Remedy available \(Follow-up notice; guest mailing begins late December 2011, /);
    expect(text).toMatch(/consistent with parts availability\)\. Inferred: the letter does not say the remedy is available; /);
    expect(describePhase(phase({ mailing: 'Mid-March 2024' }))).toBe('Remedy available (Phase 1; guest mailing mid-March 2024).');
    expect(describePhase(phase({ mailing: 'March 2024' }))).toBe('Remedy available (Phase 1; guest mailing March 2024).');
    expect(describePhase(phase({ mailing: 'Marching orders first' }))).toBe('Remedy available (Phase 1; guest mailing marching orders first).');
  });

  test('what the bulletin does not state is said as not stated, never guessed', () => {
    expect(describePhase(phase({}))).toBe('Remedy available (Phase 1).');
    expect(describePhase(phase({ name: 'Phase 6', status: 'announcement-expected' }))).toBe('Not yet available: Phase 6, timing not stated.');
    expect(describePhase(phase({ status: 'parts-not-released' }))).toBe('Not yet available: parts not released.');
    expect(describePhase(phase({ name: 'Phase 8', status: 'unknown' }))).toBe('Remedy status of Phase 8 is not stated.');
    expect(describePhase(phase({ name: 'Phase 8', status: 'unknown', statusBasis: 'The letter names no date.' }))).toBe(
      'Remedy status of Phase 8 is not stated. The letter names no date.',
    );
  });
});

describe('all phases on one line, as a list or the library says it', () => {
  test("23LJ01: runs of phases with the same status are one range each, the line's first letter capital", () => {
    expect(summarizePhases(bulletin('23LJ01').phases)).toBe('Phases 1-5: remedy available; phases 6-7: announcement expected');
  });

  test('a single phase reads as the card says it', () => {
    expect(summarizePhases(bulletin('ALE').phases)).toBe(describePhase(bulletin('ALE').phases[0]!));
  });

  test('a phase alone in its run is named alone; the same status after another is a new run; every status has its words', () => {
    const phases = [
      phase({ id: '1', status: 'remedy-available' }),
      phase({ id: '2', status: 'parts-not-released' }),
      phase({ id: '3', status: 'remedy-available' }),
      phase({ id: '4', status: 'unknown' }),
      phase({ id: '5', status: 'unknown' }),
      phase({ id: '6', status: 'unknown' }),
    ];
    expect(summarizePhases(phases)).toBe('Phase 1: remedy available; phase 2: parts not released; phase 3: remedy available; phases 4-6: status not stated');
  });
});
