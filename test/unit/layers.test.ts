// The layer boundaries hold: for every rule, a forbidden import or API use is planted in a temporary file inside the
// folder it is forbidden in, and the real check (Biome with biome.json; tsc with the runtime's tsconfig) must refuse
// it with the expected rule, while a clean file in the same place passes. Planted files are named __planted_* (ignored
// by git, by Biome through .gitignore and by every tsconfig), removed by each case, by afterAll and on exit, and any
// left by a killed run are swept on the next one.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RUN = `${process.pid}_${randomBytes(4).toString('hex')}`;
const PLANT_DIRS = ['main', 'main/electron', 'preload', 'renderer', 'shared', '.tmp'];
const planted = new Set<string>();
let seq = 0;

function bin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Writes `content` to `<dir>/__planted_<run>_<n><suffix>` (a path relative to the root); returns that path. */
function plant(dir: string, content: string, suffix = '.ts'): string {
  const rel = path.posix.join(dir, `__planted_${RUN}_${++seq}${suffix}`);
  const abs = path.join(ROOT, rel);
  planted.add(abs);
  // A planted folder (to test imports from a subfolder) goes too.
  if (path.posix.basename(dir).startsWith('__planted_')) planted.add(path.join(ROOT, dir));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  return rel;
}

function remove(rel: string): void {
  const abs = path.join(ROOT, rel);
  fs.rmSync(abs, { recursive: true, force: true });
  planted.delete(abs);
}

function removeAll(): void {
  for (const abs of planted) fs.rmSync(abs, { recursive: true, force: true });
  planted.clear();
}

interface BiomeDiagnostic {
  category: string;
  severity: string;
  message: string;
  location?: { path?: string };
}

