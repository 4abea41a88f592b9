// Printing in the Electron app: the document's HTML in a hidden window, then printToPDF (saved PDFs)
// through the same Chromium the window runs. The hidden window has a session of its own: the app's
// CSP forbids inline styles, which a printed document needs, and this session allows nothing else
// (no script, no network, no file://: only the document itself, served from memory on the app's
// scheme, app://print/<id>.html; see main/security/print-documents.ts).
import { app, BrowserWindow, session, shell } from 'electron';
import type { PdfPrinter } from '../forms/pdf';
import { APP_SCHEME } from '../security/app-protocol';
import { isPrintRequest, PrintDocuments } from '../security/print-documents';

const PARTITION = 'recall-desk-print';

function printSession(docs: PrintDocuments): Electron.Session {
  const s = session.fromPartition(PARTITION, { cache: false });
  s.protocol.handle(APP_SCHEME, (request) => docs.answer(request.url));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintRequest(details.url) }));
  s.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  return s;
}

export class ElectronPdf implements PdfPrinter {
  private session: Electron.Session | null = null;
  private readonly docs = new PrintDocuments();

  async toPdf(html: string): Promise<Buffer> {
    await app.whenReady();
    this.session ??= printSession(this.docs);
    const doc = this.docs.add(html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: { session: this.session, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
    });
    try {
      await win.loadURL(doc.url);
      // Zero margins here and preferCSSPageSize: the document's own @page rule sets the paper and the
      // margins (with Electron's default margins both apply, and the page margin boxes move).
      return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    } finally {
      win.destroy();
      doc.done();
    }
  }

  async close(): Promise<void> {}
}

export const showInFolder = (file: string): void => shell.showItemInFolder(file);
