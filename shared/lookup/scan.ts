// A barcode scanner is a keyboard that types a whole VIN in a burst (a few ms per key) and presses
// Enter. A person types slower and unevenly. Telling them apart lets a scan reach the lookup from any
// screen and any field, while normal typing into a field is left alone. Pure: keys and times in, a
// verdict out; the renderer wires it to the keyboard.
import { normalizeVin, VIN_LENGTH } from '../vin';

/** The slowest gap between two keys of one scan (ms). Scanners type 1-10 ms apart; no person types 17 keys this fast. */
export const SCAN_MAX_GAP_MS = 60;

export type ScanVerdict = { vin: string } | null;

export class ScanDetector {
  private chars: string[] = [];
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly maxGapMs = SCAN_MAX_GAP_MS) {}

  /** True when this key starts a new burst: the place whose typing a scan would have to undo. */
  startsBurst(at: number): boolean {
    return at - this.last > this.maxGapMs;
  }

  /** One printable key. */
  key(ch: string, at: number): void {
    if (this.startsBurst(at)) this.chars = [];
    this.chars.push(ch);
    this.last = at;
  }

  /** Enter: the VIN if the keys before it were one fast burst of 17 (or the scanner's 18 with a leading I). */
  enter(at: number): ScanVerdict {
    const burst = at - this.last <= this.maxGapMs ? this.chars.join('') : '';
    this.reset();
    if (burst.length !== VIN_LENGTH && burst.length !== VIN_LENGTH + 1) return null;
    const vin = normalizeVin(burst);
    return vin.length === VIN_LENGTH && /^[A-Z0-9]+$/.test(vin) ? { vin } : null;
  }

  /** Any other key (a modifier, an arrow, Backspace) ends a burst: scanners type only characters. */
  reset(): void {
    this.chars = [];
    this.last = Number.NEGATIVE_INFINITY;
  }
}
