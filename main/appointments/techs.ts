// The technician roster and the courses each has completed; what a campaign requires of them.
import type { Technician } from '../../shared/appointments/contract';
import { ApiError } from '../../shared/contract';
import type { Db } from '../db/open';

export function listTechnicians(db: Db): Technician[] {
  const rows = db.sqlite
    .prepare<[], { id: number; name: string; course: string | null }>(
      `SELECT t.id, t.name, c.course FROM technicians t LEFT JOIN technician_courses c ON c.technician_id = t.id ORDER BY t.name COLLATE NOCASE, c.course`,
    )
    .all();
  const out = new Map<number, Technician>();
  for (const r of rows) {
    let t = out.get(r.id);
    if (!t) out.set(r.id, (t = { id: r.id, name: r.name, courses: [] }));
    if (r.course) t.courses.push(r.course);
  }
  return [...out.values()];
}

export type KnownCourse = { name: string; requiredBy: string[] };

const fold = (c: string) => c.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The courses a technician is given from: each course the library's bulletins require (with the
 * campaigns requiring it), then the dealer's own already on the roster. Chosen from this list, a course
 * can no longer miss the bulletin's by a word.
 */
export function knownCourses(db: Db, catalog: { code: string; bulletin: { technicianRequirements: string[] } }[]): KnownCourse[] {
  const out = new Map<string, KnownCourse>();
  for (const c of catalog)
    for (const r of c.bulletin.technicianRequirements) {
      const course = courseOf(r);
      if (!course) continue;
      const k = out.get(fold(course)) ?? { name: course, requiredBy: [] };
      if (!k.requiredBy.includes(c.code)) k.requiredBy.push(c.code);
      out.set(fold(course), k);
    }
  const own = db.sqlite.prepare<[], string>('SELECT DISTINCT course FROM technician_courses ORDER BY course COLLATE NOCASE').pluck().all();
  for (const course of own) if (!out.has(fold(course))) out.set(fold(course), { name: course, requiredBy: [] });
  return [...out.values()];
}

/** Who asks for a course, as `techs` lists it after the course's name (the course's name is before it). */
const whoAsks = (k: KnownCourse, apostrophe = '\u2019') => (k.requiredBy.length ? k.requiredBy.join(', ') : `the dealer${apostrophe}s own`);

/** A course as `techs` lists it: "LIC206A - Electrical Repair 1 (23LJ01)", "Hybrid Safety (the dealer's own)". */
export const listedCourse = (k: KnownCourse): string => `${k.name} (${whoAsks(k)})`;

/**
 * The courses to record, each as the list spells it. A chosen course must be on the list, by its name
 * or copied whole from the list `techs` prints (the bulletins requiring it in parentheses are not part
 * of its name); a course of the dealer's own is added as given.
 */
export function checkedCourses(known: KnownCourse[], chosen: string[], other: string[]): string[] {
  const byFold = new Map<string, string>();
  for (const k of known) for (const as of [listedCourse(k), `${k.name} (${whoAsks(k, "'")})`]) byFold.set(fold(as), k.name);
  // A course's own name wins over another's listed line that reads the same.
  for (const k of known) byFold.set(fold(k.name), k.name);
  const unknown = chosen.filter((c) => !byFold.has(fold(c)));
  if (unknown.length)
    throw new ApiError(
      'invalid-input',
      `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a course the library's bulletins require or one recorded here: choose from the list, or add the dealer's own course as another course (--other-course TEXT).`,
      [`Known courses: ${known.map((k) => k.name).join('; ') || 'none yet'}.`],
    );
  return [...new Set([...chosen.map((c) => byFold.get(fold(c))!), ...other.map((c) => c.trim())])];
}

/** Adds a technician, or the courses to one already on the roster. */
export function addTechnician(db: Db, at: string, name: string, courses: string[]): Technician {
  return db.sqlite
    .transaction(() => {
      db.sqlite.prepare('INSERT INTO technicians (name, added_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, at);
      const id = db.sqlite.prepare<[string], number>('SELECT id FROM technicians WHERE name = ?').pluck().get(name)!;
      const add = db.sqlite.prepare('INSERT INTO technician_courses (technician_id, course, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      for (const c of courses) add.run(id, c, at);
      return listTechnicians(db).find((t) => t.id === id)!;
    })
    .immediate();
}

export function technicianOrThrow(db: Db, name: string): Technician {
  const t = listTechnicians(db).find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!t)
    throw new ApiError('not-found', `${name} is not on the technician roster.`, [
      'Add them with their courses first: recall-desk techs add NAME --course TEXT.',
    ]);
  return t;
}

/**
 * The course a bulletin's technician requirement names, or null when the requirement is not a course
 * (a verification by another associate). 'Most current version of the E-Learning course "X"' → X;
 * 'LIC206A - Electrical Repair 1 (or a greater certification level)' → 'LIC206A - Electrical Repair 1'.
 */
export function courseOf(requirement: string): string | null {
  if (/verif/i.test(requirement)) return null;
  // Curly quotes escaped: the CLI bundle stays ASCII, which it reads as Latin-1 (main/cli/start.ts).
  const quoted = /"([^"]+)"|\u201C([^\u201D]+)\u201D/.exec(requirement);
  if (quoted) return (quoted[1] ?? quoted[2])!.trim();
  return requirement.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
/** A course code at the start ("LIC206A - ..."): a technician's course with the same code counts. */
const codeOf = (s: string) => /^([A-Z]{2,}\d+[A-Z]*)\b/i.exec(s.trim())?.[1]?.toUpperCase() ?? null;

export function hasCourse(courses: string[], required: string): boolean {
  const want = norm(required);
  const code = codeOf(required);
  return courses.some((c) => norm(c) === want || (code !== null && codeOf(c) === code));
}
