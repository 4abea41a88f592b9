// Part numbers as bulletins print them: a concrete number, or a pattern whose stars stand for the
// characters each VIN's own number has there (04002-12345 is a 04002-****).
export const isPattern = (partNumber: string): boolean => partNumber.includes('*');

export function matchesPart(listed: string, given: string): boolean {
  const a = listed.toUpperCase();
  const b = given.toUpperCase();
  if (a === b) return true;
  if (!isPattern(a) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== '*' && a[i] !== b[i]) return false;
  return !/[^A-Z0-9-]/.test(b);
}
