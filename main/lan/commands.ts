// `recall-desk connect` (pair this desk with a sharing PC), `recall-desk backup` and `recall-desk restore`.
import { SIGN_IN_NEEDED } from '../../shared/accounts/wording';
import { notTheDatabase, outInFolder, saying } from '../cli/out-file';
import { type CommandRegistrar, PASSWORD_ENV, UsageError, withDb } from '../cli/runtime';
import { passwordFor } from '../cli/secrets';
import { manualBackup, RestoreRefused, restoreFrom } from '../db/backup';
import { resolveDbPath } from '../db/paths';
import { HostRefused } from './client';
import { connectionFile, saveConnection } from './connection';
import { PairingRefused, pairWithHost } from './pair';
import { networkShareOf, refusalFor } from './netfs';

export const lanCommands: CommandRegistrar = (program, rt) => {
  program
    .command('connect')
    .description('pair this desk with a PC that shares its database (serve --lan there): then every command works on it')
    .argument('<https://HOST:PORT>', 'the address the sharing PC shows')
    .requiredOption('--code <CODE>', 'the pairing code the sharing PC shows (one use, 10 minutes)')
    .action(async (server: string, o: { code: string }) => {
      const g = rt.globals();
      const name = g.user?.trim();
      if (!name) throw new UsageError(`connect needs --user NAME: who signs in on this desk (the password from ${PASSWORD_ENV}, or asked).`);
      try {
        // The same pairing as Settings' "Connect to a desk"; the person signs in there once, so a wrong name or password shows now.
        const paired = await pairWithHost(server, o.code, {
          expected: g.fingerprint ?? null,
          check: async (link) => {
            const password = await passwordFor(name, PASSWORD_ENV, 'Password');
            const signedIn = await link.call('signIn', { name, password }, null);
            if (!signedIn.ok) throw new UsageError(`Paired, but ${SIGN_IN_NEEDED.split(':')[0]} failed: ${signedIn.error.message}`);
            await link.call('signOut', {}, (signedIn.data as { session: string }).session);
          },
        });
        saveConnection({ server: paired.server, fingerprint: paired.fingerprint, user: name, pairedAt: new Date().toISOString() });
        rt.io.out(
          `Paired with ${paired.server}\nFingerprint (SHA-256): ${paired.fingerprint}\nSaved in ${connectionFile()}: from now on the commands work on that PC's database as ${name} (--db FILE for a file here).`,
        );
      } catch (err) {
        if (err instanceof HostRefused || err instanceof PairingRefused) throw new UsageError(err.message);
        throw err;
      }
    });

  withDb(program.command('backup').description("a consistent copy of the database now (SQLite's online backup; safe while it is in use)"))
    .option('--out <FILE>', 'where to write the copy (default: the backups folder beside the database)')
    .action(async (o: { db?: string; out?: string }) => {
      const out = o.out ? outInFolder(o.out) : null;
      const app = await rt.open(o, { signIn: false });
      if (o.out) notTheDatabase(o.out, app);
      const { file, replaced } = await saying(() => manualBackup(app.db.sqlite, app.db.path, app.now(), out));
      rt.io.out(`Backed up ${app.db.path}\n${replaced ? `Replaced ${file} with the copy.` : `to ${file}`}`);
    });

  withDb(program.command('restore').description('put a backup copy in place of the database (checked first; the replaced file is kept)'))
    .argument('<FILE>', 'the backup copy')
    .action(async (file: string, o: { db?: string }) => {
      if (rt.globals().server) throw new UsageError('restore works on the sharing PC itself, not from a desk.');
      const dbPath = resolveDbPath(o.db);
      const share = networkShareOf(dbPath);
      if (share) throw new UsageError(refusalFor(share));
      try {
        const { replaced } = await restoreFrom(file, dbPath, new Date());
        rt.io.out(`Restored ${dbPath}\nfrom ${file}${replaced ? `\nThe replaced database is kept as ${replaced}` : ''}`);
      } catch (err) {
        if (err instanceof RestoreRefused) throw new UsageError(err.message);
        throw err;
      }
      // Opened once: a copy from an older version is migrated now (a copy of it is kept first).
      await rt.open({ db: dbPath }, { signIn: false });
    });
};
