// Every file the app writes where the user said (`--out`, the forms folder): written whole to a
// temporary file beside the target, flushed, then renamed over it. So a full disk or any error leaves
// no empty or partial file (an older file stays whole), and a symbolic link at the target is replaced
// by the file instead of being written through (rename replaces the link itself). A file replaced keeps
// the permission bits its owner gave it; a new file is private to the user.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Writing failed: `reason` is in plain words (the disk is full, no permission...); nothing was written. */
export class WriteOutError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Cannot write ${file}: ${reason}`);
  }
}

function plainReason(err: NodeJS.ErrnoException, file: string): string {
  switch (err.code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return 'the disk is full. Free some space or save it somewhere else; nothing was written.';
    case 'EACCES':
    case 'EPERM':
      return `no permission to write in ${path.dirname(file)}; nothing was written.`;
    case 'EROFS':
      return 'the disk is read-only; nothing was written.';
    case 'ENOENT':
    case 'ENOTDIR':
      return `the folder ${path.dirname(file)} does not exist.`;
    case 'EISDIR':
      return 'that is a folder: name a file.';
    default:
      return `${err.message}; nothing was written.`;
  }
}

/** What is at the target now: whether something is replaced, and the mode a replaced file keeps. */
type Target = { file: string; replaced: boolean; mode: number | null };

/** A folder at `file` is refused; a link or nothing there makes a file of the new file's own mode. */
function inspect(file: string): Target {
  const target = path.resolve(file);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch {
    // Nothing there: a new file.
    return { file: target, replaced: false, mode: null };
  }
  if (st.isDirectory()) throw new WriteOutError(target, plainReason(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), target));
  // The permission bits the user chose for the file stay (a report made readable to a group stays so).
  // A link's own bits mean nothing (always rwx): the file that replaces it is private as a new one.
  return { file: target, replaced: true, mode: st.isFile() ? st.mode & 0o777 : null };
}

/** A name beside the target (the same disk, so the rename is atomic), hidden and never used before. */
const tempBeside = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);

/** Flushes the finished temporary file, gives it the replaced file's mode, and puts it in place. */
function commit(fd: number, temp: string, t: Target): void {
  try {
    fs.fsyncSync(fd);
    if (t.mode !== null) fs.fchmodSync(fd, t.mode);
  } catch (err) {
    closeQuietly(fd);
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, t.file);
}

function closeQuietly(fd: number | null): void {
  if (fd === null) return;
  try {
    fs.closeSync(fd);
  } catch {
    // closing after a failed write: the file is removed anyway
  }
}

/**
 * Writes `data` to `file` all or nothing. `replaced` says a file (or a link) was there before; a file
 * replaced keeps its mode. A folder at `file` is refused.
 */
export function writeOut(file: string, data: Uint8Array | string): { file: string; replaced: boolean } {
  const t = inspect(file);
  const temp = tempBeside(t.file);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    const written = fd;
    fd = null; // commit closes it
    commit(written, temp, t);
  } catch (err) {
    failed(err, fd, temp, t);
  }
  return { file: t.file, replaced: t.replaced };
}

/** A write that failed leaves nothing behind (the temporary file goes; the target is as it was) and says why. */
function failed(err: unknown, fd: number | null, temp: string, t: Target): never {
  closeQuietly(fd);
  fs.rmSync(temp, { force: true });
  throw new WriteOutError(t.file, plainReason(err as NodeJS.ErrnoException, t.file));
}

/**
 * The same, for a file another writer makes by its name (SQLite's backup): `fill` writes the
 * temporary file it is given (created empty and private first, so the name is ours alone) and cleans up
 * its own side files if it fails.
 */
export async function writeOutWith(file: string, fill: (temp: string) => Promise<void>): Promise<{ file: string; replaced: boolean }> {
  const t = inspect(file);
  const temp = tempBeside(t.file);
  let fd: number | null = null;
  try {
    fs.closeSync(fs.openSync(temp, 'wx', 0o600));
    await fill(temp);
    fd = fs.openSync(temp, 'r+');
    const written = fd;
    fd = null; // commit closes it
    commit(written, temp, t);
  } catch (err) {
    failed(err, fd, temp, t);
  }
  return { file: t.file, replaced: t.replaced };
}
