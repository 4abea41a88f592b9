// corgi's decode result, reduced to what the counter reads and the rules use.
import type { DecodedVehicle } from '../../shared/vehicles/contract';
import { computeCheckDigit, modelYearOf } from '../../shared/vin';

type CorgiResult = {
  vin?: string;
  components: {
    modelYear?: { year?: number };
    vehicle?: { make?: string; model?: string; series?: string; trim?: string; bodyStyle?: string };
    wmi?: { make?: string; country?: string };
    plant?: { country?: string; code?: string };
  };
};

const orNull = (s: string | undefined | null): string | null => (s?.trim() ? s.trim() : null);

/** "UNITED STATES (USA)" -> "United States (USA)"; "CANADA" -> "Canada". */
export function countryName(raw: string | null): string | null {
  if (!raw) return null;
  return raw
    .toLowerCase()
    .replace(/(^|[\s(-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\(usa\)/i, '(USA)');
}

/**
 * Bulletins name models with their grade number ("RX 330", "GS 350"); vPIC keeps it in the trim
 * ("330", "RX330", "350h Premium"). The number is taken only when the trim starts with it.
 */
export function ruleModel(model: string | null, trim: string | null): string | null {
  if (!model) return null;
  if (!trim) return model;
  const squashed = trim.replace(/\s+/g, '');
  const afterModel = squashed.toUpperCase().startsWith(model.toUpperCase().replace(/\s+/g, '')) ? trim.slice(model.replace(/\s+/g, '').length).trim() : trim;
  const grade = /^(\d{2,3}[a-zA-Z]?)\b/.exec(afterModel)?.[1];
  return grade ? `${model} ${grade}` : model;
}

export function describeDecode(r: CorgiResult): DecodedVehicle {
  const v = r.components.vehicle;
  const model = orNull(v?.model);
  const trim = orNull(v?.trim);
  return {
    modelYear: r.components.modelYear?.year ?? null,
    make: orNull(v?.make) ?? orNull(r.components.wmi?.make),
    model,
    ruleModel: ruleModel(model, trim),
    series: orNull(v?.series),
    trim,
    bodyClass: orNull(v?.bodyStyle),
    ...plantCountry(r),
    source: 'NHTSA vPIC',
  };
}

/**
 * The options a VIN is decoded with: the model year as the VIN rules read it with the app's clock, so
 * vPIC's patterns are looked up for the year the answer states (corgi reads the year with the
 * computer's own clock otherwise, and could pick the other 30-year cycle).
 */
export function decodeOptions(vin: string, now: Date): { modelYear?: number } {
  const modelYear = modelYearOf(vin, now.getFullYear());
  return modelYear ? { modelYear } : {};
}

/**
 * Where the vehicle was built. vPIC's plant patterns can come from another schema than the model's (a
 * 2T2 RX, built by Toyota Motor Manufacturing Canada, decoded "plant country Japan, city Cambridge"):
 * the plant code's country is taken only where it agrees with the country vPIC registers for the WMI;
 * otherwise, and where no plant pattern matched, the WMI's country, said so.
 */
export function plantCountry(r: CorgiResult): Pick<DecodedVehicle, 'plantCountry' | 'plantCountrySource' | 'plantCountryKey'> {
  const plant = countryName(orNull(r.components.plant?.country));
  const wmi = countryName(orNull(r.components.wmi?.country));
  if (plant && (!wmi || plant === wmi))
    return { plantCountry: plant, plantCountrySource: 'plant-code', plantCountryKey: orNull(r.components.plant?.code) ?? r.vin?.[10] ?? null };
  if (wmi) return { plantCountry: wmi, plantCountrySource: 'wmi', plantCountryKey: r.vin?.slice(0, 3) ?? null };
  return { plantCountry: null, plantCountrySource: null, plantCountryKey: null };
}

/**
 * The VIN as vPIC is asked to decode it. corgi refuses a VIN whose position 9 is not a check digit
 * (0-9 or X), but some manufacturers issued VINs with a letter there (Genesis: NHTSA lists them as
 * check-digit exceptions). vPIC's patterns never read position 9, so the decode is made with the check
 * digit the rest of the VIN calls for; the answer still says position 9 does not hold it.
 */
export function decodableVin(vin: string): string {
  const ch = vin[8];
  if (ch === undefined || (ch >= '0' && ch <= '9') || ch === 'X') return vin;
  const check = computeCheckDigit(vin);
  return check ? vin.slice(0, 8) + check + vin.slice(9) : vin;
}
