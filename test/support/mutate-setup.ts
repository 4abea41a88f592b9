// Stryker's vitest runner runs the tests in worker threads, where process.umask() (which the app sets
// while it creates the database, to keep guests' data private) throws. For mutation runs only, the
// mask is left as it is: the files are temporary and the permission tests are not in this run.
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) {
  process.umask = ((mask?: number) => (mask === undefined ? 0o022 : 0o022)) as typeof process.umask;
}
