// How long a request's body may take to arrive. A JSON call's body has a fixed time (a client trickling
// bytes never holds a slot for long). A file sent to an upload route has no fixed time, since a 90 MB list
// over a slow Wi-Fi link can take minutes: it is cut once it has sent nothing for the idle time. Node's
// own request timeout is the outer bound of both (see http.ts).
import type http from 'node:http';

type Watched = { req: http.IncomingMessage; upload: boolean; started: number; bytes: number; lastByteAt: number };

export type BodyPace = {
  /** A JSON call's whole body must have arrived within this time. */
  requestTimeoutMs: number;
  /** An upload is cut after this long without a byte. */
  uploadIdleMs: number;
  /** How often the bodies being received are looked at. */
  checkIntervalMs: number;
};

export class BodyPaceWatch {
  private readonly watched = new Set<Watched>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pace: BodyPace) {}

  /** Watches a request until its body has arrived (or its connection is gone). */
  watch(req: http.IncomingMessage, upload: boolean): void {
    if (req.complete) return;
    const now = Date.now();
    this.watched.add({ req, upload, started: now, bytes: req.socket.bytesRead, lastByteAt: now });
    this.timer ??= setInterval(() => this.check(), this.pace.checkIntervalMs).unref();
  }

  private check(): void {
    const now = Date.now();
    for (const w of this.watched) {
      const socket = w.req.socket;
      if (w.req.complete || socket.destroyed) {
        this.watched.delete(w);
        continue;
      }
      let late: boolean;
      if (w.upload) {
        const bytes = socket.bytesRead;
        if (bytes !== w.bytes) {
          w.bytes = bytes;
          w.lastByteAt = now;
        }
        late = now - w.lastByteAt > this.pace.uploadIdleMs;
      } else late = now - w.started > this.pace.requestTimeoutMs;
      if (late) {
        this.watched.delete(w);
        socket.destroy();
      }
    }
    if (this.watched.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watched.clear();
  }
}
