// Builds everything the app runs from dist/: the main-process bundles (Electron entry, CLI, bench)
// and the preload with esbuild, the renderer with Vite. Fast enough to run before every start/test.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const mainOnly = process.argv.includes('--main-only');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Native and runtime-provided modules stay outside the bundle.
  external: ['better-sqlite3', 'electron'],
};

await Promise.all([
  build({ ...common, entryPoints: ['main/cli/bin.ts'], outfile: 'dist/main/cli.cjs' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron.cjs' }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  build({ ...common, entryPoints: ['preload/preload.ts'], outfile: 'dist/preload/preload.cjs', target: 'chrome130' }),
  build({ ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench/bench.cjs' }),
]);

if (!mainOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
