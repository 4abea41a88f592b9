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

/**
 * Each key as its characters' ranks, one code unit each (from "!" on), so that comparing two of them as
 * strings gives the collation's order (a key that starts another is shorter: first); null for a key with
 * any other character. Made once a key: a decode sorts some thousand rows of a few dozen keys, compared
 * character by character each time before (5 M of the 262 M instructions of a lookup of a new model).
 */
const collationKeys = new Map<string, string | null>();
const KEYS_KEPT = 4096;
function collationKey(s: string): string | null {
  let key = collationKeys.get(s);
  if (key === undefined) {
    key = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const rank = c < 128 ? RANK[c]! : -1;
      if (rank < 0) {
        key = null;
        break;
      }
      key += String.fromCharCode(0x21 + rank);
    }
    if (collationKeys.size >= KEYS_KEPT) collationKeys.clear();
    collationKeys.set(s, key);
  }
  return key;
}

/** -1, 0 or 1, as `a.localeCompare(b)` in English. */
export function patternOrder(a: string, b: string): number {
  if (a === b) return 0;
  const x = collationKey(a);
  const y = collationKey(b);
  // Any other character anywhere, and localeCompare itself decides.
  if (x === null || y === null) return a.localeCompare(b, 'en');
  return x < y ? -1 : x > y ? 1 : 0;
}
