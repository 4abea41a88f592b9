// A vehicle's next steps on its campaign card, in the window and in the terminal: the bulletin's steps,
// except that once the vehicle has a CPOR request for the campaign's part (to place, on order or
// received) the bulletin's steps for the parts counter (ordering that part) are under way or done. Those
// give way to one line pointing at the CPOR state, which says what is left. Pure: no React, no Node.

import { listedPartInStep } from '../wording';
import { type CporState, cporPhrase } from './wording';

/** The bulletin's steps as the card gets them (a hit's `actions`), and the bulletin's own list with roles. */
type BulletinStep = { role: string; text: string };
type BulletinPart = { partNumber: string | null; partNumberPerVin: boolean | null };
/** A VIN's own number of a per-VIN part, as its affected-VIN list gives it. */
export type ListedPart = { partNumber: string | null; date: string };

/** The printed patterns (04002-****) of a bulletin's per-VIN parts. */
export function perVinPatterns(parts: readonly BulletinPart[]): string[] {
  return parts.flatMap((p) => (p.partNumberPerVin && p.partNumber?.includes('*') ? [p.partNumber] : []));
}

/**
 * A bulletin step with each per-VIN pattern it prints replaced by this VIN's number from its affected-VIN
 * list, said as such: the step that orders "part 04002-****" orders 04002-12345 for a VIN the list numbers.
 * The step as printed when the list gives no number.
 */
export function withListedPart(text: string, patterns: readonly string[], listed: ListedPart | null): string {
  if (!listed?.partNumber) return text;
  let out = text;
  for (const pattern of patterns) out = out.split(pattern).join(listedPartInStep(listed.partNumber, listed.date));
  return out;
}

/**
 * `actions` without the bulletin's parts-counter steps when `requested` names the vehicle's CPOR
 * requests for this campaign ("key" or "part" each); the line "The key is requested: see CPOR above."
 * stands where the first of them stood. Unchanged when nothing is requested or no such step is there.
 */
export function nextSteps(
  actions: readonly string[],
  bulletin: { actions: readonly BulletinStep[]; parts: readonly BulletinPart[] },
  requested: readonly ('key' | 'part')[],
  listed: ListedPart | null,
): string[] {
  if (requested.length === 0) return [...actions];
  const patterns = perVinPatterns(bulletin.parts);
  const partsSteps = new Set(bulletin.actions.filter((s) => s.role === 'parts').map((s) => withListedPart(s.text, patterns, listed)));
  const out: string[] = [];
  let replaced = false;
  for (const a of actions) {
    if (!partsSteps.has(a)) out.push(a);
    else if (!replaced) {
      out.push(requestedLine(requested));
      replaced = true;
    }
  }
  return out;
}

function requestedLine(requested: readonly ('key' | 'part')[]): string {
  const word = requested.every((w) => w === 'key') ? 'key' : 'part';
  return requested.length === 1 ? `The ${word} is requested: see CPOR above.` : `The ${word}s are requested: see CPOR above.`;
}

/**
 * For the advisor filling in a disclosure form (a sale while the second key is not available): where this
 * VIN's own part stands. On the shelf, it is delivered instead of the form.
 */
export function cporAdvisorNote(s: CporState, what: 'key' | 'part'): string {
  const phrase = `This VIN’s ${cporPhrase(s, what)}`;
  return s.state === 'received'
    ? `${phrase}: deliver it with the vehicle; the disclosure form is for a sale while the ${what} is not available.`
    : `${phrase}.`;
}
