// The CLI's process entry: bundled to dist/main/cli.cjs, run by bin/recall-desk.cjs. It turns on
// Node's compile cache before loading the program (dist/main/cli-main.cjs, main/cli/main.ts), so a
// command after the first does not parse and compile the whole bundle again: most of a `lookup`'s CPU.
import module from 'node:module';
import path from 'node:path';

module.enableCompileCache?.();
require(path.join(__dirname, 'cli-main.cjs'));
