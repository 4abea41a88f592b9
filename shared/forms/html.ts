// The one HTML frame every printed document shares: the print stylesheet (paper size and margins,
// page numbers in the page margin boxes, black-and-white friendly) and escaping. Documents are pure
// functions producing an HTML string, so main (PDF, CLI) and the renderer (preview, print) use the
// very same document.
import type { Paper } from '../settings/contract';
import { textEm } from './text-width';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * Bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). Invisible, they make
 * printed text read otherwise than it was typed (an override in a dealer's name reversed the VIN after it
 * in every foot), and an unmatched one ends the isolation of its field: paper prints text as typed,
 * without them. The bidi algorithm still prints Arabic and Hebrew right to left on its own.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms, and the RTL scripts beyond) and the RLM mark. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\u200F\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text cut to `max` characters (as a reader counts them), the cut shown by an ellipsis. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(s)) {
    if (kept.length === max)
      return `${kept
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
    kept.push(segment);
  }
  return s;
}

/**
 * Text as it goes on paper: the bidi controls out, cut to `max` characters when given (what fits the
 * field it prints in; the record keeps it whole).
 */
export const paperText = (s: string | number | null | undefined, max = Number.POSITIVE_INFINITY): string =>
  s === null || s === undefined ? '' : shorten(String(s).replace(BIDI_CONTROLS, ''), max);

/** Lines of a text (an address) as they go on paper: no more than `maxLines` (an ellipsis ends the last one shown when there were more) and `max` characters. */
export function paperLines(s: string | null | undefined, maxLines: number, max: number): string {
  const lines = (s ?? '').split('\n');
  return paperText(lines.length <= maxLines ? s : `${lines.slice(0, maxLines).join('\n').trimEnd()}…`, max);
}

/**
 * Text as HTML: every character a guest or a bulletin writes is shown, none is markup, and right-to-left
 * text is isolated in its field (<bdi>: its own direction, by its first letter), so it cannot reorder the
 * VIN or the words beside it. `max`: the characters the field has room for (see paperText).
 */
export function esc(s: string | number | null | undefined, max?: number): string {
  const t = escapeHtml(paperText(s, max));
  return RIGHT_TO_LEFT.test(t) ? `<bdi>${t}</bdi>` : t;
}

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

/**
 * A part of the page foot: the app's own words (the VIN, the campaign, the date: printed whole), or text
 * someone typed (the dealer's name: isolated, and cut, with an ellipsis, when the foot is too long).
 */
export type FootPart = string | { typed: string };

// The page's side margins, the page number's box and the foot's font: the @page rule and the room left
// for the foot, beside the page number, on one line.
const SIDE_MM = 13;
const PAGE_NUMBER_MM = 30;
const FOOT_PT = 8;
const PAPER_WIDTH_MM: Record<Paper, number> = { letter: 215.9, a4: 210 };
/** The foot's room in em: the page's width inside its margins less the page number's box, less an em to spare. */
const footEm = (paper: Paper) => ((PAPER_WIDTH_MM[paper] - 2 * SIDE_MM - PAGE_NUMBER_MM) * 72) / 25.4 / FOOT_PT - 1;

/** Text cut (by its end, with an ellipsis) to print in `em`. */
function fitEm(s: string, em: number): string {
  if (textEm(s) <= em) return s;
  let kept = '';
  let width = textEm('…');
  for (const { segment } of graphemes.segment(s)) {
    width += textEm(segment);
    if (width > em) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

/**
 * The foot as one line of text: a margin box neither clips nor breaks a long word, so the typed parts
 * give way (cut, with an ellipsis) for the app's own words to print whole beside the page number.
 * Right-to-left text is isolated (FSI ... PDI), as <bdi> does in the page.
 */
export function footText(parts: FootPart[], paper: Paper): string {
  const own = parts.filter((p): p is string => typeof p === 'string').join('');
  const typed = parts.flatMap((p) => (typeof p === 'string' ? [] : [paperText(p.typed).replace(/\s+/g, ' ').trim()]));
  const room = footEm(paper) - textEm(own);
  const each = typed.reduce((w, t) => w + textEm(t), 0) <= room ? Number.POSITIVE_INFINITY : Math.max(0, room / typed.length);
  let i = 0;
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const t = fitEm(typed[i++]!, each);
      return RIGHT_TO_LEFT.test(t) ? `\u2068${t}\u2069` : t;
    })
    .join('');
}

export type Frame = {
  title: string;
  paper: Paper;
  /** Printed at the foot of every page, left, on one line (typed parts cut to fit); the page number is at the right. */
  footer: FootPart[];
  body: string;
  /** Rules only this document needs. */
  css?: string;
  bodyClass?: string;
};

export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:"Liberation Sans",Arial,Helvetica,sans-serif;font-size:10pt;line-height:1.3;color:#000;background:#fff;overflow-wrap:anywhere}
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
  // The foot repeats what the head of page 1 says in full; the dealer's name in it gives way to the VIN and the campaign.
  const font = `font:${FOOT_PT}pt "Liberation Sans",Arial,sans-serif`;
  const page = `@page{size:${size};margin:12mm ${SIDE_MM}mm 14mm;@bottom-left{content:${cssString(footText(footer, paper))};${font}}@bottom-right{content:"Page " counter(page) " of " counter(pages);width:${PAGE_NUMBER_MM}mm;text-align:right;white-space:nowrap;${font}}}`;
  // The title and the class are not page text: escaped, never isolated (no markup goes in an attribute or the <title>).
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(paperText(title))}</title><style>${page}${PAGE_CSS}${checkedCss(css)}</style></head><body${bodyClass ? ` class="${escapeHtml(bodyClass)}"` : ''}>${body}</body></html>`;
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
