// What the top bar and Settings say about sharing the database with the other desks.
export const hostBar = (host: string) => `Desk of ${host}`;
/** Short enough for the top bar (the bar keeps its height: nothing on screen moves); the rest is its tooltip. */
export const hostDown = (host: string) => `${host}: no answer, retrying…`;
export const HOST_DOWN_DETAIL = 'The sharing PC does not answer. The screen stays as it was and is refreshed when it answers again.';
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
