// count() groups whole numbers itself (no ICU start-up on a CLI command): it must say exactly what
// en-US formatting says, for every kind of number.
import { expect, test } from 'vitest';
import { count } from '../../shared/wording';

test('count() reads as en-US formatting does: whole numbers, negatives, large, fractions, -0', () => {
  const xs = [0, -0, 1, 12, 123, 999, 1000, 1234, 12345, 123456, 999999, 1000000, 1234567, 98765432, 2 ** 31, Number.MAX_SAFE_INTEGER];
  const all = [...xs, ...xs.map((x) => -x), 1.5, 1234.5678, -0.25, 1e21, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY];
  for (let i = 0; i < 2000; i++) all.push(Math.floor((i * 7919) ** 1.7) % 1e9);
  for (const n of all) expect(count(n), String(n)).toBe(n.toLocaleString('en-US'));
});
