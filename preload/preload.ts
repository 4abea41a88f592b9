// The typed bridge: one function per operation of the contract, each an invoke on its own channel.
// Nothing raw (no ipcRenderer, no generic invoke) reaches the page. Only plain names are imported,
// so the preload stays a few kilobytes.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANGED_CHANNEL, ipcChannel } from '../shared/contract';
import { HOST_CHANGED_CHANNEL, HOST_STATE_CHANNEL, type HostState } from '../shared/lan/window';
import { OPERATION_NAMES } from '../shared/operation-names';

// Each call carries the session of the person signed in to this window (null before sign-in).
const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (input: unknown, session: unknown) => ipcRenderer.invoke(ipcChannel(name), input, typeof session === 'string' ? session : null),
  ]),
);

contextBridge.exposeInMainWorld('recallDesk', Object.freeze(api));

// A file picked in the window is imported by its path on this PC (read there as a stream, or
// uploaded from there to a sharing PC): only the path of a File the page holds, never the bytes through IPC.
contextBridge.exposeInMainWorld(
  'recallDeskFiles',
  Object.freeze({
    pathOf(file: unknown): string | null {
      try {
        return webUtils.getPathForFile(file as File) || null;
      } catch {
        return null;
      }
    },
  }),
);

// "Changed: tags" from main: only the list of tag names reaches the page, never the IPC event.
contextBridge.exposeInMainWorld(
  'recallDeskChanges',
  Object.freeze({
    subscribe(listener: (tags: string[]) => void): () => void {
      const on = (_event: unknown, tags: unknown) => {
        if (Array.isArray(tags)) listener(tags.filter((t): t is string => typeof t === 'string'));
      };
      ipcRenderer.on(CHANGED_CHANNEL, on);
      return () => ipcRenderer.removeListener(CHANGED_CHANNEL, on);
    },
  }),
);

// A desk of a sharing PC: which host this window works on and whether it answers (null: a file here).
// Only the plain state reaches the page.
const hostState = (s: unknown): HostState | null =>
  s && typeof s === 'object' && typeof (s as HostState).host === 'string'
    ? { host: (s as HostState).host, reachable: (s as HostState).reachable === true }
    : null;
contextBridge.exposeInMainWorld(
  'recallDeskHost',
  Object.freeze({
    subscribe(listener: (state: HostState | null) => void): () => void {
      const on = (_event: unknown, s: unknown) => listener(hostState(s));
      ipcRenderer.on(HOST_CHANGED_CHANNEL, on);
      void ipcRenderer.invoke(HOST_STATE_CHANNEL).then((s: unknown) => listener(hostState(s)));
      return () => ipcRenderer.removeListener(HOST_CHANGED_CHANNEL, on);
    },
  }),
);
