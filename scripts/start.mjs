// npm start: the Electron window where Electron can run. Where it cannot (no display, or its
// runtime cannot be downloaded, as on machines that reach only the npm registry) it says so in one
// line and starts the browser mode itself: the same app on 127.0.0.1, whose address it prints.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Runs `command` as this process's child: its output is ours, Ctrl+C reaches it, its exit code is ours. */
function run(command, argv) {
  const child = spawn(command, argv, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function browserMode(reason) {
  console.log(`Electron cannot run here: ${reason}. Starting the browser mode instead (the same app, in your web browser).`);
  run(process.execPath, [path.join(root, 'dist', 'main', 'cli.cjs'), 'serve', ...args]);
}

function electronRuntime() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { unavailable: 'there is no graphical display (DISPLAY is not set)' };
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
      return { unavailable: `its runtime could not be downloaded (${why})` };
    }
  }
  return { path: require('electron') };
}

const electron = electronRuntime();
if (electron.unavailable) browserMode(electron.unavailable);
else run(electron.path, [root, ...args]);
