// The typed bridge: one function per operation of the contract, each an invoke on its own channel.
// Nothing raw (no ipcRenderer, no generic invoke) reaches the page. Only plain names are imported,
// so the preload stays a few kilobytes.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel } from '../shared/contract';
import { OPERATION_NAMES } from '../shared/operation-names';

const api = Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]));

contextBridge.exposeInMainWorld('recallDesk', Object.freeze(api));
