// PDF from a document's HTML through a headless Chromium (playwright-core): the CLI, the browser
// mode and the tests. The browser is started on first use and kept warm for the life of the process,
// so a second form takes a page, not a browser start. Nothing here touches the network.
import fs from 'node:fs';
import path from 'node:path';
import { OFFLINE_CHROMIUM_ARGS as ARGS } from './chromium-args';
import type { Browser, BrowserContext } from 'playwright-core';

export interface PdfPrinter {
  /** The document as PDF bytes, paginated by its own @page rules. */
  toPdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** No Chromium on this machine: the message says where it was looked for and what to do. */
export class NoChromiumError extends Error {}

function candidates(): string[] {
  const env = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [];
  if (process.platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean) as string[];
    return [
      ...env,
      ...roots.flatMap((r) => [
        path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        path.join(r, 'Chromium', 'Application', 'chrome.exe'),
      ]),
    ];
  }
  if (process.platform === 'darwin') {
    return [
      ...env,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [...env, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'];
}

/** The Chromium to print with: CHROMIUM_PATH, else the system's Chromium, Chrome or Edge. */
export function findChromium(): string {
  if (process.env.CHROMIUM_PATH && !fs.existsSync(process.env.CHROMIUM_PATH)) {
    throw new NoChromiumError(`CHROMIUM_PATH names ${process.env.CHROMIUM_PATH}, which does not exist: point it at Chromium, Chrome or Edge.`);
  }
  const found = candidates().find((p) => fs.existsSync(p));
  if (!found) {
    throw new NoChromiumError(
      `No Chromium, Chrome or Edge found to print with (looked at ${candidates().join(', ')}): install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/**
 * How long Chromium may take to lay a document out: Playwright's 30 s default, plus a second for every
 * 100 KB, so a dealer-sized hold report on a slow, busy counter PC is slow rather than refused.
 */
export const layoutBudgetMs = (htmlChars: number): number => 30_000 + Math.ceil(htmlChars / 100_000) * 1000;

export class ChromiumPdf implements PdfPrinter {
  private started: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

  /** One browser and one context, kept warm: a form then costs a page, not a browser start. */
  private start() {
    if (!this.started) {
      const executablePath = findChromium();
      this.started = (async () => {
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
        const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
        // Every request a document might make (there should be none) is refused: nothing leaves.
        await context.route('**/*', (route) => route.abort());
        return { browser, context };
      })();
      this.started.catch(() => {
        this.started = null;
      });
    }
    return this.started;
  }

  async toPdf(html: string): Promise<Buffer> {
    const { context } = await this.start();
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: layoutBudgetMs(html.length) });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const s = this.started;
    this.started = null;
    if (s) await (await s.catch(() => null))?.browser.close();
  }
}

/** Pages in a PDF Chromium wrote (its page tree's /Count). */
export function pdfPageCount(pdf: Buffer): number {
  // A long document has a tree of page nodes: the root's count is the largest.
  const text = pdf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : (text.match(/\/Type\s*\/Page\b/g) ?? []).length;
}
