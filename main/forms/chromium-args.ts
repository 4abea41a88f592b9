// How Recall Desk starts a headless Chromium (PDF printing, the end-to-end tests, the browser benches):
// no sandbox (root on CI), no GPU, and nothing that reaches the network on its own.
export const OFFLINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
];
