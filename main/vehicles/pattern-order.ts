// The order of vPIC's pattern keys that `String.prototype.localeCompare` gives them in English (ICU's
// root collation: punctuation not ignored, then digits, then letters; a key that is the start of another
// comes first). corgi sorts a decode's patterns with localeCompare, and the first localeCompare of a
// process builds ICU's collator and, for it, the list of every locale ICU knows: 68 M instructions, a
// sixth of a CLI lookup of a VIN never seen, for a few hundred comparisons of ASCII keys. The bundles'
// corgi calls this instead (scripts/build.mjs); a key with any other character is still compared by
// localeCompare. test/service/pattern-order.test.ts holds it to localeCompare on every key vPIC has.

/** Every character vPIC's keys use, in the collation's order. */
const ORDER = '_-[]*#|0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < ORDER.length; i++) RANK[ORDER.charCodeAt(i)] = i;

/** Whether every character of `s` from `from` on is one of vPIC's. */
function rankedFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || RANK[c]! < 0) return false;
  }
  return true;
}

/** -1, 0 or 1, as `a.localeCompare(b)` in English. One pass over each key (a sort compares each several times). */
export function patternOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  let order = 0;
  for (; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const rx = x < 128 ? RANK[x]! : -1;
    const ry = y < 128 ? RANK[y]! : -1;
    if (rx < 0 || ry < 0) return a.localeCompare(b, 'en');
    if (rx !== ry) {
      order = rx < ry ? -1 : 1;
      break;
    }
  }
  if (order === 0) order = a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  // Any other character anywhere, even past the first difference, and localeCompare itself decides.
  return rankedFrom(a, i) && rankedFrom(b, i) ? order : a.localeCompare(b, 'en');
}
