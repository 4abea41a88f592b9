// A barcode scanner is a keyboard that types a whole VIN in a burst (a few ms per key) and presses
// Enter. A person types slower and unevenly. Telling them apart lets a scan reach the lookup from any
// screen and any field, while normal typing into a field is left alone. Pure: keys and times in, a
// verdict out; the renderer wires it to the keyboard. Times are the events' own timestamps
// (KeyboardEvent.timeStamp: when the system received the key), never the time a handler runs: a busy
// main thread hands a scanner's keys over hundreds of ms late and in clumps, and a clock read in the
// handler would see a person typing.
import { normalizeVin, VIN_LENGTH } from '../vin';

/**
 * A scan's keys come this fast on average (ms): scanners type 1-10 ms apart, a busy screen can stretch
 * that; no person types 17 keys at 50 ms each (240 words a minute).
 */
export const SCAN_MEAN_GAP_MS = 50;
/** One slower gap is tolerated (a busy screen can hold a key back); more than this is not one burst. */
export const SCAN_MAX_GAP_MS = 400;

type Key<T> = { ch: string; at: number; tag: T };

export class ScanDetector<T = undefined> {
  private keys: Key<T>[] = [];

  /** One printable key at its own time `at` (the event's timeStamp); `tag` is what the caller wants back for the burst's first key (e.g. the field it landed in). */
  key(ch: string, at: number, tag: T): void {
    this.keys.push({ ch, at, tag });
    if (this.keys.length > VIN_LENGTH + 2) this.keys.shift();
  }

  /**
   * Enter: the VIN if the keys just before it were one fast burst of 17 characters (or 18 with the
   * scanner's leading I), with the tag of the burst's first key; null for anything a person typed.
   */
  enter(at: number /* the Enter event's own timeStamp */): { vin: string; first: T } | null {
    const keys = this.keys;
    this.reset();
    for (const n of [VIN_LENGTH + 1, VIN_LENGTH]) {
      if (keys.length < n) continue;
      const burst = keys.slice(-n);
      if (n === VIN_LENGTH + 1 && burst[0]!.ch.toUpperCase() !== 'I') continue;
      const before = keys[keys.length - n - 1];
      // A key just before, as fast: the burst is longer than a VIN (not a scan of one).
      if (before && burst[0]!.at - before.at <= SCAN_MEAN_GAP_MS) continue;
      if (at - burst[n - 1]!.at > SCAN_MAX_GAP_MS) continue;
      if ((burst[n - 1]!.at - burst[0]!.at) / (n - 1) > SCAN_MEAN_GAP_MS) continue;
      if (burst.some((k, i) => i > 0 && k.at - burst[i - 1]!.at > SCAN_MAX_GAP_MS)) continue;
      const vin = normalizeVin(burst.map((k) => k.ch).join(''));
      if (vin.length === VIN_LENGTH && /^[A-Z0-9]+$/.test(vin)) return { vin, first: burst[0]!.tag };
    }
    return null;
  }

  /** Any other key (a modifier, an arrow, Backspace) ends a burst: scanners type only characters. */
  reset(): void {
    this.keys = [];
  }
}
