// Arguments several domains' commands share: whole numbers, the person's name.
import os from 'node:os';
import { UsageError } from './runtime-errors';

/** A number typed on the command line; the contract then says what is wrong with it (negative, fractional...). */
export function numberArg(name: string, raw: string): number {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${name} "${raw}" is not a number: write a whole number, e.g. 2.`);
  return n;
}

/** Who made a change: --by, else the signed-in user. */
export function byArg(by: string | undefined): string {
  if (by?.trim()) return by.trim();
  try {
    return os.userInfo().username || 'counter';
  } catch {
    return 'counter';
  }
}
