// A printed PDF as a reader sees it: each page's words with their boxes (pdftotext -bbox), the page foot
// read left to right as printed, and what lies outside the printable area. A PNG of each page is kept in
// test-results/forms/ to look at. No test runner is imported here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli';

export type Word = { x0: number; y0: number; x1: number; y1: number; text: string };
export type PdfPage = { width: number; height: number; words: Word[] };

const PT_PER_MM = 72 / 25.4;
/** The forms' page margins (shared/forms/html.ts @page): 13 mm left and right, 14 mm at the foot. */
export const SIDE_MARGIN_PT = 13 * PT_PER_MM;
const FOOT_MARGIN_PT = 14 * PT_PER_MM;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e]!);
/** Bidi marks, embeddings, overrides and isolates: printed, they take no room and show nothing (pdftotext still gives them). */
const INVISIBLE = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function pdfPages(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({
        x0: Number(w[1]),
        y0: Number(w[2]),
        x1: Number(w[3]),
        y1: Number(w[4]),
        text: decode(w[5]!).replace(INVISIBLE, ''),
      }))
      .filter((w) => w.text !== ''),
  }));
}

/** The words of a page's foot (in its bottom margin), left to right as printed. */
export const footWords = (p: PdfPage): Word[] => p.words.filter((w) => w.y0 > p.height - FOOT_MARGIN_PT).sort((a, b) => a.x0 - b.x0);

/**
 * The foot of a page, as printed: its text before the page number, read line by line and left to right,
 * how many lines it takes and where it ends; the page number and where it starts.
 */
export function foot(p: PdfPage): { text: string; lines: number; right: number; pageNumber: string; pageNumberLeft: number } {
  const words = footWords(p);
  const page = words.find((w, i) => w.text === 'Page' && /^\d+$/.test(words[i + 1]?.text ?? '') && words[i + 2]?.text === 'of');
  const numbered = page ? words.filter((w) => w.x0 >= page.x0 && Math.abs(w.y0 - page.y0) < 1) : [];
  const lines: Word[][] = [];
  for (const w of words.filter((x) => !numbered.includes(x)).sort((a, b) => a.y0 - b.y0)) {
    const line = lines.find((l) => Math.abs(l[0]!.y0 - w.y0) < 2);
    if (line) line.push(w);
    else lines.push([w]);
  }
  const before = lines.flatMap((l) => l.sort((a, b) => a.x0 - b.x0));
  return {
    text: before.map((w) => w.text).join(' '),
    lines: lines.length,
    right: Math.max(0, ...before.map((w) => w.x1)),
    pageNumber: numbered.map((w) => w.text).join(' '),
    pageNumberLeft: page ? page.x0 : Number.NaN,
  };
}

/** Words printed past the side margins (cut at the paper's edge, or into the margin), with their page. */
export function outsideMargins(pages: PdfPage[], slackPt = 1): { page: number; word: Word }[] {
  return pages.flatMap((p, i) =>
    p.words.filter((w) => w.x0 < SIDE_MARGIN_PT - slackPt || w.x1 > p.width - SIDE_MARGIN_PT + slackPt).map((word) => ({ page: i + 1, word })),
  );
}

/** The text of a PDF as pdftotext lays it out, whitespace folded, the invisible bidi characters left out. */
export const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ');

/** Keeps a PNG of every page in test-results/forms/ (to look at). */
export function keepPng(pdf: string, name: string): void {
  const dir = path.join(ROOT, 'test-results', 'forms');
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(dir, name)]);
}
