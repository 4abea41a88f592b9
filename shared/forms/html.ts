// The one HTML frame every printed document shares: the print stylesheet (paper size and margins,
// page numbers in the page margin boxes, black-and-white friendly) and escaping. Documents are pure
// functions producing an HTML string, so main (PDF, CLI) and the renderer (preview, print) use the
// very same document.
import type { Paper } from '../settings/contract';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML: every character a guest or a bulletin writes is shown, none is markup. */
export const esc = (s: string | number | null | undefined): string => (s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!));

/**
 * Text as a CSS string literal (for the page margin boxes), the one place text meets the stylesheet:
 * every character but a letter, a digit or a space is written as a CSS escape (`\\3C ` for `<`), so
 * no text can end the string, the rule or the <style> element (`</style>` in a dealer's name), and
 * what reaches the stylesheet is letters, digits, spaces and escapes only.
 */
export const cssString = (s: string): string =>
  `"${[...s.replace(/[\r\n]+/g, ' ')].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;

/** Rules a document adds: written by the app, never carrying text; refused if they could end the <style> element. */
function checkedCss(css: string): string {
  if (/<\/?style|<!--|-->/i.test(css)) throw new Error('A document stylesheet may not contain markup.');
  return css;
}

export type Frame = {
  title: string;
  paper: Paper;
  /** Printed at the foot of every page, left (most important first: it may be cut); the page number is at the right. */
  footer: string;
  body: string;
  /** Rules only this document needs. */
  css?: string;
  bodyClass?: string;
};

export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:"Liberation Sans",Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.3;color:#000;background:#fff}
h1{font-size:15pt;margin:0 0 2mm}
h2{font-size:11pt;margin:3mm 0 1.5mm;border-bottom:1px solid #000;padding-bottom:.5mm}
p{margin:0 0 2mm}
.doc-head{display:flex;justify-content:space-between;align-items:flex-end;gap:6mm;border-bottom:2px solid #000;padding-bottom:1.5mm;margin-bottom:3mm}
.doc-head .dealer{font-weight:bold;font-size:11pt;overflow-wrap:anywhere}
.doc-head .meta{text-align:right;white-space:nowrap}
.small{font-size:8.5pt}
.mono{font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,monospace;letter-spacing:.02em}
.boxed{border:1.5px solid #000;padding:1.5mm 2.5mm;margin:0 0 2mm}
@media screen{body{padding:10mm;max-width:230mm;margin:0 auto}}
`;

export function frame({ title, paper, footer, body, css = '', bodyClass }: Frame): string {
  const size = paper === 'a4' ? 'A4' : 'letter';
  // The foot repeats what the head of page 1 says in full; cut short, it leaves the page number room.
  // Margin boxes do not clip: the foot is cut to what fits beside the page number in ordinary text.
  const foot = footer.length > 75 ? `${footer.slice(0, 74)}…` : footer;
  const page = `@page{size:${size};margin:12mm 13mm 14mm;@bottom-left{content:${cssString(foot)};font:8pt "Liberation Sans",Arial,sans-serif}@bottom-right{content:"Page " counter(page) " of " counter(pages);width:30mm;text-align:right;white-space:nowrap;font:8pt "Liberation Sans",Arial,sans-serif}}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${page}${PAGE_CSS}${checkedCss(css)}</style></head><body${bodyClass ? ` class="${esc(bodyClass)}"` : ''}>${body}</body></html>`;
}

/** The CSS of a framed document, for a preview that must apply it itself (a strict CSP blocks inline styles). */
export function styleOf(html: string): string {
  return /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
}
export function bodyOf(html: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
}
/** The body's class (a document's layout variant), for a preview that rebuilds the body. */
export function bodyClassOf(html: string): string {
  return /<body class="([^"]*)">/.exec(html)?.[1] ?? '';
}

/** A file name from a title: letters, digits and dashes only. */
export const fileNameFor = (...parts: (string | null | undefined)[]): string =>
  `${parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.pdf`;

/** The dealer's heading on every document. */
export function docHead(dealerName: string, title: string, date: string, extra = ''): string {
  return `<div class="doc-head"><div><div class="dealer">${esc(dealerName)}</div><h1>${esc(title)}</h1></div><div class="meta small">Printed ${esc(date)}${extra ? `<br>${extra}` : ''}</div></div>`;
}
