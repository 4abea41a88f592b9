// The sharing this process runs, if any (one per process): Settings reads it through sharingStatus.
import type { Sharing } from './share';
import type { WindowSwitch } from './window-switch';

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

/**
 * The switch of this process's window between this PC's database and a sharing PC's (Settings,
 * "Connect to a desk"): set by a process that shows the window, never by a CLI command or a host.
 */
let windowSwitch: WindowSwitch | null = null;

export const currentWindowSwitch = (): WindowSwitch | null => windowSwitch;

export function setWindowSwitch(s: WindowSwitch | null): void {
  windowSwitch = s;
}
