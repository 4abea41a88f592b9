// Preloaded (node --require) into a CLI process by a test that needs that process's import to hold
// the write lock for seconds whatever the machine's speed: each statement writing a chunk of an
// affected-VIN list first sleeps. The import is otherwise unchanged (one transaction, chunks, progress).
const Database = require('better-sqlite3');

const SLEEP_MS = 100;
const probe = new Database(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
probe.close();
const run = Statement.run;
Statement.run = function (...args) {
  if (this.source.includes('INSERT INTO affected_vins')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SLEEP_MS);
  return run.apply(this, args);
};
