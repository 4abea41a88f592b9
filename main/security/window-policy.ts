// What a packaged Recall Desk window offers beyond the page, decided without Electron (so it is
// tested in plain Node): no default menu (its View menu has Reload and Toggle Developer Tools), no
// DevTools, and no permission granted or reported as granted. main/electron/security.ts applies it.

/** A menu template in Electron's terms (roles only: nothing of ours runs from the menu). */
export type MenuTemplate = { label?: string; role?: string; type?: 'separator'; submenu?: MenuTemplate }[];

/**
 * The application menu: Electron's default while developing; none in a packaged build, except on
 * macOS, where the app menu (About, Hide, Quit) and Edit (copy and paste in the VIN field) are the
 * menu bar's keyboard shortcuts. Never Reload, Force Reload or Toggle Developer Tools.
 */
export function applicationMenu({ isPackaged, platform }: { isPackaged: boolean; platform: string }): MenuTemplate | null | 'default' {
  if (!isPackaged) return 'default';
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] },
    {
      role: 'editMenu',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
  ];
}

/** DevTools only while developing. */
export const devToolsAllowed = (isPackaged: boolean): boolean => !isPackaged;

/** Every permission check answers no: the app asks for none (camera, notifications, clipboard...). */
export const permissionCheck = (_permission: string, _origin: string): boolean => false;
