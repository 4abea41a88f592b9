// Printing a document in the window: the same HTML the PDF comes from, in a frame of its own, printed
// by the browser (Chromium in Electron and in the browser mode) with the document's @page rules. The
// app's CSP allows no inline <style>, so the document's stylesheet is adopted as a constructed sheet.
import { bodyClassOf, bodyOf, styleOf } from '../../shared/forms/html';
import { ApiError, type OutputOf } from '../../shared/api';
import { api } from '../api';

/** Fills a frame with a document: its body as markup, its stylesheet adopted. */
export function showDocument(frame: HTMLIFrameElement, html: string): void {
  const doc = frame.contentDocument;
  const win = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !win) return;
  doc.open();
  doc.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>${bodyOf(html)}</body></html>`);
  doc.close();
  doc.body.className = bodyClassOf(html);
  doc.title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(styleOf(html));
  doc.adoptedStyleSheets = [sheet];
}

/** Opens the system's print dialog for a document (Save as PDF is one of its printers). */
export function printDocument(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.setAttribute('aria-hidden', 'true');
    document.body.appendChild(frame);
    showDocument(frame, html);
    const win = frame.contentWindow!;
    // print() returns when the dialog closes; the frame goes afterwards.
    setTimeout(() => {
      win.focus();
      win.print();
      frame.remove();
      resolve();
    }, 50);
  });
}

/** Saves the PDF: in the Electron window it is shown in its folder, in the browser it is downloaded. */
export async function savePdf(saved: OutputOf<'saveFormPdf'>): Promise<{ shown: boolean }> {
  if (window.recallDesk) {
    const r = await api.showInFolder({ path: saved.path });
    if (r.shown) return r;
  }
  const bytes = Uint8Array.from(atob(saved.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = saved.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { shown: false };
}

export const isMissingSettings = (e: unknown): boolean => e instanceof ApiError && /Dealer details are missing/.test(e.message);
