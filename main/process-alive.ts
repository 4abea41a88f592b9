// Whether a process named in a file beside the database (a writer's note, the sharing marker, an
// upload's folder) still runs: a file left by a process that died is not obeyed.

/** Whether the process runs (EPERM: it exists, another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
