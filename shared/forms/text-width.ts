// How wide a line of text prints, in em, for the page foot: a margin box neither clips nor breaks a long
// word (Chromium ignores overflow and overflow-wrap there), so what goes in it is measured before it is
// printed. The widths are Liberation Sans's (metric-compatible with Arial, the fallback on Windows),
// measured in Chromium; a character outside ASCII is taken as wide as the widest letters, so a foot
// is cut a little early rather than run into the page number.

/** Advance widths of ASCII 32-126, in thousandths of an em. */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];

const ZERO_WIDTH = /^[\p{M}\p{Cf}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

/** The width of one character (a code point), in em. */
function charEm(c: string): number {
  const code = c.codePointAt(0)!;
  if (code >= 32 && code < 127) return ASCII[code - 32]! / 1000;
  if (code === 0xb7) return 0.278;
  if (ZERO_WIDTH.test(c)) return 0;
  // Accented Latin letters are as wide as their plain ones (Æ and Œ are wider: the general case below).
  if (code >= 0xc0 && code <= 0x17f && code !== 0xc6 && code !== 0x152) return 0.778;
  return PICTOGRAPH.test(c) ? 1.25 : 1;
}

/** The printed width of a text, in em of its font. */
export function textEm(s: string): number {
  let w = 0;
  for (const c of s) w += charEm(c);
  return w;
}
