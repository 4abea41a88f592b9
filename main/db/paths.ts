// One database location for the Electron app, the CLI and the browser mode. Electron's
// app.getPath('userData') resolves to these same folders for productName "Recall Desk", so the
// services never need Electron to know where the data lives.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Recall Desk';
export const DB_FILE = 'recall-desk.sqlite';
/** The new database the build makes beside the CLI bundle (scripts/build.mjs, the same name), copied for a new file. */
export const NEW_DATABASE_TEMPLATE = 'new-database.sqlite';

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}

/** --db PATH wins, then RECALL_DESK_DB, then the user's data folder. */
export function resolveDbPath(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.RECALL_DESK_DB;
  return chosen ? path.resolve(chosen) : path.join(userDataDir(process.platform, env), DB_FILE);
}
