// Work a process does once in the life of a database or of a version: migrating the file, loading the
// built-in bulletins. It is said on the process, so the CLI does not keep the V8 code cache of such a
// run as the command's own (main/cli/start.ts): every later run would load that code for nothing (a
// usual lookup with the cache of the lookup that made the database: 6% more instructions).
export const ONE_OFF_WORK = 'recall-desk:one-off-work';

export function didOneOffWork(): void {
  (process as NodeJS.EventEmitter).emit(ONE_OFF_WORK);
}
