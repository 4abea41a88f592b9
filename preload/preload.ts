// The typed bridge: one function per operation of the contract, each an invoke on its own channel.
// Nothing raw (no ipcRenderer, no generic invoke) reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, operationNames, type Api } from '../shared/api';

const api = Object.fromEntries(
  operationNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as unknown as { [K in keyof Api]: (input: Parameters<Api[K]>[0]) => Promise<unknown> };

contextBridge.exposeInMainWorld('recallDesk', Object.freeze(api));
