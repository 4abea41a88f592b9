// The operation registry (shared/api.ts) reads each operation from its domain's contract on first use
// (the CLI's bundle loads a contract module then: scripts/build.mjs lazyContracts). Read that way, it is
// the registry it was: every operation of every contract, its very schemas and effects, in the
// contracts' order, each named with the domain (the folder) whose contract declares it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { domainOf, effects, operationNames, operations } from '../../shared/api';
import type { Effects, OperationMap } from '../../shared/contract';

const SHARED = path.join(__dirname, '..', '..', 'shared');
/** Every domain's contract module, by its folder. */
const contracts = await Promise.all(
  fs
    .readdirSync(SHARED)
    .filter((d) => fs.existsSync(path.join(SHARED, d, 'contract.ts')))
    .map(async (domain) => ({ domain, mod: (await import(path.join(SHARED, domain, 'contract.ts'))) as Record<string, unknown> })),
);

/** Each domain's contract: its folder, its operations and its effects. */
function declared() {
  return contracts.map(({ domain, mod }) => {
    const file = `shared/${domain}/contract.ts`;
    const ops = Object.entries(mod).filter(([name]) => name.endsWith('Operations'));
    const fx = Object.entries(mod).filter(([name]) => name.endsWith('Effects'));
    expect(ops, `${file}: one map of operations`).toHaveLength(1);
    expect(fx, `${file}: one map of effects`).toHaveLength(1);
    return { domain, operations: ops[0]![1] as OperationMap, effects: fx[0]![1] as Record<string, Effects> };
  });
}

test('every operation of every contract, with its own schemas and effects, named with its domain', () => {
  const all = declared();
  expect(all.length).toBeGreaterThanOrEqual(14);
  for (const d of all) {
    for (const name of Object.keys(d.operations)) {
      expect(domainOf(name as never), name).toBe(d.domain);
      expect(Object.hasOwn(operations, name), name).toBe(true);
      expect(operations[name as keyof typeof operations], name).toBe(d.operations[name]);
      expect(effects[name as keyof typeof effects], name).toBe(d.effects[name]);
    }
  }
  const names = all.flatMap((d) => Object.keys(d.operations));
  expect(new Set(Object.keys(operations))).toEqual(new Set(names));
  expect(new Set(Object.keys(effects))).toEqual(new Set(names));
  expect(new Set(operationNames)).toEqual(new Set(names));
  expect(Object.keys(operations)).toHaveLength(names.length);
});

test("the registry lists a domain's operations together, in its contract's order", () => {
  const keys = Object.keys(operations);
  for (const d of declared()) {
    const mine = Object.keys(d.operations);
    const at = keys.indexOf(mine[0]!);
    expect(keys.slice(at, at + mine.length), d.domain).toEqual(mine);
  }
});

test('a name no contract declares is not an operation', () => {
  for (const name of ['nope', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    expect(Object.hasOwn(operations, name), name).toBe(false);
    expect((effects as Record<string, unknown>)[name], name).toBeUndefined();
    expect((operations as Record<string, unknown>)[name], name).toBeUndefined();
  }
});
