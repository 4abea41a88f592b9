// What a list's optional cells say against its bulletin, for the preview: part numbers that are not the
// campaign's per-VIN part (not used: suggestions, orders and the card then give the pattern) and phases
// the bulletin does not have. Read once from the staged rows, a chunk at a time; a list without those
// columns is not read at all. A few examples each (cell and VIN: the list's own columns, no guest's).
import type { Bulletin } from '../../shared/bulletin';
import { count, plural } from '../../shared/wording';
import { shortText } from './invalid';
import { matchesPart } from '../parts/pattern';
import { type StagedList, vinAt } from './vinlist-stage';

const EXAMPLES = 3;

type Odd = { n: number; examples: string[] };
const note = (o: Odd, cell: string, vin: string) => {
  if (o.n++ < EXAMPLES) o.examples.push(`${shortText(cell)} for ${vin}`);
};
const more = (o: Odd) => (o.n > EXAMPLES ? ` and ${count(o.n - EXAMPLES)} more` : '');

/** `bulletin`: asked for only when the list has optional columns (most lists have none). */
export function listFactNotes(rows: StagedList, bulletin: () => Bulletin): string[] {
  if (!rows.hasDetails) return [];
  const b = bulletin();
  const perVin = b.parts.flatMap((p) => (p.partNumberPerVin === true && p.partNumber ? [p.partNumber] : []));
  const phases = new Set(b.phases.map((p) => p.id));
  const parts: Odd = { n: 0, examples: [] };
  const badPhases: Odd = { n: 0, examples: [] };
  for (const c of rows.chunks()) {
    if (!c.partNumbers && !c.phases) break;
    for (let i = 0; i < c.count; i++) {
      const pn = c.partNumbers?.[i];
      if (pn && perVin.length && !perVin.some((p) => matchesPart(p, pn))) note(parts, pn, vinAt(c, i));
      const ph = c.phases?.[i];
      if (ph && !phases.has(ph)) note(badPhases, ph, vinAt(c, i));
    }
  }
  const out: string[] = [];
  if (parts.n)
    out.push(
      `${plural(parts.n, 'part number')} ${parts.n === 1 ? 'is' : 'are'} not ${b.code}'s per-VIN part ${perVin.join(' or ')} and ${parts.n === 1 ? 'is' : 'are'} not used (orders give the pattern; CPOR gives the VIN's number): ${parts.examples.join(', ')}${more(parts)}.`,
    );
  if (badPhases.n)
    out.push(
      `${plural(badPhases.n, 'phase')} ${badPhases.n === 1 ? 'is' : 'are'} not one of ${b.code}'s phases (${[...phases].join(', ')}): ${badPhases.examples.join(', ')}${more(badPhases)}. Check the file with TIS.`,
    );
  return out;
}
