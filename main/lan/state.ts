// The sharing this process runs, if any (one per process): Settings reads it through sharingStatus.
import type { Sharing } from './share';

let sharing: Sharing | null = null;

export const currentSharing = (): Sharing | null => sharing;

export function setCurrentSharing(s: Sharing | null): void {
  sharing = s;
}

/**
 * How this process starts sharing when an admin asks in Settings: set by a process that shows the window
 * (the browser mode, Electron), never by a CLI command or a desk.
 */
export type ShareStarter = (port: number) => Promise<Sharing>;
let starter: ShareStarter | null = null;

export const sharingStarter = (): ShareStarter | null => starter;

export function setSharingStarter(s: ShareStarter | null): void {
  starter = s;
}
