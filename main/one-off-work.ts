// Work a process does once in the life of a database or of a version: migrating the file, loading the
// built-in bulletins. It is said on the process, so the CLI does not keep the V8 code cache of such a
// run as the command's own (main/cli/start.ts): every later run would load that code for nothing (a
// usual lookup with the cache of the lookup that made the database: 6% more instructions).
export const ONE_OFF_WORK = 'recall-desk:one-off-work';

export function didOneOffWork(): void {
  (process as NodeJS.EventEmitter).emit(ONE_OFF_WORK);
}

/**
 * Work a command does in some runs and not in others, often enough that its code belongs in the
 * command's code cache: decoding a VIN of a model the database has never seen (a new VIN of a model seen
 * has its family's decode, main/vehicles/decode-store.ts). The package's cache covers it (its
 * list says so); a user's cache made without it is made again, once, by the first run with it
 * (main/cli/start.ts). A usual lookup with that cache costs what it did (1 M instructions more of 218 M);
 * a lookup of a new VIN compiles 13 M fewer.
 */
export const OCCASIONAL_WORK = 'recall-desk:occasional-work';

export function didOccasionalWork(name: string): void {
  (process as NodeJS.EventEmitter).emit(OCCASIONAL_WORK, name);
}
