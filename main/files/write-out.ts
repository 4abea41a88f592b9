// Every file the app writes where the user said (`--out`, the forms folder): written whole to a
// temporary file beside the target, flushed, then renamed over it. So a full disk or any error leaves
// no empty or partial file (an older file stays whole), and a symbolic link at the target is replaced
// by the file instead of being written through (rename replaces the link itself).
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

/**
 * Writes `data` to `file` all or nothing. `replaced` says a file (or a link) was there before.
 * A folder at `file` is refused.
 */
export function writeOut(file: string, data: Uint8Array | string): { file: string; replaced: boolean } {
  const target = path.resolve(file);
  let replaced = false;
  try {
    const st = fs.lstatSync(target);
    if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    replaced = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new WriteOutError(target, plainReason(err as NodeJS.ErrnoException, target));
    // Nothing there: a new file.
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // closing after a failed write: the file is removed below anyway
      }
    }
    fs.rmSync(temp, { force: true });
    throw new WriteOutError(target, plainReason(err as NodeJS.ErrnoException, target));
  }
  return { file: target, replaced };
}