/** `biome check` (lint and format, as `npm run lint`) with the project's biome.json on the given files. */
async function biome(files: string[]): Promise<{ code: number; errorsIn: (rel: string) => BiomeDiagnostic[] }> {
  // The planted names are in .gitignore, which the project's Biome honours: this run alone reads them anyway.
  const r = await run(bin('biome'), ['check', '--vcs-use-ignore-file=false', '--reporter=json', '--max-diagnostics=none', '--colors=off', ...files]);
  let report: { diagnostics: BiomeDiagnostic[] };
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  } catch {
    throw new Error(`biome printed no JSON report (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'fatal');
  return { code: r.code, errorsIn: (rel) => errors.filter((d) => d.location?.path === rel) };
}

/** tsc with the runtime's tsconfig (its lib and types), compiling only the planted file. */
async function tsc(runtime: 'main' | 'renderer' | 'shared', rel: string): Promise<{ code: number; errors: string[] }> {
  const config = plant('.tmp', '', '.tsconfig.json');
  fs.writeFileSync(
    path.join(ROOT, config),
    JSON.stringify({
      extends: `../tsconfig.${runtime}.json`,
      // Only the planted file, and no incremental state: the project's own build info stays untouched.
      compilerOptions: { composite: false, incremental: false, tsBuildInfoFile: null },
      include: [],
      files: [`../${rel}`],
    }),
  );
  try {
    const r = await run(bin('tsc'), ['-p', config, '--pretty', 'false']);
    const errors = r.stdout.split(/\r?\n/).filter((line) => /error TS\d+/.test(line));
    if (r.code !== 0 && errors.length === 0) throw new Error(`tsc failed without diagnostics (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
    return { code: r.code, errors };
  } finally {
    remove(config);
  }
}

const onExit = () => removeAll();

beforeAll(() => {
  process.once('exit', onExit);
  // Sweep what a killed earlier run left behind (not a concurrent run's files: those are minutes younger).
  const stale = Date.now() - 10 * 60_000;
  for (const dir of PLANT_DIRS) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(path.join(ROOT, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      const abs = path.join(ROOT, dir, name);
      if (name.startsWith('__planted_') && fs.statSync(abs).mtimeMs < stale) fs.rmSync(abs, { recursive: true, force: true });
    }
  }
});

afterAll(() => {
  removeAll();
  process.off('exit', onExit);
});

const NO_RESTRICTED = 'lint/style/noRestrictedImports';
const NO_NODE = 'lint/correctness/noNodejsModules';

interface LintCase {
  name: string;
  dir: string;
  code: string;
  rules: string[];
}

const forbidden: LintCase[] = [
  { name: 'renderer → node:fs', dir: 'renderer', code: "import fs from 'node:fs';\n\nexport const x = fs;\n", rules: [NO_RESTRICTED, NO_NODE] },
  { name: 'renderer → os (bare built-in)', dir: 'renderer', code: "import os from 'os';\n\nexport const x = os;\n", rules: [NO_NODE] },
  { name: 'renderer → electron', dir: 'renderer', code: "import { ipcRenderer } from 'electron';\n\nexport const x = ipcRenderer;\n", rules: [NO_RESTRICTED] },
  { name: 'renderer → main/', dir: 'renderer', code: "import { createApp } from '../main/app';\n\nexport const x = createApp;\n", rules: [NO_RESTRICTED] },
  {
    name: 'renderer/<sub>/ → main/',
    dir: `renderer/__planted_${RUN}_dir`,
    code: "import { openDatabase } from '../../main/db/open';\n\nexport const x = openDatabase;\n",
    rules: [NO_RESTRICTED],
  },
  { name: 'renderer → preload/', dir: 'renderer', code: "import '../preload/preload';\n", rules: [NO_RESTRICTED] },
  { name: 'preload → main/', dir: 'preload', code: "import { createApp } from '../main/app';\n\nexport const x = createApp;\n", rules: [NO_RESTRICTED] },
  { name: 'preload → renderer/', dir: 'preload', code: "import { api } from '../renderer/api';\n\nexport const x = api;\n", rules: [NO_RESTRICTED] },
  { name: 'preload → node:path', dir: 'preload', code: "import path from 'node:path';\n\nexport const x = path;\n", rules: [NO_RESTRICTED, NO_NODE] },
  { name: 'shared → node:os', dir: 'shared', code: "import os from 'node:os';\n\nexport const x = os;\n", rules: [NO_RESTRICTED, NO_NODE] },
  { name: 'shared → electron', dir: 'shared', code: "import { app } from 'electron';\n\nexport const x = app;\n", rules: [NO_RESTRICTED] },
  { name: 'shared → main/', dir: 'shared', code: "import { createApp } from '../main/app';\n\nexport const x = createApp;\n", rules: [NO_RESTRICTED] },
  { name: 'shared → renderer/', dir: 'shared', code: "import { api } from '../renderer/api';\n\nexport const x = api;\n", rules: [NO_RESTRICTED] },
  {
    name: 'shared → zod itself (schemas built at load)',
    dir: 'shared',
    code: "import { z } from 'zod';\n\nexport const x = z.string();\n",
    rules: [NO_RESTRICTED],
  },
  { name: 'shared → react', dir: 'shared', code: "import { useState } from 'react';\n\nexport const x = useState;\n", rules: [NO_RESTRICTED] },
  { name: 'main/ → electron', dir: 'main', code: "import { app } from 'electron';\n\nexport const x = app;\n", rules: [NO_RESTRICTED] },
  {
    name: 'main/ → electron (type only)',
    dir: 'main',
    code: "import type { BrowserWindow } from 'electron';\n\nexport type X = BrowserWindow;\n",
    rules: [NO_RESTRICTED],
  },
  { name: 'main/ → electron (require)', dir: 'main', code: "const { app } = require('electron');\n\nexport const x = app;\n", rules: [NO_RESTRICTED] },
  { name: 'main/ → renderer/', dir: 'main', code: "import { api } from '../renderer/api';\n\nexport const x = api;\n", rules: [NO_RESTRICTED] },
  { name: 'main/electron/ → preload/', dir: 'main/electron', code: "import '../../preload/preload';\n", rules: [NO_RESTRICTED] },
];

const allowed: { name: string; dir: string; code: string }[] = [
  {
    name: 'renderer: react, zod, shared/ and its own files',
    dir: 'renderer',
    code: "import { useState } from 'react';\nimport { z } from 'zod';\nimport { VIN_LENGTH } from '../shared/vin';\nimport './main';\n\nexport const x = [useState, z, VIN_LENGTH];\n",
  },
  {
    name: 'preload: electron and shared/',
    dir: 'preload',
    code: "import { contextBridge } from 'electron';\nimport { VIN_LENGTH } from '../shared/vin';\n\nexport const x = [contextBridge, VIN_LENGTH];\n",
  },
  {
    name: 'shared: lazy zod and shared/',
    dir: 'shared',
    code: "import { z } from './lazy-zod';\nimport { VIN_LENGTH } from './vin';\n\nexport const x = [z, VIN_LENGTH];\n",
  },
  {
    name: 'main/: Node built-ins, packages and shared/',
    dir: 'main',
    code: "import fs from 'node:fs';\nimport { sql } from 'kysely';\nimport { VIN_LENGTH } from '../shared/vin';\n\nexport const x = [fs, sql, VIN_LENGTH];\n",
  },
  {
    name: 'main/electron/: electron',
    dir: 'main/electron',
    code: "import { app } from 'electron';\nimport path from 'node:path';\nimport { createApp } from '../app';\n\nexport const x = [app, path, createApp];\n",
  },
];

// One Biome run over every forbidden file and one over every clean file (a Biome start costs more than a file).
describe('import boundaries (biome check)', () => {
  const bad = forbidden.map((c) => ({ ...c, rel: '' }));
  const good = allowed.map((c) => ({ ...c, rel: '' }));
  let badRun: Awaited<ReturnType<typeof biome>>;
  let goodRun: Awaited<ReturnType<typeof biome>>;

  beforeAll(async () => {
    for (const c of [...bad, ...good]) c.rel = plant(c.dir, c.code);
    [badRun, goodRun] = await Promise.all([biome(bad.map((c) => c.rel)), biome(good.map((c) => c.rel))]);
  });

  afterAll(() => {
    for (const c of [...bad, ...good]) {
      if (c.rel) remove(c.rel);
      if (path.posix.basename(c.dir).startsWith('__planted_')) remove(c.dir);
    }
  });

  it('fails on the forbidden files', () => {
    expect(badRun.code).not.toBe(0);
  });
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      const categories = badRun.errorsIn(c.rel).map((d) => d.category);
      for (const rule of c.rules) expect(categories, JSON.stringify(badRun.errorsIn(c.rel), null, 2)).toContain(rule);
    });
  }
  it('passes the clean files', () => {
    expect(good.flatMap((c) => goodRun.errorsIn(c.rel))).toEqual([]);
    expect(goodRun.code).toBe(0);
  });
  for (const c of good) {
    it(`accepts ${c.name}`, () => {
      expect(goodRun.errorsIn(c.rel)).toEqual([]);
    });
  }
});

