// `techs add --help` says to give a course "as `techs` lists it": a line copied from that list (the
// bulletins requiring the course in parentheses, or "the dealer's own") is taken as that course, and
// the pinned spelling without them still works. The built CLI on a real database file.
import { expect, test } from 'vitest';
import { cli } from '../support/cli';
import { TRAINED } from '../support/lane';
import { tempDbPath } from '../support/tempdb';

const run = (db: string, ...args: string[]) => cli([...args, '--db', db]);

/** The lines under "Courses to choose from" as `techs` prints them, each as a person would copy it. */
const listed = (db: string): string[] => {
  const r = run(db, 'techs');
  expect(r.code).toBe(0);
  const lines = r.stdout.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Courses to choose from'));
  expect(from).toBeGreaterThan(-1);
  return lines
    .slice(from + 1)
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim());
};

test('techs add takes a course copied from the list techs prints, and records it by its name', () => {
  const db = tempDbPath();
  const courses = listed(db);
  // The library's courses, each with the bulletins requiring it.
  expect(courses).toContain('LIC206A - Electrical Repair 1 (23LJ01)');
  const added = run(db, 'techs', 'add', 'Dana Kim', ...courses.flatMap((c) => ['--course', c]), '--json');
  expect([added.code, added.stderr]).toEqual([0, '']);
  const roster = JSON.parse(run(db, 'techs', '--json').stdout) as { technicians: { name: string; courses: string[] }[]; courses: { name: string }[] };
  expect(roster.technicians).toEqual([
    expect.objectContaining({ name: 'Dana Kim', courses: [...roster.courses.map((c) => c.name)].sort((a, b) => a.localeCompare(b)) }),
  ]);
  // Trained as the bulletin asks: the library's courses were recorded by name.
  expect(roster.technicians[0]!.courses).toEqual(expect.arrayContaining(TRAINED));

  // A course of the dealer's own is listed too once recorded; copied from the list, it is that course.
  expect(run(db, 'techs', 'add', 'Lee Park', '--other-course', 'Hybrid Safety (Level 2)').code).toBe(0);
  const own = listed(db).find((c) => c.startsWith('Hybrid Safety'))!;
  expect(own).toMatch(/^Hybrid Safety \(Level 2\) \(the dealer.s own\)$/);
  expect(run(db, 'techs', 'add', 'Ray Cho', '--course', own).code).toBe(0);
  expect(run(db, 'techs', 'add', 'Ray Cho', '--course', 'Hybrid Safety (Level 2)').code).toBe(0);
  const ray = (JSON.parse(run(db, 'techs', '--json').stdout) as { technicians: { name: string; courses: string[] }[] }).technicians.find(
    (t) => t.name === 'Ray Cho',
  );
  expect(ray?.courses).toEqual(['Hybrid Safety (Level 2)']);
}, 120_000);

test('the pinned spelling still works; other bulletins in the parentheses, or a course no bulletin requires, are refused', () => {
  const db = tempDbPath();
  const pinned = run(db, 'techs', 'add', 'Dana Kim', '--course', TRAINED[0]!, '--course', TRAINED[1]!);
  expect([pinned.code, pinned.stderr]).toEqual([0, expect.not.stringContaining('course')]);
  // Parentheses naming bulletins that do not require the course are not what the list says.
  const wrong = run(db, 'techs', 'add', 'Lee Park', '--course', 'LIC206A - Electrical Repair 1 (ALE)');
  expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([2, expect.stringContaining("is not a course the library's bulletins require")]);
  const none = run(db, 'techs', 'add', 'Lee Park', '--course', 'Basket Weaving (23LJ01)');
  expect(none.code).toBe(2);
}, 120_000);
