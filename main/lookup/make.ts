// Whether a VIN is of the make a bulletin is for. A campaign never applies across makes: a Honda is no
// Lexus BLC, whatever its model year. Where no source knows the WMI, the hit stays and says so.

export type MakeEvidence = {
  /** The make vPIC decoded for this very VIN; null when not decoded. */
  decodedMake: string | null;
  /** The makes vPIC registers for the WMI ([] unknown WMI); null while vPIC is not available. */
  wmiMakes: string[] | null;
};

export type MakeFit = 'yes' | 'no' | 'unknown';

/** Makes are compared by this key ("Lexus", " LEXUS" and "lexus" are one make). */
export const makeKey = (make: string) => make.trim().toUpperCase();

/** The evidence in key form, made once per lookup rather than once per campaign. */
export function keyedEvidence(ev: MakeEvidence): MakeEvidence {
  return { decodedMake: ev.decodedMake ? makeKey(ev.decodedMake) : null, wmiMakes: ev.wmiMakes ? ev.wmiMakes.map(makeKey) : null };
}

/**
 * `want` is the bulletin's make in key form (null: the bulletin names none; a revision imported before
 * the format had make and wmis is stored without them); `ev` is keyed (keyedEvidence).
 */
export function makeFit(want: string | null, wmis: ReadonlySet<string> | null, wmi: string, ev: MakeEvidence): MakeFit {
  if (!want) return 'unknown';
  // The campaign's WMI list wins: the bulletin's own, or the WMIs NHTSA vPIC registers for its make
  // where the bulletin states none (the bulletin's wmisSource says which).
  if (wmis?.has(wmi)) return 'yes';
  if (ev.decodedMake) return ev.decodedMake === want ? 'yes' : 'no';
  if (ev.wmiMakes && ev.wmiMakes.length > 0) return ev.wmiMakes.includes(want) ? 'yes' : 'no';
  return 'unknown';
}
