// written(): the key under which the lookup keeps one value for every equal value (SharedValues). Two
// values that differ must never share a key: the campaign compiled with the other's remedy or actions.
import { expect, test } from 'vitest';
import { written } from '../../main/lookup/evaluate';

test('equal values, however made, get one key', () => {
  const a = { available: true, status: 'remedy-available', phase: '1', phaseName: null, timing: null, explanation: 'Ready "now"\n' };
  const b = JSON.parse(JSON.stringify(a)) as typeof a;
  expect(written(a)).toBe(written(b));
  expect(written(['x', 'y', ['z']])).toBe(written(['x', 'y', ['z']]));
  expect(written([])).toBe(written([]));
});

test('values that differ get different keys, also where JSON writes them alike', () => {
  const values: unknown[] = [
    null,
    undefined,
    'null',
    'undefined',
    '',
    0,
    '0',
    1,
    '1',
    Number.NaN,
    'NaN',
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    'Infinity',
    true,
    'true',
    false,
    [],
    '[]',
    {},
    '{}',
    [null],
    [undefined],
    [[]],
    ['a', 'b'],
    ['a,b'],
    ['a', ['b']],
    { a: null },
    { a: undefined },
    { a: 'b' },
    { 'a":"b': '' },
    { a: 1, b: 2 },
    { a: 12 },
    ['\u0000undefined'],
    [{ toJSON: () => 'x' }],
    ['x'],
    new Date(0),
    new Date(0).toISOString(),
  ];
  const keys = values.map((v) => written(v));
  const firstOf = new Map<string, number>();
  const clashes: string[] = [];
  keys.forEach((k, i) => {
    const at = firstOf.get(k);
    if (at !== undefined) clashes.push(`${String(JSON.stringify(values[at]))} and ${String(JSON.stringify(values[i]))} share ${k}`);
    else firstOf.set(k, i);
  });
  expect(clashes).toEqual([]);
});

test('a string is written as JSON writes it: quotes, backslashes and control characters cannot end it early', () => {
  for (const s of ['a"b', 'a\\', 'line\nbreak', '\u0000', '\u2028', 'é']) expect(JSON.parse(written(s))).toBe(s);
  expect(written(['a"', 'b'])).not.toBe(written(['a', '"b']));
});
