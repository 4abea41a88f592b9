// What the top bar and Settings say about sharing the database with the other desks.
export const hostBar = (host: string) => `Desk of ${host}`;
/** Short enough for the top bar (the bar keeps its height: nothing on screen moves); the rest is its tooltip. */
export const hostDown = (host: string) => `${host}: no answer, retrying…`;
export const HOST_DOWN_DETAIL = 'The sharing PC does not answer. The screen stays as it was and is refreshed when it answers again.';
export const SHARE_TITLE = 'Share this database with other desks';
export const CONNECT_TITLE = 'Connect to a desk that shares its database';
export const NOT_SHARING =
  'This PC does not share its database now. To share it, start Recall Desk with "recall-desk serve --lan" on this PC (it needs an admin account): it listens over HTTPS on this PC’s network addresses and shows a one-time pairing code here.';
export const SHARING_HOW =
  'On another desk: "recall-desk connect ADDRESS --code CODE --user NAME", or open the address in its browser and sign in. Compare the fingerprint the other desk (or the browser’s certificate details) shows with the one here: they must be the same, pair by pair.';
export const CONNECT_BROWSER =
  'In a browser, another PC needs nothing installed: open the sharing PC’s address (https://…, shown on the sharing PC under "Share this database with other desks"), accept its certificate after comparing its SHA-256 fingerprint with the one the sharing PC shows, and sign in as yourself. Every screen then works on the sharing PC’s database; printing happens on this PC.';
export const CONNECT_CLI =
  'With Recall Desk installed on this PC: recall-desk connect https://HOST:PORT --code CODE --user NAME pairs it (the code is shown on the sharing PC, works once, for 10 minutes); after that every command works on the sharing PC’s database.';
