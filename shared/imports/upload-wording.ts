// What the window and a desk are told about a file sent for import (streamed to the PC that keeps the database).

export const cannotReadFile = (file: string, why: string): string => `Cannot read ${file}: ${why}. Pick the file again.`;

export const UPLOAD_FAILED = 'Something went wrong reading the uploaded file; nothing was changed. Details are in the log of the PC that keeps the database.';

const mb = (n: number): string => (n / 2 ** 20).toFixed(1);

export const UPLOAD_WORDING = {
  sending: (fileName: string) => `Sending ${fileName} to Recall Desk`,
  /** "3.0 of 14.2 MB" */
  sent: (sent: number, size: number) => `${mb(sent)} of ${mb(size)} MB`,
  cancelSending: 'Cancel sending',
  /** Before the first byte is sent: the file's text encoding detected here (UTF-8, UTF-16, Windows-1252). */
  checking: (fileName: string) => `Checking ${fileName} (its text encoding) before sending it`,
  /** Once sent, while the PC that keeps the database reads and checks it. */
  reading: (fileName: string) => `Reading ${fileName}…`,
  cancelled: (fileName: string) => `Sending ${fileName} cancelled: nothing was read or imported.`,
  cannotSend: (fileName: string) =>
    `The file ${fileName} could not be sent: the connection ended before the answer. Check that Recall Desk (or the sharing PC) is still running, then pick the file again.`,
};
