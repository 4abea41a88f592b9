// The CLI's process entry: bundled to dist/main/cli.cjs, run by bin/recall-desk.cjs.
import path from 'node:path';
import { config as zodConfig } from 'zod';
import { runCli } from './program';
import { doneOnReturn } from './registry';
import { StdWriter } from './std-writer';

declare const __APP_VERSION__: string;

const stdout = new StdWriter(1, () => process.stdout);
const stderr = new StdWriter(2, () => process.stderr);

const argv = process.argv.slice(2);

// A command done when it returns (a lookup) parses one input: zod's compiling each object schema's
// parser into a function of its own (new Function) on first use would cost it more than it saves, and
// its check that eval is allowed loads Node's navigator. No schema is built before this line.
if (doneOnReturn(argv)) zodConfig({ jitless: true });

runCli(
  argv,
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
  // A command whose work is all done when it returns (a lookup: registry.ts doneOnReturn) ends its
  // process there, once the promises still pending have settled. Node would first do the housekeeping
  // V8 left for later, for a process that is ending: a young-generation GC it scheduled as the heap
  // filled, ~8 ms of a lookup that decodes a VIN. Only when every line went straight to its descriptor
  // (none is left in a stream) and nothing is pending but immediates, which a one-shot command does
  // not make (Node's own: the finalizers of the better-sqlite3 statements collected). The 'exit'
  // listeners run as ever (the code cache is kept: start.ts).
  if (!doneOnReturn(argv)) return;
  process.nextTick(() => {
    if (!stdout.streamed && !stderr.streamed && process.getActiveResourcesInfo().every((r) => r === 'Immediate')) process.exit();
  });
});
