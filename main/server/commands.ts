// `recall-desk serve`: the browser mode, on 127.0.0.1 only, until Ctrl+C.
import fs from 'node:fs';
import path from 'node:path';
import { type CommandRegistrar, UsageError, withDb } from '../cli/runtime';
import { startServer } from './http';

export const serverCommands: CommandRegistrar = (program, rt) => {
  withDb(program.command('serve').description('the browser mode: the same app on 127.0.0.1, with a per-launch token'))
    .option('--port <N>', 'the port (default: any free one)')
    .action(async (o: { db?: string; port?: string }) => {
      const port = o.port === undefined ? 0 : Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535; got "${o.port}".`);
      // Each browser tab signs in itself: the server acts as nobody.
      const app = await rt.open(o, { signIn: false });
      if (!fs.existsSync(path.join(rt.ctx.staticDir, 'index.html'))) {
        throw new UsageError(`The renderer is not built (${rt.ctx.staticDir}): run npm run build first.`);
      }
      const server = await startServer({ dispatch: app.dispatch, subscribe: (l) => app.changes.subscribe(l), staticDir: rt.ctx.staticDir, port });
      rt.io.out(`Recall Desk (browser mode) is running on this computer only.\nDatabase: ${app.db.path}\nOpen: ${server.url}\nStop with Ctrl+C.`);
      rt.release(app);
      await (rt.ctx.waitForExit ?? waitForSignal)(async () => {
        await server.close();
        await app.close();
      });
    });
};

function waitForSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
