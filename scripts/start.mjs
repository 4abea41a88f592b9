// npm start: the Electron window where Electron can run. Where it cannot (no display, or its
// runtime cannot be downloaded, as on machines that reach only the npm registry) it says so in one
// line and points to the browser mode, which serves the same app on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fallback = 'Use the browser mode instead: npm run serve (then open the address it prints).';

function unavailable(reason) {
  console.error(`Electron cannot run here: ${reason}. ${fallback}`);
  process.exit(1);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  unavailable('there is no graphical display (DISPLAY is not set)');
}

const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binaryPresent = () => fs.existsSync(pathFile) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')));

if (!binaryPresent()) {
  // Electron 42+ fetches its runtime on first launch; do it here, quietly, with a time limit.
  console.log('Fetching the Electron runtime (first start only)…');
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  if (r.status !== 0 || !binaryPresent()) {
    const why = (r.stderr?.toString() || r.error?.message || 'download failed').trim().split('\n').at(-1);
    unavailable(`its runtime could not be downloaded (${why})`);
  }
}

const electronPath = require('electron');
const child = spawn(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
