// The CLI's process entry: bundled to dist/main/cli.cjs, run by bin/recall-desk.cjs.
import path from 'node:path';
import { runCli } from './program';
import { StdWriter } from './std-writer';

declare const __APP_VERSION__: string;

const stdout = new StdWriter(1, () => process.stdout);
const stderr = new StdWriter(2, () => process.stderr);

runCli(
  process.argv.slice(2),
  {
    out: (s) => stdout.line(s),
    err: (s) => stderr.line(s),
    // A long output (check, holds) streams through process.stdout itself, with backpressure.
    get stream() {
      return stdout.stream();
    },
  },
  {
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
    staticDir: path.join(__dirname, '..', 'renderer'),
  },
).then((code) => {
  process.exitCode = code;
});
