// A staging file left by a process that was killed (kill -9, a power cut) is removed by the next
// process that stages a long list, once it is a day old; a recent one (another process's preview) stays.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ListStager } from '../../main/imports/vinlist-stage';

test('a day-old staging file is swept, a recent one is left', () => {
  const old = path.join(os.tmpdir(), `recall-desk-list-sweep-test-old-${process.pid}.sqlite`);
  const recent = path.join(os.tmpdir(), `recall-desk-list-sweep-test-recent-${process.pid}.sqlite`);
  fs.writeFileSync(old, 'left by a killed process');
  fs.writeFileSync(recent, 'another process at work');
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
  fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
  try {
    // Two runs of one VIN each: the list goes to a staging file, the first of this process.
    const stager = new ListStager(() => {}, 1);
    stager.add('JTHBE96S770007930', null, null, null);
    stager.add('JTHBE96S770007931', null, null, null);
    const staged = stager.finish();
    expect(staged.file).not.toBeNull();
    staged.dispose();
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
  } finally {
    fs.rmSync(old, { force: true });
    fs.rmSync(recent, { force: true });
  }
});
