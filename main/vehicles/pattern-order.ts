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

function ranked(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || RANK[c]! < 0) return false;
  }
  return true;
}

/** -1, 0 or 1, as `a.localeCompare(b)` in English. */
export function patternOrder(a: string, b: string): number {
  if (!ranked(a) || !ranked(b)) return a.localeCompare(b, 'en');
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = RANK[a.charCodeAt(i)]! - RANK[b.charCodeAt(i)]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
