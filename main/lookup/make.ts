// Whether a VIN is of the make a bulletin is for. A campaign never applies across makes: a Honda is no
// Lexus BLC, whatever its model year. Where no source knows the WMI, the hit stays and says so.

export type MakeEvidence = {
  /** The make vPIC decoded for this very VIN; null when not decoded. */
  decodedMake: string | null;
  /** The makes vPIC registers for the WMI ([] unknown WMI); null while vPIC is not available. */
  wmiMakes: string[] | null;
};

export type MakeFit = 'yes' | 'no' | 'unknown';

const key = (make: string) => make.trim().toUpperCase();

// make and wmis are optional here: a revision imported before the format had them is stored without.
export function makeFit(bulletin: { make?: string | null; wmis?: readonly string[] }, wmi: string, ev: MakeEvidence): MakeFit {
  if (!bulletin.make) return 'unknown';
  const want = key(bulletin.make);
  // The bulletin's own list of WMIs wins: it is what the manufacturer says the campaign covers.
  if (bulletin.wmis?.includes(wmi)) return 'yes';
  if (ev.decodedMake) return key(ev.decodedMake) === want ? 'yes' : 'no';
  if (ev.wmiMakes && ev.wmiMakes.length > 0) return ev.wmiMakes.some((m) => key(m) === want) ? 'yes' : 'no';
  return 'unknown';
}
