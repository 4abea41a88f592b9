// `recall-desk serve`: the browser mode, on 127.0.0.1 only, until Ctrl+C.
import fs from 'node:fs';
import path from 'node:path';
import { type CliRuntime, type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import type { App } from '../app';
import { markShared, scheduleDailyBackups } from '../db/backup';
import { resolveDbPath } from '../db/paths';
import { NO_ADMIN_TO_SHARE } from '../../shared/lan/wording';
import { ChromiumPdf } from '../forms/pdf';
import { connectionFile } from '../lan/connection';
import { openDesk, windowBackend } from '../lan/desk';
import { currentSharing, setSharingStarter, setWindowSwitch } from '../lan/state';
import { WindowSwitch } from '../lan/window-switch';
import { hasAdmin, shareStarter, startSharing } from '../lan/share';
import { localUploader } from '../lan/upload';
import { reportsOf } from '../reports/service';
import { startServer } from './http';

export const serverCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('serve').description('the browser mode: the same app on 127.0.0.1, with a per-launch token; --lan shares it with the other desks'))
    .option('--port <N>', 'the port (default: any free one)')
    .option('--lan', 'share this database with the other desks over HTTPS (needs an admin account)')
    .action(async (o: { db?: string; port?: string; lan?: boolean }) => {
      const port = o.port === undefined ? 0 : Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535; got "${o.port}".`);
      // Each browser tab signs in itself: the server acts as nobody. Always this PC's database file, even
      // on a PC paired with a sharing PC (the commands then work there): the window switch below starts
      // the window on that PC instead.
      const app = await rt.open({ ...o, db: resolveDbPath(o.db) }, { signIn: false, serving: true });
      if (!fs.existsSync(path.join(rt.ctx.staticDir, 'index.html'))) {
        throw new UsageError(`The renderer is not built (${rt.ctx.staticDir}): run npm run build first.`);
      }
      if (o.lan) return serveLan(rt, app, port);
      // The window works on this database, or on a sharing PC's once paired (Settings, "Connect to a desk").
      const windowDb = await windowSwitch(app, o.db);
      const server = await startServer({
        dispatch: windowDb.dispatch,
        subscribe: (l) => windowDb.subscribe(l),
        // The window's import files, streamed with the token: into this database, or on to the sharing PC.
        upload: windowDb.upload,
        staticDir: rt.ctx.staticDir,
        port,
      });
      const stopBackups = scheduleDailyBackups(app.db.sqlite, app.db.path, app.now, rt.io.err);
      // The reports are made ahead of the first screen that asks, and kept made (main/reports/service.ts).
      const stopWarm = reportsOf(app).keepWarm();
      // An admin may share this database from Settings: the same as serve --lan, in this process.
      setSharingStarter(shareStarter(app, rt.ctx.staticDir));
      const on = windowDb.hostState();
      const database = on ? `the sharing PC ${on.host} (paired; Settings, "Stop using" returns to ${app.db.path})` : app.db.path;
      rt.io.out(`Recall Desk (browser mode) is running on this computer only.\nDatabase: ${database}\nOpen: ${server.url}\nStop with Ctrl+C.`);
      rt.release(app);
      await (rt.ctx.waitForExit ?? waitForSignal)(async () => {
        stopWarm();
        stopBackups();
        setSharingStarter(null);
        setWindowSwitch(null);
        await windowDb.close();
        await currentSharing()?.close();
        await server.close();
        await app.close();
      });
    });
};

/**
 * The browser mode's window switch: on this database, or on the sharing PC saved at pairing when no
 * file was named (--db, RECALL_DESK_DB), as the Electron window. A desk's PDFs are made by this PC's
 * Chromium and kept in this PC's forms folder.
 */
async function windowSwitch(app: App, db: string | undefined): Promise<WindowSwitch> {
  const start = windowBackend({ argv: db ? [`--db=${db}`] : [], env: process.env, dataDir: path.dirname(app.db.path) });
  const sw = await new WindowSwitch({
    openLocal: async () => ({ dispatch: app.dispatch, subscribe: (l) => app.changes.subscribe(l), upload: localUploader(app) }),
    openDesk: (connection) => openDesk(connection, { pdf: new ChromiumPdf(), formsFolder: path.join(path.dirname(app.db.path), 'forms'), showInFolder: null }),
    connectionFile: connectionFile(),
    start: start.kind === 'desk' ? start.connection : null,
  }).start();
  setWindowSwitch(sw);
  return sw;
}

/** Shared on the LAN: the addresses, the fingerprint and the pairing code, each on its own line. */
async function serveLan(rt: CliRuntime, app: App, port: number): Promise<void> {
  if (!hasAdmin(app)) throw new UsageError(NO_ADMIN_TO_SHARE);
  const sharing = await startSharing(app, { port, staticDir: rt.ctx.staticDir });
  // Restoring a copy is refused while this runs; the copies of every day are made meanwhile.
  const unmark = markShared(app.db.path);
  const stopBackups = scheduleDailyBackups(app.db.sqlite, app.db.path, app.now, rt.io.err);
  const stopWarm = reportsOf(app).keepWarm();
  const lines = sharing.addresses.map((a) => `Address: https://${a.includes(':') ? `[${a}]` : a}:${sharing.server.port}`);
  lines.push(`Fingerprint (SHA-256): ${sharing.fingerprint}`);
  lines.push(`Pairing code: ${sharing.pairing.current().code}`);
  rt.io.out(`Recall Desk shares this database with the other desks (HTTPS).\nDatabase: ${app.db.path}\n${lines.join('\n')}\nStop with Ctrl+C.`);
  sharing.pairing.onNew = (code) => rt.io.out(`Pairing code: ${code}`);
  // A code left unused expires after 10 minutes: the next one is shown then.
  const renew = setInterval(() => sharing.pairing.current(), 30_000);
  rt.release(app);
  await (rt.ctx.waitForExit ?? waitForSignal)(async () => {
    clearInterval(renew);
    stopWarm();
    stopBackups();
    unmark();
    await sharing.close();
    await app.close();
  });
}

function waitForSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
