// The CLI's process entry: bundled to dist/main/cli.cjs, run by bin/recall-desk.cjs.
import path from 'node:path';
import { runCli } from './program';

declare const __APP_VERSION__: string;

runCli(
  process.argv.slice(2),
  { out: (s) => console.log(s), err: (s) => console.error(s), stream: process.stdout },
  {
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
    staticDir: path.join(__dirname, '..', 'renderer'),
  },
).then((code) => {
  process.exitCode = code;
});
