// Part numbers as bulletins print them: a concrete number, or a pattern whose stars stand for the
// characters each VIN's own number has there (04002-12345 is a 04002-****).
export const isPattern = (partNumber: string): boolean => partNumber.includes('*');

const patterns = new Map<string, RegExp>();

/** A run of stars stands for one or more letters or digits: 04002-12345 is a 04002-****. */
export function matchesPart(listed: string, given: string): boolean {
  const a = listed.toUpperCase();
  const b = given.toUpperCase();
  if (a === b) return true;
  if (!isPattern(a)) return false;
  let re = patterns.get(a);
  if (!re) {
    const body = a
      .split(/\*+/)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[A-Z0-9]+');
    patterns.set(a, (re = new RegExp(`^${body}$`)));
  }
  return re.test(b);
}
