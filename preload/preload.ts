// The typed bridge: one function per operation of the contract, each an invoke on its own channel.
// Nothing raw (no ipcRenderer, no generic invoke) reaches the page. Only plain names are imported,
// so the preload stays a few kilobytes.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANGED_CHANNEL, ipcChannel } from '../shared/contract';
import { OPERATION_NAMES } from '../shared/operation-names';

// Each call carries the session of the person signed in to this window (null before sign-in).
const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [
    name,
    (input: unknown, session: unknown) => ipcRenderer.invoke(ipcChannel(name), input, typeof session === 'string' ? session : null),
  ]),
);

contextBridge.exposeInMainWorld('recallDesk', Object.freeze(api));

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
