// A sharing PC (serve --lan) or the browser mode runs for days and imports lists of millions of rows.
// On Linux, glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MB):
// after a first big import, the sort buffers and file chunks of the next one come from the main heap
// instead of their own mappings, the heap fragments, and what was freed is never given back. A host
// that had imported a 2.4M-row list peaked at 297 MB over a 4.8M-row one that a fresh host takes in
// 227 MB (test/cli/lan-memory.test.ts). The threshold fixed at glibc's default (128 KB) keeps large
// blocks in mappings of their own, returned when freed: the same host then peaks as a fresh one does.
// glibc reads it only when the process starts, so the server process restarts itself once, in place
// (execve: the same process id, the same stdio), with it set. Elsewhere (Windows, macOS, musl) nothing.

/** glibc's tunable, read at start; set already (by us, or by whoever runs the server), nothing is done. */
export const MMAP_THRESHOLD_ENV = 'MALLOC_MMAP_THRESHOLD_';
const GLIBC_DEFAULT = String(128 * 1024);

export function fixMallocThreshold(): void {
  if (process.platform !== 'linux' || process.env[MMAP_THRESHOLD_ENV] !== undefined || typeof process.execve !== 'function') return;
  try {
    process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      ...process.env,
      [MMAP_THRESHOLD_ENV]: GLIBC_DEFAULT,
    });
  } catch {
    // Not allowed here (a sandbox): served as it is, with glibc's moving threshold.
  }
}
