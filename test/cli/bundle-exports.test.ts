// The CLI bundle's namespace objects (scripts/build.mjs patchExportHelper): esbuild's __export is made a
// call of the build's own helper, which makes an object of many exports a dictionary before defining
// them. A namespace must read as esbuild's would: the same getters, in the same order, nothing more.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { expect, test } from 'vitest';
import { CLI } from '../support/cli';

const BUNDLE = path.join(path.dirname(CLI), 'cli-bundle.cjs');

/** esbuild's own __export, as it bundles it. */
const esbuildExport = (target: object, all: Record<string, () => unknown>) => {
  for (const name in all) Object.defineProperty(target, name, { get: all[name], enumerable: true });
};

/** The build's helper, read from the bundle's first line (the module wrapper's). */
function buildHelper(): (target: object, all: Record<string, () => unknown>, defineProperty: typeof Object.defineProperty) => void {
  const first = fs.readFileSync(BUNDLE, 'latin1').split('\n', 1)[0]!;
  const helper = /var __recallDeskExport=.*?;$/.exec(first)?.[0];
  expect(helper, 'the helper is on the bundle’s first line').toBeDefined();
  return vm.runInNewContext(`${helper}; __recallDeskExport`);
}

test("esbuild's __export in the CLI bundle is a call of the build's helper", () => {
  const code = fs.readFileSync(BUNDLE, 'latin1');
  expect(code.match(/[\w$]+=\([\w$]+,[\w$]+\)=>__recallDeskExport\(/g)).toHaveLength(1);
  expect(code).not.toMatch(/=>\{for\(var [\w$]+ in [\w$]+\)[\w$]+\([\w$]+,[\w$]+,\{get:[\w$]+\[[\w$]+\],enumerable:!0\}\)\}/);
});

test.each([1, 5, 32, 33, 300])('a namespace of %i exports reads as esbuild makes it', (n) => {
  const all: Record<string, () => unknown> = {};
  for (let i = 0; i < n; i++) all[i % 7 === 3 ? `default${i}` : `e${n - i}`] = () => i * 2;
  const theirs = {};
  esbuildExport(theirs, all);
  const ours = {};
  buildHelper()(ours, all, Object.defineProperty);
  expect(Object.getOwnPropertyNames(ours)).toEqual(Object.getOwnPropertyNames(theirs));
  for (const name of Object.getOwnPropertyNames(theirs)) {
    const a = Object.getOwnPropertyDescriptor(ours, name)!;
    const b = Object.getOwnPropertyDescriptor(theirs, name)!;
    expect({ ...a, value: (ours as Record<string, unknown>)[name] }).toEqual({ ...b, value: (theirs as Record<string, unknown>)[name] });
    expect(a.get).toBe(all[name]);
  }
  expect(Object.keys(ours)).not.toContain('__rd0');
  expect('__rd1' in ours).toBe(false);
});
