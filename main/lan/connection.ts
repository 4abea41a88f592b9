// The sharing PC this desk paired with: its address, its certificate's fingerprint and who signs in
// by default, kept in the data folder (private to the user). With it, `--server` may be left out.
import fs from 'node:fs';
import path from 'node:path';
import { userDataDir } from '../db/paths';
import { normalizeFingerprint } from './cert';

export type SavedConnection = { server: string; fingerprint: string; user: string | null; pairedAt: string };

export const CONNECTION_FILE = 'connection.json';

export const connectionFile = (env: NodeJS.ProcessEnv = process.env) => path.join(userDataDir(process.platform, env), CONNECTION_FILE);

export function loadConnection(file = connectionFile()): SavedConnection | null {
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SavedConnection>;
    const fp = typeof c.fingerprint === 'string' ? normalizeFingerprint(c.fingerprint) : null;
    if (typeof c.server !== 'string' || !fp) return null;
    return { server: c.server, fingerprint: fp, user: typeof c.user === 'string' ? c.user : null, pairedAt: String(c.pairedAt ?? '') };
  } catch {
    return null;
  }
}

export function saveConnection(c: SavedConnection, file = connectionFile()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}
