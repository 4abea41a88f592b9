// The sharing this process runs, if any (one per process): Settings reads it through sharingStatus.
import type { Sharing } from './share';

let sharing: Sharing | null = null;

export const currentSharing = (): Sharing | null => sharing;

export function setCurrentSharing(s: Sharing | null): void {
  sharing = s;
}
