// "Never the file on a share": SQLite's locking is broken on network filesystems and WAL does not
// work there at all, so a database (or data folder) on NFS, SMB/CIFS or a Windows share is refused
// before anything opens it, with the reason and what to do instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Filesystem types of /proc/mounts that are network shares. */
const NETWORK_TYPES = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'smb',
  'ncpfs',
  'afs',
  'coda',
  '9p',
  'fuse.sshfs',
  'sshfs',
  'davfs',
  'fuse.davfs2',
  'ceph',
  'glusterfs',
  'fuse.glusterfs',
  'lustre',
  'gfs2',
  'ocfs2',
]);

export const SHARE_INSTEAD = 'share it with serve --lan instead';

/** The mount table's entries as [mount point, filesystem type], longest mount point first. */
export function parseMounts(text: string): Array<[string, string]> {
  const octal = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 3)
    .map((f): [string, string] => [octal(f[1]!), f[2]!])
    .sort((a, b) => b[0].length - a[0].length);
}

/** The mount a path lives on (by the longest mount point that contains it). */
export function mountOf(file: string, mounts: Array<[string, string]>): [string, string] | null {
  for (const m of mounts) {
    const root = m[0];
    if (file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`)) return m;
  }
  return null;
}

/** The nearest part of `file` that exists (the database may not exist yet, nor its folder). */
function existingPart(file: string): string {
  let p = path.resolve(file);
  for (let i = 0; i < 256; i++) {
    try {
      return fs.realpathSync(p);
    } catch {
      const up = path.dirname(p);
      if (up === p) return p;
      p = up;
    }
  }
  return p;
}

/**
 * Why `file` is on a network share, or null. Windows: a UNC path (\\server\share) or a drive letter
 * mapped to a share; elsewhere: the filesystem type of its mount in /proc/mounts.
 */
export function networkShareOf(
  file: string,
  platform: NodeJS.Platform = process.platform,
  mountsText: () => string | null = () => readMounts(),
  driveType: (drive: string) => string | null = windowsDriveType,
): string | null {
  if (platform === 'win32' || file.startsWith('\\\\')) {
    if (/^[\\/]{2}(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(file) || /^[\\/]{2}[?][\\/]UNC[\\/]/i.test(file)) {
      return `${file} is on a network share (a UNC path)`;
    }
    const drive = /^([a-zA-Z]):/.exec(file)?.[1];
    if (drive && driveType(drive.toUpperCase()) === 'network') return `${file} is on ${drive.toUpperCase()}:, a mapped network drive`;
    if (platform === 'win32') return null;
  }
  const where = existingPart(file);
  const text = mountsText();
  const table = text ? parseMounts(text) : [];
  // The path as named and as it resolves (a symlink into a share counts).
  const m = [mountOf(path.resolve(file), table), mountOf(where, table)].find((x) => x && NETWORK_TYPES.has(x[1]));
  if (m) return `${file} is on a network filesystem (${m[1]} mounted at ${m[0]})`;
  // Where the mount table does not say (macOS, a namespace without /proc): the filesystem's magic.
  const magic = statfsMagic(where);
  if (magic !== null && NETWORK_MAGIC.has(magic)) return `${file} is on a network filesystem (${NETWORK_MAGIC.get(magic)})`;
  return null;
}

/** statfs(2) f_type of the network filesystems (linux/magic.h). */
const NETWORK_MAGIC = new Map<number, string>([
  [0x6969, 'nfs'],
  [0x517b, 'smb'],
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x564c, 'ncp'],
]);

function statfsMagic(p: string): number | null {
  if (process.platform !== 'linux') return null;
  try {
    return fs.statfsSync(p).type >>> 0;
  } catch {
    return null;
  }
}

/** On Windows: whether a drive letter is mapped to a share ("net use" lists the mapped ones). */
export function windowsDriveType(drive: string): string | null {
  try {
    const out = execFileSync('net', ['use'], { encoding: 'utf8', timeout: 3000, windowsHide: true });
    return new RegExp(`\\s${drive}:\\s`, 'i').test(out) ? 'network' : 'local';
  } catch {
    return null;
  }
}

function readMounts(): string | null {
  try {
    return fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return null;
  }
}

/** The whole refusal, as the CLI and the window say it. */
export function refusalFor(reason: string): string {
  return `Refused: ${reason}. SQLite cannot keep a database safe on a network share (its locking breaks and WAL does not work there): keep the file on this PC's own disk and ${SHARE_INSTEAD}.`;
}
