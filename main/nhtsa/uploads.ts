// NHTSA's file as the window's file picker sends it: in pieces (a few MB each, in order), written to a
// temporary file beside the database as they arrive, so a file of hundreds of MB never sits in memory on
// either side, and the same on one PC (Electron, the browser mode) as from a desk on the LAN. Once whole,
// the file is read exactly as a file named on the command line (store.ts), and removed when its import
// is done or its preview is dropped. Each process keeps its own folder; a folder left by a process that
// is gone (a crash, a power cut) is removed when the next one starts uploading.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import type { SendNhtsaPieceInput } from '../../shared/nhtsa/contract';
import { processAlive } from '../process-alive';

/** Uploads being sent at once; a newer one drops the oldest (a window closed halfway). */
const OPEN_LIMIT = 3;
/** An upload no piece reached for this long was left (Cancel, a closed window): its copy is removed. */
const IDLE_MS = 10 * 60_000;

type Upload = { id: string; file: string; fileName: string; size: number; received: number; lastAt: number };

export class NhtsaUploads {
  private readonly open = new Map<string, Upload>();
  private folder: string | null = null;

  /** `dbPath`: the database; the uploads go in a folder beside it (same disk, same permissions). */
  constructor(
    private readonly dbPath: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The folder of this process's uploads beside the database; those of processes that are gone removed. */
  dir(): string {
    if (this.folder) return this.folder;
    const root = path.join(path.dirname(this.dbPath), 'nhtsa-uploads');
    fs.mkdirSync(root, { recursive: true });
    for (const name of fs.readdirSync(root)) {
      const pid = Number(name.split('-')[0]);
      if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
    this.folder = path.join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.folder, { recursive: true });
    return this.folder;
  }

  /** Takes one piece; answers how much of the file has arrived. */
  piece(input: SendNhtsaPieceInput): { uploadId: string; received: number; size: number } {
    const bytes = Buffer.from(input.data, 'base64');
    const now = this.clock();
    for (const [id, left] of this.open) if (now - left.lastAt > IDLE_MS) this.drop(id);
    let u: Upload | undefined;
    if (input.uploadId === null) {
      if (input.offset !== 0) throw new ApiError('invalid-input', 'The first piece of a file starts at its beginning (offset 0).', []);
      const id = randomUUID();
      u = { id, file: path.join(this.dir(), `${id}.upload`), fileName: path.basename(input.fileName), size: input.size, received: 0, lastAt: now };
      fs.writeFileSync(u.file, '');
      this.open.set(id, u);
      while (this.open.size > OPEN_LIMIT) this.drop(this.open.keys().next().value!);
    } else {
      u = this.open.get(input.uploadId);
      if (!u) throw new ApiError('not-found', 'This upload is no longer open: pick the file again.', []);
      if (input.size !== u.size || path.basename(input.fileName) !== u.fileName) {
        throw new ApiError('conflict', `This piece is of another file than ${u.fileName}: pick the file again.`, []);
      }
    }
    // A piece sent again after its answer was lost: already written.
    if (input.offset + bytes.length <= u.received && input.uploadId !== null) return { uploadId: u.id, received: u.received, size: u.size };
    if (input.offset !== u.received) {
      throw new ApiError(
        'conflict',
        `The pieces of ${u.fileName} arrived out of order (${input.offset} where ${u.received} was next): pick the file again.`,
        [],
      );
    }
    if (u.received + bytes.length > u.size) {
      this.drop(u.id);
      throw new ApiError('invalid-input', `${u.fileName} is longer than its stated size (${u.size} bytes): pick the file again.`, []);
    }
    fs.appendFileSync(u.file, bytes);
    u.received += bytes.length;
    u.lastAt = now;
    return { uploadId: u.id, received: u.received, size: u.size };
  }

  /** A whole upload, handed over (its file is the caller's to remove, see remove). */
  take(uploadId: string): { file: string; fileName: string } {
    const u = this.open.get(uploadId);
    if (!u) throw new ApiError('not-found', 'This upload is no longer open: pick the file again.', []);
    if (u.received !== u.size) throw new ApiError('conflict', `Only ${u.received} of ${u.size} bytes of ${u.fileName} arrived: pick the file again.`, []);
    this.open.delete(uploadId);
    return { file: u.file, fileName: u.fileName };
  }

  remove(file: string): void {
    fs.rmSync(file, { force: true });
  }

  private drop(id: string): void {
    const u = this.open.get(id);
    this.open.delete(id);
    if (u) this.remove(u.file);
  }
}
