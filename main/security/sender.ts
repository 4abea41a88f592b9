// Which IPC calls the main process answers: only those from the main frame of our own window while
// it shows our own renderer page (app://recall-desk/index.html). Pure, so it is tested without Electron.
export type SenderFacts = {
  webContentsId: number;
  /** The calling frame's URL, or null when the frame is gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
};

export function isTrustedSender(sender: SenderFacts, expected: { webContentsId: number; url: string }): boolean {
  if (sender.webContentsId !== expected.webContentsId || !sender.isMainFrame || sender.frameUrl === null) return false;
  return stripHash(sender.frameUrl) === stripHash(expected.url);
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}
