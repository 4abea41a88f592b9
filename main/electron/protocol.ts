// Serves the built renderer on app://recall-desk/ (see main/security/app-protocol.ts for why not
// file://). The scheme must be registered as privileged before the app is ready; the handler is set
// once it is.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, answerAppRequest } from '../security/app-protocol';

/** Call at start-up, before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and an origin of its own; secure: a secure context like https.
    // No bypassCSP, no corsEnabled, no stream: nothing here needs them.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Call once the app is ready: every app:// request is answered from `rendererDir`. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url, (file) => fs.readFile(file)));
}
