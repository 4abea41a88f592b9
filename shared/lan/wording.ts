// What the top bar and Settings say about sharing the database with the other desks.
export const hostBar = (host: string) => `Desk of ${host}`;
/** Short enough for the top bar (the bar keeps its height: nothing on screen moves); the rest is its tooltip. */
export const hostDown = (host: string) => `${host}: no answer`;
export const HOST_DOWN_DETAIL = 'The sharing PC does not answer; asked again every second. The screen stays as it was and is refreshed when it answers again.';
export const SHARE_TITLE = 'Share this database with other desks';
export const CONNECT_TITLE = 'Connect to a desk that shares its database';
export const NOT_SHARING =
  'This PC does not share its database now. Sharing listens over HTTPS on this PC’s network addresses, with a certificate made on first use, and shows a one-time pairing code here; every desk then signs in as its own person. (From a terminal: recall-desk serve --lan.)';
export const SHARE_BUTTON = 'Share this database';
export const SHARE_PORT_LABEL = 'Port (0: any free one)';
export const NO_ADMIN_TO_SHARE =
  'Sharing needs an admin account first (every desk signs in as its own person): recall-desk users add NAME --role admin, then serve --lan again.';
export const SHARE_NOT_HERE =
  'Sharing starts from the window of the PC that keeps the database (Settings), or with "recall-desk serve --lan" on that PC: not from a desk or a command.';
export const SHARING_HOW =
  'On another desk: "recall-desk connect ADDRESS --code CODE --user NAME", or open the address in its browser and sign in. Compare the fingerprint the other desk (or the browser’s certificate details) shows with the one here: they must be the same, pair by pair.';
export const CONNECT_BROWSER =
  'In a browser, another PC needs nothing installed: open the sharing PC’s address (https://…, shown on the sharing PC under "Share this database with other desks"), accept its certificate after comparing its SHA-256 fingerprint with the one the sharing PC shows, and sign in as yourself. Every screen then works on the sharing PC’s database; printing happens on this PC.';
export const CONNECT_CLI =
  'With Recall Desk installed on this PC: recall-desk connect https://HOST:PORT --code CODE --user NAME pairs it (the code is shown on the sharing PC, works once, for 10 minutes); after that every command works on the sharing PC’s database.';
// Settings, "Connect to a desk that shares its database", in this PC's own window.
export const CONNECT_ADDRESS_LABEL = 'Address of the sharing PC';
export const CONNECT_CODE_LABEL = 'Pairing code';
export const CONNECT_FINGERPRINT_LABEL = 'Fingerprint shown there (optional)';
export const CONNECT_BUTTON = 'Connect';
export const CONNECT_HOW =
  'On the sharing PC, Settings shows its address (https://…), the certificate’s fingerprint and a pairing code (it works once, for 10 minutes). Type the address and the code here: this window then works on that PC’s database, and you sign in there as yourself. Printing stays on this PC.';
export const CONNECT_ADMIN_ONLY = 'Connecting this window to another PC’s database needs an admin of this PC.';
export const connectedTo = (host: string) => `This window works on the database of ${host}.`;
export const PINNED_FINGERPRINT = 'Certificate fingerprint pinned (SHA-256)';
export const PINNED_HOW = 'Compare it with the one the sharing PC shows, pair by pair: a PC with another certificate is refused.';
export const stopUsing = (host: string) => `Stop using ${host} (work on this PC’s database)`;
export const signInOnHost = (host: string) => `Sign in on ${host}: this window works on that PC’s database.`;
export const CONNECT_WINDOW_ONLY =
  'Connecting to a desk that shares its database is done in this PC’s own window (Settings) or with recall-desk connect on this PC: not from another desk or a browser over the network.';
export const CONNECT_NOT_HERE =
  'Connecting starts from the window of this PC (Settings), or with "recall-desk connect https://HOST:PORT --code CODE --user NAME".';
export const alreadyOnDesk = (host: string) => `This window already works on ${host}: stop using it first, then connect to the other PC.`;
export const CONNECT_WHILE_SHARING =
  'This PC shares its own database with other desks now: its window cannot also work on another PC’s. Restart Recall Desk without sharing first.';
export const NOT_ON_DESK = 'This window already works on this PC’s database.';
export const CONNECTING_ALREADY = 'A connection is being made already: wait for its answer.';
export const CONNECTING = 'Connecting…';
