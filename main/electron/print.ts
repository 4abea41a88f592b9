// Printing in the Electron app: the document's HTML in a hidden window, then printToPDF (saved PDFs)
// through the same Chromium the window runs. The hidden window has a session of its own: the app's
// CSP forbids inline styles, which a printed document needs, and this session allows nothing else
// (no script, no network: only the document's own file).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import type { PdfPrinter } from '../forms/pdf';

const PARTITION = 'recall-desk-print';
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'";

function printSession(): Electron.Session {
  const s = session.fromPartition(PARTITION, { cache: false });
  s.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [PRINT_CSP] } }));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') }));
  s.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
  return s;
}

export class ElectronPdf implements PdfPrinter {
  private session: Electron.Session | null = null;

  async toPdf(html: string): Promise<Buffer> {
    this.session ??= printSession();
    const file = path.join(app.getPath('temp'), `recall-desk-print-${randomUUID()}.html`);
    fs.writeFileSync(file, html, { mode: 0o600 });
    const win = new BrowserWindow({
      show: false,
      webPreferences: { session: this.session, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
    });
    try {
      await win.loadFile(file);
      // Zero margins here and preferCSSPageSize: the document's own @page rule sets the paper and the
      // margins (with Electron's default margins both apply, and the page margin boxes move).
      return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    } finally {
      win.destroy();
      fs.rmSync(file, { force: true });
    }
  }

  async close(): Promise<void> {}
}

export const showInFolder = (file: string): void => shell.showItemInFolder(file);