interface TscCase {
  name: string;
  runtime: 'main' | 'renderer' | 'shared';
  code: string;
  /** TS error codes expected, one per offending line. */
  expected: string[];
}

const refused: TscCase[] = [
  { name: 'a DOM API in main/ (document.title)', runtime: 'main', code: 'export const t = document.title;\n', expected: ['TS2584'] },
  { name: 'a DOM type in main/ (HTMLElement)', runtime: 'main', code: 'export let e: HTMLElement | undefined;\n', expected: ['TS2304'] },
  { name: 'a Node API in the renderer (process.cwd())', runtime: 'renderer', code: 'export const c = process.cwd();\n', expected: ['TS2591'] },
  { name: "a Node API in the renderer (require('fs'))", runtime: 'renderer', code: "export const fs = require('fs');\n", expected: ['TS2591'] },
  { name: 'a Node type in the renderer (NodeJS.Timeout)', runtime: 'renderer', code: 'export let t: NodeJS.Timeout | undefined;\n', expected: ['TS2503'] },
  { name: 'a DOM API in shared/ (document.title)', runtime: 'shared', code: 'export const t = document.title;\n', expected: ['TS2584'] },
  { name: 'a Node API in shared/ (process.env)', runtime: 'shared', code: 'export const e = process.env;\n', expected: ['TS2591'] },
];

const compiled: Omit<TscCase, 'expected'>[] = [
  { name: 'Node in main/', runtime: 'main', code: "import fs from 'node:fs';\n\nexport const c: string = process.cwd() + fs.realpathSync('.');\n" },
  { name: 'the DOM in the renderer', runtime: 'renderer', code: 'export const t: string = document.title;\nexport const w = window.location.href;\n' },
  { name: 'ES2023 in shared/', runtime: 'shared', code: 'export const sorted: number[] = [3, 1, 2].toSorted((a, b) => a - b);\n' },
];

describe.concurrent('runtime APIs (tsc per runtime)', () => {
  for (const c of refused) {
    it(`refuses ${c.name}`, async () => {
      const rel = plant(c.runtime, c.code);
      try {
        const r = await tsc(c.runtime, rel);
        expect(r.code).not.toBe(0);
        const mine = r.errors.filter((e) => e.startsWith(rel));
        expect(mine.map((e) => /error (TS\d+)/.exec(e)?.[1])).toEqual(c.expected);
      } finally {
        remove(rel);
      }
    });
  }
  for (const c of compiled) {
    it(`accepts ${c.name}`, async () => {
      const rel = plant(c.runtime, c.code);
      try {
        const r = await tsc(c.runtime, rel);
        expect(r.errors).toEqual([]);
        expect(r.code).toBe(0);
      } finally {
        remove(rel);
      }
    });
  }
});

describe('planted files stay out of the project', () => {
  it('the whole-project checks skip them: every tsconfig excludes them, Biome ignores them through .gitignore', async () => {
    const dirs = ['main', 'preload', 'renderer', 'shared'];
    const files = dirs.map((dir) => plant(dir, "import fs from 'node:fs';\nexport const x = fs;\n"));
    const nested = plant(`renderer/__planted_${RUN}_nested`, 'export const x = document;\n');
    try {
      const listed = await Promise.all(
        ['main', 'preload', 'renderer', 'shared', 'test'].map((runtime) => run(bin('tsc'), ['-p', `tsconfig.${runtime}.json`, '--listFilesOnly'])),
      );
      for (const r of listed) {
        expect(r.stdout).toContain('/shared/');
        expect(r.stdout).not.toContain('__planted_');
      }
      const lint = await run(bin('biome'), ['check', '--no-errors-on-unmatched', '--reporter=json', '--colors=off', ...files, nested]);
      expect(lint.stdout).not.toContain('__planted_');
      expect(lint.code).toBe(0);
    } finally {
      for (const rel of files) remove(rel);
      remove(path.posix.dirname(nested));
    }
  });
});
