// The Electron window of a desk paired with a sharing PC: main tells the window which host it works
// on and whether that host answers (the top bar), on these two channels. A window on a file here
// hears null.

/** What the top bar shows on a desk: the host's address, and whether it answers now. */
export type HostState = { host: string; reachable: boolean };

/** The window asks once for the state of now (an invoke); null: this window works on a file here. */
export const HOST_STATE_CHANNEL = 'recall-desk:host-state';
/** Main pushes every change of the state on this one. */
export const HOST_CHANGED_CHANNEL = 'recall-desk:host-changed';
