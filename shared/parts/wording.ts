// The parts domain's words a person reads in more than one place: a vehicle's CPOR request as the part,
// the vehicle's campaign card and the hold report say it. Pure: no React, no Node.
import { dateTimeText } from '../dates';

export type CporStateName = 'to-place' | 'on-order' | 'received';
export type CporState = { state: CporStateName; since: string; reference: string | null; partNumber: string };

/** What a per-VIN part is called in a sentence: "key" for a key, else "part". */
export const partWord = (description: string): 'key' | 'part' => (/key/i.test(description) ? 'key' : 'part');

/** "key 04002-78010 on order since 2026-11-23 (CPOR CP-123)" for a card, a part or the hold report; the day in the one date format. */
export function cporPhrase(s: CporState, what: string): string {
  const day = dateTimeText(s.since).slice(0, 10);
  if (s.state === 'received') return `${what} ${s.partNumber} received ${day}`;
  if (s.state === 'on-order') return `${what} ${s.partNumber} on order since ${day} (CPOR ${s.reference})`;
  return `${what} ${s.partNumber} to place in CPOR since ${day} (no CPOR reference yet)`;
}

/** The same at the start of a line: "Key 04002-78010 ...". */
export const cporSentence = (s: CporState, what: string): string => {
  const p = cporPhrase(s, what);
  return p.charAt(0).toUpperCase() + p.slice(1);
};
